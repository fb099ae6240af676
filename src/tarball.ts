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
 * Everything is streamed: the tarball is never held in memory, files of 1 MiB or more are read
 * in chunks, and the next few files are read while earlier ones are being compressed.
 */
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import * as tar from 'tar-stream'

export interface Tarball {
  /** Absolute path of the .tar.gz written. */
  path: string
  /** SHA-256 of the compressed bytes, standard base64 with padding. */
  sha256: string
  /** Byte length of the compressed file. */
  size: number
  /** Number of entries (files, folders, symlinks) in the archive. */
  entries: number
  /** The ten largest regular files, largest first, paths relative to the source folder. */
  largestFiles: { path: string; size: number }[]
}

// Memory stays bounded by these, whatever the size of the tree: at most LOOKAHEAD small files
// (< SMALL_FILE each) are held while waiting their turn, the tar stream buffers PACK_BUFFER bytes
// ahead of gzip, and large files pass through in READ_CHUNK pieces.
/** Files smaller than this are read whole; larger ones are streamed. */
const SMALL_FILE = 1024 * 1024
const READ_CHUNK = 1024 * 1024
/** How many entries are loaded (stat'ed, and read if small) ahead of the one being written. */
const LOOKAHEAD = 16
/** How far tar output may run ahead of compression, to smooth out runs of tiny files. */
const PACK_BUFFER = 1024 * 1024
/** zlib gets input in pieces of at least BATCH bytes, and writes output in GZIP_CHUNK pieces. */
const BATCH = 128 * 1024
const GZIP_CHUNK = 128 * 1024
const LARGEST = 10

type Header = Partial<tar.Header> & { name: string }

/** A file-system object to archive; `rel` is relative to the source folder ('' for itself). */
type Item = { abs: string; rel: string; kind: 'directory' | 'file' | 'symlink' }

/** An item with its tar header and, for a small file, its content. */
type Loaded = { item: Item; header: Header; body?: Buffer }

/**
 * Write a gzip-compressed tarball of `sourceDir` to `destination`, every entry with mtime
 * `mtime` (seconds since the epoch). On failure, no partial file is left behind. When `signal`
 * is aborted, packing stops after the entry being written and rejects with the abort reason.
 */
export async function packTarball(
  sourceDir: string,
  destination: string,
  mtime: number,
  signal?: AbortSignal
): Promise<Tarball> {
  if (!Number.isSafeInteger(mtime) || mtime < 0) throw new RangeError(`invalid mtime ${mtime}`)
  const dest = path.resolve(destination)
  await fs.mkdir(path.dirname(dest), { recursive: true })

  const hash = createHash('sha256')
  let size = 0
  async function* measure(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      hash.update(chunk)
      size += chunk.length
      yield chunk
    }
  }

  const pack = tar.pack({ highWaterMark: PACK_BUFFER })
  const out = createWriteStream(dest)
  const stats = { entries: 0, largestFiles: [] as Tarball['largestFiles'] }
  const [piped] = await Promise.allSettled([
    pipeline(
      pack as AsyncIterable<Buffer>,
      batch,
      createGzip({ level: 6, chunkSize: GZIP_CHUNK }),
      measure,
      out
    ),
    // Never rejects: a failure destroys `pack`, which makes the pipeline above reject.
    writeEntries(pack, path.resolve(sourceDir), new Date(mtime * 1000), stats, signal).then(
      () => pack.finalize(),
      (err: Error) => pack.destroy(err)
    )
  ])
  if (piped.status === 'rejected') {
    // Wait for the file to be closed (it may still be opening), then remove it.
    if (!out.closed) await new Promise(resolve => out.once('close', () => resolve(null)))
    await fs.unlink(dest).catch(() => {})
    throw piped.reason
  }
  return { path: dest, sha256: hash.digest('base64'), size, ...stats }
}

/** Add every entry of the tree to `pack`, in order, waiting whenever `pack` is full. */
async function writeEntries(
  pack: tar.Pack,
  root: string,
  mtime: Date,
  stats: Pick<Tarball, 'entries' | 'largestFiles'>,
  signal: AbortSignal | undefined
): Promise<void> {
  if (!(await fs.stat(root)).isDirectory()) throw new Error(`${root} is not a folder`)
  const top = path.basename(root)
  const items = walk({ abs: root, rel: '', kind: 'directory' })
  for await (const { item, header, body } of prefetch(items, load, LOOKAHEAD)) {
    signal?.throwIfAborted()
    header.name = item.rel === '' ? top : `${top}/${item.rel}`
    if (item.kind === 'directory') header.name += '/'
    Object.assign(header, { mtime, uid: 0, gid: 0, uname: '', gname: '' })
    // tar-stream splits long ASCII names into the ustar prefix and name fields, and writes PAX
    // headers for what does not fit and for non-ASCII names (the tests check all of this).
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null): void => (err ? reject(err) : resolve())
      if (body !== undefined) pack.entry(header, body, done)
      else if (header.type !== 'file') pack.entry(header, done)
      else {
        const file = createReadStream(item.abs, {
          highWaterMark: READ_CHUNK,
          end: header.size! - 1
        })
        pipeline(file, pack.entry(header, done)).catch(reject)
      }
    })
    stats.entries++
    if (header.type === 'file') noteSize(stats.largestFiles, { path: item.rel, size: header.size! })
  }
}

/** The tree under `dir`, `dir` first, depth-first with names in byte order. */
async function* walk(dir: Item): AsyncGenerator<Item> {
  yield dir
  const dirents = await fs.readdir(dir.abs, { withFileTypes: true, encoding: 'buffer' })
  dirents.sort((a, b) => Buffer.compare(a.name, b.name))
  for (const dirent of dirents) {
    const name = utf8(dirent.name, dir.abs)
    const item = {
      abs: path.join(dir.abs, name),
      rel: dir.rel === '' ? name : `${dir.rel}/${name}`
    }
    if (dirent.isDirectory()) yield* walk({ ...item, kind: 'directory' })
    else if (dirent.isFile()) yield { ...item, kind: 'file' }
    else if (dirent.isSymbolicLink()) yield { ...item, kind: 'symlink' }
    // Sockets, fifos and devices have no place in a NAR.
  }
}

/** The header (and content, for a small file) of `item`; mtime and owner are set later. */
async function load(item: Item): Promise<Loaded> {
  if (item.kind === 'directory')
    return { item, header: { name: '', type: 'directory', mode: 0o755 } }
  if (item.kind === 'symlink') {
    const linkname = utf8(await fs.readlink(item.abs, { encoding: 'buffer' }), item.abs)
    return { item, header: { name: '', type: 'symlink', mode: 0o777, linkname } }
  }
  // One open, fstat, read and close: small files are read whole, large ones streamed later.
  const file = await fs.open(item.abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
  try {
    const stat = await file.stat()
    const mode = stat.mode & 0o100 ? 0o755 : 0o644
    const header: Header = { name: '', type: 'file', mode, size: stat.size }
    if (stat.size >= SMALL_FILE) return { item, header }
    const body = Buffer.allocUnsafe(stat.size)
    const { bytesRead } = await file.read(body, 0, stat.size, 0)
    if (bytesRead !== stat.size) throw new Error(`${item.abs} changed while being packed`)
    return { item, header, body }
  } finally {
    await file.close()
  }
}

/** `source` mapped through `fn`, with up to `depth` calls of `fn` running ahead. */
async function* prefetch<T, U>(
  source: AsyncIterable<T>,
  fn: (t: T) => Promise<U>,
  depth: number
): AsyncGenerator<U> {
  const queue: Promise<U>[] = []
  const start = (t: T): void => {
    const p = fn(t)
    p.catch(() => {}) // Reported when awaited below; ignored if we stop before.
    queue.push(p)
  }
  for await (const t of source) {
    start(t)
    if (queue.length >= depth) yield await queue.shift()!
  }
  while (queue.length > 0) yield await queue.shift()!
}

/** Gather small chunks (tar headers, padding, small files) so zlib gets few large writes. */
async function* batch(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = []
  let bytes = 0
  for await (const chunk of chunks) {
    parts.push(chunk)
    bytes += chunk.length
    if (bytes >= BATCH) {
      yield parts.length === 1 ? parts[0] : Buffer.concat(parts, bytes)
      parts = []
      bytes = 0
    }
  }
  if (bytes > 0) yield Buffer.concat(parts, bytes)
}

/** Insert `file` into `top` (sorted by size, largest first, at most LARGEST long). */
function noteSize(top: Tarball['largestFiles'], file: { path: string; size: number }): void {
  if (top.length === LARGEST && file.size <= top[LARGEST - 1].size) return
  let i = top.length
  while (i > 0 && top[i - 1].size < file.size) i--
  top.splice(i, 0, file)
  if (top.length > LARGEST) top.pop()
}

/** `bytes` as a string, refusing names that are not UTF-8 (tar-stream cannot write them). */
function utf8(bytes: Buffer, where: string): string {
  if (!isUtf8(bytes)) throw new Error(`${where}: name or link target is not valid UTF-8`)
  return bytes.toString('utf8')
}
