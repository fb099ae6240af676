/**
 * Running programs (`nix`, `git`): argument arrays, never a shell. Output is captured; a
 * non-zero exit becomes a {@link CommandError} that shows the command, its status and stderr.
 *
 * This uses `child_process.spawn` rather than `@actions/exec` because evaluation runs several
 * Nix processes at once and must be able to stop the rest when one fails: `@actions/exec` offers
 * no way to end a process it started.
 */
import { spawn } from 'node:child_process'
import { log as report } from './reporter.js'

export interface CommandResult {
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** Ends the process (SIGTERM) when aborted; the call then rejects with the abort reason. */
  signal?: AbortSignal
  /** Where the command line is logged; the reporter's log by default. */
  log?: (line: string) => void
  /** Do not read stdout (the result's `stdout` is then empty). */
  discardStdout?: boolean
}

/** The one way the action starts a program; tests swap it for a fake. */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>
}

/** How much of a failing command's stderr is kept and shown (the end of it, where Nix's error is). */
const STDERR_TAIL = 64 * 1024

export class CommandError extends Error {
  constructor(
    readonly commandLine: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    exitSignal: string | null = null
  ) {
    const status =
      exitCode !== null
        ? `exited with status ${exitCode}`
        : exitSignal !== null
          ? `was killed by ${exitSignal}`
          : 'could not be started'
    super(`\`${commandLine}\` ${status}:\n${stderr.trim() || '(no output on stderr)'}`)
    this.name = 'CommandError'
  }
}

/** Quote an argument for display only (the command itself never goes through a shell). */
export function showCommand(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map(a => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ')
}

/** Runs real processes. stderr lines also go to the debug log as they arrive. */
export const processRunner: CommandRunner = {
  run(command, args, options = {}) {
    const commandLine = showCommand(command, args)
    const log = options.log ?? report.info
    log(`$ ${commandLine}`)
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        signal: options.signal,
        stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe']
      })
      const stdout: Buffer[] = []
      const stderr = new Tail(STDERR_TAIL)
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
      const errors = child.stderr! // Always piped.
      errors.setEncoding('utf8')
      errors.on('data', (chunk: string) => {
        stderr.push(chunk)
        if (report.isDebug()) report.debug(chunk.trimEnd())
      })
      child.on('error', error => {
        if (options.signal?.aborted) reject(options.signal.reason)
        else {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
          const hint = missing ? `\n${command} is not on PATH: install it in an earlier step.` : ''
          reject(new CommandError(commandLine, null, `${error.message}${hint}`))
        }
      })
      child.on('close', (code, signal) => {
        if (options.signal?.aborted) return reject(options.signal.reason)
        if (code === 0)
          resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: stderr.text() })
        else reject(new CommandError(commandLine, code, stderr.text(), signal))
      })
    })
  }
}

/**
 * The last `limit` characters of a stream of text, kept as chunks: Nix prints a line per
 * attribute it evaluates, and joining each to the whole so far would copy it all every time.
 */
class Tail {
  private chunks: string[] = []
  private length = 0

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    this.chunks.push(chunk)
    this.length += chunk.length
    while (this.length - this.chunks[0].length >= this.limit)
      this.length -= this.chunks.shift()!.length
  }

  text(): string {
    return this.chunks.join('').slice(-this.limit)
  }
}
