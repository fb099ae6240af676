/**
 * The time from starting A to its first `nix` call: a `nix` wrapper put first on PATH appends
 * `date +%s%N` to the file named by BENCH_NIX_CALLS (when set) and runs the real nix; after the
 * run, the first of those times minus the time the benchmark spawned A.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { measure, median } from './measure.mjs'

/** Write the wrapper as `<bin>/nix`, calling the nix that is on PATH now. */
export function installNixWrapper(bin) {
  const realNix = execFileSync('sh', ['-c', 'command -v nix'], { encoding: 'utf8' }).trim()
  if (realNix === '') throw new Error('nix is not installed: run scripts/setup.sh first')
  fs.mkdirSync(bin, { recursive: true })
  fs.writeFileSync(
    path.join(bin, 'nix'),
    `#!/bin/sh\n[ -n "$BENCH_NIX_CALLS" ] && date +%s%N >> "$BENCH_NIX_CALLS"\nexec ${JSON.stringify(realNix)} "$@"\n`,
    { mode: 0o755 }
  )
}

/**
 * The calls the wrapper noted in `callsFile`: how many, and the milliseconds from `startNs` (when
 * the program was spawned, in ns since the epoch) to the first (null when there was none).
 */
export function nixCalls(callsFile, startNs) {
  const calls = fs.existsSync(callsFile)
    ? fs.readFileSync(callsFile, 'utf8').trim().split('\n').filter(Boolean).map(BigInt)
    : []
  return {
    count: calls.length,
    firstMs: calls.length === 0 ? null : Number(calls[0] - startNs) / 1e6
  }
}

/**
 * The least time to a first `nix` call: a bare Node 24 that spawns `nix --version` at once,
 * through the same wrapper (median of `times` runs, in ms). What A adds before its first call
 * is its own start-up beyond this.
 */
export async function bareFirstCallMs(tools, folder, times = 5) {
  const script = "require('node:child_process').spawnSync('nix', ['--version'])"
  const values = []
  for (let i = 0; i < times; i++) {
    const callsFile = path.join(folder, `bare-calls-${i}.txt`)
    const result = await measure(tools.node, ['-e', script], {
      env: { ...tools.baseEnv, BENCH_NIX_CALLS: callsFile }
    })
    values.push(nixCalls(callsFile, result.startNs).firstMs)
  }
  return median(values)
}
