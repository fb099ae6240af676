/**
 * Scenario A: the action itself (`node24 dist/index.js`, a dry run with GitHub Actions'
 * environment), cold, on a fresh commit: wall time, CPU, peak RSS (node's own from the preload
 * and GNU time's), the peak of its whole process tree (node and every `nix` it starts, sampled:
 * tree-rss.mjs), the `::group::` phase times, the evaluation commands it logged (eval-alone.mjs),
 * how many evaluators it ran side by side, the time to its first `nix` call and the load average
 * before and after. With `cores`, it runs under `taskset` on that many cores (0 … cores - 1):
 * the action then sees only those (`os.availableParallelism()` follows the affinity).
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { evaluationCommands } from './eval-alone.mjs'
import { fmt, measure, parseGroups } from './measure.mjs'
import { nixCalls } from './nix-calls.mjs'
import * as os from 'node:os'
import { BUNDLE, PRELOAD, log } from './settings.mjs'
import { treeSampler } from './tree-rss.mjs'
import { startRun } from './workspace.mjs'

export async function runA(tools, repo, label, { cores } = {}) {
  const folder = startRun(repo, label)
  const files = {
    output: path.join(folder, 'outputs.txt'),
    summary: path.join(folder, 'summary.md'),
    rss: path.join(folder, 'node-rss.txt'),
    calls: path.join(folder, 'nix-calls.txt'),
    time: path.join(folder, 'time.txt')
  }
  fs.writeFileSync(files.output, '')
  fs.writeFileSync(files.summary, '')
  const temp = path.join(folder, 'temp')
  fs.mkdirSync(temp)
  const release = path.join(folder, 'release')
  const env = {
    ...tools.baseEnv,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'bench/generated',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    INPUT_VISIBILITY: 'public',
    INPUT_ROLLING: 'true',
    'INPUT_DEST-DIR': release,
    BENCH_RSS_FILE: files.rss,
    BENCH_NIX_CALLS: files.calls
  }
  execFileSync('sync')
  const sampler = treeSampler()
  const loadBefore = loadAverage()
  const command = [tools.node, '--import', PRELOAD, BUNDLE]
  const pinned = cores === undefined ? command : ['taskset', '-c', `0-${cores - 1}`, ...command]
  const result = await measure(pinned[0], pinned.slice(1), {
    cwd: repo,
    env,
    timeFile: files.time,
    sampler
  }).catch(error => {
    sampler.stop()
    throw error
  })
  const memory = sampler.stop()
  const groups = parseGroups(result.stdout)
  const calls = nixCalls(files.calls, result.startNs)
  const metadataFile = fs.readdirSync(release).find(name => name.endsWith('.json'))
  const metadata = JSON.parse(fs.readFileSync(path.join(release, metadataFile), 'utf8'))
  const run = {
    label,
    wallS: result.wallS,
    nodeRssKiB: Number(fs.readFileSync(files.rss, 'utf8').trim()),
    timeRssKiB: result.timeRssKiB,
    cpuS: result.cpuS,
    treePeakKiB: memory.peakKiB,
    samples: memory.samples,
    samplerCpuMs: memory.cpuMs,
    phases: Object.fromEntries(groups.map(g => [g.name, g.seconds])),
    evalCommands: evaluationCommands(groups),
    evaluators: evaluatorsOf(result.stdout),
    cores: cores ?? os.availableParallelism(),
    load: [loadBefore, loadAverage()],
    nixCalls: calls.count,
    firstNixMs: calls.firstMs,
    storePath: metadata.raw_flake_metadata?.path ?? null,
    folder
  }
  log(
    `${label}: ${fmt.s(run.wallS)}, node ${fmt.mb(run.nodeRssKiB)}, time -v ${fmt.mb(run.timeRssKiB)}, ` +
      `process tree ${fmt.mb(run.treePeakKiB)}, ` +
      `first nix call after ${fmt.ms(run.firstNixMs)}; ${run.evaluators} evaluator(s) on ` +
      `${run.cores} core(s); load ${run.load.join(' → ')}; phases ${JSON.stringify(run.phases)}`
  )
  return run
}

/** How many evaluators the action ran side by side (its log says so when there are several). */
export function evaluatorsOf(stdout) {
  const match = /^(\d+) evaluators side by side /m.exec(stdout)
  return match === null ? 1 : Number(match[1])
}

/** The 1-minute load average: other work on the machine makes every figure noisier. */
export const loadAverage = () => Number(os.loadavg()[0].toFixed(2))
