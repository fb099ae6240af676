/**
 * The numbers the report shows, from the rounds: medians of wall time, peaks of RSS, the
 * throughputs (MB of the store path per second) and their ratios, and the time to the first
 * `nix` call. Null wherever a measurement is missing.
 */
import { max, median } from './measure.mjs'

/** The median over runs of A of one `::group::` phase, in seconds. */
export const phaseMedian = (runs, name) => median(runs.map(r => r.phases[name] ?? null))

/** The median over runs of B of one step's `key` (wallS or cpuS). */
export const stepMedian = (runs, name, key) =>
  median(runs.map(r => r.steps.find(step => step.name === name)?.[key] ?? null))

/** MB per second, or null. */
const rate = (bytes, seconds) => (seconds ? bytes / 1e6 / seconds : null)

/** `x / y`, or null when either is missing (or y is 0). */
const share = (x, y) => (x !== null && y ? x / y : null)

export function summarize(tools, rounds) {
  const A = rounds.map(r => r.a)
  const B = rounds.map(r => r.b)
  const wallA = median(A.map(r => r.wallS))
  const wallB = median(B.map(r => r.wallS))
  const nodeRss = max(A.map(r => r.nodeRssKiB))
  const tinyRss = max(rounds.map(r => r.tiny.nodeRssKiB))
  const gz = rounds.map(r => r.gzip)
  const srcBytes = median(gz.map(g => g.bytes))
  const rateAlone = rate(srcBytes, median(rounds.map(r => r.trivial.phases.Package ?? null)))
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
  return {
    A,
    B,
    wallA,
    wallB,
    ratio: wallA !== null && wallB !== null ? wallA / wallB : null,
    nodeRss,
    timeRss: max(A.map(r => r.timeRssKiB)),
    rssB: max(B.map(r => r.rssKiB)),
    tinyRss,
    rssDelta: nodeRss !== null && tinyRss !== null ? nodeRss - tinyRss : null,
    srcBytes,
    rateAlone,
    rateBeside: rate(srcBytes, phaseMedian(A, 'Package')),
    rateTarGzip,
    rateGzip,
    rateDirect,
    shareGzip: share(rateAlone, rateGzip),
    shareTarGzip: share(rateAlone, rateTarGzip),
    shareDirect: share(rateDirect, rateGzip),
    tarGzipCpu: median(gz.map(g => g.tarGzipCpuS)),
    gzipCpu: median(gz.map(g => g.gzipCpuS)),
    direct,
    firstNix: median(A.map(r => r.firstNixMs)),
    firstNixTiny: median(rounds.map(r => r.tiny.firstNixMs)),
    rssMethod: tools.gnuTime
      ? 'GNU `time -v` (largest of node and the children it waited for)'
      : 'GNU time unavailable'
  }
}
