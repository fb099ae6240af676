/**
 * Reporting outside GitHub Actions: plain text, or GitLab's collapsible sections; never a
 * workflow command. Each phase prints as one block with its duration when it ends; on a
 * terminal, a status line shows the phases still running. Secrets are replaced by `***` in
 * everything printed.
 */
import * as fs from 'node:fs/promises'
import { Output } from '../action-io.js'
import { Destination, Reporter } from '../reporter.js'
import { Release } from '../release.js'
import { Outcome, flakePage } from '../summary.js'

/** The part of a stream the reporter writes to. */
export interface Sink {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface TextReporterOptions {
  out: Sink
  err: Sink
  /** GitLab CI: phases as collapsible sections. */
  gitlab: boolean
  /** ANSI colours for warnings and errors. */
  color: boolean
  /** A status line of the running phases on `err` (a terminal). */
  progress: boolean
  debug: boolean
  now?: () => number
  /** Sets the exit status on failure (process.exitCode by default). */
  exit?: (code: number) => void
}

const HEADINGS: Record<Outcome, string> = {
  published: 'Published',
  'already-published': 'Already published',
  'dry-run': 'Dry run: packed, not published'
}

const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'

export function textReporter(options: TextReporterOptions): Reporter {
  const { out, err, gitlab } = options
  const now = options.now ?? Date.now
  const secrets: string[] = []
  const running = new Map<string, number>()
  let sections = 0
  let statusShown = false
  let ticker: ReturnType<typeof setInterval> | undefined
  let frame = 0

  const paint = (code: string, text: string): string =>
    options.color ? `\x1b[${code}m${text}\x1b[0m` : text
  // What is shown of a text: secrets out, and control characters (from the flake, or Nix)
  // escaped, so that only this reporter's own colours and sections reach the terminal.
  const redact = (text: string): string =>
    escapeControls(secrets.reduce((shown, secret) => shown.split(secret).join('***'), text))
  const clearStatus = (): void => {
    if (statusShown) err.write('\r\x1b[K')
    statusShown = false
  }
  const drawStatus = (): void => {
    if (!options.progress || running.size === 0) return
    const at = now()
    const phases = [...running].map(
      ([name, started]) => `${name} ${((at - started) / 1000).toFixed(1)} s`
    )
    const line = `${SPINNER[frame++ % SPINNER.length]} ${phases.join(' · ')}`
    err.write(`\r\x1b[K${line.slice(0, Math.max(20, (err.columns || 80) - 1))}`)
    statusShown = true
  }
  /** Write `text` as it is: the caller has escaped what came from elsewhere (see `redact`). */
  const print = (sink: Sink, text: string): void => {
    clearStatus()
    sink.write(`${text}\n`)
    drawStatus()
  }

  return {
    info: line => print(out, redact(line)),
    warning: message => print(err, `${paint('33;1', 'warning:')} ${redact(message)}`),
    debug: message => {
      if (options.debug) print(out, `debug: ${redact(message)}`)
    },
    isDebug: () => options.debug,
    secret: value => {
      if (value !== '' && !secrets.includes(value)) secrets.push(value)
    },
    phaseStarted(name) {
      running.set(name, now())
      if (!options.progress) return print(out, `▶ ${redact(name)}…`)
      ticker ??= setInterval(() => {
        clearStatus()
        drawStatus()
      }, 100)
      ticker.unref()
      drawStatus()
    },
    phaseEnded(name, outcome, seconds, lines) {
      const started = running.get(name) ?? now() - seconds * 1000
      running.delete(name)
      if (running.size === 0 && ticker !== undefined) {
        clearInterval(ticker)
        ticker = undefined
      }
      const title = redact(`${name} (${outcome} in ${seconds.toFixed(2)} s)`)
      if (gitlab) {
        const id = `flakehub_push_${++sections}`
        const at = (ms: number): number => Math.floor(ms / 1000)
        const body = lines.map(line => `\n${redact(line)}`).join('')
        print(
          out,
          `\x1b[0Ksection_start:${at(started)}:${id}[collapsed=true]\r\x1b[0K${title}${body}\n` +
            `\x1b[0Ksection_end:${at(now())}:${id}\r\x1b[0K`
        )
      } else {
        print(out, [`== ${title}`, ...lines.map(line => `   ${redact(line)}`)].join('\n'))
      }
    },
    async finished(release, outcome, timings, where) {
      const times = [...timings].map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(', ')
      print(
        out,
        redact(['', `${HEADINGS[outcome]} ${release.uploadName} ${release.version}`].join('\n'))
      )
      for (const line of releaseLines(release, where)) print(out, redact(line))
      print(out, redact(`time:     ${times}`))
    },
    failed(message, exitCode = 1) {
      clearStatus()
      if (ticker !== undefined) clearInterval(ticker)
      const [first, ...rest] = redact(message).split('\n')
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

/** The release's name, version and flake references, one to a line. */
function releaseLines(release: Release, where: Destination): string[] {
  return [
    `name:     ${release.uploadName}`,
    `version:  ${release.version}`,
    `flakeref: ${release.flakeRefs.atLeast}`,
    `exact:    ${release.flakeRefs.exact}`,
    'host' in where ? `page:     ${flakePage(where.host, release)}` : `folder:   ${where.destDir}`
  ]
}

/** The four outputs as `NAME=value` lines: GitLab's `artifacts:reports:dotenv` format. */
export function dotenvOutputs(release: Release): string {
  const values: Record<string, string> = {
    [Output.flakeName]: release.uploadName,
    [Output.flakeVersion]: release.version,
    [Output.flakerefAtLeast]: release.flakeRefs.atLeast,
    [Output.flakerefExact]: release.flakeRefs.exact
  }
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('')
}

/** `reporter`, that also writes the outputs to `file` when the run succeeds. */
export function withOutputsFile(reporter: Reporter, file: string | undefined): Reporter {
  if (file === undefined) return reporter
  return {
    ...reporter,
    async finished(release, outcome, timings, where) {
      await fs.writeFile(file, dotenvOutputs(release))
      await reporter.finished(release, outcome, timings, where)
    }
  }
}
