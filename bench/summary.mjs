/**
 * The numbers the report shows, from the rounds: for each flake, medians of wall time, peaks of
 * memory (A's process tree against one `nix flake show`), the evaluation alone and beside
 * packing, and the physical limit; for packing (the same tree for every flake), the throughputs
 * (MB of the store path per second) and their ratios; the time to the first `nix` call. Null
 * wherever a measurement is missing.
 */
import { max, median } from './measure.mjs'

/** The median over runs of A of one `::group::` phase, in seconds. */
export const phaseMedian = (runs, name) => median(runs.map(r => r.phases[name] ?? null))

/** The median over runs of B of one step's `key` (wallS, cpuS, rssKiB or treePeakKiB). */
export const stepMedian = (runs, name, key) =>
  median(runs.map(r => r.steps.find(step => step.name === name)?.[key] ?? null))

/** The largest over runs of B of one step's `key`. */
const stepMax = (runs, name, key) =>
  max(runs.map(r => r.steps.find(step => step.name === name)?.[key] ?? null))

/** MB per second, or null. */
const rate = (bytes, seconds) => (seconds ? bytes / 1e6 / seconds : null)

/** `x / y`, or null when either is missing (or y is 0). */
const share = (x, y) => (x !== null && y ? x / y : null)

/** A command's short name: its words up to the first option (`nix flake show`, `nix eval`). */
export function commandName(line) {
  const words = line.split(' ')
  const end = words.findIndex(w => w.startsWith('-'))
  return words.slice(0, end < 0 ? 3 : end).join(' ')
}

/** The evaluation's commands, alone and in A (their phase), over the rounds, by phase and name. */
function commandsSummary(alone) {
  const key = c => `${c.phase}\n${commandName(c.line)}`
  const first = alone[0]?.commands ?? []
  return first.map(command => {
    const runs = alone.map(a => a.commands.find(c => key(c) === key(command)) ?? null)
    const values = field => runs.map(c => (c === null ? null : c[field]))
    const aloneS = median(values('wallS'))
    const besideS = median(values('besidePackingS'))
    return {
      name: commandName(command.line),
      phase: command.phase,
      aloneS,
      besideS,
      cpuS: median(values('cpuS')),
      rssKiB: max(values('rssKiB')),
      slowdown: besideS !== null && aloneS ? besideS / aloneS - 1 : null
    }
  })
}

/**
 * The 2-core limit L2: the larger of the critical path (locate, then the longest single
 * evaluator alone; or packing alone, which starts with locate) and the run's CPU time spread
 * over the 2 cores; medians over the rounds. Also its projection to 4 cores (an estimate: the
 * longest evaluator halves when each of 4 systems has one, and the CPU time stays what 2
 * evaluators used), which is only ever called a projection.
 */
function twoCoreLimit(A, alone, locate, packAloneS) {
  const longestWorker = median(alone.map(a => max(a.commands.map(c => c.wallS))))
  const cpuA = median(A.map(r => r.cpuS))
  const criticalPath =
    locate !== null && longestWorker !== null && packAloneS !== null
      ? Math.max(locate + longestWorker, packAloneS)
      : null
  const limit2 = criticalPath !== null && cpuA !== null ? Math.max(criticalPath, cpuA / 2) : null
  const projected4 =
    locate !== null && longestWorker !== null && packAloneS !== null && cpuA !== null
      ? Math.max(locate + longestWorker / 2, packAloneS, cpuA / 4)
      : null
  return { longestWorker, cpuA, criticalPath, limit2, projected4 }
}

/**
 * The floor F2: the least the work that cannot be left out takes on 2 cores, each part measured
 * with nothing beside it. Nix must copy the source into the store before it can evaluate (B's
 * `nix flake metadata`), then evaluate (`longestWorker`, the longest evaluator alone, as L2
 * takes it); that is the critical path. And the CPU of that work, with compressing the tarball
 * (the cheaper of `gzip -6` and Node's zlib, alone on the tar), spread over the 2 cores. Packing's reading, tar and hashing, Node's
 * start and the action's own steps are left out, so no publisher that evaluates with Nix on
 * these cores can be faster; a target below F2 / B cannot be met.
 */
function workFloor(B, alone, longestWorker, compressCpu) {
  const locateAlone = stepMedian(B, 'nix flake metadata', 'wallS')
  const locateCpu = stepMedian(B, 'nix flake metadata', 'cpuS')
  const evaluationCpu = median(
    alone.map(a =>
      a.commands.some(c => c.cpuS === null || c.cpuS === undefined)
        ? null
        : a.commands.reduce((sum, c) => sum + c.cpuS, 0)
    )
  )
  const path = locateAlone !== null && longestWorker !== null ? locateAlone + longestWorker : null
  const cpu =
    locateCpu !== null && evaluationCpu !== null && compressCpu !== null
      ? locateCpu + evaluationCpu + compressCpu
      : null
  const floor2 = path !== null && cpu !== null ? Math.max(path, cpu / 2) : null
  return { locateAlone, locateCpu, evaluationCpu, compressCpu, path, cpu, floor2 }
}

/**
 * One flake's figures; `packing`: packing's summary (the same tree for every flake), for the
 * package phase alone and the cost of compressing alone.
 */
export function summarizeFlake(rounds, kind, packing) {
  const { aloneS: packAloneS } = packing
  const runs = rounds.map(r => r.flakes[kind])
  const A = runs.map(f => f.a)
  const B = runs.map(f => f.b)
  const alone = runs.map(f => f.alone)
  const wallA = median(A.map(r => r.wallS))
  const wallB = median(B.map(r => r.wallS))
  const treePeak = max(A.map(r => r.treePeakKiB))
  const showPeak = stepMax(B, 'nix flake show', 'rssKiB')
  const locate = phaseMedian(A, 'Locate flake')
  const evalAlone = median(alone.map(a => a.wallS))
  const limit =
    locate !== null && evalAlone !== null && packAloneS !== null
      ? locate + Math.max(evalAlone, packAloneS)
      : null
  const two = twoCoreLimit(A, alone, locate, packAloneS)
  const floor = workFloor(B, alone, two.longestWorker, packing.compressCpu)
  const A1 = runs.map(f => f.a1).filter(run => run !== undefined)
  const wallA1 = median(A1.map(r => r.wallS))
  const treePeak1 = max(A1.map(r => r.treePeakKiB))
  return {
    ...two,
    floor,
    floorRatio: share(floor.floor2, wallB),
    A1,
    wallA1,
    speedUp: share(wallA1, wallA),
    // T(n) = serial + parallel / n fitted through the 1- and 2-core medians, at n = 4.
    amdahl4: wallA !== null && wallA1 !== null ? 1.5 * wallA - 0.5 * wallA1 : null,
    overLimit2: share(wallA, two.limit2),
    treePeak1,
    memoryRatio1: share(treePeak1, showPeak),
    evaluators: median(A.map(r => r.evaluators ?? null)),
    loadA: A.map(r => r.load ?? []),
    loadA1: A1.map(r => r.load ?? []),
    kind,
    A,
    B,
    alone,
    wallA,
    wallB,
    ratio: share(wallA, wallB),
    treePeak,
    showPeak,
    showPeakSampled: stepMax(B, 'nix flake show', 'treePeakKiB'),
    memoryRatio: share(treePeak, showPeak),
    evalAlonePeak: max(alone.map(a => a.treePeakKiB)),
    nodeRss: max(A.map(r => r.nodeRssKiB)),
    timeRss: max(A.map(r => r.timeRssKiB)),
    firstNix: median(A.map(r => r.firstNixMs)),
    locate,
    evalAlone,
    packAloneS,
    limit,
    limitBound: limit === null ? null : evalAlone >= packAloneS ? 'evaluation' : 'packing',
    overLimit: share(wallA, limit),
    limitRatio: share(limit, wallB),
    commands: commandsSummary(alone),
    samplerCpuMs: median(A.map(r => r.samplerCpuMs)),
    samples: median(A.map(r => r.samples))
  }
}

/** Packing: the same tree for every flake, measured on the flake with no outputs. */
function summarizePacking(rounds) {
  const gz = rounds.map(r => r.gzip)
  const srcBytes = median(gz.map(g => g.bytes))
  const aloneS = median(rounds.map(r => r.trivial.phases.Package ?? null))
  const rateAlone = rate(srcBytes, aloneS)
  const rateTarGzip = rate(srcBytes, median(gz.map(g => g.tarGzipS)))
  const rateGzip = rate(srcBytes, median(gz.map(g => g.gzipS)))
  const directs = gz.map(g => g.direct).filter(d => d !== null)
  const direct =
    directs.length === 0
      ? null
      : {
          seconds: median(directs.map(d => d.seconds)),
          cpuS: median(directs.map(d => d.cpuS)),
          maxRssKiB: max(directs.map(d => d.maxRssKiB))
        }
  const rateDirect = direct === null ? null : rate(srcBytes, direct.seconds)
  const gzipCpu = median(gz.map(g => g.gzipCpuS))
  const nodeGzipCpu = median(gz.map(g => g.nodeGzipCpuS ?? null))
  const known = [gzipCpu, nodeGzipCpu].filter(x => x !== null)
  return {
    compressCpu: known.length === 0 ? null : Math.min(...known),
    srcBytes,
    aloneS,
    rateAlone,
    rateTarGzip,
    rateGzip,
    rateDirect,
    shareGzip: share(rateAlone, rateGzip),
    shareTarGzip: share(rateAlone, rateTarGzip),
    shareDirect: share(rateDirect, rateGzip),
    tarGzipCpu: median(gz.map(g => g.tarGzipCpuS)),
    gzipCpu,
    nodeGzipCpu,
    direct
  }
}

export function summarize(tools, rounds, kinds) {
  const packing = summarizePacking(rounds)
  const flakes = Object.fromEntries(
    kinds.map(kind => [kind, summarizeFlake(rounds, kind, packing)])
  )
  const nodeRss = max(kinds.map(k => flakes[k].nodeRss))
  const tinyRss = max(rounds.map(r => r.tiny.nodeRssKiB))
  return {
    flakes,
    packing,
    nodeRss,
    tinyRss,
    rssDelta: nodeRss !== null && tinyRss !== null ? nodeRss - tinyRss : null,
    firstNixTiny: median(rounds.map(r => r.tiny.firstNixMs)),
    load: rounds.flatMap(r => r.load)
  }
}
