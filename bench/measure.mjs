/**
 * Measuring helpers for the benchmark: running a program (under GNU time when there is one)
 * with its wall time, peak RSS and output; statistics; formatting.
 */
import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearTimeout, setTimeout } from 'node:timers'

export const GNU_TIME = '/usr/bin/time'

/** Whether GNU time (with -v) works here. */
export function hasGnuTime() {
  try {
    execFileSync(GNU_TIME, ['-v', 'true'], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}

/**
 * Make GNU time available: already there, or installed with apt-get when we are root (as
 * scripts/setup.sh installs Nix). Returns whether it is available.
 */
export function ensureGnuTime(log) {
  if (hasGnuTime()) return true
  if (process.getuid?.() !== 0) return false
  log('GNU time is missing: installing it with apt-get …')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const attempt of [['install'], ['update'], ['install']]) {
    try {
      const args = attempt[0] === 'update' ? ['update', '-qq'] : ['install', '-y', '-qq', 'time']
      execFileSync('apt-get', args, { stdio: 'ignore', env })
      if (hasGnuTime()) return true
    } catch {
      // Try the next step.
    }
  }
  return hasGnuTime()
}

/** The current time as nanoseconds since the epoch (like `date +%s%N`). */
export function nowNs() {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6))
}

/**
 * What a GNU time -v report in `file` says: the peak RSS ("Maximum resident set size (kbytes)",
 * in KiB) and the user plus system CPU seconds, of the program and the children it waited for.
 * Each is null when the report, or that line of it, is missing.
 */
export function parseTimeReport(file) {
  let text
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return { rssKiB: null, cpuS: null }
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)
  const user = /User time \(seconds\): ([\d.]+)/.exec(text)
  const system = /System time \(seconds\): ([\d.]+)/.exec(text)
  return {
    rssKiB: rss === null ? null : Number(rss[1]),
    cpuS: user === null || system === null ? null : Number(user[1]) + Number(system[1])
  }
}

/**
 * Run `command args` and wait for it. With `timeFile` and GNU time present, it runs under
 * `time -v -o timeFile`, and `timeRssKiB` is the largest peak RSS of the program and the
 * children it waited for. With `sampler` (tree-rss.mjs), the program's process tree is added
 * to what it samples (GNU time itself not counted). Rejects on a non-zero exit unless
 * `allowFailure`. `discardStdout` sends stdout nowhere (as the action does for `nix flake show`).
 */
export function measure(command, args, options = {}) {
  const { cwd, env, timeFile, timeoutMs = 15 * 60 * 1000, allowFailure = false } = options
  const { sampler, discardStdout = false } = options
  const timed = timeFile !== undefined && options.gnuTime !== false && hasGnuTimeCached()
  const program = timed ? GNU_TIME : command
  const argv = timed ? ['-v', '-o', timeFile, command, ...args] : args
  return new Promise((resolve, reject) => {
    const startNs = nowNs()
    const started = performance.now()
    const child = spawn(program, argv, {
      cwd,
      env,
      stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
      detached: true // its own process group, so a timeout can end all of it
    })
    if (sampler !== undefined && child.pid !== undefined) {
      sampler.watch(child.pid, { skipRoot: timed })
    }
    const stdout = []
    const stderr = []
    child.stdout?.on('data', chunk => stdout.push(chunk))
    child.stderr.on('data', chunk => stderr.push(chunk))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const report = timed ? parseTimeReport(timeFile) : { rssKiB: null, cpuS: null }
      const result = {
        code,
        signal,
        startNs,
        wallS: (performance.now() - started) / 1000,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timeRssKiB: report.rssKiB,
        cpuS: report.cpuS
      }
      if (code === 0 || allowFailure) return resolve(result)
      const tail = text => text.trim().split('\n').slice(-30).join('\n')
      reject(
        new Error(
          `${[command, ...args].join(' ')} ${code === null ? `was killed by ${signal}` : `exited with ${code}`}\n` +
            `--- stdout (end)\n${tail(result.stdout)}\n--- stderr (end)\n${tail(result.stderr)}`
        )
      )
    })
  })
}

let gnuTimeCache
function hasGnuTimeCached() {
  if (gnuTimeCache === undefined) gnuTimeCache = hasGnuTime()
  return gnuTimeCache
}

/**
 * The groups the action prints, `::group::<name> (done in X.Y s)` … `::endgroup::`: each with
 * its name, outcome, seconds and the lines inside it.
 */
export function parseGroups(stdout) {
  const groups = []
  let current = null
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::group::(.+) \((done|failed|stopped) in ([\d.]+) s\)$/.exec(line)
    if (match !== null) {
      current = { name: match[1], outcome: match[2], seconds: Number(match[3]), lines: [] }
      groups.push(current)
    } else if (line === '::endgroup::') current = null
    else if (current !== null) current.lines.push(line)
  }
  return groups
}

/** The phase lines the action prints, as name → seconds. */
export function parsePhases(stdout) {
  return Object.fromEntries(parseGroups(stdout).map(g => [g.name, g.seconds]))
}

/** Bytes in the regular files of a tree (symlinks not followed). */
export function treeBytes(dir) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name)
    if (entry.isDirectory()) total += treeBytes(abs)
    else if (entry.isFile()) total += fs.lstatSync(abs).size
  }
  return total
}

export function median(values) {
  const list = values.filter(v => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (list.length === 0) return null
  const mid = Math.floor(list.length / 2)
  return list.length % 2 === 1 ? list[mid] : (list[mid - 1] + list[mid]) / 2
}

export function max(values) {
  const list = values.filter(v => typeof v === 'number' && Number.isFinite(v))
  return list.length === 0 ? null : Math.max(...list)
}

/** KiB (as rusage reports them) in MB (10^6 bytes). */
export const kibToMB = kib => (kib * 1024) / 1e6

export const fmt = {
  s: x => (x === null ? 'n/a' : `${x.toFixed(2)} s`),
  ms: x => (x === null ? 'n/a' : `${x.toFixed(0)} ms`),
  mb: kib => (kib === null ? 'n/a' : `${kibToMB(kib).toFixed(1)} MB`),
  bytes: x => (x === null ? 'n/a' : `${(x / 1e6).toFixed(1)} MB`),
  rate: x => (x === null ? 'n/a' : `${x.toFixed(1)} MB/s`),
  pct: x => (x === null ? 'n/a' : `${(x * 100).toFixed(0)} %`),
  ratio: x => (x === null ? 'n/a' : x.toFixed(2)),
  met: ok => (ok === null ? 'n/a' : ok ? '✅ met' : '❌ missed')
}

/** A markdown table. */
export function table(header, rows) {
  const line = cells => `| ${cells.map(c => String(c).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
