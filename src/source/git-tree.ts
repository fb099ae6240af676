/**
 * A commit's tree read straight from Git, as entries to pack (see file-tree.ts): what Nix will
 * put into the store for the commit, available as soon as the commit is known, while Nix is
 * still copying it.
 *
 * `git ls-tree -r -z --long <rev>:<dir>` lists every file, symlink and submodule with its mode,
 * object and size; ls-tree.ts reads that and walks it in the order of a NAR. `git cat-file
 * --batch --buffer` then streams the contents of every file and symlink in that order
 * (stream-reader.ts), and each file's bytes are copied from what it printed into the packer's
 * buffers as the packer asks for them.
 *
 * What Git's tree cannot say (`export-ignore` and `export-subst`, which `git archive`, and so Nix
 * 2.8, apply) is why the result must be checked against Nix's own NAR hash before it is used.
 */
import { isUtf8 } from 'node:buffer'
import type { Readable } from 'node:stream'
import type { CommandRunner } from '../process/command.js'
import type { Entry } from './file-tree.js'
import { type ListedTree, type TreeEntry, readLsTree } from './ls-tree.js'
import { StreamReader } from './stream-reader.js'

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
