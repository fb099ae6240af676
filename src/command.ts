/**
 * Running programs (`nix`, `git`): argument arrays, never a shell. Output is captured; a
 * non-zero exit becomes a {@link CommandError} that shows the command, its status and stderr.
 *
 * This uses `child_process.spawn` rather than `@actions/exec` because evaluation runs several
 * Nix processes at once and must be able to stop the rest when one fails: `@actions/exec` offers
 * no way to end a process it started.
 */
import { spawn } from 'node:child_process'
import { childEnvironment } from './child-env.js'
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
  /** Called once the process has been started (not when it could not be). */
  onSpawn?: () => void
  /** Variables to set for the child, beside this process's (never its tokens: see child-env.ts). */
  env?: Record<string, string>
}

/** The one way the action starts a program; tests swap it for a fake. */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>
}

/**
 * How much of a failing command's stderr is kept and shown: its start (where Nix 2.8 puts the
 * message) and its end (where newer Nix puts it).
 */
const STDERR_HEAD = 16 * 1024
const STDERR_TAIL = 64 * 1024

export class CommandError extends Error {
  /** How it ended: "exited with status 1", "was killed by SIGTERM" or "could not be started". */
  readonly status: string

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
    this.status = status
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
        env: childEnvironment(process.env, options.env),
        signal: options.signal,
        stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe']
      })
      child.once('spawn', () => options.onSpawn?.())
      const stdout: Buffer[] = []
      const stderr = new HeadAndTail(STDERR_HEAD, STDERR_TAIL)
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
 * The first `headLimit` and the last `tailLimit` characters of a stream of text, the tail kept
 * as chunks: Nix prints a line per attribute it evaluates, and joining each to the whole so far
 * would copy it all every time. What was left out between them is marked.
 */
export class HeadAndTail {
  private head = ''
  private chunks: string[] = []
  private length = 0
  private dropped = 0

  constructor(
    private readonly headLimit: number,
    private readonly tailLimit: number
  ) {}

  push(chunk: string): void {
    if (this.head.length < this.headLimit) {
      const room = this.headLimit - this.head.length
      this.head += chunk.slice(0, room)
      chunk = chunk.slice(room)
      if (chunk === '') return
    }
    this.chunks.push(chunk)
    this.length += chunk.length
    while (this.length - this.chunks[0].length >= this.tailLimit) {
      const first = this.chunks.shift()!
      this.length -= first.length
      this.dropped += first.length
    }
  }

  text(): string {
    const tail = this.chunks.join('')
    const cut = Math.max(0, tail.length - this.tailLimit)
    const dropped = this.dropped + cut
    const gap = dropped > 0 ? `\n[… ${dropped} characters left out …]\n` : ''
    return this.head + gap + tail.slice(cut)
  }
}
