/** Turn any thrown value into a message a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/**
 * One or more inputs are wrong. Each problem names the input and says what to write instead;
 * they are reported together in a single annotation before anything else runs.
 */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'InputError'
  }
}

/** The signals that cancel a run: a runner's cancel, Ctrl-C, `kill`. */
export type CancelSignal = 'SIGINT' | 'SIGTERM'

/** The run was cancelled by a signal: the reason its AbortSignal carries. */
export class Cancelled extends Error {
  constructor(readonly signal: CancelSignal) {
    super(`Cancelled by ${signal}.`)
    this.name = 'Cancelled'
  }

  /** The exit status of a program ended by the signal, as shells report it: 130 or 143. */
  get exitCode(): number {
    return 128 + (this.signal === 'SIGINT' ? 2 : 15)
  }

  /** The one line that says so; `publishing`: FlakeHub may have been told part of it. */
  report(publishing: boolean): string {
    return publishing
      ? `The run was cancelled (${this.signal}) while publishing: FlakeHub may or may not have this version now; run it again to be sure.`
      : `The run was cancelled (${this.signal}) before anything was published: its Nix and Git processes are stopped and its scratch folder removed.`
  }
}
