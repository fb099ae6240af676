/**
 * A tarball that proves itself. Packing computes the NAR hash of exactly what it packs; before
 * anything is uploaded or any token requested, that hash must equal Nix's own hash of the same
 * tree: `locked.narHash` for a flake at the root of its source, else (a subflake, packed from a
 * subfolder) `nix hash path` of that folder, run while the tarball is packed.
 */
import * as fs from 'node:fs/promises'
import type { FlakeSource } from './locate.js'
import type { Nix } from './nix.js'
import { type PackOptions, type Tarball, packTarball } from './tarball.js'
import type { PhaseLog } from '../log.js'
import { allOrStop } from '../timing.js'
import { inputOf } from '../settings/setting.js'
import { SETTINGS } from '../settings/table.js'

/** A tarball whose NAR hash was found equal to Nix's. */
export interface VerifiedTarball extends Tarball {
  /** Which hash of Nix's it equals: "Nix's locked.narHash" or "nix hash path of <subfolder>". */
  narHashVerifiedBy: string
}

/**
 * Pack `source.sourceDir` into `destination` (see {@link packTarball}; `options` go to it) and
 * check the tarball's NAR hash against Nix's. A mismatch removes the tarball and throws an
 * error naming both hashes; a match is logged.
 */
export async function packAndVerify(
  nix: Nix,
  source: Pick<FlakeSource, 'metadata' | 'sourceDir' | 'lastModified'>,
  destination: string,
  log: PhaseLog,
  options: PackOptions = {}
): Promise<VerifiedTarball> {
  const subdir = source.metadata.resolved?.dir ?? ''
  const locked = source.metadata.locked?.narHash
  const lockedHash = subdir === '' && typeof locked === 'string' ? locked : undefined
  const by =
    lockedHash !== undefined
      ? "Nix's locked.narHash"
      : `nix hash path of ${subdir === '' ? 'the source' : subdir}`

  // Packing and Nix's hashing run at once; the first to fail stops the other.
  const [tarball, expected] = await allOrStop(
    [
      signal =>
        packTarball(source.sourceDir, destination, source.lastModified, { ...options, signal }),
      signal =>
        lockedHash !== undefined
          ? Promise.resolve(lockedHash)
          : nix.hashPath(source.sourceDir, { signal, log: log.info })
    ] as const,
    options.signal
  ).catch(async (error: unknown) => {
    await fs.rm(destination, { force: true })
    throw fileSystemError(error, destination)
  })
  if (tarball.narHash !== expected) {
    await fs.rm(tarball.path, { force: true })
    throw new Error(
      `The tarball does not hold the flake's source: its NAR hash is ${tarball.narHash}, ` +
        `but ${by} is ${expected}. Nothing was uploaded and no token was requested. ` +
        `Either ${source.sourceDir} changed after Nix added it to the store (\`nix store verify\` ` +
        `on its store path tells), or flakehub-push packed it wrong: please report this.`
    )
  }
  log.info(`NAR hash ${tarball.narHash}: verified, the same as ${by}`)
  return { ...tarball, narHashVerifiedBy: by }
}

/**
 * A file system error while packing (Node's, with a `code`), told with the tarball's path and,
 * for a full disk, what to do; any other error unchanged.
 */
function fileSystemError(error: unknown, destination: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (!(error instanceof Error) || typeof code !== 'string' || code === 'ABORT_ERR') return error
  const full = code === 'ENOSPC' || code === 'EDQUOT'
  const hint = full
    ? ` Free space there, or have the tarball written elsewhere: \`${inputOf(SETTINGS.destDir)}\` in a dry run, else the runner's temporary folder (RUNNER_TEMP, or TMPDIR for the command).`
    : ''
  return new Error(`Could not pack the tarball into ${destination}: ${error.message}.${hint}`, {
    cause: error
  })
}
