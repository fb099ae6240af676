/**
 * The ground floor: how a run tells people what happens. It imports nothing of this project, so
 * that any module may take a {@link Log} (the channel every step says its lines through) without
 * being tied to where the run happens. Each place (src/places/) has its {@link Reporter}: GitHub's
 * workflow commands and job summary, plain text, GitLab's sections. The entry point builds it and
 * hands it down; no module reaches for a reporter of its own.
 */

/**
 * How much a run says: `quiet` only warnings, errors and the result; `normal` the phases and
 * their lines; `verbose` (`-v`) also the detail, such as Nix's stderr as it comes; `debug` (`-vv`,
 * or a runner's debug mode) everything.
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose' | 'debug'

export const VERBOSITIES: readonly Verbosity[] = ['quiet', 'normal', 'verbose', 'debug']

/** Whether a log at `verbosity` shows what is said at `level`. */
export function shows(verbosity: Verbosity, level: Verbosity): boolean {
  return VERBOSITIES.indexOf(verbosity) >= VERBOSITIES.indexOf(level)
}

/** The log channel: what any step may say. */
export interface Log {
  readonly verbosity: Verbosity
  info(line: string): void
  warning(message: string): void
  /** Detail, shown from `verbose` on (and kept in GitHub's debug log). */
  debug(message: string): void
}

/** A phase's log: lines kept until the phase ends, then shown as one block. */
export interface PhaseLog {
  info(line: string): void
}

/** How a line that shows a command starts (`$ nix eval …`): detail, shown from `verbose` on. */
export const COMMAND_MARK = '$ '

/** Whether `line` shows a command the run started. */
export function isCommand(line: string): boolean {
  return line.startsWith(COMMAND_MARK)
}

/** A log that says nothing, for work done outside a run. */
export const SILENT: Log = {
  verbosity: 'quiet',
  info: () => {},
  warning: () => {},
  debug: () => {}
}

/** How a run ended, as a report says it. */
export type Outcome = 'published' | 'already-published' | 'dry-run'

/** Where a finished run's release went: FlakeHub, or a folder in a dry run. */
export type Destination = { host: string } | { destDir: string }

/** Seconds spent per phase name, in the order phases ended. */
export type Timings = Map<string, number>

/** What a report shows of a release (a release holds all of it, and more). */
export interface ShownRelease {
  uploadName: string
  version: string
  flakeRefs: { atLeast: string; exact: string }
  metadata: {
    visibility: string
    revision: string
    labels: readonly string[]
    spdx_identifier: string | null
    outputs: { counts: Record<string, number> }
  }
  tarball: {
    size: number
    entries: number
    sha256: string
    narHash: string
    narHashVerifiedBy: string
  }
}

/** Where a run's phases, outputs and failure go; also its {@link Log}. */
export interface Reporter extends Log {
  phaseStarted(name: string): void
  /** A phase ended: its lines, kept until now so that phases running together never mix. */
  phaseEnded(name: string, outcome: string, seconds: number, lines: readonly string[]): void
  /** The run succeeded: say what was released and hand on the outputs. */
  finished(
    release: ShownRelease,
    outcome: Outcome,
    timings: Timings,
    where: Destination
  ): Promise<void>
  /**
   * The run failed: one error, and a failing exit status (1 unless given: 130 after SIGINT);
   * `at`, where in the flake's files the error is, when Nix said.
   */
  failed(message: string, exitCode?: number, at?: SourcePosition): void | Promise<void>
}

/** A place in a file of the repository: its path from the repository's top, line and column. */
export interface SourcePosition {
  file: string
  line: number
  column: number
}
