/**
 * The NAR hash of a tree, computed from its entries as they are handed over, one after the
 * other, without reading anything itself: the SHA-256 of the tree's Nix archive (NAR)
 * serialisation, in the SRI form Nix prints (`sha256-<base64>`, as in `narHash`).
 *
 * The serialisation, as Nix writes it:
 *
 *     archive   = str("nix-archive-1") node
 *     node      = str("(") str("type") object str(")")
 *     object    = str("regular") [str("executable") str("")] str("contents") str(<bytes>)
 *               | str("symlink") str("target") str(<target>)
 *               | str("directory") entry*
 *     entry     = str("entry") str("(") str("name") str(<name>) str("node") node str(")")
 *     str(s)    = the byte length of s as a 64-bit little-endian number, the bytes of s, then
 *                 zero bytes up to the next multiple of 8
 *
 * A directory's entries come in the byte order of their names, each name once. Nothing else
 * of a file is kept: no times, no owner, of its mode only whether its owner may execute it.
 *
 * Entries are named by their path relative to the root ('' for the root itself, `a/b` for `b`
 * inside `a`) and must come depth-first, a folder before what it holds: the order of a NAR. An
 * entry out of that order is refused rather than hashed, since no tree has that serialisation.
 * The small fixed words go through one reusable scratch buffer, handed to the hash in batches;
 * file contents go to the hash as they are, without a copy.
 */
import { createHash, type Hash } from 'node:crypto'

/** What a packer tells about each entry of the tree, in NAR order; {@link NarHasher} is one. */
export interface NarSink {
  directory(rel: string): void
  symlink(rel: string, target: string): void
  /** A regular file of `size` bytes; exactly that many must follow through `contents`. */
  file(rel: string, executable: boolean, size: number): void
  /** The next bytes of the current file. */
  contents(bytes: Buffer): void
  /** The hash of everything told so far, as `sha256-<base64>`; nothing may be told after it. */
  digest(): string
}

/** `words`, each as str(word), one after the other. */
function words(...list: string[]): Buffer {
  return Buffer.concat(
    list.map(word => {
      const bytes = Buffer.from(word, 'utf8')
      const out = Buffer.alloc(8 + padded(bytes.length))
      out.writeUInt32LE(bytes.length, 0)
      bytes.copy(out, 8)
      return out
    })
  )
}

/** `length` rounded up to a multiple of 8. */
function padded(length: number): number {
  return length + ((8 - (length % 8)) % 8)
}

const MAGIC = words('nix-archive-1')
const DIRECTORY = words('(', 'type', 'directory')
const REGULAR = words('(', 'type', 'regular')
const EXECUTABLE = words('executable', '')
const CONTENTS = words('contents')
const SYMLINK = words('(', 'type', 'symlink', 'target')
const ENTRY = words('entry', '(', 'name')
const NODE = words('node')
const CLOSE = words(')')
const ZEROS = Buffer.alloc(8)
const SCRATCH = 16 * 1024

type Folder = { rel: string; lastName: Buffer | undefined }
type OpenFile = { rel: string; size: number; remaining: number }

export class NarHasher implements NarSink {
  private readonly hash: Hash = createHash('sha256')
  private scratch = Buffer.allocUnsafe(SCRATCH)
  private used = 0
  /** The folders entered and not yet left, the root first. */
  private readonly folders: Folder[] = []
  /** The file whose contents are still to come. */
  private openFile: OpenFile | undefined
  private started = false
  private done = false

  constructor() {
    this.put(MAGIC)
  }

  directory(rel: string): void {
    this.begin(rel)
    this.put(DIRECTORY)
    this.folders.push({ rel, lastName: undefined })
  }

  symlink(rel: string, target: string): void {
    this.begin(rel)
    this.put(SYMLINK)
    this.putString(Buffer.from(target, 'utf8'))
    this.endNode(rel)
  }

  file(rel: string, executable: boolean, size: number): void {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`${rel}: size ${size}`)
    this.begin(rel)
    this.put(REGULAR)
    if (executable) this.put(EXECUTABLE)
    this.put(CONTENTS)
    this.putLength(size)
    this.openFile = { rel, size, remaining: size }
    if (size === 0) this.endFile(this.openFile)
  }

  contents(bytes: Buffer): void {
    const file = this.openFile
    if (file === undefined) throw new Error('NAR: file contents outside of any file')
    if (bytes.length > file.remaining)
      throw new Error(`NAR: ${file.rel} has more than its ${file.size} bytes`)
    this.flush()
    this.hash.update(bytes)
    file.remaining -= bytes.length
    if (file.remaining === 0) this.endFile(file)
  }

  digest(): string {
    this.checkFileDone()
    if (!this.started) throw new Error('NAR: no entries')
    while (this.folders.length > 0) this.leaveFolder()
    this.flush()
    this.done = true
    return `sha256-${this.hash.digest('base64')}`
  }

  /** Leave the folders `rel` is not in, check its place, and open its entry (none for the root). */
  private begin(rel: string): void {
    if (this.done) throw new Error(`NAR: ${rel} comes after the end`)
    this.checkFileDone()
    if (!this.started) {
      if (rel !== '') throw new Error(`NAR: the first entry is ${rel}, not the root`)
      this.started = true
      return
    }
    const slash = rel.lastIndexOf('/')
    const parent = slash < 0 ? '' : rel.slice(0, slash)
    const name = rel.slice(slash + 1)
    if (rel === '' || name === '' || name === '.' || name === '..' || name.includes('\0'))
      throw new Error(`NAR: invalid entry name ${JSON.stringify(rel)}`)
    while (this.folders.length > 0 && this.folders[this.folders.length - 1].rel !== parent)
      this.leaveFolder()
    const folder = this.folders[this.folders.length - 1]
    if (folder === undefined) throw new Error(`NAR: ${rel} comes outside its folder`)
    const nameBytes = Buffer.from(name, 'utf8')
    if (folder.lastName !== undefined && Buffer.compare(folder.lastName, nameBytes) >= 0)
      throw new Error(`NAR: ${rel} comes after ${folder.lastName.toString('utf8')}, out of order`)
    folder.lastName = nameBytes
    this.put(ENTRY)
    this.putString(nameBytes)
    this.put(NODE)
  }

  private checkFileDone(): void {
    const file = this.openFile
    if (file !== undefined)
      throw new Error(`NAR: ${file.rel} ended ${file.remaining} bytes short of its ${file.size}`)
  }

  private endFile(file: OpenFile): void {
    this.openFile = undefined
    this.put(ZEROS.subarray(0, padded(file.size) - file.size))
    this.endNode(file.rel)
  }

  private leaveFolder(): void {
    const folder = this.folders.pop()
    if (folder !== undefined) this.endNode(folder.rel)
  }

  /** Close a node, and the entry holding it unless it is the root. */
  private endNode(rel: string): void {
    this.put(CLOSE)
    if (rel !== '') this.put(CLOSE)
  }

  private putLength(length: number): void {
    this.reserve(8)
    this.scratch.writeUInt32LE(length % 2 ** 32, this.used)
    this.scratch.writeUInt32LE(Math.floor(length / 2 ** 32), this.used + 4)
    this.used += 8
  }

  private putString(bytes: Buffer): void {
    this.putLength(bytes.length)
    this.put(bytes)
    this.put(ZEROS.subarray(0, padded(bytes.length) - bytes.length))
  }

  private put(bytes: Buffer): void {
    this.reserve(bytes.length)
    bytes.copy(this.scratch, this.used)
    this.used += bytes.length
  }

  /** Make room for `length` more bytes in the scratch buffer. */
  private reserve(length: number): void {
    if (this.used + length <= this.scratch.length) return
    this.flush()
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(padded(length))
  }

  private flush(): void {
    if (this.used === 0) return
    this.hash.update(this.scratch.subarray(0, this.used))
    this.used = 0
  }
}
