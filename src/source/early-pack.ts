/**
 * Packing from Git while Nix copies: the tarball (and its NAR hash) made from the commit's tree
 * as Git holds it (git-tree.ts), started as soon as the commit is known, beside Nix's locate.
 * It is used only once Nix has located the flake and agrees: the NAR hash must be Nix's (and
 * the store path and mtime what Nix reports). Where it is not (Nix 2.8 exports a commit with
 * `git archive`, which applies `.gitattributes`: export-ignore, export-subst, end-of-line
 * conversion), the tarball is packed again from the store path, as without this, and the log
 * says why.
 *
 * The top folder of the tarball is named after the source's store path (as when it is packed
 * from there): for a flake at the root of its repository that name is computed from the tree's
 * NAR hash (store-path.ts), known only once the tree has been read, so the tree is packed under
 * a stand-in name and renamed as it is compressed (renamed-top.ts): Git is read once. A
 * subflake's folder keeps its own name.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { PhaseLog } from '../log.js'
import type { CommandRunner } from '../process/command.js'
import type { Entry } from './file-tree.js'
import type { FlakeMetadata, Nix } from '../source/nix.js'
import { type Tarball, packTarball } from './tarball.js'
import { type VerifiedTarball, packAndVerify } from './verify.js'
import { gitEntries, listTree } from './git-tree.js'
import { sourceStorePath } from './store-path.js'
import { compressRenamed } from './renamed-top.js'

/** The commit to pack: its repository, its SHA and the flake's folder in it. */
export interface CommitTree {
  top: string
  revision: string
  /** '' for the root of the repository. */
  dir: string
}

/** What Nix located (flake-source.ts's FlakeSource, the parts read here). */
export interface LocatedSource {
  metadata: FlakeMetadata
  lastModified: number
  sourceDir: string
}

/** A tarball packed from Git, not yet compared with what Nix located. */
export interface EarlyTarball extends Tarball {
  /**
   * The folder it stands for: the source's store path as predicted; for a subflake, whose store
   * path is not known before Nix has copied the whole tree, only its last part (the subflake's
   * own folder name, the tarball's top folder) counts.
   */
  sourceDir: string
  /** The mtime of every entry: the commit's time. */
  lastModified: number
}

export interface EarlyOptions {
  /** Nix's store folder (/nix/store unless NIX_STORE_DIR says otherwise). */
  storeDir?: string
  signal?: AbortSignal
  log?: (line: string) => void
}

/** Pack the commit's tree (its folder `dir`) from Git into `destination`. */
export async function packFromGit(
  runner: CommandRunner,
  commit: CommitTree,
  destination: string,
  options: EarlyOptions = {}
): Promise<EarlyTarball> {
  const { signal, log } = options
  const storeDir = options.storeDir ?? process.env.NIX_STORE_DIR ?? '/nix/store'
  const git = { repository: commit.top, signal, log }
  const [entries, lastModified] = await Promise.all([
    listTree(runner, { ...git, revision: commit.revision, dir: commit.dir }),
    commitTime(runner, commit, options)
  ])
  const entriesOf = (): AsyncIterable<Entry> => gitEntries(runner, entries, git)
  if (commit.dir !== '') {
    // A subflake's folder keeps its own name: packed as it is read.
    const sourceDir = path.posix.join(storeDir, 'unknown-source', commit.dir)
    const tarball = await packTarball(sourceDir, destination, lastModified, {
      signal,
      entries: entriesOf
    })
    return { ...tarball, sourceDir, lastModified }
  }
  // At the root, the top folder's name comes from the NAR hash of the whole tree: packed under a
  // stand-in name, uncompressed, then renamed as it is compressed (renamed-top.ts).
  const raw = `${destination}.tar`
  try {
    const packed = await packTarball(path.posix.join(storeDir, STAND_IN), raw, lastModified, {
      signal,
      entries: entriesOf,
      uncompressed: true
    })
    const sourceDir = sourceStorePath(packed.narHash, storeDir)
    const names = { from: STAND_IN, to: path.posix.basename(sourceDir) }
    const tarball = await compressRenamed(raw, destination, names, signal)
    return { ...packed, ...tarball, sourceDir, lastModified }
  } finally {
    await fs.rm(raw, { force: true })
  }
}

/** The top folder's name until the store path's is known: as long, and no store path's. */
const STAND_IN = `${'e'.repeat(32)}-source`

/** The commit's time (committer date, seconds), which Nix reports as `lastModified`. */
async function commitTime(
  runner: CommandRunner,
  commit: CommitTree,
  { signal, log }: EarlyOptions
): Promise<number> {
  const args = ['-C', commit.top, 'show', '-s', '--format=%ct', commit.revision]
  const { stdout } = await runner.run('git', args, { signal, log })
  const seconds = Number(stdout.trim())
  if (!Number.isSafeInteger(seconds))
    throw new Error(`\`git show\` printed no commit time: ${stdout}`)
  return seconds
}

/**
 * Whether the tarball packed from Git is the one Nix's source gives: the same NAR hash (Nix's
 * `locked.narHash` at the root of the repository, else `nix hash path` of the subflake's folder),
 * the same top folder and the same mtime. Returns it verified, or undefined with the reason
 * logged (the caller packs again from the store path).
 */
export async function confirmEarly(
  early: EarlyTarball,
  source: LocatedSource,
  nix: Nix,
  options: { signal?: AbortSignal; log: (line: string) => void }
): Promise<VerifiedTarball | undefined> {
  const { log, signal } = options
  const subdir = source.metadata.resolved?.dir ?? ''
  const locked = source.metadata.locked?.narHash
  const rootHash = subdir === '' && typeof locked === 'string' ? locked : undefined
  const by =
    rootHash !== undefined
      ? "Nix's locked.narHash"
      : `nix hash path of ${subdir === '' ? 'the source' : subdir}`
  const expected = rootHash ?? (await nix.hashPath(source.sourceDir, { signal, log }))
  const why =
    early.narHash !== expected
      ? `its NAR hash is ${early.narHash}, but ${by} is ${expected} (Nix 2.8 exports a commit ` +
        `with \`git archive\`, which applies .gitattributes: export-ignore, export-subst, ` +
        `end-of-line conversion)`
      : path.basename(early.sourceDir) !== path.basename(source.sourceDir)
        ? `its top folder is ${path.basename(early.sourceDir)}, but Nix's source is ${source.sourceDir}`
        : early.lastModified !== source.lastModified
          ? `its mtime is ${early.lastModified}, but Nix's lastModified is ${source.lastModified}`
          : undefined
  if (why !== undefined) {
    log(
      `The tarball packed from Git is not Nix's source: ${why}; packing again from the store path.`
    )
    return undefined
  }
  log(`NAR hash ${early.narHash}: verified, the same as ${by} (packed from Git while Nix copied)`)
  return { ...early, narHashVerifiedBy: by }
}

/**
 * The tarball of the flake at `commit`, packed from Git while Nix locates it (`located`, the
 * promise of what it finds), confirmed against what it located, else packed again from the
 * store path (see the top of this file). Should packing from Git fail, the tarball is packed
 * from the store path, and the log says why; should `located` fail, packing from Git is
 * stopped, its tarball removed, and that error is the one thrown.
 */
export async function packWhileLocating(
  runner: CommandRunner,
  nix: Nix,
  commit: CommitTree,
  located: Promise<LocatedSource>,
  destination: string,
  log: PhaseLog,
  signal?: AbortSignal
): Promise<VerifiedTarball> {
  const stop = new AbortController()
  const both = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal])
  const early = packFromGit(runner, commit, destination, { signal: both, log: log.info }).catch(
    (error: unknown) => {
      if (!both.aborted)
        log.info(`Could not pack from Git (${firstLine(error)}); packing from the store path.`)
      return undefined
    }
  )
  let source: LocatedSource
  try {
    source = await located
  } catch (error) {
    stop.abort(error)
    await early
    await fs.rm(destination, { force: true })
    throw error
  }
  const packed = await early
  const confirmed =
    packed === undefined
      ? undefined
      : await confirmEarly(packed, source, nix, { signal, log: log.info })
  if (confirmed !== undefined) return confirmed
  await fs.rm(destination, { force: true })
  return packAndVerify(nix, source, destination, log, { signal })
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}
