/**
 * The all-systems check and the outputs document from several `nix` processes side by side,
 * each owning some of the flake's systems and a share of its other outputs (share.nix), put
 * together into exactly the document and counts one evaluation gives (merge.ts).
 *
 * 1. One cheap `nix eval` (`lib.discover`, tens of milliseconds) lists the systems and the
 *    entries of the outputs keyed by name; should it fail, one evaluator does everything, as
 *    before, and fails as before.
 * 2. The work is dealt to as many workers as the cores (or the setting) and the flake's systems
 *    and entries allow; with one, the single evaluation runs unchanged.
 * 3. Worker 0 starts at once, each other one when the memory guard lets it (memory.ts).
 * 4. The first worker to fail stops the others (and the waiting ones never start), and its error
 *    is the run's: the same output named and the same message as one evaluation, for a flake
 *    broken in one place. (Broken in several places owned by different workers, the first to
 *    fail names its own: each is a place where one evaluation fails too.)
 */
import * as os from 'node:os'
import type { RunOptions } from '../command.js'
import type { Nix, Outputs } from '../nix.js'
import { allOrStop } from '../timing.js'
import { mergeParts, readPart } from './merge.js'
import { type MemoryProbe, estimateWorker, mayStart, procMemory } from './memory.js'
import { type Discovery, dealShares, describeShare, partArgument, readDiscovery } from './share.js'

/** How many evaluators: a number (1: one `nix`, as before), or one per core ('auto'). */
export type Evaluators = number | 'auto'

/** Where the setting comes from, until it joins the settings table (input `evaluators`). */
export const EVALUATORS_VARIABLE = 'FLAKEHUB_PUSH_EVALUATORS'
const MOST_EVALUATORS = 64

/**
 * The setting from `env`, or the problem with it (said as the other input problems are). Unset
 * or empty: 'auto'.
 */
export function readEvaluators(env: NodeJS.ProcessEnv): {
  evaluators: Evaluators
  problems: string[]
} {
  const text = env[EVALUATORS_VARIABLE]
  if (text === undefined || text.trim() === '') return { evaluators: 'auto', problems: [] }
  const trimmed = text.trim()
  const count = /^[0-9]{1,3}$/.test(trimmed) ? Number(trimmed) : NaN
  if (count >= 1 && count <= MOST_EVALUATORS) return { evaluators: count, problems: [] }
  return {
    evaluators: 'auto',
    problems: [
      `Environment variable \`${EVALUATORS_VARIABLE}\`: "${text}" is not a number of evaluators; ` +
        `write a whole number from 1 to ${MOST_EVALUATORS} (\`1\`: one \`nix\` evaluates ` +
        `everything), or unset it for one per core.`
    ]
  }
}

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
  const single = (): Promise<Outputs> =>
    nix.outputs(flakeRef, includeOutputPaths, { signal, log, onSpawn })
  if (most <= 1) return single()

  let discovery: Discovery
  try {
    const { stdout } = await nix.inspect(flakeRef, 'discover', undefined, { signal, log })
    discovery = readDiscovery(stdout)
  } catch (error) {
    if (signal?.aborted) throw error
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
    log(`Could not deal the evaluation out (${why}); one evaluator does everything.`)
    return single()
  }
  const shares = dealShares(discovery, most)
  if (shares.length === 1) return single()

  const allowed = options.evaluators === 'auto' ? `${cores} cores` : EVALUATORS_VARIABLE
  log(`${shares.length} evaluators side by side (${allowed}):`)
  for (const share of shares)
    log(`  evaluator ${share.worker + 1}: ${describeShare(share, discovery)}`)
  const guard = new Guard(options.memory ?? procMemory, options.pollMs ?? POLL_MS, log)
  const texts = await allOrStop(
    shares.map(share => async (stop: AbortSignal) => {
      await guard.admit(share.worker, stop)
      try {
        const argument = partArgument(share, includeOutputPaths)
        const { stdout } = await nix.inspect(flakeRef, 'evaluatePart', argument, {
          signal: stop,
          log,
          onSpawn: pid => {
            guard.spawned(share.worker, pid)
            onSpawn?.()
          }
        } satisfies RunOptions)
        return stdout
      } finally {
        guard.finished(share.worker)
      }
    }),
    signal
  )
  return mergeParts(texts.map((text, worker) => readPart(text, worker)))
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
