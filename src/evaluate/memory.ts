/**
 * The memory guard of parallel evaluation: a worker that would not fit in the memory still free
 * waits until it does (or until no other worker runs: one evaluator always runs, as before).
 *
 * A worker's size is not known before it runs. Split by system, the workers of a flake whose
 * systems share nothing need together about what one evaluation of everything needs; what they
 * share (a package set every system draws on) each pays for. So the guard estimates a worker as
 * the largest peak seen so far of any worker of this run (the kernel's high-water mark of its
 * resident set, VmHWM, read from /proc while it runs), and never less than {@link PRIOR_BYTES}.
 * A worker that runs is expected to grow to that estimate: the memory it may still take is
 * subtracted from what the kernel says is available (MemAvailable) before another is let in.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'

/** The size assumed for a worker until one is seen to be larger. */
export const PRIOR_BYTES = 1024 ** 3
/** Left free beside the workers, for this process (packing) and the rest of the machine. */
export const RESERVE_BYTES = 256 * 1024 ** 2

export interface GuardState {
  /** What the kernel says is available now (MemAvailable), in bytes. */
  available: number
  /** The resident set of each running worker now, in bytes. */
  running: readonly number[]
  /** The estimated peak of one worker, in bytes ({@link estimateWorker}). */
  estimate: number
}

/** The peak one worker is expected to reach: the largest seen, never less than `prior`. */
export function estimateWorker(peaksSeen: readonly number[], prior = PRIOR_BYTES): number {
  return Math.max(prior, ...peaksSeen)
}

/**
 * Whether one more worker may start now: when none runs, always; else when what is available,
 * less what the running ones may still grow by and the reserve, holds one more worker.
 */
export function mayStart(state: GuardState, reserve = RESERVE_BYTES): boolean {
  if (state.running.length === 0) return true
  const growth = state.running.reduce((sum, rss) => sum + Math.max(0, state.estimate - rss), 0)
  return state.available - growth - reserve >= state.estimate
}

/** `MemAvailable` of /proc/meminfo in bytes, or undefined when the text has none. */
export function readMemAvailable(meminfo: string): number | undefined {
  const match = /^MemAvailable:[ \t]+([0-9]{1,15})[ \t]+kB$/m.exec(meminfo)
  return match === null ? undefined : Number(match[1]) * 1024
}

/**
 * The resident set now (VmRSS) and its peak (VmHWM) of a process, in bytes, from the text of
 * /proc/<pid>/status; undefined for a field it lacks (a process that has exited has neither).
 */
export function readResident(status: string): { rss?: number; peak?: number } {
  const field = (name: string): number | undefined => {
    const match = new RegExp(`^${name}:[ \\t]+([0-9]{1,15})[ \\t]+kB$`, 'm').exec(status)
    return match === null ? undefined : Number(match[1]) * 1024
  }
  const rss = field('VmRSS')
  const peak = field('VmHWM')
  return { ...(rss === undefined ? {} : { rss }), ...(peak === undefined ? {} : { peak }) }
}

/** Where the guard reads the machine's memory; tests give their own. */
export interface MemoryProbe {
  /** Bytes available to new processes now. */
  available(): number
  /** A running process's resident set and peak, or undefined once it is gone. */
  resident(pid: number): { rss: number; peak: number } | undefined
}

/** The machine's memory, from /proc (on systems without it: os.freemem(), and no process sizes). */
export const procMemory: MemoryProbe = {
  available() {
    try {
      return readMemAvailable(fs.readFileSync('/proc/meminfo', 'utf8')) ?? os.freemem()
    } catch {
      return os.freemem()
    }
  },
  resident(pid) {
    let status: string
    try {
      status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    } catch {
      return undefined
    }
    const { rss, peak } = readResident(status)
    return rss === undefined ? undefined : { rss, peak: peak ?? rss }
  }
}

/** Nix's initial heap for its evaluator: a quarter of the memory, at most 384 MiB (libgc). */
const NIX_HEAP_MAX = 384 * 1024 ** 2
const HEAP_FLOOR = 64 * 1024 ** 2

/**
 * The `GC_INITIAL_HEAP_SIZE` each of `most` evaluators gets: Nix's own initial heap shared out,
 * so that together they start as one would (never under 64 MiB). Nix gives its garbage collector
 * a large heap to start with, which it fills before it first collects: an evaluator's resident
 * set is that heap, whatever little of it it needs; several evaluators each with the whole heap
 * held several times the memory of one (on the benchmark's flakes, two held 984 MB where one
 * held 520 MB; with half the heap each, 548 MB, for about the same CPU). None when the user sets
 * it, or when one evaluator runs.
 */
export function workerHeap(
  most: number,
  totalMemory: number,
  env: NodeJS.ProcessEnv
): Record<string, string> {
  if (most <= 1 || (env.GC_INITIAL_HEAP_SIZE ?? '') !== '') return {}
  const nix = Math.min(NIX_HEAP_MAX, Math.floor(totalMemory / 4))
  return { GC_INITIAL_HEAP_SIZE: String(Math.max(HEAP_FLOOR, Math.floor(nix / most))) }
}
