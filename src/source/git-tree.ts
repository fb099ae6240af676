/**
 * A commit's tree read straight from Git, as entries to pack (see file-tree.ts): what Nix will
 * put into the store for the commit, available as soon as the commit is known, while Nix is
 * still copying it.
 *
 * `git ls-tree -r -z --long <rev>:<dir>` lists every file, symlink and submodule with its mode,
 * object and size; they are walked in the order of a NAR (depth-first, names in byte order, which
 * is not Git's: Git sorts a folder as if its name ended in `/`). `git cat-file --batch --buffer`
 * then streams the contents of every file and symlink in that order, and each file's bytes are
 * copied from what it printed into the packer's buffers as the packer asks for them.
 *
 * What Git's tree says is kept as a NAR keeps it: 100755 is an executable file, 100644 a plain
 * one, 120000 a symlink (its target is the blob's bytes), and a submodule (160000, a "gitlink":
 * a commit of another repository) an empty folder, which is what Nix unpacks for it when the
 * flake's URL does not ask for submodules. What Git's tree cannot say (`export-ignore` and
 * `export-subst`, which `git archive`, and so Nix 2.8, apply) is why the result must be checked
 * against Nix's own NAR hash before it is used.
 */
import { isUtf8 } from 'node:buffer'
import type { Readable } from 'node:stream'
import type { CommandRunner } from '../process/command.js'
import type { Entry } from './file-tree.js'

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
      length += lines.write(leaf.object, length, 'latin1')
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
  const bytes = /^[0-9]{1,15}$/.test(size) ? Number(size) : NaN
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

/**
 * Reads exactly as many bytes as asked from a stream, copying them into buffers it is given:
 * the stream's own chunks are never kept beyond the few not read yet (it is paused while more
 * than `highWater` bytes wait).
 */
export class StreamReader {
  private readonly chunks: Buffer[] = []
  private queued = 0
  private ended: { error?: unknown } | undefined
  private wake: (() => void) | undefined

  constructor(
    private readonly stream: Readable,
    private readonly highWater = 256 * 1024
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      this.queued += chunk.length
      if (this.queued > this.highWater) stream.pause()
      this.wakeUp()
    })
    stream.on('end', () => this.end({}))
    stream.on('error', error => this.end({ error }))
  }

  /** Fill all of `into`; an error if the stream ends first. */
  async readInto(into: Buffer): Promise<void> {
    let done = 0
    while (done < into.length) {
      await this.available()
      const chunk = this.chunks[0]
      const n = chunk.copy(into, done, 0, Math.min(chunk.length, into.length - done))
      done += n
      this.consume(n)
    }
  }

  /** The next line (up to `\n`, which is dropped) as text; at most `limit` bytes long. */
  async line(limit = 4096): Promise<string> {
    await this.available()
    // Most lines are whole in the chunk at hand: read them from it, without a copy.
    const first = this.chunks[0]
    const end = first.indexOf(0x0a)
    if (end >= 0 && end <= limit) {
      const text = first.toString('utf8', 0, end)
      this.consume(end + 1)
      return text
    }
    const parts: Buffer[] = []
    let length = 0
    for (;;) {
      await this.available()
      const chunk = this.chunks[0]
      const newline = chunk.indexOf(0x0a)
      const take = newline < 0 ? chunk.length : newline
      parts.push(Buffer.from(chunk.subarray(0, take)))
      length += take
      if (length > limit) throw new Error(`a line longer than ${limit} bytes`)
      this.consume(newline < 0 ? take : take + 1)
      if (newline >= 0) return Buffer.concat(parts).toString('utf8')
    }
  }

  /** Wait until a byte is there; an error once the stream has ended. */
  private async available(): Promise<void> {
    while (this.chunks.length === 0) {
      if (this.ended !== undefined)
        throw this.ended.error ?? new Error('the output ended before all of it was read')
      await new Promise<void>(resolve => (this.wake = resolve))
    }
  }

  private consume(n: number): void {
    const chunk = this.chunks[0]
    if (n === chunk.length) this.chunks.shift()
    else this.chunks[0] = chunk.subarray(n)
    this.queued -= n
    if (this.queued <= this.highWater / 2 && this.stream.isPaused()) this.stream.resume()
  }

  private end(ended: { error?: unknown }): void {
    this.ended ??= ended
    this.wakeUp()
  }

  private wakeUp(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}

export interface GitTreeOptions {
  /** Any folder of the repository (`git -C`). */
  repository: string
  /** The commit (a full SHA). */
  revision: string
  /** The folder inside the commit to read ('' for its root). */
  dir: string
  signal?: AbortSignal
  log?: (line: string) => void
}

/** The entries of the folder `dir` of commit `revision`, listed by Git (see {@link readLsTree}). */
export async function listTree(
  runner: CommandRunner,
  options: GitTreeOptions
): Promise<ListedTree> {
  const { repository, revision, dir, signal, log } = options
  const tree = dir === '' ? `${revision}^{tree}` : `${revision}:${dir}`
  const args = ['-C', repository, 'ls-tree', '-r', '-z', '--long', tree]
  // Read as bytes: a name that is not UTF-8 must be seen as such, not turned into U+FFFD.
  const chunks: Buffer[] = []
  await runner.run('git', args, {
    signal,
    log,
    stdout: stream => stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  })
  return readLsTree(Buffer.concat(chunks))
}

/**
 * Git maps its pack files into memory in windows of up to 1 GiB, and keeps up to 8 GiB of them
 * mapped: reading a whole commit then shows the pack (70 MB on the benchmark's tree, the whole
 * history on a real repository) in its resident memory. Windows of 256 KiB, 1 MiB mapped at
 * most, read the benchmark's tree as fast (0.81-0.85 s either way) in 7.6 MB instead of 74 MB.
 */
const SMALL_WINDOWS = ['-c', 'core.packedGitWindowSize=256k', '-c', 'core.packedGitLimit=1m']

/**
 * The tree's entries as an entry source for the packer: folders at once, each symlink's target
 * and each file's bytes read from one `git cat-file --batch` as the packer asks for them, in
 * order. The object Git prints must be the one asked for, of the size listed.
 */
export async function* gitEntries(
  runner: CommandRunner,
  entries: ListedTree,
  options: Omit<GitTreeOptions, 'revision' | 'dir'>
): AsyncGenerator<Entry> {
  const { repository, signal, log } = options
  let reader: StreamReader | undefined
  let stream: Readable | undefined
  const catFile = runner.run(
    'git',
    ['-C', repository, ...SMALL_WINDOWS, 'cat-file', '--batch', '--buffer'],
    {
      signal,
      log,
      input: entries.blobs(),
      stdout: out => {
        stream = out
        reader = new StreamReader(out)
      }
    }
  )
  // Its failure is seen by the reader (the output ends early) and thrown below, with Git's words.
  let failure: unknown
  catFile.catch((error: unknown) => (failure = error))
  try {
    for (const entry of entries) {
      if (entry.kind === 'directory') {
        yield entry
        continue
      }
      const blob = await blobEntry(reader!, entry)
      yield blob.entry
      blob.check()
    }
    await catFile
  } catch (error) {
    await catFile.catch(() => {})
    throw failure ?? error
  } finally {
    stream?.resume() // Whatever is left is read and dropped, so that git can end.
  }
}

/**
 * The next object of `git cat-file --batch`'s output as the entry `entry` names: a symlink,
 * its target read whole; or a file, its bytes read as the packer asks for them, in order.
 * `check`, once the packer is done with it, says whether it read the file whole.
 */
async function blobEntry(
  reader: StreamReader,
  entry: Exclude<TreeEntry, { kind: 'directory' }>
): Promise<{ entry: Entry; check: () => void }> {
  const header = await reader.line()
  const expected = `${entry.object} blob ${entry.size}`
  if (header !== expected)
    throw new Error(`\`git cat-file\` printed ${JSON.stringify(header)} where ${expected} was due`)
  if (entry.kind === 'symlink') {
    const target = Buffer.allocUnsafe(entry.size)
    await reader.readInto(target)
    await reader.line(0)
    if (!isUtf8(target)) throw new Error(`${entry.rel}: the link target is not valid UTF-8`)
    const link: Entry = { kind: 'symlink', rel: entry.rel, target: target.toString('utf8') }
    return { entry: link, check: () => {} }
  }
  if (entry.size === 0) await reader.line(0) // No bytes will be asked for.
  let next = 0
  const read = async (into: Buffer, position: number): Promise<void> => {
    if (position !== next) throw new Error(`${entry.rel}: read out of order`)
    await reader.readInto(into)
    next += into.length
    if (next === entry.size) await reader.line(0) // The newline after the object.
  }
  const { rel, executable, size } = entry
  return {
    entry: { kind: 'file', rel, executable, size, read },
    check: () => {
      if (next !== entry.size) throw new Error(`${entry.rel}: not read whole`)
    }
  }
}
