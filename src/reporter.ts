/**
 * How a run is reported. The GitHub Action speaks in workflow commands (groups, annotations,
 * masks, step outputs, the job summary); the command line prints plain text or GitLab sections
 * (see src/cli/). The place a run happens in picks one {@link Reporter}; the pipeline hands its
 * phases, outputs and failure to it, and the steps deep inside (Git, Nix, HTTP retries, the
 * token) log their lines through {@link log}, which goes to the same reporter.
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { EOL } from 'node:os'
import { rememberSecret } from './redact.js'
import { Release } from './release.js'
import { Outcome, setOutputs, writeSummary } from './summary.js'
import { Timings } from './timing.js'

/** Where a finished run's release went: FlakeHub, or a folder in a dry run. */
export type Destination = { host: string } | { destDir: string }

export interface Reporter {
  info(line: string): void
  warning(message: string): void
  debug(message: string): void
  isDebug(): boolean
  /** A value (a token) that must never appear in the log, from now on. */
  secret(value: string): void
  phaseStarted(name: string): void
  /** A phase ended: its lines, kept until now so that phases running together never mix. */
  phaseEnded(name: string, outcome: string, seconds: number, lines: readonly string[]): void
  /** The run succeeded: say what was released and hand on the outputs. */
  finished(release: Release, outcome: Outcome, timings: Timings, where: Destination): Promise<void>
  /** The run failed: one error, and a failing exit status (1 unless given: 130 after SIGINT). */
  failed(message: string, exitCode?: number): void
}

/** A line the runner could read as a workflow command: `::name::` at its start, or `##[` anywhere. */
const COMMAND_LIKE = /^\s*::|##\[/

/**
 * Print `lines` so that the runner reads none of them as a workflow command, whatever they hold
 * (names and messages from the flake, Nix's own output): lines that could be one are framed by
 * `::stop-commands::<token>` and `::<token>::`, with a token nobody can guess. Masks are never
 * registered inside the frame (the runner would ignore them there); printing is synchronous, so
 * nothing else can print in between.
 */
export function printInert(lines: readonly string[]): void {
  if (!lines.some(line => line.split(/\r?\n|\r/).some(part => COMMAND_LIKE.test(part)))) {
    for (const line of lines) core.info(line)
    return
  }
  const token = randomBytes(16).toString('hex')
  process.stdout.write(`::stop-commands::${token}${EOL}${lines.join(EOL)}${EOL}::${token}::${EOL}`)
}

/** GitHub Actions: the toolkit's workflow commands, step outputs and job summary. */
export const githubReporter: Reporter = {
  info: line => printInert([line]),
  // Annotations and debug lines are workflow commands whose text the toolkit escapes (`%`,
  // CR, LF), so their text cannot start a command of its own.
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  isDebug: () => core.isDebug(),
  secret: value => core.setSecret(value),
  phaseStarted: name => core.info(`▶ ${name}…`),
  phaseEnded(name, outcome, seconds, lines) {
    core.startGroup(`${name} (${outcome} in ${seconds.toFixed(2)} s)`)
    printInert(lines)
    core.endGroup()
  },
  async finished(release, outcome, timings, where) {
    setOutputs(release)
    // Always there on a runner; the command may also run in a step that has no summary.
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(release, outcome, timings, where)
  },
  failed(message, exitCode = 1) {
    core.setFailed(message)
    process.exitCode = exitCode
  }
}

let current: Reporter = githubReporter

/** Make `reporter` the one every log line goes to (the entry points do this first). */
export function useReporter(reporter: Reporter): void {
  current = reporter
}

/** The current reporter's log lines, for the steps that do not hold the reporter themselves. */
export const log = {
  info: (line: string): void => current.info(line),
  warning: (message: string): void => current.warning(message),
  debug: (message: string): void => current.debug(message),
  isDebug: (): boolean => current.isDebug(),
  /** Masked in the log, and redacted (also when cut) from every body an error quotes. */
  secret: (value: string): void => {
    rememberSecret(value)
    current.secret(value)
  },
  phaseStarted: (name: string): void => current.phaseStarted(name),
  phaseEnded: (name: string, outcome: string, seconds: number, lines: readonly string[]): void =>
    current.phaseEnded(name, outcome, seconds, lines)
}
