/**
 * GitHub Actions' way of reporting a run: workflow commands (groups, annotations, masks), step
 * outputs and the job summary. Everything printed has the run's secrets hidden, and text from
 * the flake or from Nix is printed so that the runner reads none of it as a command.
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { EOL } from 'node:os'
import type { Reporter, Verbosity } from '../log.js'
import type { Secrets } from '../secrets.js'
import { type EndedPhase, setOutputs, writeFailureSummary, writeSummary } from './github-summary.js'

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

/** How GitHub hides a secret: a mask the runner applies to everything the job prints. */
export function githubMask(value: string): void {
  core.setSecret(value)
}

/** `debug` in the runner's debug mode (re-run with debug logging, or `RUNNER_DEBUG=1`). */
export function githubVerbosity(): Verbosity {
  return core.isDebug() ? 'debug' : 'normal'
}

/**
 * GitHub Actions: the toolkit's workflow commands, step outputs and job summary. At `verbose`
 * the detail is printed; otherwise it goes to the runner's debug log, shown in its debug mode.
 */
export function githubReporter(secrets: Secrets, verbosity: Verbosity): Reporter {
  const hide = (text: string): string => secrets.hide(text)
  // Every phase that ended, for the summary of a failed run.
  const ended: EndedPhase[] = []
  return {
    verbosity,
    info: line => printInert([hide(line)]),
    // Annotations and debug lines are workflow commands whose text the toolkit escapes (`%`,
    // CR, LF), so their text cannot start a command of its own.
    warning: message => core.warning(hide(message)),
    debug: message =>
      verbosity === 'verbose' ? printInert([hide(message)]) : core.debug(hide(message)),
    phaseStarted: name => core.info(`▶ ${hide(name)}…`),
    phaseEnded(name, outcome, seconds, lines) {
      ended.push({ name, outcome, seconds })
      core.startGroup(hide(`${name} (${outcome} in ${seconds.toFixed(2)} s)`))
      printInert(lines.map(hide))
      core.endGroup()
    },
    async finished(release, outcome, timings, where) {
      setOutputs(release, outcome)
      // Always there on a runner; the command may also run in a step that has no summary.
      if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(release, outcome, timings, where)
    },
    async failed(message, exitCode = 1, at) {
      // An error placed in the flake's files is annotated on its line (the file from the
      // repository's top, as GitHub places annotations).
      if (at === undefined) core.setFailed(hide(message))
      else
        core.error(hide(message), {
          file: at.file,
          startLine: at.line,
          startColumn: at.column
        })
      process.exitCode = exitCode
      if (process.env.GITHUB_STEP_SUMMARY) await writeFailureSummary(hide(message), ended)
    }
  }
}
