/**
 * The report's markdown tables: one per flake (each measure beside its physical limit and its
 * target), the evaluation alone vs beside packing, packing throughput, one row per round and
 * flake, and where the time goes (A's phases beside B's steps).
 */
import { fmt, kibToMB, median, table } from './measure.mjs'
import { phaseMedian, stepMedian } from './summary.mjs'

/** The last two cells of a row with a target: the target and whether `value` meets it. */
const target = (text, value, test) => [text, fmt.met(value === null ? null : test(value))]
const noTarget = ['', '']

/** The targets of issue 17, by flake (this 2-core machine). */
export const TARGETS = {
  ratio: { large: 0.4, shared: 0.45, names: 0.4 },
  overLimit2: 1.15,
  memoryRatio: { large: 1.3, shared: 2.2, names: 1.3 },
  memoryRatio1: 1.3,
  nodeMB: 150,
  firstNixMs: 200
}

const times = x => (x === null ? 'n/a' : `${x.toFixed(2)}×`)

/** One flake's table: `f` is its summary (summary.mjs), `bare` what a bare Node costs. */
export function flakeTable(f, bare) {
  const ratioTarget = TARGETS.ratio[f.kind]
  const limitText =
    f.limit === null
      ? 'n/a'
      : `L = ${fmt.s(f.limit)}: locate ${fmt.s(f.locate)} + the longer of evaluation alone ${fmt.s(f.evalAlone)} and packing alone ${fmt.s(f.packAloneS)} (${f.limitBound})`
  const memoryTarget = TARGETS.memoryRatio[f.kind]
  const memoryCap = f.showPeak === null ? null : f.showPeak * memoryTarget
  return table(
    ['Measure', 'Result', 'Limit', 'Target', ''],
    [
      ['Median wall time A (the action, dry run, 2 cores)', fmt.s(f.wallA), limitText, ...noTarget],
      ['Median wall time B (the serial pipeline)', fmt.s(f.wallB), '', ...noTarget],
      [
        'A / B (medians)',
        fmt.ratio(f.ratio),
        `L2 / B = ${fmt.ratio(f.limit2 === null || !f.wallB ? null : f.limit2 / f.wallB)}`,
        ...(ratioTarget === undefined
          ? noTarget
          : target(`≤ ${ratioTarget}`, f.ratio, x => x <= ratioTarget))
      ],
      floorRow(f, ratioTarget),
      [
        'A against the limit of one evaluation (A / L)',
        f.overLimit === null ? 'n/a' : times(f.overLimit),
        '',
        ...noTarget
      ],
      ...limit2Rows(f),
      [
        'Peak memory of A’s whole process tree (node and every `nix`, summed, sampled)',
        `${fmt.mb(f.treePeak)} (${times(f.memoryRatio)} one \`nix flake show\`; ${f.evaluators ?? 'n/a'} evaluators)`,
        `one \`nix flake show\`: ${fmt.mb(f.showPeak)} (time -v; sampled ${fmt.mb(f.showPeakSampled)})`,
        ...target(
          `≤ ${memoryTarget}× (${fmt.mb(memoryCap)})`,
          f.memoryRatio,
          x => x <= memoryTarget
        )
      ],
      [
        'Peak memory of the whole tree with one evaluator (A1, on 1 core)',
        `${fmt.mb(f.treePeak1)} (${times(f.memoryRatio1)})`,
        '',
        ...target(`≤ ${TARGETS.memoryRatio1}×`, f.memoryRatio1, x => x <= TARGETS.memoryRatio1)
      ],
      [
        'Peak RSS of node itself (`resourceUsage().maxRSS`)',
        fmt.mb(f.nodeRss),
        `bare \`node -e 0\`: ${fmt.mb(bare.rssKiB)}`,
        ...target(`≤ ${TARGETS.nodeMB} MB`, f.nodeRss, kib => kibToMB(kib) <= TARGETS.nodeMB)
      ],
      [
        'Time from starting A to its first `nix` call (median)',
        fmt.ms(f.firstNix),
        `bare Node spawning \`nix\`: ${fmt.ms(bare.firstNixMs)}`,
        ...target(`< ${TARGETS.firstNixMs} ms`, f.firstNix, ms => ms < TARGETS.firstNixMs)
      ],
      [
        'Evaluation alone: the commands A logged, re-run at once with nothing beside them',
        `${fmt.s(f.evalAlone)} (peak ${fmt.mb(f.evalAlonePeak)}; longest evaluator ${fmt.s(f.longestWorker)})`,
        '',
        ...noTarget
      ],
      [
        'Packing alone (the package phase, flake with no outputs)',
        fmt.s(f.packAloneS),
        '',
        ...noTarget
      ],
      ['Locate flake (A’s phase)', fmt.s(f.locate), '', ...noTarget]
    ]
  )
}

/**
 * The floor F2 (summary.mjs) and whether the A/B target lies above it: below F2 / B, no
 * publisher that evaluates with Nix could meet it on these cores.
 */
function floorRow(f, ratioTarget) {
  const { floor } = f
  const text =
    floor.floor2 === null
      ? 'n/a'
      : `the larger of locate alone ${fmt.s(floor.locateAlone)} (B’s \`nix flake metadata\`) + ` +
        `longest evaluator alone ${fmt.s(f.longestWorker)} = ${fmt.s(floor.path)}, and the CPU of ` +
        `that work and of compressing the tarball (${fmt.s(floor.locateCpu)} + ` +
        `${fmt.s(floor.evaluationCpu)} + ${fmt.s(floor.compressCpu)}) ÷ 2 = ${fmt.s(floor.cpu / 2)}`
  const reachable =
    ratioTarget === undefined || f.floorRatio === null
      ? ''
      : f.floorRatio <= ratioTarget
        ? `the A/B target ${ratioTarget} is ${fmt.pct(ratioTarget / f.floorRatio - 1)} above F2 / B`
        : `the A/B target ${ratioTarget} is below F2 / B: no publisher that evaluates with Nix can meet it on 2 cores`
  return [
    'The floor F2: the work no publisher can leave out, each part alone, on 2 cores (F2 / B)',
    `${fmt.s(floor.floor2)} (${fmt.ratio(f.floorRatio)})`,
    text,
    reachable,
    ''
  ]
}

/** The 2-core limit, A against it, the 1-core run and the 4-core projection. */
function limit2Rows(f) {
  const l2Text =
    f.limit2 === null
      ? 'n/a'
      : `L2 = ${fmt.s(f.limit2)}: the larger of the critical path ${fmt.s(f.criticalPath)} ` +
        `(locate ${fmt.s(f.locate)} + longest evaluator ${fmt.s(f.longestWorker)}, or packing ` +
        `${fmt.s(f.packAloneS)}) and CPU ${fmt.s(f.cpuA)} ÷ 2`
  return [
    [
      'A against the 2-core limit (A / L2)',
      f.overLimit2 === null ? 'n/a' : `${times(f.overLimit2)} (${fmt.pct(f.overLimit2 - 1)} above)`,
      l2Text,
      ...target(
        `≤ ${TARGETS.overLimit2.toFixed(2)}× (within 15 %)`,
        f.overLimit2,
        x => x <= TARGETS.overLimit2
      )
    ],
    [
      'A1: the action on 1 core (`taskset -c 0`, so one evaluator); speed-up A1 / A',
      `${fmt.s(f.wallA1)}; ${times(f.speedUp)}`,
      '',
      ...noTarget
    ],
    [
      'Projection to 4 cores (not measured): T(n) = s + p / n through A1 and A; the 4-core limit',
      `${fmt.s(f.amdahl4)} (A/B ${fmt.ratio(f.amdahl4 === null || !f.wallB ? null : f.amdahl4 / f.wallB)})`,
      `L4 ≈ ${fmt.s(f.projected4)}: locate + longest evaluator ÷ 2, packing, CPU ÷ 4`,
      ...noTarget
    ]
  ]
}

/** Issue 11, part 2: each evaluation command alone and in A, beside packing. */
export function overlapTable(summary, kinds) {
  const rows = []
  for (const kind of kinds) {
    const f = summary.flakes[kind]
    for (const c of f.commands) {
      rows.push([
        kind,
        `\`${c.name}\` (${c.phase})`,
        fmt.s(c.aloneS),
        fmt.s(c.besideS),
        c.slowdown === null ? 'n/a' : `${c.slowdown >= 0 ? '+' : ''}${fmt.pct(c.slowdown)}`,
        `${fmt.s(c.cpuS)}, ${fmt.mb(c.rssKiB)}`
      ])
    }
    const beside = median(f.A.map(a => Math.max(...f.commands.map(c => a.phases[c.phase] ?? 0))))
    rows.push([
      kind,
      '**the whole evaluation** (longest phase)',
      fmt.s(f.evalAlone),
      fmt.s(beside),
      f.evalAlone
        ? `${beside >= f.evalAlone ? '+' : ''}${fmt.pct(beside / f.evalAlone - 1)}`
        : 'n/a',
      ''
    ])
  }
  return table(
    [
      'Flake',
      'Command (A’s phase)',
      'Alone',
      'In A, beside packing',
      'Slower beside packing',
      'CPU, peak RSS (alone)'
    ],
    rows
  )
}

/** Packing throughput (the same tree for every flake) and node's memory as the source grows. */
export function packingTable(summary, bare) {
  const p = summary.packing
  const { direct } = p
  return table(
    ['Measure', 'Result', 'Target', ''],
    [
      [
        'Throughput: the action’s Package phase alone (flake with no outputs)',
        fmt.rate(p.rateAlone),
        ...noTarget
      ],
      [
        'Throughput: `packTarball` called directly (src/source/tarball.ts in Node 24; CPU; peak RSS of that process)',
        direct === null
          ? 'n/a'
          : `${fmt.rate(p.rateDirect)} (${fmt.s(direct.seconds)}; CPU ${fmt.s(direct.cpuS)}; ${fmt.mb(direct.maxRssKiB)})`,
        ...noTarget
      ],
      [
        'Throughput: `tar -cf - | gzip -6 > /dev/null` (CPU)',
        `${fmt.rate(p.rateTarGzip)} (CPU ${fmt.s(p.tarGzipCpu)})`,
        ...noTarget
      ],
      [
        'Throughput: `gzip -6` alone on the tar file (CPU)',
        `${fmt.rate(p.rateGzip)} (CPU ${fmt.s(p.gzipCpu)})`,
        ...noTarget
      ],
      [
        'CPU of Node’s zlib (level 6, as the action) alone on the tar file',
        fmt.s(p.nodeGzipCpu),
        ...noTarget
      ],
      [
        'Package phase alone vs `gzip -6` alone',
        fmt.pct(p.shareGzip),
        ...target('≥ 80 %', p.shareGzip, x => x >= 0.8)
      ],
      ['`packTarball` direct vs `gzip -6` alone', fmt.pct(p.shareDirect), ...noTarget],
      [
        'Peak RSS of node itself: tiny flake vs the largest of the large ones (a bare `node -e 0`)',
        `${fmt.mb(summary.tinyRss)} vs ${fmt.mb(summary.nodeRss)} (Δ ${fmt.mb(summary.rssDelta)}) (${fmt.mb(bare.rssKiB)})`,
        ...target('≤ 25 MB apart', summary.rssDelta, kib => Math.abs(kibToMB(kib)) <= 25)
      ],
      [
        'Time to the first `nix` call on the tiny flake (median)',
        fmt.ms(summary.firstNixTiny),
        ...noTarget
      ]
    ]
  )
}

export function perRoundTable(rounds, kinds) {
  const rows = []
  rounds.forEach((r, i) => {
    for (const kind of kinds) {
      const { a, b, alone, a1 } = r.flakes[kind]
      const show = b.steps.find(s => s.name === 'nix flake show')
      rows.push([
        i + 1,
        kind,
        r.order,
        fmt.s(a.wallS),
        fmt.s(b.wallS),
        fmt.ratio(a.wallS / b.wallS),
        a1 === undefined ? 'n/a' : fmt.s(a1.wallS),
        a1 === undefined ? 'n/a' : fmt.mb(a1.treePeakKiB),
        fmt.mb(a.treePeakKiB),
        `${fmt.mb(show?.rssKiB ?? null)} / ${fmt.mb(show?.treePeakKiB ?? null)}`,
        fmt.mb(a.nodeRssKiB),
        fmt.s(alone.wallS),
        fmt.s(a.phases.Package ?? null),
        fmt.ms(a.firstNixMs),
        `A ${(a.load ?? []).join(' → ')}; A1 ${(a1?.load ?? []).join(' → ')}`
      ])
    }
  })
  return table(
    [
      'Round',
      'Flake',
      'Order',
      'A',
      'B',
      'A/B',
      'A1 (1 core)',
      'A1 tree peak',
      'A tree peak',
      'show peak (time -v / sampled)',
      'A node RSS',
      'Evaluation alone',
      'Package (in A)',
      'First nix call',
      'Load average (start → end of A and of A1)'
    ],
    rows
  )
}

/** The order of A's phases in the table (the action starts them in this order). */
const PHASE_ORDER = ['Repository', 'Locate flake', 'Evaluate (all systems)', 'Outputs document']

/** A's phases beside B's steps, for one flake's summary `f`. */
export function phasesTable(f) {
  const { A, B } = f
  const rank = name => (PHASE_ORDER.includes(name) ? PHASE_ORDER.indexOf(name) : PHASE_ORDER.length)
  const phaseNames = [...new Set(A.flatMap(r => Object.keys(r.phases)))].sort(
    (x, y) => rank(x) - rank(y)
  )
  const rows = Array.from({ length: Math.max(phaseNames.length, B[0].steps.length) }, (_, i) => {
    const phase = phaseNames[i]
    const step = B[0].steps[i]
    return [
      phase ?? '',
      phase === undefined ? '' : fmt.s(phaseMedian(A, phase)),
      step?.name ?? '',
      step === undefined ? '' : fmt.s(stepMedian(B, step.name, 'wallS')),
      step === undefined ? '' : fmt.s(stepMedian(B, step.name, 'cpuS'))
    ]
  })
  rows.push(
    ['**Whole run**', fmt.s(f.wallA), '**Whole run**', fmt.s(f.wallB), ''],
    [
      'CPU time of the whole run (user + system, with children)',
      fmt.s(median(A.map(r => r.cpuS))),
      'CPU time, all steps',
      '',
      fmt.s(median(B.map(r => r.cpuS)))
    ]
  )
  return table(
    [
      'Phase of A (`::group::` lines; they overlap)',
      'Median wall',
      'Step of B (in series)',
      'Median wall',
      'Median CPU'
    ],
    rows
  )
}
