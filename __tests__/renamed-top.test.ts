// Renaming a tar's top folder as it is compressed (src/source/renamed-top.ts): packed under a
// stand-in name, then renamed, the tarball is byte for byte the one packed under the right name,
// tar reads every header of it (checksums included), and Nix unpacks it to the tree's NAR hash.
// (top-renamer.test.ts takes the renaming itself apart, without Nix.)
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import * as tar from 'tar-stream'
import { compressRenamed } from '../src/source/renamed-top.js'
import { packTarball } from '../src/source/tarball.js'
import { sh, unpackedNarHash } from './support/nix.js'

const MTIME = 1700000000
const STAND_IN = `${'e'.repeat(32)}-source`
const RIGHT = `${'0123456789abcdfghijklmnpqrsvwxyz'}-source`
const LONG = 'a-name-longer-than-a-hundred-bytes-'.repeat(4)

type Entry = string | { text: string; executable: true } | { symlink: string } | { bytes: Buffer }

/** Every way tar-stream writes a name: plain, split into prefix and name, PAX (long, non-ASCII). */
const FILES: Record<string, Entry> = {
  'flake.nix': '{ outputs = { self }: { }; }\n',
  'empty.txt': '',
  'bin/run.sh': { text: '#!/bin/sh\necho hi\n', executable: true },
  [`${'p'.repeat(50)}/${'q'.repeat(50)}/split.txt`]: 'a name split into prefix and name\n',
  [`${LONG}/${LONG}`]: 'a PAX path\n',
  'über/ñandú.txt': 'a non-ASCII name\n',
  'links/plain': { symlink: '../flake.nix' },
  'links/long-target': { symlink: `../${LONG}/${LONG}` },
  'big.bin': { bytes: randomBytes(300_000) }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'renamed-top-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

/** `files` written into a new folder named `name`. */
function tree(name: string, files: Record<string, Entry>): string {
  const root = path.join(fs.mkdtempSync(path.join(scratch, 'tree-')), name)
  for (const [rel, entry] of Object.entries(files)) {
    const file = path.join(root, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (typeof entry === 'string') fs.writeFileSync(file, entry)
    else if ('symlink' in entry) fs.symlinkSync(entry.symlink, file)
    else if ('bytes' in entry) fs.writeFileSync(file, entry.bytes)
    else fs.writeFileSync(file, entry.text, { mode: entry.executable ? 0o755 : 0o644 })
  }
  return root
}

const out = (name: string): string => path.join(fs.mkdtempSync(path.join(scratch, 'out-')), name)

/** Every entry's name, as tar-stream reads them (it refuses a header with a wrong checksum). */
async function names(tarball: string): Promise<string[]> {
  const seen: string[] = []
  const extract = tar.extract()
  extract.on('entry', (header, stream, next) => {
    seen.push(header.name)
    stream.on('end', next)
    stream.resume()
  })
  await pipeline(fs.createReadStream(tarball), createGunzip(), extract)
  return seen
}

describe('a tarball packed under a stand-in name and renamed as it is compressed', () => {
  it('is byte for byte the one packed under the right name, and Nix unpacks it to the tree', async () => {
    const raw = out('raw.tar')
    const packed = await packTarball(tree(STAND_IN, FILES), raw, MTIME, { uncompressed: true })
    const renamed = await compressRenamed(raw, out('renamed.tar.gz'), {
      from: STAND_IN,
      to: RIGHT
    })
    const rightTree = tree(RIGHT, FILES)
    const direct = await packTarball(rightTree, out('direct.tar.gz'), MTIME)
    expect(renamed.sha256).toBe(direct.sha256)
    expect(renamed.size).toBe(direct.size)
    expect(fs.readFileSync(renamed.path).equals(fs.readFileSync(direct.path))).toBe(true)
    const read = await names(renamed.path)
    expect(read.length).toBe(packed.entries)
    expect(read.filter(name => !name.startsWith(`${RIGHT}/`))).toEqual([])
    // The oracle: Nix's own hash of the tree, and of what it unpacks.
    expect(unpackedNarHash(renamed.path)).toBe(packed.narHash)
    expect(packed.narHash).toBe(sh('nix', ['hash', 'path', rightTree]).trim())
  })

  it('refuses a tar one of whose entries is not under the stand-in, and leaves no file', async () => {
    const raw = out('raw.tar')
    await packTarball(tree(`${'x'.repeat(32)}-source`, FILES), raw, MTIME, { uncompressed: true })
    const destination = out('renamed.tar.gz')
    await expect(compressRenamed(raw, destination, { from: STAND_IN, to: RIGHT })).rejects.toThrow(
      `has an entry whose name does not start with ${STAND_IN}`
    )
    expect(fs.existsSync(destination)).toBe(false)
  })
})
