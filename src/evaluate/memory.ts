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

import { type MemoryProbe } from '../process/memory.js'

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

/**
 * Lets workers start one after the other, in order, each once {@link mayStart} says it fits.
 * A worker counts as running from the moment it is let in (its process not yet started counts
 * as 0 bytes that will grow to the estimate).
 */
export class Guard {
  /** Running workers and their process ids (undefined until started). */
  private readonly running = new Map<number, number | undefined>()
  /** The largest resident set seen of each worker. */
  private readonly peaks = new Map<number, number>()
  /** The previous worker's admission: workers are let in in order. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly memory: MemoryProbe,
    private readonly pollMs: number,
    private readonly log: (line: string) => void
  ) {}

  admit(worker: number, signal: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForRoom(worker, signal))
    this.queue = turn.catch(() => {})
    return turn
  }

  /** Worker `worker` runs from now on, without waiting (worker 0: one evaluator always runs). */
  enter(worker: number): void {
    this.running.set(worker, undefined)
  }

  spawned(worker: number, pid: number): void {
    this.running.set(worker, pid)
  }

  finished(worker: number): void {
    this.look()
    this.running.delete(worker)
  }

  /** The resident set of each running worker now, and the peaks seen updated. */
  private look(): number[] {
    return [...this.running].map(([worker, pid]) => {
      const resident = pid === undefined ? undefined : this.memory.resident(pid)
      if (resident !== undefined)
        this.peaks.set(worker, Math.max(this.peaks.get(worker) ?? 0, resident.peak))
      return resident?.rss ?? 0
    })
  }

  private async waitForRoom(worker: number, signal: AbortSignal): Promise<void> {
    let waited = false
    for (;;) {
      signal.throwIfAborted()
      const running = this.look()
      const estimate = estimateWorker([...this.peaks.values()])
      const available = this.memory.available()
      if (mayStart({ available, running, estimate })) break
      if (!waited)
        this.log(
          `  evaluator ${worker + 1} waits for memory: ${megabytes(available)} available, ` +
            `${running.length} evaluators running, each estimated at ${megabytes(estimate)}`
        )
      waited = true
      await pause(this.pollMs, signal)
    }
    if (waited) this.log(`  evaluator ${worker + 1} starts`)
    this.running.set(worker, undefined)
  }
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`

/** Resolves after `ms`, or rejects with the reason as soon as `signal` is aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort)
      resolve()
    }, ms)
    const abort = (): void => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', abort, { once: true })
  })
}
