/**
 * The report's three markdown tables: the main one (each measure with its target and whether it
 * is met), one row per round, and where the time goes (A's phases beside B's steps).
 */
import { fmt, kibToMB, median, table } from './measure.mjs'
import { phaseMedian, stepMedian } from './summary.mjs'

/** The last two cells of a row with a target: the target and whether `value` meets it. */
const target = (text, value, test) => [text, fmt.met(value === null ? null : test(value))]
const noTarget = ['', '']

/** The main table: `s` is the summary (summary.mjs). */
export function mainTable(tools, rounds, s) {
  const { direct } = s
  return table(
    ['Measure', 'Result', 'Target', ''],
    [
      [
        'Rounds (A and B alternating, cold)',
        rounds.length,
        ...target('≥ 3', rounds.length, n => n >= 3)
      ],
      [
        'Median wall time A: the action (`node24 dist/index.js`, dry run)',
        fmt.s(s.wallA),
        ...noTarget
      ],
      [
        'Median wall time B: the same Nix calls in series, then `tar | gzip -6`',
        fmt.s(s.wallB),
        ...noTarget
      ],
      ['A / B (medians)', fmt.ratio(s.ratio), ...target('≤ 0.70', s.ratio, x => x <= 0.7)],
      [
        'Peak RSS of A: the node process itself (`resourceUsage().maxRSS`)',
        fmt.mb(s.nodeRss),
        ...target('≤ 150 MB', s.nodeRss, kib => kibToMB(kib) <= 150)
      ],
      [`Peak RSS of A: ${s.rssMethod}`, fmt.mb(s.timeRss), ...noTarget],
      ['Peak RSS of B: largest of its steps (`time -v`)', fmt.mb(s.rssB), ...noTarget],
      [
        'Peak RSS of A (node itself): tiny flake vs large flake (a bare `node -e 0`)',
        `${fmt.mb(s.tinyRss)} vs ${fmt.mb(s.nodeRss)} (Δ ${fmt.mb(s.rssDelta)}) (${fmt.mb(tools.bareNodeRssKiB)})`,
        ...target('≤ 25 MB apart', s.rssDelta, kib => Math.abs(kibToMB(kib)) <= 25)
      ],
      [
        'Throughput: the action’s Package phase alone (flake with no outputs)',
        fmt.rate(s.rateAlone),
        ...noTarget
      ],
      [
        'Throughput: the action’s Package phase in the full run (beside two evaluations)',
        fmt.rate(s.rateBeside),
        ...noTarget
      ],
      [
        'Throughput: `packTarball` called directly (src/tarball.ts in Node 24; CPU; peak RSS of that process)',
        direct === null
          ? 'n/a'
          : `${fmt.rate(s.rateDirect)} (${fmt.s(direct.seconds)}; CPU ${fmt.s(direct.cpuS)}; ${fmt.mb(direct.maxRssKiB)})`,
        ...noTarget
      ],
      [
        'Throughput: `tar -cf - | gzip -6 > /dev/null` (CPU)',
        `${fmt.rate(s.rateTarGzip)} (CPU ${fmt.s(s.tarGzipCpu)})`,
        ...noTarget
      ],
      [
        'Throughput: `gzip -6` alone on the tar file (CPU)',
        `${fmt.rate(s.rateGzip)} (CPU ${fmt.s(s.gzipCpu)})`,
        ...noTarget
      ],
      [
        'Package phase alone vs `gzip -6` alone',
        fmt.pct(s.shareGzip),
        ...target('≥ 80 %', s.shareGzip, x => x >= 0.8)
      ],
      ['Package phase alone vs `tar | gzip -6`', fmt.pct(s.shareTarGzip), ...noTarget],
      ['`packTarball` direct vs `gzip -6` alone', fmt.pct(s.shareDirect), ...noTarget],
      [
        'Time from starting A to its first `nix` call (median; tiny flake in brackets)',
        `${fmt.ms(s.firstNix)} (${fmt.ms(s.firstNixTiny)})`,
        ...target('≪ 200 ms', s.firstNix, ms => ms < 200)
      ]
    ]
  )
}

export function perRoundTable(rounds) {
  return table(
    [
      'Round',
      'Order',
      'A',
      'B',
      'A/B',
      'A node RSS',
      'A time -v RSS',
      'B RSS',
      'Tiny A node RSS',
      'Package (full run)',
      'Package (alone)',
      'tar | gzip -6',
      'gzip -6 alone',
      'First nix call'
    ],
    rounds.map((r, i) => [
      i + 1,
      r.order,
      fmt.s(r.a.wallS),
      fmt.s(r.b.wallS),
      fmt.ratio(r.a.wallS / r.b.wallS),
      fmt.mb(r.a.nodeRssKiB),
      fmt.mb(r.a.timeRssKiB),
      fmt.mb(r.b.rssKiB),
      fmt.mb(r.tiny.nodeRssKiB),
      fmt.s(r.a.phases.Package ?? null),
      fmt.s(r.trivial.phases.Package ?? null),
      fmt.s(r.gzip.tarGzipS),
      fmt.s(r.gzip.gzipS),
      fmt.ms(r.a.firstNixMs)
    ])
  )
}

/** The order of A's phases in the table (the action starts them in this order). */
const PHASE_ORDER = ['Repository', 'Locate flake', 'Evaluate (all systems)', 'Outputs document']

export function phasesTable(s) {
  const { A, B } = s
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
    ['**Whole run**', fmt.s(s.wallA), '**Whole run**', fmt.s(s.wallB), ''],
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
