/**
 * The all-systems check and the outputs document from several `nix` processes side by side,
 * each owning some of the flake's systems and a share of its other outputs (share.nix), put
 * together into exactly the document and counts one evaluation gives (merge.ts).
 *
 * 1. Worker 0 starts at once (`lib.evaluateFirst`): it finds the systems and the entries of the
 *    outputs keyed by name, deals them out to at most as many workers as the cores (or the
 *    setting) allow, prints that plan on stderr (a trace line behind a marker of this run's own)
 *    and goes on with its own share. A flake with one system is evaluated whole by it: one
 *    `nix`, as before. Finding the plan forces nothing the evaluation would not force first.
 * 2. As soon as the plan is read, the other workers are started (`lib.evaluatePart`), each when
 *    the memory guard lets it (memory.ts). (Worker 0 also prints the plan first on its output:
 *    should its trace line be missed, the others start when it ends.) Each evaluator starts
 *    with its share of the garbage collector's initial heap Nix would give one (`workerHeap`).
 * 3. The first worker to fail stops the others (and the waiting ones never start), and its error
 *    is the run's: the same output named and the same message as one evaluation, for a flake
 *    broken in one place. (Broken in several places owned by different workers, the first to
 *    fail names its own: each is a place where one evaluation fails too.)
 *
 * With the setting at 1, or one core, the single evaluation of before runs, unchanged.
 */
import { randomBytes } from 'node:crypto'
import * as os from 'node:os'
import type { Nix, Outputs } from '../nix.js'
import { allOrStop } from '../timing.js'
import { EVALUATORS_VARIABLE, type Evaluators } from './evaluators.js'
import { mergeParts, readPart } from './merge.js'
import { type MemoryProbe, estimateWorker, mayStart, procMemory, workerHeap } from './memory.js'
import {
  type Plan,
  type Share,
  describeShare,
  firstArgument,
  partArgument,
  planShares,
  readPlan
} from './share.js'

export interface EvaluateOptions {
  evaluators: Evaluators
  /** The cores this process may use (its CPU affinity): `os.availableParallelism()`. */
  cores?: number
  /** Where the memory guard reads the machine's memory. */
  memory?: MemoryProbe
  /** How often a waiting worker looks at the memory again. */
  pollMs?: number
  signal?: AbortSignal
  log?: (line: string) => void
  /** Called each time a `nix` process has started. */
  onSpawn?: () => void
}

const POLL_MS = 250

/**
 * The outputs document and counts of the flake `flakeRef`, from as many evaluators as
 * `options.evaluators` allows (see the top of this file).
 */
export async function evaluateOutputs(
  nix: Nix,
  flakeRef: string,
  includeOutputPaths: boolean,
  options: EvaluateOptions
): Promise<Outputs> {
  const { signal, log = () => {}, onSpawn } = options
  const cores = options.cores ?? os.availableParallelism()
  const most = options.evaluators === 'auto' ? cores : options.evaluators
  if (most <= 1) return nix.outputs(flakeRef, includeOutputPaths, { signal, log, onSpawn })

  const guard = new Guard(options.memory ?? procMemory, options.pollMs ?? POLL_MS, log)
  // Every evaluator starts before the plan says how many run: each gets the heap of `most`.
  const env = workerHeap(most, os.totalmem(), process.env)
  const marker = `flakehub-push plan ${randomBytes(16).toString('hex')} `
  let plan: ((text: string) => void) | undefined
  let planText: string | undefined
  const planned = new Promise<Share[]>((resolve, reject) => {
    plan = (text: string): void => {
      plan = undefined // Once: from the trace line, else from the output's first line.
      planText = text
      try {
        const found: Plan = readPlan(text)
        const shares = planShares(found, most)
        if (shares.length > 1) {
          const allowed = options.evaluators === 'auto' ? `${cores} cores` : EVALUATORS_VARIABLE
          const heap = Object.entries(env).map(([name, value]) => `; ${name}=${value} each`)
          log(`${shares.length} evaluators side by side (${allowed}${heap.join('')}):`)
          for (const share of shares)
            log(`  evaluator ${share.worker + 1}: ${describeShare(share, found)}`)
        }
        resolve(shares)
      } catch (error) {
        reject(error)
      }
    }
  })
  planned.catch(() => {}) // Also awaited by every other worker.
  const watchForPlan = traceWatcher(`trace: ${marker}`, text => plan?.(text))

  const first = async (stop: AbortSignal): Promise<string> => {
    guard.enter(0)
    try {
      const { stdout } = await nix.inspect(
        flakeRef,
        'evaluateFirst',
        firstArgument(most, marker, includeOutputPaths),
        {
          signal: stop,
          log,
          env,
          onSpawn: pid => {
            guard.spawned(0, pid)
            onSpawn?.()
          },
          onStderr: watchForPlan
        }
      )
      // The plan again, as the first line of the output: what the trace said, or (if the trace
      // line was not seen) the plan the others start on now.
      const newline = stdout.indexOf('\n')
      const printed = newline < 0 ? stdout : stdout.slice(0, newline)
      if (plan !== undefined) {
        log('  the first evaluator ended before its plan was read from its stderr')
        plan(printed)
      }
      await planned // A plan that is not right throws.
      if (printed !== planText)
        throw new Error('The first evaluator printed two plans; please report this.')
      return stdout.slice(newline + 1)
    } finally {
      guard.finished(0)
    }
  }
  const other =
    (worker: number) =>
    async (stop: AbortSignal): Promise<string | undefined> => {
      const all = await untilStopped(planned, stop)
      const share = all[worker]
      if (share === undefined) return undefined
      await guard.admit(worker, stop)
      try {
        const { stdout } = await nix.inspect(
          flakeRef,
          'evaluatePart',
          partArgument(share, includeOutputPaths),
          {
            signal: stop,
            log,
            env,
            onSpawn: pid => {
              guard.spawned(worker, pid)
              onSpawn?.()
            }
          }
        )
        return stdout
      } finally {
        guard.finished(worker)
      }
    }
  const texts = await allOrStop(
    [first, ...Array.from({ length: most - 1 }, (_, i) => other(i + 1))],
    signal
  )
  const parts = texts.flatMap((text, worker) =>
    text === undefined ? [] : [readPart(text, worker)]
  )
  return mergeParts(parts)
}

/**
 * A stderr watcher that calls `found` once, with the rest of the first line that starts with
 * `prefix`. Lines are put together across chunks; a line that cannot be it is dropped as it
 * comes (only a line's start is kept while it might still be), so memory stays small whatever
 * the flake traces.
 */
export function traceWatcher(
  prefix: string,
  found: (rest: string) => void
): (chunk: string) => void {
  let line = ''
  let done = false
  let skipping = false
  return chunk => {
    if (done) return
    let start = 0
    for (;;) {
      const newline = chunk.indexOf('\n', start)
      const piece = chunk.slice(start, newline < 0 ? undefined : newline)
      if (!skipping) {
        line += piece
        if (!prefix.startsWith(line.slice(0, prefix.length))) {
          skipping = true
          line = ''
        }
      }
      if (newline < 0) return
      if (!skipping && line.startsWith(prefix)) {
        done = true
        found(line.slice(prefix.length))
        return
      }
      line = ''
      skipping = false
      start = newline + 1
    }
  }
}

/** `promise`, or the stop's reason as soon as `stop` is aborted. */
function untilStopped<T>(promise: Promise<T>, stop: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (stop.aborted) return reject(stop.reason)
    const abort = (): void => reject(stop.reason)
    stop.addEventListener('abort', abort, { once: true })
    promise.then(
      value => {
        stop.removeEventListener('abort', abort)
        resolve(value)
      },
      (error: unknown) => {
        stop.removeEventListener('abort', abort)
        reject(error)
      }
    )
  })
}

/**
 * Lets workers start one after the other, in order, each once {@link mayStart} says it fits.
 * A worker counts as running from the moment it is let in (its process not yet started counts
 * as 0 bytes that will grow to the estimate).
 */
class Guard {
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
