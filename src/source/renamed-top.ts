/**
 * A tar's top folder renamed as the tar is compressed. Packing a flake at the root of its
 * repository from Git, the top folder's name (the store path's, made from the tree's NAR hash)
 * is known only once the whole tree has been read. Rather than read the tree twice, once to hash
 * it and once to pack it, it is packed once, uncompressed, under a stand-in name of the same
 * length, and the right name is put in here, on the way to gzip.
 *
 * Only the bytes of the name change, where tarball.ts (tar-stream) writes it: at the start of
 * each entry's ustar name, or of its ustar prefix when a long name is split, or of the `path`
 * record that begins a PAX header's data (long and non-ASCII names); each ustar header changed
 * gets its checksum made again. Anything else than that layout is an error, never a tarball
 * with the stand-in left in it.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { GZIP_CHUNK, GZIP_LEVEL, type Tarball, compress, measure } from './tarball.js'

const BLOCK = 512
/** The tar is read in slabs of this size (whole blocks). */
const SLAB = 256 * BLOCK

/**
 * Compress the tar `raw` into the .tar.gz `destination`, its top folder `from` renamed `to` (of
 * the same length in bytes). On failure, no partial file is left behind; `raw` is left as is.
 */
export async function compressRenamed(
  raw: string,
  destination: string,
  names: { from: string; to: string },
  signal?: AbortSignal
): Promise<Pick<Tarball, 'path' | 'sha256' | 'size'>> {
  const renamer = new TopRenamer(Buffer.from(names.from), Buffer.from(names.to))
  const dest = path.resolve(destination)
  const gzip = createGzip({ level: GZIP_LEVEL, chunkSize: GZIP_CHUNK })
  const written = measure()
  const writing = pipeline(gzip, written.pass, fs.createWriteStream(dest))
  // What stops `compress` waiting for zlib: writing to disk failing.
  const failed = writing.then(() => new Promise<never>(() => {}))
  failed.catch(() => {}) // Raced in `compress`; `writing` is awaited below.
  try {
    await compress(renamedSlabs(raw, renamer, signal), gzip, () => {}, failed)
    await writing
  } catch (error) {
    gzip.destroy()
    await writing.catch(() => {})
    await fs.promises.rm(dest, { force: true })
    throw error
  }
  return { path: dest, ...written.done() }
}

/**
 * The tar `raw`, renamed, a slab at a time read into one buffer: `compress` copies each slab
 * out before it asks for the next.
 */
async function* renamedSlabs(
  raw: string,
  renamer: TopRenamer,
  signal: AbortSignal | undefined
): AsyncGenerator<Buffer> {
  const input = await fs.promises.open(raw, 'r')
  try {
    const slab = Buffer.allocUnsafeSlow(SLAB)
    for (let position = 0; ;) {
      signal?.throwIfAborted()
      const { bytesRead } = await input.read(slab, 0, SLAB, position)
      if (bytesRead === 0) break
      const bytes = slab.subarray(0, bytesRead)
      renamer.rename(bytes)
      yield bytes
      position += bytesRead
    }
    renamer.finish()
  } finally {
    await input.close()
  }
}

/** Walks the tar block by block, renaming the top folder in every entry's name. */
export class TopRenamer {
  /** Blocks of data left in the entry at hand. */
  private dataLeft = 0
  /** The next block is the start of a PAX header's data. */
  private paxData = false
  private ended = false

  constructor(
    private readonly from: Buffer,
    private readonly to: Buffer
  ) {
    if (from.length !== to.length)
      throw new RangeError(
        `The names ${from} and ${to} differ in length: a tar cannot be renamed so`
      )
  }

  /** Rename in `bytes`, the tar's next whole blocks (from where the previous call ended). */
  rename(bytes: Buffer): void {
    if (bytes.length % BLOCK !== 0) throw this.error('does not end on a block')
    for (let at = 0; at < bytes.length; at += BLOCK) {
      const block = bytes.subarray(at, at + BLOCK)
      if (this.dataLeft > 0) {
        if (this.paxData) this.renamePaxPath(block)
        this.paxData = false
        this.dataLeft--
      } else if (this.ended || block.every(byte => byte === 0)) {
        if (!block.every(byte => byte === 0)) throw this.error('goes on after its end')
        this.ended = true
      } else this.renameHeader(block)
    }
  }

  /** After the last bytes: an error unless the tar ended where it should. */
  finish(): void {
    if (this.dataLeft > 0 || !this.ended) throw this.error('ends in the middle')
  }

  private renameHeader(header: Buffer): void {
    const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, ''), 8)
    if (!Number.isSafeInteger(size)) throw this.error('has a header without a size')
    this.dataLeft = Math.ceil(size / BLOCK)
    // A PAX header, and the header after its data, are both named PaxHeader (tar-stream): the
    // entry's name is in the PAX data.
    if (header.toString('latin1', 0, 10) === 'PaxHeader\0') {
      this.paxData = header[156] === 0x78 && size > 0
      return
    }
    // The name's start: the ustar prefix when the name was split, else the name field.
    const start = header[345] === 0 ? 0 : 345
    this.replace(header, start)
    const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 0x20 : byte), 0)
    header.write(sum.toString(8).padStart(6, '0'), 148, 'latin1')
  }

  /** The `path` record that starts the PAX data: `<length> path=<name>\n`. */
  private renamePaxPath(data: Buffer): void {
    const key = data.indexOf(' path=')
    if (key < 0 || key > 20) throw this.error('has a PAX header that does not start with a path')
    this.replace(data, key + ' path='.length)
  }

  private replace(bytes: Buffer, at: number): void {
    if (!this.from.equals(bytes.subarray(at, at + this.from.length)))
      throw this.error(`has an entry whose name does not start with ${this.from}`)
    this.to.copy(bytes, at)
  }

  private error(what: string): Error {
    return new Error(`The uncompressed tarball ${what}: it cannot be renamed (a bug of packing)`)
  }
}
