// packTarball, checked against real Nix: unpacking the tarball with `nix-prefetch-url --unpack`
// must give the NAR hash Nix computed for the flake's source.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import * as tar from 'tar-stream'
import { packTarball, type Tarball } from '../src/source/tarball.js'
import {
  type FixtureEntry,
  commitAll,
  makeRepo,
  nixJson,
  sh,
  unpackedNarHash
} from './support/nix.js'

const MTIME = 1700000000
const FLAKE = '{ outputs = { self }: { }; }\n'
const LONG_PATH = `${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(60)}/file.txt`
const LONG_NAME = `${'n'.repeat(150)}.txt`
const LONG_FOLDER = `${'d'.repeat(120)}/inside.txt`
const LONG_TARGET = `../${LONG_PATH}`

const files: Record<string, FixtureEntry> = {
  'flake.nix': FLAKE,
  'README.md': '# Fixture\n',
  'empty.txt': '',
  'bin/run.sh': { text: '#!/bin/sh\necho hi\n', executable: true },
  'links/to-file': { symlink: '../README.md' },
  'links/to-folder': { symlink: '../bin' },
  'links/dangling': { symlink: '../nowhere' },
  'links/long-target': { symlink: LONG_TARGET },
  'links/non-ascii': { symlink: '../über/ñandú.txt' },
  'links/long-non-ascii': { symlink: `../${'ü'.repeat(60)}` },
  'only/a/file.txt': 'deep\n',
  [LONG_PATH]: 'a long path\n',
  [LONG_NAME]: 'a long name\n',
  [LONG_FOLDER]: 'in a folder with a long name\n',
  'über/ñandú.txt': 'non-ASCII\n',
  '🎉/party 🎈.txt': 'emoji\n',
  // U+FF58 sorts after 🎉 by UTF-16 code units but before it by UTF-8 bytes, as in a NAR.
  'ｘ.txt': 'fullwidth\n',
  'sub/flake.nix': FLAKE,
  'sub/lib.nix': '{ x = 1; }\n'
}
// Random bytes, read in 64 KiB pieces: one piece and a bit, exactly 16 pieces, and a file
// that spans many of the 128 KiB slabs zlib is fed with.
const bigFiles = {
  'data/big.bin': 2_500_000,
  'data/one-mib.bin': 1024 * 1024,
  'medium.bin': 70_000
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tarball-test-'))
let repo: string
let storePath: string
let narHash: string
let tarball: Tarball
let headers: tar.Header[]

beforeAll(async () => {
  repo = makeRepo(files)
  for (const [rel, size] of Object.entries(bigFiles)) {
    fs.mkdirSync(path.join(repo, path.dirname(rel)), { recursive: true })
    fs.writeFileSync(path.join(repo, rel), randomBytes(size), { mode: 0o755 })
  }
  commitAll(repo, 'big files')
  const meta = nixJson<{ path: string; locked: { narHash: string } }>([
    'flake',
    'metadata',
    '--json',
    '--no-write-lock-file',
    repo
  ])
  storePath = meta.path
  narHash = meta.locked.narHash
  tarball = await packTarball(storePath, path.join(tmp, 'nested/out/flake.tar.gz'), MTIME)
  headers = await readHeaders(tarball.path)
})

afterAll(() => {
  for (const dir of [tmp, repo]) fs.rmSync(dir, { recursive: true, force: true })
})

/** The headers of every entry in a .tar.gz, in order, read back with tar-stream. */
async function readHeaders(file: string): Promise<tar.Header[]> {
  const extract = tar.extract()
  const done = pipeline(fs.createReadStream(file), createGunzip(), extract)
  const result: tar.Header[] = []
  for await (const entry of extract) {
    result.push(entry.header)
    entry.resume()
  }
  await done
  return result
}

/** The header of the entry for `rel` (relative to the source folder). */
function header(rel: string): tar.Header {
  const name = `${path.basename(storePath)}/${rel}`
  const found = headers.find(h => h.name === name || h.name === `${name}/`)
  if (found === undefined) throw new Error(`no entry ${name}`)
  return found
}

/** Paths under `dir`, depth-first, names sorted by their bytes: what a NAR lists. */
function narOrder(dir: string, prefix = ''): string[] {
  const names = fs.readdirSync(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return names.flatMap(name => {
    const rel = prefix + name
    const stat = fs.lstatSync(path.join(dir, name))
    return stat.isDirectory() ? [`${rel}/`, ...narOrder(path.join(dir, name), `${rel}/`)] : [rel]
  })
}

describe('packTarball', () => {
  it('unpacks, in Nix, to the narHash of the flake, which it computed while packing', () => {
    expect(unpackedNarHash(tarball.path)).toBe(narHash)
    expect(tarball.narHash).toBe(narHash)
  })

  it('unpacks, in Nix, to the NAR hash of a subflake folder, which it computed', async () => {
    const sub = await packTarball(path.join(storePath, 'sub'), path.join(tmp, 'sub.tar.gz'), MTIME)
    const expected = sh('nix', ['hash', 'path', '--sri', '--type', 'sha256', `${storePath}/sub`])
    expect(unpackedNarHash(sub.path)).toBe(expected.trim())
    expect(sub.narHash).toBe(expected.trim())
  })

  it('writes the same bytes for the same input', async () => {
    const again = await packTarball(storePath, path.join(tmp, 'again.tar.gz'), MTIME)
    expect(fs.readFileSync(again.path).equals(fs.readFileSync(tarball.path))).toBe(true)
    expect(again.sha256).toBe(tarball.sha256)
  })

  it('reports the absolute path, SHA-256 and size of the file it wrote', () => {
    const bytes = fs.readFileSync(tarball.path)
    expect(path.isAbsolute(tarball.path)).toBe(true)
    expect(tarball.sha256).toBe(createHash('sha256').update(bytes).digest('base64'))
    expect(tarball.sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(tarball.size).toBe(bytes.length)
  })

  it('counts every entry it wrote', () => {
    expect(tarball.entries).toBe(headers.length)
  })

  it('lists the ten largest files, largest first, relative to the source folder', () => {
    expect(tarball.largestFiles).toHaveLength(10)
    expect(tarball.largestFiles.slice(0, 3)).toEqual([
      { path: 'data/big.bin', size: 2_500_000 },
      { path: 'data/one-mib.bin', size: 1024 * 1024 },
      { path: 'medium.bin', size: 70_000 }
    ])
    const sizes = tarball.largestFiles.map(f => f.size)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
  })

  it('names entries under the source folder, the folder first, depth-first in byte order', () => {
    const top = path.basename(storePath)
    expect(headers[0].name).toBe(`${top}/`)
    const names = headers.slice(1).map(h => h.name.slice(top.length + 1))
    expect(names).toEqual(narOrder(storePath))
    expect(names.indexOf('ｘ.txt')).toBeLessThan(names.indexOf('🎉/'))
  })

  it('keeps names over 100 bytes and non-ASCII names', () => {
    for (const rel of [LONG_PATH, LONG_NAME, LONG_FOLDER, 'über/ñandú.txt', '🎉/party 🎈.txt']) {
      expect(header(rel).type).toBe('file')
    }
    expect(header(path.dirname(LONG_FOLDER)).type).toBe('directory')
  })

  it('keeps only the executable bit of file modes', () => {
    expect(header('bin/run.sh').mode).toBe(0o755)
    expect(header('data/big.bin').mode).toBe(0o755)
    expect(header('README.md').mode).toBe(0o644)
    expect(header('only/a').mode).toBe(0o755)
  })

  it('gives every entry uid and gid 0, no owner names and the given mtime', () => {
    for (const h of headers) {
      expect([h.uid, h.gid, h.uname, h.gname]).toEqual([0, 0, '', ''])
      expect(h.mtime.getTime()).toBe(MTIME * 1000)
    }
  })

  it('stores symlinks with their targets, without following them', () => {
    expect(header('links/to-file')).toMatchObject({ type: 'symlink', linkname: '../README.md' })
    expect(header('links/to-folder')).toMatchObject({ type: 'symlink', linkname: '../bin' })
    expect(header('links/dangling')).toMatchObject({ type: 'symlink', linkname: '../nowhere' })
    expect(header('links/long-target')).toMatchObject({ type: 'symlink', linkname: LONG_TARGET })
    const nonAscii = { type: 'symlink', linkname: '../über/ñandú.txt' }
    expect(header('links/non-ascii')).toMatchObject(nonAscii)
    const longNonAscii = { type: 'symlink', linkname: `../${'ü'.repeat(60)}` }
    expect(header('links/long-non-ascii')).toMatchObject(longNonAscii)
    expect(headers.filter(h => h.name.includes('links/to-folder/'))).toEqual([])
  })

  it('writes a gzip header with no timestamp and no file name', () => {
    const head = fs.readFileSync(tarball.path).subarray(0, 10)
    expect([...head.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0])
    expect(head.readUInt32LE(4)).toBe(0)
  })

  it('skips FIFOs without hanging', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'fifo-'))
    fs.writeFileSync(path.join(dir, 'file.txt'), 'text\n')
    sh('mkfifo', [path.join(dir, 'pipe')])
    const packed = await packTarball(dir, path.join(tmp, 'fifo.tar.gz'), MTIME)
    const names = (await readHeaders(packed.path)).map(h => h.name)
    expect(names).toEqual([`${path.basename(dir)}/`, `${path.basename(dir)}/file.txt`])
    expect(packed.entries).toBe(2)
  })

  it('rejects an mtime that is not a whole, non-negative number of seconds', async () => {
    await expect(packTarball(storePath, path.join(tmp, 'bad.tar.gz'), 1.5)).rejects.toThrow(
      RangeError
    )
    await expect(packTarball(storePath, path.join(tmp, 'bad.tar.gz'), -1)).rejects.toThrow(
      RangeError
    )
    expect(fs.existsSync(path.join(tmp, 'bad.tar.gz'))).toBe(false)
  })

  it('rejects when the source folder is missing, leaving no file behind', async () => {
    const dest = path.join(tmp, 'missing.tar.gz')
    await expect(packTarball(path.join(tmp, 'no-such-folder'), dest, MTIME)).rejects.toThrow(
      /ENOENT/
    )
    expect(fs.existsSync(dest)).toBe(false)
  })

  it('rejects on a failure midway, leaving no file behind', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'bad-name-'))
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, `file-${i}`), randomBytes(4096))
    // A name that is not UTF-8 sorts last (0xff) and cannot be written by tar-stream.
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff, 0x41])]), 'x')
    const dest = path.join(tmp, 'bad-name.tar.gz')
    await expect(packTarball(dir, dest, MTIME)).rejects.toThrow(/not valid UTF-8/)
    expect(fs.existsSync(dest)).toBe(false)
  })

  it('stops when told to, rejecting with the reason and leaving no file behind', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'stopped-'))
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `file-${i}`), randomBytes(4096))
    const dest = path.join(tmp, 'stopped.tar.gz')
    const controller = new AbortController()
    const packing = packTarball(dir, dest, MTIME, { signal: controller.signal })
    const reason = new Error('another step failed')
    controller.abort(reason)
    await expect(packing).rejects.toBe(reason)
    expect(fs.existsSync(dest)).toBe(false)
  })

  it('rejects when the destination cannot be written, leaving what was there', async () => {
    const dest = fs.mkdtempSync(path.join(tmp, 'dest-is-a-folder-'))
    await expect(packTarball(storePath, dest, MTIME)).rejects.toThrow(/EISDIR/)
    expect(fs.statSync(dest).isDirectory()).toBe(true)
  })
})
