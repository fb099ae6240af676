/**
 * Evaluating and packing the flake: everything Nix tells us about it, and the tarball. All of
 * this finishes before any token is requested.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Nix, NO_OUTPUTS, FlakeMetadata, Outputs, atLeast } from './nix.js'
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

/** Locate the source: one metadata call (which also checks the lock file when there is one). */
export async function locateSource(
  nix: Nix,
  settings: Settings,
  log: PhaseLog
): Promise<FlakeSource> {
  const hasLock = await exists(path.join(settings.flakeDir, 'flake.lock'))
  const [metadata] = await Promise.all([
    nix.metadata(settings.flakeDir, hasLock, { log: log.info }),
    nix.version({ log: log.info })
  ])
  if (!hasLock) await refuseUnlockedInputs(nix, settings.flakeDir, metadata)
  const storePath = metadata.path ?? (await nix.prefetch(settings.flakeDir, { log: log.info }))
  if (typeof metadata.lastModified !== 'number') {
    throw new Error(`\`nix flake metadata\` reported no lastModified for ${settings.flakeDir}.`)
  }
  if (typeof metadata.url !== 'string') {
    throw new Error(`\`nix flake metadata\` reported no locked URL for ${settings.flakeDir}.`)
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
    `Source ${source.sourceDir}${hasLock ? ' (flake.lock is up to date)' : ' (no flake.lock)'}`
  )
  return source
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
 * The all-systems check and the outputs document from one evaluation; for a flake that is too
 * big (`my-flake-is-too-big`), only `nix flake show` for the current system and no document.
 * Once `nix` runs, this process steps back so that packing does not slow the evaluator down.
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
    const outputs = await nix.outputs(source.flakeRef, settings.includeOutputPaths, {
      signal,
      log: log.info,
      onSpawn
    })
    const names = Object.keys(outputs.counts)
    log.info(`${names.length} output types: ${names.join(', ')}`)
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

/**
 * Before Nix 2.10, `builtins.getFlake` (the outputs document) cannot lock inputs in memory: say
 * so, instead of Nix's "cannot write modified lock file (use '--no-write-lock-file' to ignore)".
 */
async function refuseUnlockedInputs(nix: Nix, dir: string, metadata: FlakeMetadata): Promise<void> {
  const version = await nix.version()
  if (atLeast(version, [2, 10])) return
  const locks = metadata.locks as
    { root?: string; nodes?: Record<string, { inputs?: Record<string, unknown> }> } | undefined
  const inputs = Object.keys(locks?.nodes?.[locks.root ?? 'root']?.inputs ?? {})
  if (inputs.length === 0) return
  throw new Error(
    `${path.join(dir, 'flake.lock')} is missing, and the flake has inputs (${inputs.join(', ')}): ` +
      `Nix ${version.join('.')} cannot evaluate a flake whose inputs are not in its lock file ` +
      `(Nix 2.10 and newer lock them in memory). Run \`nix flake lock\` in ${dir} and commit ` +
      `flake.lock, or use a newer Nix.`
  )
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}
