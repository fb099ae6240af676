/**
 * Where in the flake's own files an evaluation failed: the position Nix's trace gives in the
 * flake's source, nearest to Nix's message. Nix names that source by its store path (the
 * repository's top at the commit: 2.8, 2.26) or by the Git URL of the commit
 * (`«git+file:///…?rev=<sha>»/sub/flake.nix:4:7`: 2.34). The error then starts with `file:line:column`, and the action's annotation carries
 * them, so that GitHub shows it on the line.
 */
import type { SourcePosition } from '../log.js'
import { EvaluationError } from './nix-error.js'

const ERROR_LINE = /^\s*error:/

/** How Nix names the flake's source: its store path, and the commit its Git URL holds. */
export interface FlakeRoot {
  storePath: string
  revision?: string
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The position in `stderr` of a file in the flake's source (`root`) nearest to Nix's message
 * (before it in newer Nix, after it in 2.8), its file relative to the repository's top;
 * undefined when Nix named none there.
 */
export function flakePosition(stderr: string, root: FlakeRoot): SourcePosition | undefined {
  const lines = stderr.split('\n')
  const messages = lines.flatMap((line, index) => (ERROR_LINE.test(line) ? [index] : []))
  const newLayout = lines.some(line => /^error:\s*$/.test(line))
  const message = (newLayout ? messages.at(-1) : messages[0]) ?? 0
  const roots = [escape(root.storePath)]
  if (root.revision !== undefined) roots.push(`«[^»\\n]*[?&]rev=${escape(root.revision)}[^»\\n]*»`)
  const at = new RegExp(`(?:${roots.join('|')})/([^:\\n]+):(\\d+):(\\d+)`)
  let nearest: { position: SourcePosition; distance: number } | undefined
  lines.forEach((line, index) => {
    const match = at.exec(line)
    if (match === null) return
    const distance = Math.abs(index - message)
    if (nearest !== undefined && distance >= nearest.distance) return
    const position = { file: match[1], line: Number(match[2]), column: Number(match[3]) }
    nearest = { position, distance }
  })
  return nearest?.position
}

/** An evaluation error that Nix placed in the flake's files. */
export class LocatedError extends Error {
  constructor(
    readonly at: SourcePosition,
    message: string
  ) {
    super(message)
    this.name = 'LocatedError'
  }
}

/**
 * `error`, placed in the flake's files when it is an evaluation error whose trace names a
 * position in the flake's source (`root`); else `error` as it is.
 */
export function locateError(error: unknown, root: FlakeRoot): unknown {
  if (!(error instanceof EvaluationError)) return error
  const at = flakePosition(error.command.stderr, root)
  if (at === undefined) return error
  return new LocatedError(at, `${at.file}:${at.line}:${at.column}: ${error.message}`)
}
