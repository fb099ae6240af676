/**
 * Evaluating and packing the flake: everything Nix tells us about it, and the tarball. All of
 * this finishes before any token is requested.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { CommandError } from './command.js'
import { NamedCommit } from './commit.js'
import { evaluateOutputs } from './evaluate/workers.js'
import { Nix, NO_OUTPUTS, FlakeMetadata, Outputs } from './nix.js'
import { stepBack } from './priority.js'
import { log as reporterLog } from './reporter.js'
import { Settings } from './settings.js'
import { PhaseLog, Timings, allOrStop, phase } from './timing.js'
import { VerifiedTarball, packAndVerify } from './verify.js'

/** Where the flake's source is, as Nix sees it (only Git-tracked files). */
export interface FlakeSource {
  /** `nix flake metadata --json`, unchanged. */
  metadata: FlakeMetadata
  description: string | null
  /** Seconds since the epoch: the mtime of every tarball entry. */
  lastModified: number
  /** The locked flake URL, for further evaluation of the very same source. */
  flakeRef: string
  /** The folder to pack: the source's store path, plus `resolved.dir` for a subflake. */
  sourceDir: string
}

/** What evaluation and packing produce, ready to become a release. */
export interface EvaluatedFlake {
  source: FlakeSource
  outputs: Outputs
  readme: string | null
  tarball: VerifiedTarball
}

/**
 * Locate the commit's flake: one metadata call, which also checks the lock file when the commit
 * holds one. Nix reads the flake from Git at the commit (see commit.ts), so the store path it
 * gives (and so the tarball, and the NAR hash it is checked against) is the commit's tree.
 */
export async function locateSource(
  nix: Nix,
  commit: NamedCommit,
  log: PhaseLog
): Promise<FlakeSource> {
  const [metadata] = await Promise.all([
    nix.metadata(commit.flakeRef, commit.hasLock, { log: log.info }).catch((error: unknown) => {
      throw commit.hasLock ? staleLockError(error, commit) : error
    }),
    nix.version({ log: log.info })
  ])
  const storePath = metadata.path ?? (await nix.prefetch(commit.flakeRef, { log: log.info }))
  if (typeof metadata.lastModified !== 'number') {
    throw new Error(`\`nix flake metadata\` reported no lastModified for ${commit.flakeRef}.`)
  }
  if (typeof metadata.url !== 'string') {
    throw new Error(`\`nix flake metadata\` reported no locked URL for ${commit.flakeRef}.`)
  }
  const dir = metadata.resolved?.dir ?? ''
  const source: FlakeSource = {
    metadata,
    description: typeof metadata.description === 'string' ? metadata.description : null,
    lastModified: metadata.lastModified,
    flakeRef: metadata.url,
    sourceDir: dir === '' ? storePath : path.join(storePath, dir)
  }
  log.info(`Flake ${source.flakeRef}`)
  log.info(
    `Source ${source.sourceDir}${commit.hasLock ? ' (flake.lock is up to date)' : ' (no flake.lock)'}`
  )
  return source
}

/**
 * The commit's flake.lock does not lock what its flake.nix asks for. Nix says so in words that
 * depend on its version, and 2.8 even advises `--no-write-lock-file` (which would hide the
 * drift): say what to do, and keep the command and Nix's message below.
 */
function staleLockError(error: unknown, commit: NamedCommit): unknown {
  const stale = /requires lock file changes|cannot write modified lock file/
  if (!(error instanceof CommandError) || !stale.test(error.stderr)) return error
  const lock = commit.dir === '' ? 'flake.lock' : `${commit.dir}/flake.lock`
  return new Error(
    `${lock} in commit ${commit.revision} is out of date: it does not lock what flake.nix asks for. ` +
      `Run \`nix flake lock\`${commit.dir === '' ? '' : ` in ${commit.dir}`}, commit ${lock}, and run again.\n\n${error.message}`
  )
}

/**
 * Everything that depends only on the located source, at the same time: the evaluation (one
 * `nix` process that does the all-systems check and builds the outputs document), the README
 * and the tarball. The first failure stops the rest, and so does aborting `signal`.
 */
export async function evaluateAndPack(
  nix: Nix,
  settings: Settings,
  source: FlakeSource,
  tarballPath: string,
  timings: Timings,
  signal?: AbortSignal
): Promise<EvaluatedFlake> {
  const [outputs, readme, tarball] = await allOrStop(
    [
      signal => evaluate(nix, settings, source, signal, timings),
      signal => findReadme(source.sourceDir, signal),
      signal =>
        phase(timings, 'Package', async log => {
          const tarball = await packAndVerify(nix, source, tarballPath, log, { signal })
          log.info(
            `${tarball.path}: ${tarball.size} bytes, ${tarball.entries} entries, sha256 ${tarball.sha256}`
          )
          return tarball
        })
    ] as const,
    signal
  )
  return { source, outputs, readme, tarball }
}

/**
 * The all-systems check and the outputs document from one evaluation, or several side by side
 * (evaluate/workers.ts); for a flake that is too big (`my-flake-is-too-big`), only `nix flake
 * show` for the current system and no document. Once `nix` runs, this process steps back so
 * that packing does not slow the evaluators down.
 */
function evaluate(
  nix: Nix,
  settings: Settings,
  source: FlakeSource,
  signal: AbortSignal,
  timings: Timings
): Promise<Outputs> {
  const onSpawn = (): void => stepBack(reporterLog.debug)
  if (settings.myFlakeIsTooBig)
    return phase(timings, 'Evaluate (current system)', async log => {
      await nix.showCurrentSystem(source.flakeRef, { signal, log: log.info, onSpawn })
      return NO_OUTPUTS
    })
  return phase(timings, 'Evaluate (all systems)', async log => {
    const outputs = await evaluateOutputs(nix, source.flakeRef, settings.includeOutputPaths, {
      evaluators: settings.evaluators ?? 'auto',
      signal,
      log: log.info,
      onSpawn
    })
    const names = Object.keys(outputs.counts)
    const kinds = names.length === 1 ? 'output type' : 'output types'
    log.info(`${names.length} ${kinds}${names.length === 0 ? '' : `: ${names.join(', ')}`}`)
    return outputs
  })
}

/** The text of the first file named `readme.md` in any case, or null. */
export async function findReadme(dir: string, signal?: AbortSignal): Promise<string | null> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  const names = entries
    .filter(e => e.isFile() && e.name.toLowerCase() === 'readme.md')
    .map(e => e.name)
    .sort()
  return names.length === 0
    ? null
    : fs.readFile(path.join(dir, names[0]), { encoding: 'utf8', signal })
}
