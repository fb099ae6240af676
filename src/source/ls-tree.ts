/**
 * The output of `git ls-tree -r -z --long`, read as untrusted text: every file, symlink and
 * submodule with its mode, object and size, checked, and walked in the order of a NAR
 * (depth-first, names in byte order, which is not Git's: Git sorts a folder as if its name ended
 * in `/`). What Git's tree says is kept as a NAR keeps it: 100755 is an executable file, 100644 a
 * plain one, 120000 a symlink (its target is the blob's bytes), and a submodule (160000, a
 * "gitlink": a commit of another repository) an empty folder, which is what Nix unpacks for it
 * when the flake's URL does not ask for submodules. git-tree.ts runs Git.
 */
import { isUtf8 } from 'node:buffer'

/** One entry of the commit's tree below the folder packed, in NAR order. */
export type TreeEntry =
  | { kind: 'directory'; rel: string }
  | { kind: 'symlink'; rel: string; object: string; size: number }
  | { kind: 'file'; rel: string; object: string; size: number; executable: boolean }

type Leaf = Exclude<TreeEntry, { kind: 'directory' }>

/** `<mode> SP <type> SP <object> SP <size, right-aligned>` (then a tab and the path). */
const HEADER = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40}|[0-9a-f]{64}) +(-|[0-9]{1,15})$/

/**
 * The commit's tree as `git ls-tree -r -z --long` printed it, checked, its entries told in NAR
 * order, the folder itself first (see {@link readLsTree}).
 *
 * It keeps the output as it came and, for each record, where it starts, where its path starts
 * and where it ends, in typed arrays, and makes each entry only as it is told. V8 doubles its
 * young generation each time more than its size survives, and never gives it back: the 20,000
 * entries of the benchmark's tree, kept as objects for the run, took it from 2 to 32 MB.
 */
export class ListedTree implements Iterable<TreeEntry> {
  private readonly output: Buffer
  private readonly starts: Uint32Array
  private readonly paths: Uint32Array
  private readonly ends: Uint32Array
  /** The records, in NAR order. */
  private readonly order: Uint32Array

  constructor(output: Buffer) {
    let count = 0
    for (let at = output.indexOf(0); at >= 0; at = output.indexOf(0, at + 1)) count++
    this.output = output
    this.starts = new Uint32Array(count)
    this.paths = new Uint32Array(count)
    this.ends = new Uint32Array(count)
    let start = 0
    for (let i = 0; start < output.length; i++) {
      const end = output.indexOf(0, start)
      if (end < 0) throw lsTreeError('an entry without its NUL', output.subarray(start))
      const tab = output.indexOf(0x09, start)
      if (tab < 0 || tab > end)
        throw lsTreeError('an entry without a path', output.subarray(start, end))
      this.starts[i] = start
      this.paths[i] = tab + 1
      this.ends[i] = end
      this.leafOf(i) // Checks the record, now rather than while it is packed.
      start = end + 1
    }
    this.order = new Uint32Array(count).map((_, i) => i).sort((a, b) => this.compare(a, b))
    for (let i = 1; i < count; i++) {
      const [a, b] = [this.order[i - 1], this.order[i]]
      if (this.holds(a, b))
        throw lsTreeError('a path twice', output.subarray(this.starts[b], this.ends[b]))
    }
  }

  /** Every entry, in NAR order, each folder before the first path in it. */
  *[Symbol.iterator](): Iterator<TreeEntry> {
    yield { kind: 'directory', rel: '' }
    // The folders that hold the path at hand, each as its path and a slash.
    const open: string[] = []
    for (const record of this.order) {
      const leaf = this.leafOf(record)
      const rel = leaf?.rel ?? this.rel(record)
      while (open.length > 0 && !rel.startsWith(open[open.length - 1])) open.pop()
      const from = open.length === 0 ? 0 : open[open.length - 1].length
      for (let slash = rel.indexOf('/', from); slash >= 0; slash = rel.indexOf('/', slash + 1)) {
        open.push(rel.slice(0, slash + 1))
        yield { kind: 'directory', rel: rel.slice(0, slash) }
      }
      yield leaf ?? { kind: 'directory', rel } // A submodule: an empty folder.
    }
  }

  /** `git cat-file --batch`'s input: the object of each file and symlink, in order, a line each. */
  blobs(): Buffer {
    const lines = Buffer.allocUnsafe(this.order.length * 65)
    let length = 0
    for (const record of this.order) {
      const leaf = this.leafOf(record)
      if (leaf === undefined) continue
      length += lines.write(leaf.object, length)
      length = lines.writeUInt8(0x0a, length)
    }
    return lines.subarray(0, length)
  }

  /** Record `i`'s path. */
  private rel(i: number): string {
    return this.output.toString('utf8', this.paths[i], this.ends[i])
  }

  /** Record `i` as a leaf (undefined for a submodule), or the error that says what is wrong. */
  private leafOf(i: number): Leaf | undefined {
    const record = this.output.subarray(this.starts[i], this.ends[i])
    const fields = HEADER.exec(this.output.toString('latin1', this.starts[i], this.paths[i] - 1))
    if (fields === null) throw lsTreeError('an entry of another shape', record)
    const [, mode, type, object, size] = fields
    const path = this.output.subarray(this.paths[i], this.ends[i])
    if (!isUtf8(path)) throw new Error(`${path.toString('latin1')}: the path is not valid UTF-8`)
    const rel = path.toString('utf8')
    if (rel.split('/').some(name => name === '' || name === '.' || name === '..'))
      throw lsTreeError('an entry with an empty, `.` or `..` name', record)
    return leafOf(mode, type, object, size, rel, record)
  }

  /**
   * NAR order of records `a` and `b`: their paths' bytes, a slash counting as less than any
   * (so that a folder's contents come right after its own name).
   */
  private compare(a: number, b: number): number {
    const { output, paths, ends } = this
    const [aLength, bLength] = [ends[a] - paths[a], ends[b] - paths[b]]
    for (let i = 0; i < Math.min(aLength, bLength); i++) {
      const [x, y] = [output[paths[a] + i], output[paths[b] + i]]
      if (x !== y) return (x === 0x2f ? 0 : x) - (y === 0x2f ? 0 : y)
    }
    return aLength - bLength
  }

  /** Whether record `b`'s path is `a`'s, or one inside it (`a` is sorted first). */
  private holds(a: number, b: number): boolean {
    const { output, paths, ends } = this
    const length = ends[a] - paths[a]
    if (ends[b] - paths[b] < length) return false
    if (output.compare(output, paths[a], ends[a], paths[b], paths[b] + length) !== 0) return false
    return ends[b] - paths[b] === length || output[paths[b] + length] === 0x2f
  }
}

/**
 * The entries of `git ls-tree -r -z --long` output, in NAR order, the folder itself first.
 * Anything else than that output is an error that quotes where it went wrong.
 */
export function readLsTree(output: Buffer): ListedTree {
  return new ListedTree(output)
}

/** The leaf a record stands for; undefined for a submodule (an empty folder). */
function leafOf(
  mode: string,
  type: string,
  object: string,
  size: string,
  rel: string,
  record: Buffer
): Leaf | undefined {
  if (mode === '160000' && type === 'commit') return undefined
  const bytes = Number(size) // HEADER took it as `-` (NaN here) or digits.
  if (type !== 'blob' || !Number.isSafeInteger(bytes))
    throw lsTreeError('an entry of another shape', record)
  if (mode === '120000') return { kind: 'symlink', rel, object, size: bytes }
  if (mode === '100644' || mode === '100755')
    return { kind: 'file', rel, object, size: bytes, executable: mode === '100755' }
  throw lsTreeError(`an entry of mode ${mode}`, record)
}

function lsTreeError(what: string, at: Buffer): Error {
  return new Error(
    `\`git ls-tree\` printed ${what}: ${JSON.stringify(at.subarray(0, 200).toString('latin1'))}`
  )
}
