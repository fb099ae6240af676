/**
 * Reporting outside GitHub Actions: plain text, or GitLab's collapsible sections; never a
 * workflow command. Each phase prints as one block with its duration when it ends; on a
 * terminal, a status line shows the phases still running. The run's secrets are replaced by
 * `***` in everything printed, and control characters shown escaped.
 */
import * as fs from 'node:fs/promises'
import {
  type Outcome,
  type Reporter,
  type ShownRelease,
  type Verbosity,
  isCommand,
  shows
} from '../log.js'
import type { Destination, Timings } from '../log.js'
import { HEADINGS, flakePage, outputsOf } from '../report.js'
import type { Secrets } from '../secrets.js'
import type { ReporterOptions, Sink } from './place.js'

export interface TextReporterOptions {
  out: Sink
  err: Sink
  /** GitLab CI: phases as collapsible sections. */
  gitlab: boolean
  /** ANSI colours for warnings and errors. */
  color: boolean
  /** A status line of the running phases on `err` (a terminal). */
  progress: boolean
  /**
   * A line as each phase starts, where there is no status line (true unless said): in CI, where
   * a long phase would otherwise leave the log silent, and from `verbose` on.
   */
  announce?: boolean
  verbosity: Verbosity
  /** The run's secrets, hidden in everything printed. */
  secrets: Secrets
  now?: () => number
  /** Sets the exit status on failure (process.exitCode by default). */
  exit?: (code: number) => void
}

const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'

/** The status line on a terminal: the phases running, with their times, redrawn every 100 ms. */
class StatusLine {
  private readonly running = new Map<string, number>()
  private shown = false
  private ticker: ReturnType<typeof setInterval> | undefined
  private frame = 0

  constructor(
    private readonly err: Sink,
    private readonly enabled: boolean,
    private readonly now: () => number
  ) {}

  /** When `name` started, if it is running. */
  startOf(name: string): number | undefined {
    return this.running.get(name)
  }

  start(name: string): void {
    this.running.set(name, this.now())
    if (!this.enabled) return
    this.ticker ??= setInterval(() => {
      this.clear()
      this.draw()
    }, 100)
    this.ticker.unref()
    this.draw()
  }

  end(name: string): void {
    this.running.delete(name)
    if (this.running.size === 0) this.stop()
  }

  stop(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker)
    this.ticker = undefined
  }

  clear(): void {
    if (this.shown) this.err.write('\r\x1b[K')
    this.shown = false
  }

  draw(): void {
    if (!this.enabled || this.running.size === 0) return
    const at = this.now()
    const phases = [...this.running].map(
      ([name, started]) => `${name} ${((at - started) / 1000).toFixed(1)} s`
    )
    const line = `${SPINNER[this.frame++ % SPINNER.length]} ${phases.join(' · ')}`
    this.err.write(`\r\x1b[K${line.slice(0, Math.max(20, (this.err.columns || 80) - 1))}`)
    this.shown = true
  }
}

/** A phase's block: a collapsed GitLab section stamped with its start and end, or plain lines. */
function phaseBlock(
  title: string,
  lines: readonly string[],
  gitlab: { id: string; started: number; ended: number } | undefined
): string {
  if (gitlab === undefined) return [`== ${title}`, ...lines.map(line => `   ${line}`)].join('\n')
  const at = (ms: number): number => Math.floor(ms / 1000)
  const body = lines.map(line => `\n${line}`).join('')
  return (
    `\x1b[0Ksection_start:${at(gitlab.started)}:${gitlab.id}[collapsed=true]\r\x1b[0K${title}${body}\n` +
    `\x1b[0Ksection_end:${at(gitlab.ended)}:${gitlab.id}\r\x1b[0K`
  )
}

/** A CI's flag variable is set: `true` or `1` (`false`, `0` or empty are not). */
export function isSet(value: string | undefined): boolean {
  return value !== undefined && /^(true|1)$/i.test(value.trim())
}

/** The runner's debug mode, as GitLab (`CI_DEBUG_TRACE`) or GitHub (`RUNNER_DEBUG`) sets it. */
function debugRequested(env: NodeJS.ProcessEnv): boolean {
  return env.CI_DEBUG_TRACE === 'true' || env.RUNNER_DEBUG === '1'
}

/**
 * The reporter of a place outside GitHub: colours where GitLab shows them or on a terminal
 * (unless `NO_COLOR`), a status line on a terminal outside CI, everything in a debug mode.
 */
export function placeTextReporter(
  options: ReporterOptions,
  env: NodeJS.ProcessEnv,
  gitlab: boolean
): Reporter {
  const terminal = options.err.isTTY === true
  const verbosity = debugRequested(env) ? 'debug' : options.verbosity
  return textReporter({
    ...options,
    gitlab,
    color: !env.NO_COLOR && (gitlab || terminal),
    progress: terminal && !isSet(env.CI),
    announce: gitlab || isSet(env.CI) || shows(verbosity, 'verbose'),
    verbosity
  })
}

export function textReporter(options: TextReporterOptions): Reporter {
  const { out, err, gitlab, verbosity } = options
  const now = options.now ?? Date.now
  const status = new StatusLine(err, options.progress, now)
  let sections = 0
  const paint = (code: string, text: string): string =>
    options.color ? `\x1b[${code}m${text}\x1b[0m` : text
  // What is shown of a text: secrets out, and control characters (from the flake, or Nix)
  // escaped, so that only this reporter's own colours and sections reach the terminal.
  const shown = (text: string): string => escapeControls(options.secrets.hide(text))
  /** Write `text` as it is: the caller has escaped what came from elsewhere (see `shown`). */
  const print = (sink: Sink, text: string): void => {
    status.clear()
    sink.write(`${text}\n`)
    status.draw()
  }
  const quiet = !shows(verbosity, 'normal')
  // The commands run are detail: shown from `verbose` on.
  const kept = (line: string): boolean => shows(verbosity, 'verbose') || !isCommand(line)
  const announce = !options.progress && !quiet && options.announce !== false
  return {
    verbosity,
    info: line => {
      if (!quiet && kept(line)) print(out, shown(line))
    },
    warning: message => print(err, `${paint('33;1', 'warning:')} ${shown(message)}`),
    debug: message => {
      if (shows(verbosity, 'verbose')) print(out, `debug: ${shown(message)}`)
    },
    phaseStarted(name) {
      status.start(name)
      if (announce) print(out, `▶ ${shown(name)}…`)
    },
    phaseEnded(name, outcome, seconds, lines) {
      const started = status.startOf(name) ?? now() - seconds * 1000
      status.end(name)
      if (quiet) return
      const title = shown(`${name} (${outcome} in ${seconds.toFixed(2)} s)`)
      const section = gitlab
        ? { id: `flakehub_push_${++sections}`, started, ended: now() }
        : undefined
      print(out, phaseBlock(title, lines.filter(kept).map(shown), section))
    },
    async finished(release, outcome, timings, where) {
      for (const line of resultLines(release, outcome, timings, where)) print(out, shown(line))
    },
    failed(message, exitCode = 1) {
      status.clear()
      status.stop()
      const [first, ...rest] = shown(message).split('\n')
      const block = [`${paint('31;1', 'error:')} ${first}`, ...rest.map(line => `  ${line}`)]
      err.write(`${block.join('\n')}\n`)
      ;(options.exit ?? (code => (process.exitCode = code)))(exitCode)
    }
  }
}

/**
 * `text` with every control character but newline and tab shown as an escape (`\x1b`, `\r`,
 * `\u009b`): a flake's names and Nix's messages cannot move the cursor, colour the terminal,
 * or open a GitLab section.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, c => {
    if (c === '\r') return '\\r'
    const code = c.charCodeAt(0)
    return code <= 0x7f
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** The result of a finished run: a heading, the release, the times and what to do next. */
function resultLines(
  release: ShownRelease,
  outcome: Outcome,
  timings: Timings,
  where: Destination
): string[] {
  const times = [...timings].map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(', ')
  return [
    ['', `${HEADINGS[outcome]} ${release.uploadName} ${release.version}`].join('\n'),
    ...releaseLines(release, where),
    `time:     ${times}`,
    `next:     ${nextStep(release, outcome, where)}`
  ]
}

/** What to do once the run has finished, in one line. */
function nextStep(release: ShownRelease, outcome: Outcome, where: Destination): string {
  if ('destDir' in where)
    return (
      `look into ${where.destDir}; to publish, run it without the dry run in CI (GitHub Actions or ` +
      "GitLab CI: see the README), where FlakeHub's token comes from."
    )
  const use = `inputs.${release.uploadName.split('/')[1]}.url = "https://flakehub.com/f/${release.uploadName}/*";`
  return outcome === 'published'
    ? `use it in a flake: ${use}`
    : `nothing new was uploaded (FlakeHub had this version); commit and run again, or tag a new version. To use it: ${use}`
}

/** The release's name, version and flake references, one to a line. */
function releaseLines(release: ShownRelease, where: Destination): string[] {
  return [
    `name:     ${release.uploadName}`,
    `version:  ${release.version}`,
    `flakeref: ${release.flakeRefs.atLeast}`,
    `exact:    ${release.flakeRefs.exact}`,
    'host' in where ? `page:     ${flakePage(where.host, release)}` : `folder:   ${where.destDir}`
  ]
}

/** The outputs as `NAME=value` lines: GitLab's `artifacts:reports:dotenv` format. */
export function dotenvOutputs(release: ShownRelease, outcome: Outcome): string {
  return Object.entries(outputsOf(release, outcome))
    .map(([name, value]) => `${name}=${value}\n`)
    .join('')
}

/** `reporter`, that also writes the outputs to `file` when the run succeeds. */
export function withOutputsFile(reporter: Reporter, file: string | undefined): Reporter {
  if (file === undefined) return reporter
  return {
    ...reporter,
    async finished(release, outcome, timings, where) {
      await fs.writeFile(file, dotenvOutputs(release, outcome))
      await reporter.finished(release, outcome, timings, where)
    }
  }
}
