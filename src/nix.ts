/** The Nix commands the action runs, over a {@link CommandRunner}. Never writes a lock file. */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CommandError, CommandRunner, RunOptions } from './command.js'
import { EvaluationError } from './nix-error.js'
import { log } from './reporter.js'

/** The parts of `nix flake metadata --json` the action reads; the rest is kept as it is. */
export interface FlakeMetadata {
  description?: string
  lastModified?: number
  /** The locked flake URL. */
  url?: string
  /** The source's store path (Nix 2.4 and newer print it). */
  path?: string
  resolved?: { dir?: string }
  locked?: { narHash?: string }
  [key: string]: unknown
}

/**
 * The outputs document of section 12 of the protocol, as the JSON text Nix printed, and the
 * number of leaves under each output (for the job summary). The text is passed on as it is:
 * parsing it would build an object for every node of what can be a tree of thousands.
 */
export interface Outputs {
  json: string
  counts: Record<string, number>
}

export const NO_OUTPUTS: Outputs = { json: '{"docs":{},"inventory":{},"version":1}', counts: {} }

// ncc rewrites each `new URL('./x.nix', import.meta.url)` into a path string pointing into
// dist/ (and copies the file there); under jest it stays a URL.
const INSPECT: URL | string = new URL('./inspect.nix', import.meta.url)
const SHOW_CHECK: URL | string = new URL('./show-check.nix', import.meta.url)
const INSPECT_FLAKE: URL | string = new URL('./inspect-flake.nix', import.meta.url)
const SHARE: URL | string = new URL('./share.nix', import.meta.url)
const assetPath = (asset: URL | string): string =>
  typeof asset === 'string' ? asset : fileURLToPath(asset)

/** Nix before this prints an error's context (which output failed) only with `--show-trace`. */
const CONTEXT_BY_DEFAULT: [number, number] = [2, 20]

/** Parse `nix --version` output ("nix (Nix) 2.18.1") into [major, minor]. */
export function parseNixVersion(output: string): [number, number] {
  const match = /(\d+)\.(\d+)/.exec(output)
  if (match === null)
    throw new Error(`Could not read the Nix version from \`nix --version\`: ${output.trim()}`)
  return [Number(match[1]), Number(match[2])]
}

export class Nix {
  private installedVersion: Promise<[number, number]> | undefined
  private inspectFlake: Promise<string> | undefined

  /**
   * `workDir`: a folder of the run's own, where the inspect flake is written (a fresh
   * temporary folder when not given).
   */
  constructor(
    private readonly runner: CommandRunner,
    private readonly workDir?: string
  ) {}

  /**
   * The inspect flake (inspect-flake.nix as flake.nix, beside inspect.nix, show-check.nix and
   * share.nix) in a folder of its own, written once: Nix copies the folder into the store to
   * evaluate it, so it holds these files and nothing else.
   */
  private inspectFlakeDir(): Promise<string> {
    this.inspectFlake ??= (async () => {
      const base = this.workDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'flakehub-push-nix-')))
      const dir = path.join(base, 'inspect')
      await fs.mkdir(dir, { recursive: true })
      await Promise.all([
        fs.copyFile(assetPath(INSPECT_FLAKE), path.join(dir, 'flake.nix')),
        fs.copyFile(assetPath(INSPECT), path.join(dir, 'inspect.nix')),
        fs.copyFile(assetPath(SHOW_CHECK), path.join(dir, 'show-check.nix')),
        fs.copyFile(assetPath(SHARE), path.join(dir, 'share.nix'))
      ])
      return dir
    })()
    return this.inspectFlake
  }

  private async json<T>(args: string[], options: RunOptions): Promise<T> {
    const { stdout } = await this.runner.run('nix', args, options)
    return parseJson(args, stdout)
  }

  /** The installed Nix's version as [major, minor], asked once. */
  version(options: RunOptions = {}): Promise<[number, number]> {
    this.installedVersion ??= this.runner.run('nix', ['--version'], options).then(({ stdout }) => {
      const version = parseNixVersion(stdout)
      log.debug(`Nix version ${version.join('.')}`)
      return version
    })
    return this.installedVersion
  }

  /**
   * `nix flake metadata --json` of the flake `flakeRef`. With `checkLock`, the lock file must
   * also be up to date with flake.nix: one evaluation serves both. `--no-update-lock-file`
   * alone does that check (beside `--no-write-lock-file`, Nix skips it) and still never
   * writes: Nix only writes a lock file that it was allowed to update.
   */
  metadata(flakeRef: string, checkLock: boolean, options: RunOptions = {}): Promise<FlakeMetadata> {
    const lock = checkLock ? '--no-update-lock-file' : '--no-write-lock-file'
    return this.json(['flake', 'metadata', '--json', lock, flakeRef], options)
  }

  /** The store path of the flake's source, for a Nix that does not print it with metadata. */
  async prefetch(flakeRef: string, options: RunOptions = {}): Promise<string> {
    const args = ['flake', 'prefetch', '--json', '--no-write-lock-file', flakeRef]
    const { storePath } = await this.json<{ storePath: string }>(args, options)
    return storePath
  }

  /** Nix's own NAR hash of `path` (SHA-256, `sha256-<base64>`), from `nix hash path`. */
  async hashPath(folder: string, options: RunOptions = {}): Promise<string> {
    const { stdout } = await this.runner.run('nix', ['hash', 'path', folder], options)
    const hash = stdout.trim()
    if (!/^sha256-[A-Za-z0-9+/]{43}=$/.test(hash))
      throw new Error(`\`nix hash path ${folder}\` printed no SHA-256 hash: ${hash.slice(0, 200)}`)
    return hash
  }

  /**
   * `nix flake show` for the current system only (where Nix has `--all-systems`, 2.14 and
   * newer; older Nix shows every system anyway): the check when the flake is too big for the
   * outputs document. Without the evaluation cache, whose cached failures hide Nix's message.
   */
  async showCurrentSystem(flakeRef: string, options: RunOptions = {}): Promise<void> {
    // Only whether it succeeds matters: what it prints (a JSON tree as big as the flake) is not read.
    // --no-eval-cache: from its evaluation cache, Nix 2.8 and 2.26 report a package that threw
    // before as only "expected a derivation", without what was thrown.
    const args = ['flake', 'show', '--json', '--no-write-lock-file', '--no-eval-cache', flakeRef]
    await this.runner.run('nix', args, { ...options, discardStdout: true })
  }

  /**
   * One evaluation that does two jobs: the all-systems check (show-check.nix fails exactly
   * where `nix flake show --all-systems` fails) and the outputs document (inspect.nix), with
   * its counts. One evaluator forces each package once, where two evaluators side by side
   * would each pay for the flake's package sets. A failure names the output attribute.
   *
   * Pure, as the established publisher's inspect evaluation: the flake is an input of the
   * inspect flake (`--override-input flake <locked URL>`), so it sees no environment, no
   * current system and no file outside its own sources.
   */
  async outputs(
    flakeRef: string,
    includeOutputPaths: boolean,
    options: RunOptions = {}
  ): Promise<Outputs> {
    // Two lines of JSON, the counts and then the document: with --raw, Nix prints the document's
    // text once, not as a string escaped inside more JSON.
    const apply = `evaluate: evaluate { includeOutputPaths = ${includeOutputPaths}; }`
    const { args, stdout } = await this.inspect(flakeRef, 'evaluate', apply, options)
    const newline = stdout.indexOf('\n')
    if (newline < 0)
      throw new Error(`\`nix eval\` printed no outputs document, only:\n${stdout.slice(0, 500)}`)
    return { counts: parseJson(args, stdout.slice(0, newline)), json: stdout.slice(newline + 1) }
  }

  /**
   * `nix eval --raw` of `lib.<attribute>` of the inspect flake over the flake `flakeRef` (with
   * `apply`, a Nix function, applied to it): pure, as {@link outputs}. A failing evaluation is
   * an {@link EvaluationError}. Returns the arguments given to `nix` and what it printed.
   */
  async inspect(
    flakeRef: string,
    attribute: string,
    apply: string | undefined,
    options: RunOptions = {}
  ): Promise<{ args: string[]; stdout: string }> {
    const [version, inspect] = await Promise.all([
      this.version({ log: options.log }),
      this.inspectFlakeDir()
    ])
    const trace = atLeast(version, CONTEXT_BY_DEFAULT) ? [] : ['--show-trace']
    const args = [
      'eval',
      '--raw',
      '--no-write-lock-file',
      ...trace,
      '--override-input',
      'flake',
      flakeRef,
      `path:${pathToFileURL(inspect).pathname}#lib.${attribute}`,
      ...(apply === undefined ? [] : ['--apply', apply])
    ]
    const { stdout } = await this.runner.run('nix', args, options).catch((error: unknown) => {
      throw error instanceof CommandError ? EvaluationError.from(error) : error
    })
    return { args, stdout }
  }
}

/** Whether Nix `version` ([major, minor]) is `wanted` or newer. */
export function atLeast(
  [major, minor]: [number, number],
  [wantMajor, wantMinor]: [number, number]
): boolean {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor)
}

/** `stdout` of `nix <args>` as JSON, or an error that shows the start of what it was. */
function parseJson<T>(args: string[], stdout: string): T {
  try {
    return JSON.parse(stdout) as T
  } catch {
    throw new Error(
      `\`nix ${args.join(' ')}\` printed something that is not JSON:\n${stdout.slice(0, 500)}`
    )
  }
}
