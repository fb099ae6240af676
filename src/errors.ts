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
