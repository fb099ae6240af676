/**
 * The services a run uses, built by the entry point (index.ts for the action, cli.ts for the
 * command) and handed to `run()`: nothing in the pipeline makes its own. Tests hand in others.
 */
import type { HttpTransport } from './flakehub/wire.js'
import type { Log, Reporter } from './log.js'
import type { CommandRunner } from './process/command.js'
import type { Priority } from './process/priority.js'
import type { Secrets } from './secrets.js'

export interface Services {
  /** Where the run's phases, lines, outputs and failure go. */
  reporter: Reporter
  /** The run's secrets: masked where it runs, redacted from everything shown. */
  secrets: Secrets
  /** Runs `nix` and `git`. */
  runner: CommandRunner
  /** Carries every HTTP call. */
  http: HttpTransport
  /** The time, in milliseconds since the epoch. */
  now: () => number
  /** Aborted when the run is cancelled (SIGINT, SIGTERM). */
  signal: AbortSignal
  /**
   * Lowers packing's priority once `nix` evaluates, so that packing does not slow the evaluators
   * (process/priority.ts); a test in-process leaves its own process alone.
   */
  priority: Priority
}

/** What the steps that call services need: the log, the secrets, the transport and the time. */
export type CallServices = Pick<Services, 'secrets' | 'http' | 'now'> & { log: Log }
