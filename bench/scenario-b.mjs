/**
 * Scenario B: the established tool's work done in series on a fresh commit — `nix flake
 * metadata`, `nix flake prefetch`, `nix flake show`, the lock check (only with a flake.lock), the
 * action's outputs evaluation (src/evaluate/inspect.nix) and `tar | gzip -6` — each step timed, with its
 * CPU and peak RSS.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fmt, max, measure } from './measure.mjs'
import { INSPECT, log } from './settings.mjs'
import { tarGzipArgs } from './throughput.mjs'
import { treeSampler } from './tree-rss.mjs'
import { startRun } from './workspace.mjs'

/** A Nix string literal. */
const nixString = text => `"${text.replace(/[\\"$]/g, c => `\\${c}`)}"`

export async function runB(tools, repo, label) {
  const folder = startRun(repo, label)
  const env = tools.baseEnv
  const steps = []
  /** One step; with `sample`, its process tree's peak is also sampled (as A's is). */
  const step = async (name, command, args, { sample = false } = {}) => {
    const timeFile = path.join(folder, `time-${steps.length}.txt`)
    const sampler = sample ? treeSampler() : undefined
    const result = await measure(command, args, { cwd: repo, env, timeFile, sampler })
    const treePeakKiB = sampler === undefined ? null : sampler.stop().peakKiB
    steps.push({
      name,
      wallS: result.wallS,
      rssKiB: result.timeRssKiB,
      treePeakKiB,
      cpuS: result.cpuS
    })
    return result.stdout
  }
  /** `nix flake <command> --json …` as a step. */
  const flakeStep = (name, command, ...args) =>
    step(name, 'nix', ['flake', command, '--json', ...args])

  execFileSync('sync')
  const started = performance.now()
  const metadata = JSON.parse(
    await flakeStep('nix flake metadata', 'metadata', '--no-write-lock-file', repo)
  )
  const prefetched = JSON.parse(
    await flakeStep('nix flake prefetch', 'prefetch', '--no-write-lock-file', repo)
  )
  const flakeRef = metadata.url
  const storePath = prefetched.storePath
  const allSystems = tools.allSystemsFlag ? ['--all-systems'] : []
  await step(
    'nix flake show',
    'nix',
    ['flake', 'show', '--json', '--no-write-lock-file', ...allSystems, flakeRef],
    { sample: true }
  )
  if (fs.existsSync(path.join(repo, 'flake.lock'))) {
    await flakeStep('nix flake metadata (lock check)', 'metadata', '--no-update-lock-file', repo)
  }
  const expr = `(import ${nixString(INSPECT)}) { outputs = (builtins.getFlake ${nixString(flakeRef)}).outputs; includeOutputPaths = false; }`
  await step('nix eval (outputs document)', 'nix', [
    'eval',
    '--json',
    '--impure',
    '--no-write-lock-file',
    '--expr',
    expr
  ])
  await step('tar | gzip -6', 'bash', tarGzipArgs(storePath, path.join(folder, 'source.tar.gz')))
  const run = {
    label,
    wallS: (performance.now() - started) / 1000,
    rssKiB: max(steps.map(s => s.rssKiB)),
    cpuS: steps.every(s => s.cpuS !== null) ? steps.reduce((sum, s) => sum + s.cpuS, 0) : null,
    steps,
    storePath,
    folder
  }
  log(
    `${label}: ${fmt.s(run.wallS)}, peak ${fmt.mb(run.rssKiB)}; ` +
      steps.map(s => `${s.name} ${fmt.s(s.wallS)}`).join(', ')
  )
  return run
}
