/**
 * A fast TMPDIR for Nix. Nix before 2.20 unpacks a Git flake's source into TMPDIR
 * (`git archive`) before it adds it to the store. On a disk with history (ext4 soon after many
 * files were deleted, as on a runner or a laptop that publishes twice) creating the tree there
 * costs several times what it costs on a fresh disk. A tmpfs has no such history: where one has
 * room for the source, Nix's children get a folder of their own in it as TMPDIR.
 *
 * Room: the tree as tmpfs stores it (each file in whole pages, each folder a page), with a
 * quarter more and 64 MiB to spare, must be free in the tmpfs; and since a tmpfs is memory,
 * the memory available must also hold it beside 512 MiB for everything else.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { PhaseLog } from '../log.js'
import type { CommandRunner } from '../process/command.js'
import { readMemAvailable } from '../process/memory.js'
import type { NamedCommit } from './commit.js'
import { listTree } from './git-tree.js'
import type { TreeEntry } from './ls-tree.js'
import type { Nix } from './nix.js'

/**
 * Whether Nix `version` ([major, minor]) unpacks a Git flake into TMPDIR. From 2.20 Nix reads
 * the commit through libgit2 straight into its store (on this machine, 2.26 took about as long
 * with TMPDIR on disk as on a tmpfs); the boundary is that change, only 2.8, 2.26 and 2.34 were
 * measured.
 */
export function unpacksIntoTmpdir([major, minor]: [number, number]): boolean {
  return major < 2 || (major === 2 && minor < 20)
}

/** `f_type` of a tmpfs (statfs(2)). */
export const TMPFS_MAGIC = 0x01021994
const PAGE = 4096
const SPARE_BYTES = 64 * 1024 ** 2
const MEMORY_RESERVE_BYTES = 512 * 1024 ** 2

/** What the run knows of a folder that could be TMPDIR. */
export interface Room {
  /** statfs's f_type. */
  type: number
  /** Bytes free to an unprivileged writer (f_bavail × f_bsize). */
  free: number
}

/** The bytes a tmpfs takes to hold `entries` (whole pages per file and per folder). */
export function tmpfsFootprint(entries: Iterable<TreeEntry>): number {
  let sum = 0
  for (const entry of entries)
    sum += entry.kind === 'directory' ? PAGE : Math.ceil(entry.size / PAGE) * PAGE
  return sum
}

/** Whether a folder with `room` holds a tree of `needed` bytes, memory `available` beside it. */
export function fits(needed: number, room: Room, available: number | undefined): boolean {
  return (
    room.type === TMPFS_MAGIC &&
    room.free >= needed * 1.25 + SPARE_BYTES &&
    (available === undefined || available >= needed + MEMORY_RESERVE_BYTES)
  )
}

/** The folders to try, in order: /dev/shm, then $XDG_RUNTIME_DIR. */
export function candidates(env: NodeJS.ProcessEnv): string[] {
  const runtime = env.XDG_RUNTIME_DIR
  return ['/dev/shm', ...(runtime !== undefined && path.isAbsolute(runtime) ? [runtime] : [])]
}

/** Where the run looks at folders and memory; tests give their own. */
export interface RoomProbe {
  room(dir: string): Room | undefined
  memAvailable(): number | undefined
}

export const systemRoom: RoomProbe = {
  room(dir) {
    try {
      const stats = fs.statfsSync(dir)
      return { type: Number(stats.type), free: Number(stats.bavail) * Number(stats.bsize) }
    } catch {
      return undefined
    }
  },
  memAvailable() {
    try {
      return readMemAvailable(fs.readFileSync('/proc/meminfo', 'utf8'))
    } catch {
      return undefined
    }
  }
}

/** The first of `dirs` that holds `needed` bytes (see {@link fits}), or undefined. */
export function chooseTmpdir(
  needed: number,
  dirs: readonly string[],
  probe: RoomProbe
): string | undefined {
  const available = probe.memAvailable()
  return dirs.find(dir => {
    const room = probe.room(dir)
    return room !== undefined && fits(needed, room, available)
  })
}

export interface FastTmpdir {
  /** The folder to give Nix's children as TMPDIR (remove it when the run ends). */
  dir: string
  /** What the source takes there, in bytes. */
  needed: number
}

/**
 * A fresh folder for Nix's TMPDIR on a tmpfs that holds the whole tree of `revision` (Nix
 * unpacks all of it, also for a subflake), or undefined when none does; `log` says which.
 */
export async function fastTmpdir(
  runner: CommandRunner,
  repository: string,
  revision: string,
  options: {
    env?: NodeJS.ProcessEnv
    probe?: RoomProbe
    signal?: AbortSignal
    log: (line: string) => void
  }
): Promise<FastTmpdir | undefined> {
  const { env = process.env, probe = systemRoom, signal, log } = options
  const entries = await listTree(runner, { repository, revision, dir: '', signal, log })
  const needed = tmpfsFootprint(entries)
  const dirs = candidates(env)
  const chosen = chooseTmpdir(needed, dirs, probe)
  const mb = (bytes: number): string => `${Math.ceil(bytes / 1e6)} MB`
  if (chosen === undefined) {
    log(
      `No tmpfs with room for the source (${mb(needed)}) in ${dirs.join(', ')}: Nix's TMPDIR stays as it is.`
    )
    return undefined
  }
  const dir = fs.mkdtempSync(path.join(chosen, 'flakehub-push-nix-'))
  log(`Nix's TMPDIR: ${dir} (a tmpfs; the source takes ${mb(needed)} there)`)
  return { dir, needed }
}

/**
 * Before Nix locates the flake: where this Nix unpacks the source into TMPDIR and TMPDIR is not
 * a tmpfs already, give every later `nix` a fast TMPDIR when one has room (see the top of this
 * file). Returns the folder made, for the run to remove at its end.
 */
export async function useFastTmpdir(
  runner: CommandRunner,
  nix: Nix,
  commit: Pick<NamedCommit, 'top' | 'revision'>,
  log: PhaseLog,
  options: { env?: NodeJS.ProcessEnv; probe?: RoomProbe; signal?: AbortSignal } = {}
): Promise<string | undefined> {
  const { probe = systemRoom } = options
  if (!unpacksIntoTmpdir(await nix.version({ log: log.info }))) return undefined
  const tmpdir = os.tmpdir()
  if (probe.room(tmpdir)?.type === TMPFS_MAGIC) {
    log.info(`Nix's TMPDIR: ${tmpdir}, a tmpfs already`)
    return undefined
  }
  const fast = await fastTmpdir(runner, commit.top, commit.revision, { ...options, log: log.info })
  if (fast !== undefined) nix.useTmpdir(fast.dir)
  return fast?.dir
}
