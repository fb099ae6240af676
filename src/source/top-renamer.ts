/**
 * A tar's top folder renamed in place, block by block, for renamed-top.ts: only the bytes of the
 * name change, where tarball.ts (tar-stream) writes it: at the start of each entry's ustar name,
 * or of its ustar prefix when a long name is split, or of the `path` record that begins a PAX
 * header's data (long and non-ASCII names); each ustar header changed gets its checksum made
 * again. Anything else than that layout is an error, never a tar with the stand-in left in it.
 */

/** A tar's block: every header and every entry's data start on one. */
export const BLOCK = 512

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
    // (Data left means no end yet: the end is only looked for between entries.)
    if (!this.ended) throw this.error('ends in the middle')
  }

  private renameHeader(header: Buffer): void {
    // Octal digits, ended by a NUL or a space, where parseInt stops.
    const size = Number.parseInt(header.toString('latin1', 124, 136), 8)
    if (!Number.isSafeInteger(size)) throw this.error('has a header without a size')
    this.dataLeft = Math.ceil(size / BLOCK)
    this.paxData = false
    // A PAX header, and the header after its data, are both named PaxHeader (tar-stream): the
    // entry's name is in the PAX data.
    if (header.toString('latin1', 0, 10) === 'PaxHeader\0') {
      this.paxData = header[156] === 0x78
      return
    }
    // The name's start: the ustar prefix when the name was split, else the name field.
    const start = header[345] === 0 ? 0 : 345
    this.replace(header, start)
    const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 0x20 : byte), 0)
    header.write(sum.toString(8).padStart(6, '0'), 148)
  }

  /** The `path` record that starts the PAX data: `<length> path=<name>\n`. */
  private renamePaxPath(data: Buffer): void {
    const record = /^\d+ path=/.exec(data.toString('latin1', 0, 32))
    if (record === null) throw this.error('has a PAX header that does not start with a path')
    this.replace(data, record[0].length)
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
