/**
 * Packing a flake's source into the deterministic `.tar.gz` FlakeHub stores.
 *
 * The archive holds one top-level folder, `<basename of sourceDir>/`, then the tree walked
 * depth-first in byte order of names (the order of a NAR). It keeps exactly what a NAR keeps:
 * folders (0755), regular files with only their executable bit (0755 or 0644) and symlinks
 * with their target; sockets, fifos and devices are skipped. Every entry has uid/gid 0, no
 * user or group name and the same mtime, and the gzip header carries no timestamp or name, so
 * the same tree always gives the same bytes. Nix unpacking the tarball yields the NAR hash of
 * `sourceDir`.
 *
 * While packing, the NAR hash of what goes into the archive is computed (`narHash`): each entry
 * is told to a {@link NarSink} from the values its tar header is made of, and each piece of a
 * file from the very buffer handed to tar-stream, so the source is read only once. Where the
 * entries come from is a parameter (an {@link EntrySource}, by default the file system): what it
 * yields is both packed and hashed, so a hash equal to Nix's own proves the archive right.
 *
 * Memory stays flat whatever the size of the tree, because the bytes pass through a fixed set
 * of buffers that are used again and again (see `Arenas` and `compress`): allocating a fresh
 * buffer per file or per chunk leaves the garbage collector behind, and the process grows with
 * the tree. Files are read with synchronous calls: the source is a store path that Nix has
 * just written, so each call returns at once, while one asynchronous call per open, stat, read
 * and close costs a thread-pool round trip that made reading 20,000 small files slower than
 * compressing them. Compression runs on the thread pool while the next bytes are read.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import * as tar from 'tar-stream'
import { type Entry, type EntrySource, fileTree } from './file-tree.js'
import { NarHasher, type NarSink } from './nar.js'

export interface Tarball {
  /** Absolute path of the .tar.gz written. */
  path: string
  /** SHA-256 of the compressed bytes, standard base64 with padding. */
  sha256: string
  /** Byte length of the compressed file. */
  size: number
  /** The NAR hash (`sha256-<base64>`) of the tree the archive holds, from the bytes packed. */
  narHash: string
  /** Number of entries (files, folders, symlinks) in the archive. */
  entries: number
  /** The ten largest regular files, largest first, paths relative to the source folder. */
  largestFiles: { path: string; size: number }[]
}

/** Regular files are read in pieces of at most this size. */
const PIECE = 64 * 1024
/** Reads go into arenas of this size, and at most ARENAS of them are in use at once. */
const ARENA = 128 * 1024
const ARENAS = 2
/** After this many entries, wait until tar-stream has taken them (folders use no arena). */
const ENTRY_BATCH = 8
/** How far tar output may run ahead of compression. */
const PACK_BUFFER = 16 * 1024
/** zlib gets its input in slabs of this size: one is compressed while the other fills. */
const SLAB = 128 * 1024
/** zlib's output chunk size. */
export const GZIP_CHUNK = 64 * 1024
/** The compression level (zlib's default). */
export const GZIP_LEVEL = 6
const LARGEST = 10

type Header = Partial<tar.Header> & { name: string }

export interface PackOptions {
  /** When aborted, packing stops after the entry being written and rejects with the reason. */
  signal?: AbortSignal
  /**
   * Where the entries come from: the file system under `sourceDir` by default. With another
   * source, `sourceDir` only names the tarball's top folder (its base name) and need not exist.
   */
  entries?: EntrySource
  /** What computes `narHash`: a fresh {@link NarHasher} by default. */
  nar?: NarSink
  /** Write the tar uncompressed (for renamed-top.ts to compress); compressed by default. */
  uncompressed?: boolean
}

type Stats = Pick<Tarball, 'entries' | 'largestFiles'>

/**
 * Write a gzip-compressed tarball of `sourceDir` to `destination`, every entry with mtime
 * `mtime` (seconds since the epoch). On failure, no partial file is left behind.
 */
export async function packTarball(
  sourceDir: string,
  destination: string,
  mtime: number,
  options: PackOptions = {}
): Promise<Tarball> {
  const { signal, entries = fileTree, nar = new NarHasher() } = options
  if (!Number.isSafeInteger(mtime) || mtime < 0) throw new RangeError(`invalid mtime ${mtime}`)
  const dest = path.resolve(destination)
  const root = path.resolve(sourceDir)
  await fs.promises.mkdir(path.dirname(dest), { recursive: true })
  // A source of its own (Git's) may pack a folder that does not exist yet.
  if (options.entries === undefined && !(await fs.promises.stat(root)).isDirectory())
    throw new Error(`${root} is not a folder`)

  const written = measure()
  const pack = tar.pack({ highWaterMark: PACK_BUFFER })
  const gzip = options.uncompressed
    ? copying()
    : createGzip({ level: GZIP_LEVEL, chunkSize: GZIP_CHUNK })
  const out = fs.createWriteStream(dest)
  const arenas = new Arenas()
  const stats: Stats = { entries: 0, largestFiles: [] }

  // Three loops run at once: entries into `pack`, `pack` into `gzip`, `gzip` onto disk. The
  // first error stops all three and is the one reported; the others only echo it. None of the
  // three rejects: each hands its error to `stop`.
  let failure: { error: unknown } | undefined
  let fail!: (error: unknown) => void
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {}) // Raced against waits in `compress`; reported below.
  const stop = (error: unknown): void => {
    failure ??= { error }
    fail(error)
    arenas.close(error)
    // Without a reason: the entries still queued in `pack` then fail quietly, the error being
    // held here already.
    pack.destroy()
    gzip.destroy(error instanceof Error ? error : new Error(String(error)))
  }
  await Promise.all([
    writeEntries(pack, entries(root), path.basename(root), mtime, arenas, stats, nar, signal).then(
      () => pack.finalize(),
      stop
    ),
    compress(pack as AsyncIterable<Buffer>, gzip, chunk => arenas.giveBack(chunk), failed).catch(
      stop
    ),
    pipeline(gzip, written.pass, out).catch(stop)
  ])
  if (failure !== undefined) {
    // Wait for the file to be closed (it may still be opening), then remove it.
    if (!out.closed) await new Promise(resolve => out.once('close', () => resolve(null)))
    await fs.promises.unlink(dest).catch(() => {})
    throw failure.error
  }
  return { path: dest, ...written.done(), narHash: nar.digest(), ...stats }
}

/**
 * In place of gzip, for an uncompressed tar: the slabs `compress` writes are used again once the
 * write has called back, which a plain pass-through does before the bytes reach the disk.
 */
function copying(): Transform {
  return new Transform({ transform: (chunk: Buffer, _, done) => done(null, Buffer.from(chunk)) })
}

/** A pass-through that hashes (SHA-256) and counts the bytes on their way; `done` gives both. */
export function measure(): {
  pass: (chunks: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>
  done: () => { sha256: string; size: number }
} {
  const hash = createHash('sha256')
  let size = 0
  return {
    async *pass(chunks) {
      for await (const chunk of chunks) {
        hash.update(chunk)
        size += chunk.length
        yield chunk
      }
    },
    done: () => ({ sha256: hash.digest('base64'), size })
  }
}

/** One buffer that reads are cut from, and how many of its cuts are still in the tar stream. */
type Arena = { bytes: Buffer; used: number; lent: number }

/**
 * The memory file contents are read into: a few arenas, each cut into consecutive pieces. A
 * piece goes into `pack` and comes back once `compress` has copied it out; an arena is used
 * again once all its pieces are back. Waiting for a free arena is what keeps reading from
 * running ahead of compression.
 */
class Arenas {
  private readonly all = new Map<ArrayBufferLike, Arena>()
  private readonly free: Arena[] = []
  private current: Arena | undefined
  private wake: (() => void) | undefined
  private closed: { error: unknown } | undefined

  /** `size` (≤ ARENA) bytes to read into, or undefined when every arena is in use. */
  take(size: number): Buffer | undefined {
    if (this.closed !== undefined) throw this.closed.error
    let arena = this.current
    if (arena === undefined || arena.used + size > ARENA) {
      if (arena !== undefined) this.retire(arena)
      arena = this.free.pop() ?? this.create()
      if (arena === undefined) return undefined
      arena.used = 0
      this.current = arena
    }
    const piece = arena.bytes.subarray(arena.used, arena.used + size)
    arena.used += size
    arena.lent++
    return piece
  }

  /** `take(size)`, waiting for an arena to come back if need be. */
  async next(size: number): Promise<Buffer> {
    for (;;) {
      const piece = this.take(size)
      if (piece !== undefined) return piece
      await new Promise<void>(resolve => (this.wake = resolve))
    }
  }

  /** Take back `chunk` if it was cut from an arena; other chunks (tar headers) are left. */
  giveBack(chunk: Buffer): void {
    const arena = this.all.get(chunk.buffer)
    if (arena === undefined) return
    arena.lent--
    if (arena.lent === 0 && arena !== this.current) this.release(arena)
  }

  /** Make `take` throw `error` from now on, and wake a reader waiting in `next`. */
  close(error: unknown): void {
    this.closed ??= { error }
    this.wakeUp()
  }

  private create(): Arena | undefined {
    if (this.all.size === ARENAS) return undefined
    const arena = { bytes: Buffer.allocUnsafeSlow(ARENA), used: 0, lent: 0 }
    this.all.set(arena.bytes.buffer, arena)
    return arena
  }

  private retire(arena: Arena): void {
    this.current = undefined
    if (arena.lent === 0) this.release(arena)
  }

  private release(arena: Arena): void {
    this.free.push(arena)
    this.wakeUp()
  }

  private wakeUp(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}

/**
 * Copy `chunks` (the tar stream) into two slabs that take turns: zlib compresses one while the
 * other is filled, and a slab is filled again only once zlib has called back for it (it is then
 * done with its bytes). Each chunk is handed to `copied` once its bytes are in a slab (the
 * chunk's buffer may then be used again). Ends `gzip` after the last byte. `failed` rejects
 * when packing has stopped.
 */
export async function compress(
  chunks: AsyncIterable<Buffer>,
  gzip: Writable,
  copied: (chunk: Buffer) => void,
  failed: Promise<never>
): Promise<void> {
  const slabs = [Buffer.allocUnsafeSlow(SLAB), Buffer.allocUnsafeSlow(SLAB)]
  const inZlib: Promise<void>[] = [Promise.resolve(), Promise.resolve()]
  let current = 0
  let used = 0
  const handOver = async (): Promise<void> => {
    const bytes = slabs[current].subarray(0, used)
    inZlib[current] = new Promise<void>((resolve, reject) =>
      gzip.write(bytes, err => (err ? reject(err) : resolve()))
    )
    inZlib[current].catch(() => {}) // Awaited in turn below.
    current = 1 - current
    used = 0
    await Promise.race([inZlib[current], failed])
  }
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length;) {
      const n = chunk.copy(slabs[current], used, offset)
      used += n
      offset += n
      if (used === SLAB) await handOver()
    }
    copied(chunk)
  }
  if (used > 0) await handOver()
  await Promise.race([Promise.all(inZlib), failed])
  gzip.end()
}

/**
 * Add every entry to `pack`, in order, and tell it to `nar`. Entries are queued without waiting
 * for each: reading waits only for a free arena, and for tar-stream after every ENTRY_BATCH
 * entries (folders, symlinks and empty files take no arena).
 */
async function writeEntries(
  pack: tar.Pack,
  entries: Iterable<Entry> | AsyncIterable<Entry>,
  top: string,
  mtime: number,
  arenas: Arenas,
  stats: Stats,
  nar: NarSink,
  signal: AbortSignal | undefined
): Promise<void> {
  const date = new Date(mtime * 1000)
  for await (const entry of entries) {
    signal?.throwIfAborted()
    const name = entry.rel === '' ? top : `${top}/${entry.rel}`
    const header: Header = { name, mtime: date, uid: 0, gid: 0, uname: '', gname: '' }
    // Only every ENTRY_BATCH-th entry is waited for; a failure of any other destroys `pack`,
    // which makes `compress` fail and stops everything.
    let added: Promise<void> | undefined
    let settle: ((err?: Error | null) => void) | undefined
    if (++stats.entries % ENTRY_BATCH === 0)
      added = new Promise((resolve, reject) => (settle = err => (err ? reject(err) : resolve())))
    // tar-stream splits long ASCII names into the ustar prefix and name fields, and writes PAX
    // headers for what does not fit and for non-ASCII names (the tests check all of this).
    if (entry.kind === 'directory') {
      nar.directory(entry.rel)
      pack.entry({ ...header, name: `${name}/`, type: 'directory', mode: 0o755 }, settle)
    } else if (entry.kind === 'symlink') {
      const linkname = entry.target
      nar.symlink(entry.rel, linkname)
      pack.entry({ ...header, type: 'symlink', mode: 0o777, linkname }, settle)
    } else {
      const { size } = entry
      const mode = entry.executable ? 0o755 : 0o644
      Object.assign(header, { type: 'file', mode, size })
      nar.file(entry.rel, mode === 0o755, size)
      if (size === 0) pack.entry(header, EMPTY, settle)
      else if (size <= PIECE) {
        const content = arenas.take(size) ?? (await arenas.next(size))
        await entry.read(content, 0)
        nar.contents(content)
        pack.entry(header, content, settle)
      } else {
        // No need to wait for the sink to drain: the arenas bound what is in flight.
        const sink = pack.entry(header, settle)
        for (let position = 0; position < size; position += PIECE) {
          const length = Math.min(PIECE, size - position)
          const piece = arenas.take(length) ?? (await arenas.next(length))
          await entry.read(piece, position)
          nar.contents(piece)
          sink.write(piece)
        }
        sink.end(null)
      }
      noteSize(stats.largestFiles, entry.rel, size)
    }
    await added
  }
}

const EMPTY = Buffer.alloc(0)

/** Insert the file `rel` into `top` (sorted by size, largest first, at most LARGEST long). */
function noteSize(top: Tarball['largestFiles'], rel: string, size: number): void {
  if (top.length === LARGEST && size <= top[LARGEST - 1].size) return
  let i = top.length
  while (i > 0 && top[i - 1].size < size) i--
  top.splice(i, 0, { path: rel, size })
  if (top.length > LARGEST) top.pop()
}
