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
import type { RunOptions } from '../process/command.js'
import { type MemoryProbe, procMemory } from '../process/memory.js'
import type { Evaluators } from '../settings/settings.js'
import { allOrStop, untilStopped } from '../timing.js'
import type { Evaluator, Outputs } from './evaluator.js'
import { mergeParts, readPart } from './merge.js'
import { Guard, workerHeap } from './memory.js'
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
  evaluator: Evaluator,
  flakeRef: string,
  includeOutputPaths: boolean,
  options: EvaluateOptions
): Promise<Outputs> {
  const { signal, log = () => {}, onSpawn } = options
  const cores = options.cores ?? os.availableParallelism()
  const most = options.evaluators === 'auto' ? cores : options.evaluators
  if (most <= 1) return evaluator.outputs(flakeRef, includeOutputPaths, { signal, log, onSpawn })
  const run = new SideBySide(evaluator, flakeRef, includeOutputPaths, most, {
    ...options,
    log,
    allowed: options.evaluators === 'auto' ? `${cores} cores` : `set to ${most}`
  })
  const texts = await allOrStop(
    [
      (stop: AbortSignal) => run.first(stop),
      ...Array.from({ length: most - 1 }, (_, i) => (stop: AbortSignal) => run.other(i + 1, stop))
    ],
    signal
  )
  const parts = texts.flatMap((text, worker) =>
    text === undefined ? [] : [readPart(text, worker)]
  )
  return mergeParts(parts)
}

/** One evaluation by up to `most` workers: worker 0's plan, and every worker's run. */
class SideBySide {
  private readonly guard: Guard
  /** Every evaluator starts before the plan says how many run: each gets the heap of `most`. */
  private readonly env: Record<string, string>
  /** What worker 0's trace line starts with: the run's own, which the flake cannot know. */
  private readonly marker = `flakehub-push plan ${randomBytes(16).toString('hex')} `
  private readonly planned: Promise<Share[]>
  private settle: ((text: string) => void) | undefined
  private planText: string | undefined

  constructor(
    private readonly evaluator: Evaluator,
    private readonly flakeRef: string,
    private readonly includeOutputPaths: boolean,
    private readonly most: number,
    private readonly options: EvaluateOptions & { log: (line: string) => void; allowed: string }
  ) {
    this.guard = new Guard(options.memory ?? procMemory, options.pollMs ?? POLL_MS, options.log)
    this.env = workerHeap(most, os.totalmem(), process.env)
    this.planned = new Promise<Share[]>((resolve, reject) => {
      this.settle = text => {
        this.settle = undefined // Once: from the trace line, else from the output's first line.
        this.planText = text
        try {
          resolve(this.shares(text))
        } catch (error) {
          reject(error)
        }
      }
    })
    this.planned.catch(() => {}) // Also awaited by every other worker.
  }

  /** The shares of the plan worker 0 printed, told to the log when there are several. */
  private shares(text: string): Share[] {
    const found: Plan = readPlan(text)
    const shares = planShares(found, this.most)
    if (shares.length > 1) {
      const heap = Object.entries(this.env).map(([name, value]) => `; ${name}=${value} each`)
      const { log, allowed } = this.options
      log(`${shares.length} evaluators side by side (${allowed}${heap.join('')}):`)
      for (const share of shares)
        log(`  evaluator ${share.worker + 1}: ${describeShare(share, found)}`)
    }
    return shares
  }

  /** The options of worker `worker`'s `nix`. */
  private runOptions(worker: number, stop: AbortSignal): RunOptions {
    const { log, onSpawn } = this.options
    return {
      signal: stop,
      log,
      env: this.env,
      onSpawn: (pid: number) => {
        this.guard.spawned(worker, pid)
        onSpawn?.()
      }
    }
  }

  /** Worker 0: plans, prints the plan, and evaluates its share; its part of the output. */
  async first(stop: AbortSignal): Promise<string> {
    this.guard.enter(0)
    try {
      const watch = traceWatcher(`trace: ${this.marker}`, text => this.settle?.(text))
      const apply = firstArgument(this.most, this.marker, this.includeOutputPaths)
      const { stdout } = await this.evaluator.inspect(this.flakeRef, 'evaluateFirst', apply, {
        ...this.runOptions(0, stop),
        onStderr: watch
      })
      // The plan again, as the first line of the output: what the trace said, or (if the trace
      // line was not seen) the plan the others start on now.
      const newline = stdout.indexOf('\n')
      const printed = newline < 0 ? stdout : stdout.slice(0, newline)
      if (this.settle !== undefined) {
        this.options.log('  the first evaluator ended before its plan was read from its stderr')
        this.settle(printed)
      }
      await this.planned // A plan that is not right throws.
      if (printed !== this.planText)
        throw new Error('The first evaluator printed two plans; please report this.')
      return stdout.slice(newline + 1)
    } finally {
      this.guard.finished(0)
    }
  }

  /** Worker `worker` (1 or more): once the plan gives it a share and the memory a place. */
  async other(worker: number, stop: AbortSignal): Promise<string | undefined> {
    const all = await untilStopped(this.planned, stop)
    const share = all[worker]
    if (share === undefined) return undefined
    await this.guard.admit(worker, stop)
    try {
      const apply = partArgument(share, this.includeOutputPaths)
      const options = this.runOptions(worker, stop)
      const { stdout } = await this.evaluator.inspect(this.flakeRef, 'evaluatePart', apply, options)
      return stdout
    } finally {
      this.guard.finished(worker)
    }
  }
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
