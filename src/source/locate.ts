/**
 * Locating the flake: where Nix finds the commit's flake (its metadata, the locked URL and the
 * source's store path), whether its lock file is up to date, and its README.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { CommandError } from '../process/command.js'
import type { NamedCommit } from './commit.js'
import type { FlakeMetadata, Nix } from './nix.js'
import type { PhaseLog } from '../log.js'

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
