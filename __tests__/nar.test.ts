// The NAR hasher against Nix itself: `nix hash path` of trees that exercise every part of the
// format (padding, executables, symlinks, empty files and folders, names Nix sorts by bytes).
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileTree } from '../src/source/file-tree.js'
import { NarHasher } from '../src/source/nar.js'
import { packTarball } from '../src/source/tarball.js'
import { sh } from './support/nix.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nar-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Nix's NAR hash of `file`. */
const nixHash = (file: string): string =>
  sh('nix', ['hash', 'path', '--sri', '--type', 'sha256', file]).trim()

/** The NAR hash of `root` from {@link NarHasher}, file contents fed in pieces of `piece` bytes. */
function narHash(root: string, piece: number): string {
  const nar = new NarHasher()
  for (const entry of fileTree(root)) {
    if (entry.kind === 'directory') nar.directory(entry.rel)
    else if (entry.kind === 'symlink') nar.symlink(entry.rel, entry.target)
    else {
      nar.file(entry.rel, entry.executable, entry.size)
      const bytes = Buffer.alloc(entry.size)
      entry.read(bytes, 0)
      for (let at = 0; at < entry.size; at += piece) nar.contents(bytes.subarray(at, at + piece))
    }
  }
  return nar.digest()
}

/** Write `files` under a new folder: sizes are random bytes, strings are text. */
function tree(files: Record<string, number | string | { mode: number; size: number }>): string {
  const root = fs.mkdtempSync(path.join(tmp, 'tree-'))
  for (const [rel, spec] of Object.entries(files)) {
    const file = path.join(root, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (typeof spec === 'number') fs.writeFileSync(file, randomBytes(spec), { mode: 0o644 })
    else if (typeof spec === 'string') fs.writeFileSync(file, spec, { mode: 0o644 })
    else {
      fs.writeFileSync(file, randomBytes(spec.size))
      fs.chmodSync(file, spec.mode)
    }
  }
  return root
}

const ARENA = 128 * 1024

describe('the NAR hash', () => {
  // Every padding length (sizes 0 to 17), exact multiples of 8, and files around and beyond
  // one arena of the packer (128 KiB).
  const sizes = [...Array(18).keys(), 64, 4096, 65536, ARENA - 1, ARENA, ARENA + 1, 300_001]
  const bySize = Object.fromEntries(sizes.map(n => [`sizes/${String(n).padStart(6, '0')}`, n]))
  const root = tree({
    ...bySize,
    'big/one-mib.bin': 1024 * 1024,
    'modes/all.sh': { mode: 0o755, size: 20 },
    'modes/owner-only.sh': { mode: 0o700, size: 20 },
    'modes/owner-exec-read.sh': { mode: 0o744, size: 0 },
    // Only the owner's executable bit counts in a NAR.
    'modes/group-exec.txt': { mode: 0o654, size: 20 },
    'modes/read-only.txt': { mode: 0o444, size: 9 },
    'names/über/ñandú.txt': 'non-ASCII\n',
    'names/🎉/party 🎈.txt': 'emoji\n',
    // U+FF58 comes before 🎉 in UTF-8 bytes, after it in UTF-16 code units.
    'names/ｘ.txt': 'fullwidth\n',
    [`names/${'n'.repeat(255)}`]: 'the longest name a folder allows\n',
    [`names/${'ü'.repeat(127)}`]: '254 bytes of name\n',
    // A folder `a` sorts before the file `a-b` by name, though `a/` sorts after `a-b` as a path.
    'order/a/x': 'in a\n',
    'order/a-b': 'beside a\n',
    'order/B': 'capital\n',
    'order/ab': 'ab\n',
    'deep/1/2/3/4/5/6/7/8/file': 'deep\n'
  })
  fs.mkdirSync(path.join(root, 'empty/nested/empty'), { recursive: true })
  fs.mkdirSync(path.join(root, 'empty-too'))
  fs.mkdirSync(path.join(root, 'links'))
  const links: Record<string, string> = {
    'to-file': '../order/ab',
    'to-folder': '../deep',
    dangling: '../nowhere',
    absolute: '/nix/store/nothing-here',
    'non-ascii': '../names/über/ñandú.txt',
    'long-target': `../${'t/'.repeat(500)}end`,
    odd: 'x'
  }
  for (const [name, target] of Object.entries(links))
    fs.symlinkSync(target, path.join(root, 'links', name))

  const expected = nixHash(root)

  it.each([5, 8, 4093, 65536, ARENA])(
    'equals `nix hash path`, with contents fed %i bytes at a time',
    piece => {
      expect(narHash(root, piece)).toBe(expected)
    }
  )

  it('equals `nix hash path` when computed while packing the tarball', async () => {
    const packed = await packTarball(root, path.join(tmp, 'tree.tar.gz'), 1700000000)
    expect(packed.narHash).toBe(expected)
  })

  it('tells trees apart that differ by one mode bit or one byte', () => {
    const files = { 'f.txt': 'a\n', 'run.sh': '#!/bin/sh\n' }
    const one = tree(files)
    const other = tree(files)
    for (const dir of [one, other]) fs.chmodSync(path.join(dir, 'run.sh'), 0o755)
    expect(narHash(other, 8)).toBe(narHash(one, 8))
    fs.chmodSync(path.join(other, 'run.sh'), 0o644)
    expect(narHash(other, 8)).toBe(nixHash(other))
    expect(narHash(other, 8)).not.toBe(narHash(one, 8))
    fs.chmodSync(path.join(other, 'run.sh'), 0o755)
    fs.writeFileSync(path.join(other, 'f.txt'), 'b\n')
    expect(narHash(other, 8)).toBe(nixHash(other))
    expect(narHash(other, 8)).not.toBe(narHash(one, 8))
  })

  it('hashes a lone file and a lone symlink as Nix does', () => {
    const file = path.join(tmp, 'lone.bin')
    fs.writeFileSync(file, randomBytes(1000), { mode: 0o755 })
    const nar = new NarHasher()
    nar.file('', true, 1000)
    nar.contents(fs.readFileSync(file))
    expect(nar.digest()).toBe(nixHash(file))

    const link = path.join(tmp, 'lone-link')
    fs.symlinkSync('some/where', link)
    const linkNar = new NarHasher()
    linkNar.symlink('', 'some/where')
    expect(linkNar.digest()).toBe(nixHash(link))
  })
})

describe('the NAR hasher refuses what has no NAR', () => {
  function started(): NarHasher {
    const nar = new NarHasher()
    nar.directory('')
    return nar
  }

  it('refuses siblings out of byte order, and the same name twice', () => {
    const nar = started()
    nar.file('b', false, 0)
    expect(() => nar.file('a', false, 0)).toThrow('NAR: a comes after b, out of order')
    const twice = started()
    twice.directory('d')
    expect(() => twice.file('d', false, 0)).toThrow('out of order')
    // 'ｘ' (EF BD 98) comes before '🎉' (F0 9F 8E 89) in bytes, though not in UTF-16.
    const bytes = started()
    bytes.file('🎉', false, 0)
    expect(() => bytes.file('ｘ', false, 0)).toThrow('out of order')
  })

  it('refuses an entry whose folder is not open, and a first entry that is not the root', () => {
    const nar = started()
    nar.directory('a')
    nar.file('a/x', false, 0)
    nar.file('b', false, 0)
    expect(() => nar.file('a/y', false, 0)).toThrow('NAR: a/y comes outside its folder')
    expect(() => new NarHasher().file('x', false, 0)).toThrow('the first entry is x')
  })

  it('refuses a file given more or fewer bytes than its size', () => {
    const more = started()
    more.file('f', false, 4)
    expect(() => more.contents(Buffer.alloc(5))).toThrow('NAR: f has more than its 4 bytes')
    const fewer = started()
    fewer.file('f', false, 4)
    fewer.contents(Buffer.alloc(3))
    expect(() => fewer.file('g', false, 0)).toThrow('NAR: f ended 1 bytes short of its 4')
    expect(() => fewer.digest()).toThrow('short')
  })

  it('refuses names that cannot be in a folder, and entries after the end', () => {
    for (const rel of ['.', '..', 'a/', 'nul\0']) {
      expect(() => started().file(rel, false, 0)).toThrow('invalid entry name')
    }
    const nar = started()
    nar.digest()
    expect(() => nar.file('late', false, 0)).toThrow('comes after the end')
  })
})
