/**
 * Phases of the run, each reported as one block (a group on GitHub) with its duration. Phases may run at the same
 * time: each keeps its lines and prints them as one group when it ends, so groups never mix.
 */
import { Cancelled } from './errors.js'
import type { PhaseLog, Reporter, Timings } from './log.js'

/** The run's phases: each told to the reporter as it starts and ends, its time kept. */
export class Phases {
  /** Seconds per phase, in the order phases ended. */
  readonly timings: Timings = new Map()

  constructor(private readonly reporter: Pick<Reporter, 'phaseStarted' | 'phaseEnded'>) {}

  /** Run `work` as the phase `name`; its lines are shown together when it ends. */
  async run<T>(name: string, work: (log: PhaseLog) => Promise<T>): Promise<T> {
    const started = performance.now()
    const lines: string[] = []
    this.reporter.phaseStarted(name)
    const end = (outcome: string): number => {
      const seconds = (performance.now() - started) / 1000
      this.reporter.phaseEnded(name, outcome, seconds, lines)
      return seconds
    }
    try {
      const result = await work({ info: line => lines.push(line) })
      this.timings.set(name, (this.timings.get(name) ?? 0) + end('done'))
      return result
    } catch (error) {
      end(error instanceof Stopped || error instanceof Cancelled ? 'stopped' : 'failed')
      throw error
    }
  }
}

/** The reason a phase was stopped: another phase running beside it failed first. */
export class Stopped extends Error {
  constructor() {
    super('Stopped because another step failed.')
    this.name = 'Stopped'
  }
}

type Tasks<T extends readonly unknown[]> = {
  [K in keyof T]: (signal: AbortSignal) => Promise<T[K]>
}

/**
 * Run tasks at the same time. When one fails, the others are told to stop (their signal is
 * aborted with {@link Stopped}); once all have settled, the first real error is thrown. When
 * `parent` is aborted, every task is told to stop with its reason, which is then thrown.
 * Settling is prompt: a task that runs a command stops it within the runner's grace (see
 * command.ts), whether or not the program honours SIGTERM.
 */
export async function allOrStop<T extends readonly unknown[]>(
  tasks: Tasks<T>,
  parent?: AbortSignal
): Promise<T> {
  const controller = new AbortController()
  const stopAll = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) stopAll()
  else parent?.addEventListener('abort', stopAll, { once: true })
  let firstError: { error: unknown } | undefined
  const settled = await Promise.allSettled(
    tasks.map(async task => {
      try {
        return await task(controller.signal)
      } catch (error) {
        if (firstError === undefined && !(error instanceof Stopped) && !parent?.aborted) {
          firstError = { error }
          controller.abort(new Stopped())
        }
        throw error
      }
    })
  )
  parent?.removeEventListener('abort', stopAll)
  if (firstError !== undefined) throw firstError.error
  const stopped = settled.find(result => result.status === 'rejected')
  // A task stopped by the parent may fail in its own words (fs gives an AbortError): the
  // parent's reason is what happened.
  if (stopped !== undefined) throw parent?.aborted ? parent.reason : stopped.reason
  return settled.map(result => (result as PromiseFulfilledResult<unknown>).value) as unknown as T
}

/** `promise`, or the stop's reason as soon as `stop` is aborted. */
export function untilStopped<T>(promise: Promise<T>, stop: AbortSignal): Promise<T> {
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
