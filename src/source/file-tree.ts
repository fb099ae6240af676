/**
 * The entries a tarball is packed from: by default the tree of a folder on the file system,
 * read with synchronous calls (see the comment of tarball.ts for why). The packer takes any
 * {@link EntrySource}, and hashes and packs exactly what it yields.
 */
import { isUtf8 } from 'node:buffer'
import * as fs from 'node:fs'

/**
 * One entry of the tree to pack; `rel` is its path relative to the source folder ('' for the
 * folder itself). A file is open while it is the current entry: `read` fills all of `into` with
 * its bytes from `position` on (the packer then hashes and packs `into`, nothing else), at once
 * or, for a source that streams (Git's), once its promise resolves; the packer asks for the
 * bytes in order, each once.
 */
export type Entry =
  | { kind: 'directory'; rel: string }
  | { kind: 'symlink'; rel: string; target: string }
  | {
      kind: 'file'
      rel: string
      executable: boolean
      size: number
      read(into: Buffer, position: number): void | Promise<void>
    }

/** The entries under `root`, `root` first, depth-first with names in byte order. */
export type EntrySource = (root: string) => Iterable<Entry> | AsyncIterable<Entry>

/**
 * The tree under `root` on the file system, `root` first, depth-first with names in byte order
 * (the order of a NAR); sockets, fifos and devices are left out. A file is opened, stat'ed once
 * and closed when the next entry is asked for (or the walk is abandoned).
 */
export function* fileTree(root: string): Generator<Entry> {
  const stack: { abs: string; rel: string; kind: Entry['kind'] }[] = [
    { abs: root, rel: '', kind: 'directory' }
  ]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { abs, rel } = item
    if (item.kind === 'symlink') {
      yield {
        kind: 'symlink',
        rel,
        target: utf8(fs.readlinkSync(abs, { encoding: 'buffer' }), abs)
      }
      continue
    }
    if (item.kind === 'file') {
      const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW)
      try {
        const { size, mode } = fs.fstatSync(fd)
        const read = (into: Buffer, position: number): void => readFully(fd, into, position, abs)
        yield { kind: 'file', rel, executable: (mode & 0o100) !== 0, size, read }
      } finally {
        fs.closeSync(fd)
      }
      continue
    }
    yield { kind: 'directory', rel }
    const dirents = fs.readdirSync(abs, { withFileTypes: true, encoding: 'buffer' })
    // Pushed last name first, so that the first name is popped next.
    dirents.sort((a, b) => Buffer.compare(b.name, a.name))
    for (const dirent of dirents) {
      const kind = dirent.isDirectory()
        ? 'directory'
        : dirent.isFile()
          ? 'file'
          : dirent.isSymbolicLink()
            ? 'symlink'
            : undefined
      if (kind === undefined) continue // Sockets, fifos and devices have no place in a NAR.
      const name = utf8(dirent.name, abs)
      stack.push({ abs: `${abs}/${name}`, rel: rel === '' ? name : `${rel}/${name}`, kind })
    }
  }
}

/** Fill `into` from `fd` at `position`; the file must not have shrunk since it was stat'ed. */
function readFully(fd: number, into: Buffer, position: number, abs: string): void {
  for (let done = 0; done < into.length;) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done)
    if (n === 0) throw new Error(`${abs} changed while being packed`)
    done += n
  }
}

/** `bytes` as a string, refusing names that are not UTF-8 (tar-stream cannot write them). */
function utf8(bytes: Buffer, where: string): string {
  if (!isUtf8(bytes)) throw new Error(`${where}: name or link target is not valid UTF-8`)
  return bytes.toString('utf8')
}
