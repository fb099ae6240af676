/**
 * A tar's top folder renamed as the tar is compressed. Packing a flake at the root of its
 * repository from Git, the top folder's name (the store path's, made from the tree's NAR hash)
 * is known only once the whole tree has been read. Rather than read the tree twice, once to hash
 * it and once to pack it, it is packed once, uncompressed, under a stand-in name of the same
 * length, and the right name is put in here (top-renamer.ts), on the way to gzip.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { GZIP_CHUNK, GZIP_LEVEL, type Tarball, compress, measure } from './tarball.js'
import { BLOCK, TopRenamer } from './top-renamer.js'

/** The tar is read in slabs of this size: whole blocks, as the renamer takes them. */
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
