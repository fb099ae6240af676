/**
 * Evaluating and packing the flake: everything Nix tells us about it, and the tarball. All of
 * this finishes before any token is requested.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Nix, NO_OUTPUTS, FlakeMetadata, Outputs } from './nix.js'
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
 * Everything that depends only on the located source, at the same time: the all-systems
 * check, the outputs document, the README and the tarball. The first failure stops the rest.
 */
export async function evaluateAndPack(
  nix: Nix,
  settings: Settings,
  source: FlakeSource,
  tarballPath: string,
  timings: Timings
): Promise<EvaluatedFlake> {
  const nixVersion = await nix.version()
  const tooBig = settings.myFlakeIsTooBig
  const [, outputs, readme, tarball] = await allOrStop([
    signal =>
      phase(timings, tooBig ? 'Evaluate (current system)' : 'Evaluate (all systems)', log =>
        nix.show(source.flakeRef, !tooBig, nixVersion, { signal, log: log.info })
      ),
    signal =>
      tooBig
        ? Promise.resolve(NO_OUTPUTS)
        : phase(timings, 'Outputs document', async log => {
            const outputs = await nix.outputs(source.flakeRef, settings.includeOutputPaths, {
              signal,
              log: log.info
            })
            const names = Object.keys(outputs.counts)
            log.info(`${names.length} output types: ${names.join(', ')}`)
            return outputs
          }),
    signal => findReadme(source.sourceDir, signal),
    signal =>
      phase(timings, 'Package', async log => {
        const tarball = await packAndVerify(nix, source, tarballPath, log, { signal })
        log.info(
          `${tarball.path}: ${tarball.size} bytes, ${tarball.entries} entries, sha256 ${tarball.sha256}`
        )
        return tarball
      })
  ] as const)
  return { source, outputs, readme, tarball }
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

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}
