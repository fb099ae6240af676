/**
 * Nix, as the run asks it about the flake's source, over a {@link CommandRunner}: its version,
 * the flake's metadata (which also checks the lock file), the source's store path, and its own
 * NAR hash of a folder. Never writes a lock file. The evaluation is evaluate/'s.
 */
import { CommandError, CommandRunner, RunOptions } from '../process/command.js'
import { type Log, SILENT } from '../log.js'

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

/** Parse `nix --version` output ("nix (Nix) 2.18.1") into [major, minor]. */
export function parseNixVersion(output: string): [number, number] {
  const match = /(\d+)\.(\d+)/.exec(output)
  if (match === null)
    throw new Error(`Could not read the Nix version from \`nix --version\`: ${output.trim()}`)
  return [Number(match[1]), Number(match[2])]
}

/**
 * The features every `nix` call of the run needs, enabled on the call itself: a stock Nix, with
 * nothing in its configuration, runs the tool as it is (and one that enables them already is
 * not told twice: `extra-` adds to what is set, without a warning, from 2.8 to 2.34).
 */
export const NIX_FEATURES = ['--extra-experimental-features', 'nix-command flakes'] as const

/**
 * The oldest Nix the tool runs with: the oldest its tests run (every command it uses is older,
 * but an older Nix is not tested, so it is refused rather than trusted).
 */
export const OLDEST_NIX: [number, number] = [2, 8]

/** Nix missing or too old, in one sentence that says what to do. */
export function nixProblem(error: unknown, version?: [number, number]): Error | undefined {
  if (version !== undefined) {
    if (atLeast(version, OLDEST_NIX)) return undefined
    return new Error(
      `Nix ${version.join('.')} is too old: flakehub-push needs Nix ${OLDEST_NIX.join('.')} or newer. ` +
        'Upgrade Nix (https://nixos.org/download), and run again.'
    )
  }
  if (error instanceof CommandError && error.exitCode === null && /ENOENT/.test(error.stderr))
    return new Error(
      'Nix is not installed here (there is no `nix` on PATH), and flakehub-push evaluates the flake with it. ' +
        `Install Nix ${OLDEST_NIX.join('.')} or newer (https://nixos.org/download; in a workflow, an earlier step such as ` +
        'DeterminateSystems/nix-installer-action), and run again.'
    )
  return undefined
}

export class Nix {
  private installedVersion: Promise<[number, number]> | undefined

  /** `log`: where the version found is told. */
  constructor(
    private readonly runner: CommandRunner,
    private readonly log: Log = SILENT
  ) {}

  /** Variables every `nix` of the run gets (a fast TMPDIR, see fast-tmpdir.ts). */
  private readonly env: Record<string, string> = {}

  /** Give every later `nix` this TMPDIR. */
  useTmpdir(dir: string): void {
    this.env.TMPDIR = dir
  }

  /** Run `nix` with `args`. */
  run(args: string[], options: RunOptions = {}): ReturnType<CommandRunner['run']> {
    const env = { ...this.env, ...options.env }
    return this.runner.run(
      'nix',
      [...NIX_FEATURES, ...args],
      Object.keys(env).length === 0 ? options : { ...options, env }
    )
  }

  /**
   * Refuse a missing or too old Nix, before anything else is asked of it: one error that says
   * what to install. Any other failure of `nix --version` is Nix's own, shown as it is.
   */
  async require(options: RunOptions = {}): Promise<void> {
    const version = await this.version(options).catch((error: unknown) => {
      throw nixProblem(error) ?? error
    })
    const problem = nixProblem(undefined, version)
    if (problem !== undefined) throw problem
  }

  /** Run `nix` with `args`, and read what it printed as JSON. */
  async json<T>(args: string[], options: RunOptions): Promise<T> {
    const { stdout } = await this.run(args, options)
    return parseJson(args, stdout)
  }

  /** The installed Nix's version as [major, minor], asked once. */
  version(options: RunOptions = {}): Promise<[number, number]> {
    this.installedVersion ??= this.run(['--version'], options).then(({ stdout }) => {
      const version = parseNixVersion(stdout)
      this.log.debug(`Nix version ${version.join('.')}`)
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
    const { stdout } = await this.run(['hash', 'path', folder], options)
    const hash = stdout.trim()
    if (!/^sha256-[A-Za-z0-9+/]{43}=$/.test(hash))
      throw new Error(`\`nix hash path ${folder}\` printed no SHA-256 hash: ${hash.slice(0, 200)}`)
    return hash
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
export function parseJson<T>(args: string[], stdout: string): T {
  try {
    return JSON.parse(stdout) as T
  } catch {
    throw new Error(
      `\`nix ${args.join(' ')}\` printed something that is not JSON:\n${stdout.slice(0, 500)}`
    )
  }
}
