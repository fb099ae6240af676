/**
 * The peak memory of a whole process tree (a program and every process it starts, summed at each
 * instant), by sampling /proc: every `intervalMs` (SAMPLE_MS) the resident set (VmRSS, the second field of
 * /proc/<pid>/statm) of every process known to be in the tree is read and summed; every
 * `scanMs` (SCAN_MS) /proc is scanned for new descendants (by parent pid). Processes live for seconds
 * here, so one found up to `scanMs` late has missed only its first, small, moments.
 *
 * Why /proc and not a cgroup: this kernel has no /proc/<pid>/task/<tid>/children, and the
 * machine's cgroups (v1, memory) belong to what runs this machine; a memory cgroup would also
 * charge the page cache (the source read and the tarball written), which is not the processes'
 * memory. Summing VmRSS counts pages shared between processes (the `nix` binary's libraries,
 * a few MB each) once per process: the sum errs a little high, never low, except for a peak
 * shorter than `intervalMs`.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'

let pageKiB
function pageSizeKiB() {
  if (pageKiB === undefined) {
    try {
      pageKiB = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) / 1024
    } catch {
      pageKiB = 4
    }
  }
  return pageKiB
}

/** Parent pid of every process in /proc, as a map from parent to children. */
function childrenByParent() {
  const children = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // Gone meanwhile.
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (!children.has(ppid)) children.set(ppid, [])
    children.get(ppid).push(Number(name))
  }
  return children
}

/** Resident KiB of `pid` now, or 0 when it has ended. */
function residentKiB(pid) {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8')
    return Number(statm.split(' ')[1]) * pageSizeKiB()
  } catch {
    return 0
  }
}

/** How often the tree's memory is summed, and how often /proc is scanned for new processes. */
export const SAMPLE_MS = 10
export const SCAN_MS = 200

/**
 * Start sampling. `watch(pid, { skipRoot })` adds a tree (with `skipRoot`, the root's own memory
 * is not counted: GNU time wrapping the program); `stop()` ends sampling and returns the peak of
 * the sum (KiB), the number of samples and the CPU milliseconds the sampling itself used.
 */
export function treeSampler({ intervalMs = SAMPLE_MS, scanMs = SCAN_MS } = {}) {
  const roots = new Map() // pid → skipRoot
  let members = new Set()
  let peakKiB = 0
  let samples = 0
  let lastScan = -Infinity
  const cpuBefore = process.cpuUsage()
  const scan = () => {
    const children = childrenByParent()
    const found = new Set()
    const visit = pid => {
      for (const child of children.get(pid) ?? []) {
        found.add(child)
        visit(child)
      }
    }
    for (const [root, skipRoot] of roots) {
      if (!skipRoot) found.add(root)
      visit(root)
    }
    // Keep processes seen before: one may have been re-parented when its parent ended.
    for (const pid of members) found.add(pid)
    members = found
    lastScan = performance.now()
  }
  const sample = () => {
    if (performance.now() - lastScan >= scanMs) scan()
    let sum = 0
    for (const pid of members) {
      const kib = residentKiB(pid)
      if (kib === 0) members.delete(pid)
      sum += kib
    }
    samples++
    if (sum > peakKiB) peakKiB = sum
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref() // never what keeps the benchmark running
  return {
    watch(pid, { skipRoot = false } = {}) {
      roots.set(pid, skipRoot)
      scan()
      sample()
    },
    stop() {
      clearInterval(timer)
      const cpu = process.cpuUsage(cpuBefore)
      return { peakKiB, samples, cpuMs: (cpu.user + cpu.system) / 1000 }
    }
  }
}
