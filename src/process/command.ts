/**
 * Running programs (`nix`, `git`): argument arrays, never a shell. Output is captured; a
 * non-zero exit becomes a {@link CommandError} that shows the command, its status and stderr.
 *
 * This uses `child_process.spawn` rather than `@actions/exec` because evaluation runs several
 * Nix processes at once and must be able to stop the rest when one fails: `@actions/exec` offers
 * no way to end a process it started.
 *
 * Every child runs in a process group of its own, so that stopping it also stops what it
 * started (Nix's own helpers, Git's). A stop is SIGTERM to the group, then SIGKILL to what is
 * left of the group after {@link STOP_GRACE_MS}: Nix 2.8 ignores SIGTERM while it evaluates, and
 * a child of ours must never outlive the run (it would keep running under init, holding the CPU
 * and the store's locks).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import type { Readable } from 'node:stream'
import { childEnvironment } from './child-env.js'
import { COMMAND_MARK, type Log, SILENT, shows } from '../log.js'

export interface CommandResult {
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /**
   * Stops the process and its group when aborted (see {@link stopGroup}); the call then rejects
   * with the abort reason, once the group is gone. Already aborted: nothing is started.
   */
  signal?: AbortSignal
  /** Where the command line is logged; the runner's log by default. */
  log?: (line: string) => void
  /** Do not read stdout (the result's `stdout` is then empty). */
  discardStdout?: boolean
  /**
   * Hand stdout to this, as a stream, instead of collecting it (the result's `stdout` is then
   * empty): for output read as it comes, with backpressure.
   */
  stdout?: (stream: Readable) => void
  /** What to write to the child's stdin (which is then closed); by default it has none. */
  input?: string | Buffer
  /** Called with its process id once the process has been started (not when it could not be). */
  onSpawn?: (pid: number) => void
  /** Called with each piece of stderr as it arrives (it is also kept for the error, as always). */
  onStderr?: (chunk: string) => void
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

/**
 * How long a stopped child's process group has, after SIGTERM, before SIGKILL. Long enough for
 * a program that honours SIGTERM (Git, a newer Nix between evaluations) to end cleanly, removing
 * its temporary files and releasing its locks; short enough that a run cancelled by a runner
 * (SIGINT, then SIGTERM 7.5 s later, then SIGKILL) has stopped everything and cleaned up well
 * before the runner's SIGTERM, whatever else was in flight.
 */
export const STOP_GRACE_MS = 2000

/** Signals to process groups, and whether one still runs. */
export interface ProcessGroups {
  /** `kill(-pgid, signal)`; false when no process of the group is left. */
  signal(pgid: number, signal: 'SIGTERM' | 'SIGKILL'): boolean
  /** Whether a process of the group still runs (one that exited and awaits reaping does not). */
  alive(pgid: number): boolean
}

/** `kill(-pgid, signal)`: false when no process of the group is left (ESRCH). */
function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    throw error
  }
}

export const processGroups: ProcessGroups = {
  signal: killGroup,
  alive(pgid) {
    const states = groupStates(pgid)
    // Without /proc, any member counts, zombies too.
    if (states === undefined) return killGroup(pgid, 0)
    return states.some(state => state !== 'Z' && state !== 'X')
  }
}

/**
 * The states (R, S, D, Z, …) of the processes of group `pgid`, from /proc; undefined where there
 * is no /proc. A zombie is a process that has exited and that its parent has not reaped: an
 * orphan's parent is init, which in a container may reap late or never, and `kill(-pgid, 0)`
 * still finds the group while it holds one.
 */
function groupStates(pgid: number): string[] | undefined {
  let entries: string[]
  try {
    entries = fs.readdirSync('/proc')
  } catch {
    return undefined
  }
  const states: string[] = []
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(group) === pgid) states.push(state)
  }
  return states
}

/**
 * After SIGKILL, how long to wait for the group to be gone (SIGKILL is delivered at the
 * process's next return from the kernel; one stuck in uninterruptible I/O is not waited for).
 */
const KILLED_WITHIN_MS = 1000

const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Whether `promise` resolves within `ms` (the timer is cleared when it does). */
function within(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms)
    void promise.then(() => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** Resolves once no process of group `pgid` runs, or after `limitMs`; true if it is gone. */
async function untilGone(
  pgid: number,
  groups: ProcessGroups,
  limitMs: number,
  everyMs: number
): Promise<boolean> {
  const until = Date.now() + limitMs
  for (;;) {
    if (!groups.alive(pgid)) return true
    const left = until - Date.now()
    if (left <= 0) return false
    await pause(Math.min(everyMs, left))
  }
}

/**
 * Stop `child`'s process group: SIGTERM now, SIGKILL to whatever of the group is left after
 * `graceMs`. Resolves once the group is gone: a child that exits on SIGTERM, with everything it
 * started, is never sent SIGKILL.
 */
async function stopGroup(
  child: ChildProcess,
  closed: Promise<void>,
  graceMs: number,
  groups: ProcessGroups
): Promise<void> {
  const pgid = child.pid
  if (pgid === undefined || !groups.signal(pgid, 'SIGTERM')) return closed
  const graceEnds = Date.now() + graceMs
  // The child has closed (it, and whatever held its output, ended); the rest of its group may
  // take a moment longer to end on the same SIGTERM.
  if (await within(closed, graceMs)) {
    if (await untilGone(pgid, groups, graceEnds - Date.now(), 50)) return
  }
  groups.signal(pgid, 'SIGKILL')
  await closed
  await untilGone(pgid, groups, KILLED_WITHIN_MS, 10)
}

export interface ProcessRunnerOptions {
  /** How long a stopped group has before SIGKILL ({@link STOP_GRACE_MS}). */
  graceMs?: number
  /** How process groups are signalled and watched ({@link processGroups}); tests record it. */
  groups?: ProcessGroups
  /** Where command lines go (unless a call says), and stderr as it comes from `verbose` on. */
  log?: Log
}

/** A runner of real processes, each in its own process group. */
export function makeProcessRunner(settings: ProcessRunnerOptions = {}): CommandRunner {
  const context: RunnerContext = {
    graceMs: settings.graceMs ?? STOP_GRACE_MS,
    groups: settings.groups ?? processGroups,
    report: settings.log ?? SILENT
  }
  return {
    run(command, args, options = {}) {
      const { signal } = options
      // Nothing is started once the run is stopping.
      if (signal?.aborted) return Promise.reject(signal.reason)
      ;(options.log ?? context.report.info)(`${COMMAND_MARK}${showCommand(command, args)}`)
      return runChild(command, args, options, context)
    }
  }
}

/** What running a child needs beside its command: the runner's grace, groups and log. */
interface RunnerContext {
  graceMs: number
  groups: ProcessGroups
  report: Log
}

/**
 * Start `command` in a process group of its own (detached: it leads a new group and session,
 * so the whole group can be signalled; never unref'd: this process waits for it), its stdout
 * kept and its stderr too, told to `report` as detail as it comes from `verbose` on.
 */
function startChild(
  command: string,
  args: readonly string[],
  options: RunOptions,
  report: Log
): { child: ChildProcess; output: () => CommandResult } {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: childEnvironment(process.env, options.env),
    detached: true,
    stdio: [
      options.input === undefined ? 'ignore' : 'pipe',
      options.discardStdout ? 'ignore' : 'pipe',
      'pipe'
    ]
  })
  child.once('spawn', () => options.onSpawn?.(child.pid!))
  // A child that ends without reading all of its input closes the pipe: its own business.
  child.stdin?.on('error', () => {})
  child.stdin?.end(options.input)
  const stdout: Buffer[] = []
  const stderr = new HeadAndTail(STDERR_HEAD, STDERR_TAIL)
  if (options.stdout !== undefined && child.stdout !== null) options.stdout(child.stdout)
  else child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
  const errors = child.stderr! // Always piped.
  errors.setEncoding('utf8')
  errors.on('data', (chunk: string) => {
    stderr.push(chunk)
    if (shows(report.verbosity, 'verbose')) report.debug(chunk.trimEnd())
    options.onStderr?.(chunk)
  })
  return {
    child,
    output: () => ({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: stderr.text() })
  }
}

/**
 * Run `command` to its end: its output, or a {@link CommandError}. When `options.signal` is
 * aborted, its process group is stopped (see {@link stopGroup}) and the abort's reason thrown
 * once the group is gone.
 */
function runChild(
  command: string,
  args: readonly string[],
  options: RunOptions,
  { graceMs, groups, report }: RunnerContext
): Promise<CommandResult> {
  const { signal } = options
  const commandLine = showCommand(command, args)
  return new Promise((resolve, reject) => {
    const { child, output } = startChild(command, args, options, report)
    let stopped: Promise<void> | undefined
    let markClosed!: () => void
    const closed = new Promise<void>(resolve => (markClosed = resolve))
    const stop = (): void => {
      stopped ??= stopGroup(child, closed, graceMs, groups)
    }
    signal?.addEventListener('abort', stop, { once: true })
    let settled = false
    const settle = (outcome: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', stop)
      markClosed()
      if (stopped === undefined) outcome()
      else void stopped.then(() => reject(signal!.reason))
    }
    child.on('error', error => {
      // A child that could not be started (it has no pid); Node still emits 'close' after.
      if (child.pid !== undefined) return
      settle(() => {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
        const hint = missing ? `\n${command} is not on PATH: install it in an earlier step.` : ''
        reject(new CommandError(commandLine, null, `${error.message}${hint}`))
      })
    })
    child.on('close', (code, exitSignal) => {
      settle(() => {
        if (code === 0) resolve(output())
        else reject(new CommandError(commandLine, code, output().stderr, exitSignal))
      })
    })
  })
}

/** Runs real processes, and says nothing unless a call gives its log. */
export const processRunner: CommandRunner = makeProcessRunner()

/** `runner`, every command of which is also stopped when `signal` is aborted. */
export function stoppedBy(runner: CommandRunner, signal: AbortSignal): CommandRunner {
  return {
    run: (command, args, options = {}) =>
      runner.run(command, args, {
        ...options,
        signal: options.signal === undefined ? signal : AbortSignal.any([signal, options.signal])
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
