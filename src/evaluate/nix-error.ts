/**
 * Why an evaluation failed, read from what Nix printed: the flake output it was evaluating
 * (the deepest "while evaluating the flake output '…'" context that inspect.nix and
 * show-check.nix add) and Nix's own message, so that the error shown names both whatever the
 * length of Nix's trace.
 *
 * Nix prints an error in one of two layouts. Nix 2.8 puts the message first and the trace
 * after it (`error: boom` then `… while …` lines); newer Nix puts a bare `error:` first, the
 * trace, and the message last (`       error: boom`).
 */
import { CommandError } from '../process/command.js'

export interface EvaluationFailure {
  /** The output attribute, such as `packages.x86_64-linux.hello`, when Nix named one. */
  output?: string
  /** Nix's own message, without the trace. */
  message: string
}

const CONTEXT = /… while evaluating the flake output '([^'\n]*)'/g
const ERROR_LINE = /^(\s*)error: (.*)$/

/** Read a failed evaluation's stderr. Any text gives an answer; nothing here throws. */
export function readEvaluationFailure(stderr: string): EvaluationFailure {
  const outputs = [...stderr.matchAll(CONTEXT)].map(match => match[1])
  // The deepest context is the longest: every context on the trace is a prefix of the next.
  const output = outputs.reduce<string | undefined>(
    (deepest, path) => (deepest === undefined || path.length > deepest.length ? path : deepest),
    undefined
  )
  const lines = stderr.split('\n')
  const starts = lines.flatMap((line, index) => (ERROR_LINE.test(line) ? [index] : []))
  // Newer layout: the message is the last `error:` line; older layout: the first.
  const newLayout = lines.some(line => /^error:\s*$/.test(line))
  const start = newLayout ? starts.at(-1) : starts[0]
  const message =
    start === undefined ? lastLines(lines) : messageFrom(lines, start) || lastLines(lines)
  return output === undefined ? { message } : { output, message }
}

/** The `error:` line at `start` and the lines that continue it, up to a blank, trace or position line. */
function messageFrom(lines: string[], start: number): string {
  const first = ERROR_LINE.exec(lines[start])![2].trim()
  const rest: string[] = []
  for (const line of lines.slice(start + 1)) {
    const text = line.trim()
    if (text === '' || text.startsWith('…') || /^at .*:\d+:\d+:?$/.test(text)) break
    if (text.startsWith('(use') || text.startsWith('(stack trace')) break
    rest.push(text)
  }
  return [first, ...rest].filter(text => text !== '').join('\n')
}

function lastLines(lines: string[]): string {
  const kept = lines.map(line => line.trimEnd()).filter(line => line.trim() !== '')
  return kept.slice(-20).join('\n') || '(Nix printed nothing on stderr)'
}

/** The outputs evaluation failed: names the output attribute, Nix's message and the command. */
export class EvaluationError extends Error {
  constructor(
    readonly failure: EvaluationFailure,
    readonly command: CommandError
  ) {
    const where =
      failure.output === undefined
        ? 'The flake does not evaluate'
        : `The flake output \`${failure.output}\` does not evaluate`
    super(
      `${where}. Nix says:\nerror: ${failure.message}\n\n` +
        `(from \`${command.commandLine}\`, ${command.status}; Nix's whole trace is in the detailed log: \`-v\` for the command, debug logging for the action)`
    )
    this.name = 'EvaluationError'
  }

  static from(error: CommandError): EvaluationError {
    return new EvaluationError(readEvaluationFailure(error.stderr), error)
  }
}
