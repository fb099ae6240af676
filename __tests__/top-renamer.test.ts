// Renaming a tar's top folder block by block (src/source/top-renamer.ts), on tars
// that tarball.ts writes from entries held in memory, without Nix or Git: renamed, the tar packed
// under the stand-in name is byte for byte the one packed under the right name, however it is
// cut into slabs and whatever the files hold; anything else than tarball.ts's layout is refused.
// (renamed-top.test.ts checks the whole way, through gzip, against Nix.)
import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { TopRenamer } from '../src/source/top-renamer.js'
import type { Entry } from '../src/source/file-tree.js'
import { packTarball } from '../src/source/tarball.js'
import { SEED, fc } from './support/fast-check.js'

const MTIME = 1700000000
const BLOCK = 512
const STAND_IN = `${'e'.repeat(32)}-source`
const RIGHT = `${'0123456789abcdfghijklmnpqrsvwxyz'}-source`
/** A folder name long enough that tar-stream splits or moves the names under it. */
const LONG = 'a-name-longer-than-a-hundred-bytes-'.repeat(4)

type Spec =
  | { dir: string }
  | { file: string; bytes: Buffer; executable?: boolean }
  | { link: string; target: string }

/** A tar block that looks like a header naming the stand-in: data must never be renamed. */
function lookalike(): Buffer {
  const block = Buffer.alloc(BLOCK)
  block.write(`${STAND_IN}/not-a-header`, 0, 'latin1')
  block.write('PaxHeader', BLOCK - 64, 'latin1')
  return block
}

/** Every way tarball.ts writes a name (plain, split into prefix and name, PAX), in NAR order. */
const SPECS: Spec[] = [
  { dir: '' },
  { dir: LONG },
  { file: `${LONG}/${LONG}`, bytes: Buffer.from('PAX path\n') },
  { file: 'a.txt', bytes: Buffer.from('plain\n') },
  { file: 'b.bin', bytes: Buffer.concat([lookalike(), lookalike()]) },
  { file: 'c-empty', bytes: Buffer.alloc(0) },
  { file: 'd-one-block', bytes: Buffer.alloc(BLOCK, 7), executable: true },
  { link: 'e-link', target: `../${LONG}` },
  { dir: 'p'.repeat(60) },
  { file: `${'p'.repeat(60)}/${'q'.repeat(60)}.txt`, bytes: Buffer.from('split name\n') },
  { dir: 'ü' },
  { file: 'ü/ñandú.txt', bytes: lookalike() }
]

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'top-renamer-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

function entries(specs: Spec[]): Entry[] {
  return specs.map(spec => {
    if ('dir' in spec) return { kind: 'directory', rel: spec.dir }
    if ('link' in spec) return { kind: 'symlink', rel: spec.link, target: spec.target }
    const { bytes } = spec
    return {
      kind: 'file',
      rel: spec.file,
      executable: spec.executable === true,
      size: bytes.length,
      read: (into: Buffer, position: number) => void bytes.copy(into, 0, position)
    }
  })
}

let count = 0
/** The uncompressed tar tarball.ts writes of `specs` under the top folder `top`. */
async function tarOf(top: string, specs: Spec[]): Promise<Buffer> {
  const file = path.join(scratch, `${count++}.tar`)
  await packTarball(`/nix/store/${top}`, file, MTIME, {
    entries: () => entries(specs),
    uncompressed: true
  })
  const bytes = fs.readFileSync(file)
  fs.rmSync(file)
  return bytes
}

/** `tar` renamed from the stand-in to RIGHT, handed over in slabs of the given block counts. */
function renamed(tar: Buffer, slabs: number[] = []): Buffer {
  const copy = Buffer.from(tar)
  const renamer = new TopRenamer(Buffer.from(STAND_IN), Buffer.from(RIGHT))
  let at = 0
  for (const blocks of slabs) {
    const end = Math.min(copy.length, at + blocks * BLOCK)
    renamer.rename(copy.subarray(at, end))
    at = end
  }
  renamer.rename(copy.subarray(at))
  renamer.finish()
  return copy
}

describe('TopRenamer', () => {
  it('turns the tar packed under the stand-in into the one packed under the right name', async () => {
    const before = await tarOf(STAND_IN, SPECS)
    const expected = await tarOf(RIGHT, SPECS)
    // Every layout is there: a split name (ustar prefix), a PAX header, and data that looks
    // like a header.
    expect(before.includes(Buffer.from(`PaxHeader`))).toBe(true)
    expect(before.includes(Buffer.from(`${STAND_IN}/not-a-header`))).toBe(true)
    const after = renamed(before)
    expect(after.equals(expected)).toBe(true)
    expect(after.includes(Buffer.from(`${STAND_IN}/not-a-header`))).toBe(true)
  })

  it('gives the same bytes however the tar is cut into slabs of whole blocks', async () => {
    const before = await tarOf(STAND_IN, SPECS)
    const expected = await tarOf(RIGHT, SPECS)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), slabs => {
        expect(renamed(before, slabs).equals(expected)).toBe(true)
      }),
      { seed: SEED, numRuns: 100 }
    )
  })

  it('renames names of every length and any file contents', async () => {
    const name = fc.stringMatching(/^[a-zé-]{1,120}$/)
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ maxLength: 2 * BLOCK + 3 }),
        async (names, contents) => {
          const specs: Spec[] = [
            { dir: '' },
            ...[...names]
              .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
              .map(file => ({ file, bytes: Buffer.from(contents) }))
          ]
          const expected = await tarOf(RIGHT, specs)
          expect(renamed(await tarOf(STAND_IN, specs)).equals(expected)).toBe(true)
        }
      ),
      { seed: SEED, numRuns: 40 }
    )
  })

  /** The plain tar of SPECS, its header blocks found by walking it. */
  async function headers(): Promise<{ tar: Buffer; at: number[] }> {
    const tar = await tarOf(STAND_IN, SPECS)
    const at: number[] = []
    for (let offset = 0; offset < tar.length && tar[offset] !== 0;) {
      at.push(offset)
      const size = Number.parseInt(tar.toString('latin1', offset + 124, offset + 136), 8)
      offset += BLOCK * (1 + Math.ceil(size / BLOCK))
    }
    return { tar, at }
  }

  it.each<[string, (tar: Buffer, at: number[]) => Buffer, RegExp]>([
    ['ends in the middle of an entry', tar => tar.subarray(0, BLOCK), /ends in the middle/],
    ['does not end on a block', tar => tar.subarray(0, BLOCK + 100), /does not end on a block/],
    [
      'has no end (its two zero blocks)',
      (tar, at) => tar.subarray(0, at.at(-1)! + 2 * BLOCK),
      /ends in the middle/
    ],
    [
      'goes on after its end',
      tar => Buffer.concat([tar, Buffer.from('x'), Buffer.alloc(BLOCK - 1)]),
      /goes on after its end/
    ],
    [
      'has a header without a size',
      (tar, at) => {
        tar.fill(0x20, at[1] + 124, at[1] + 136)
        return tar
      },
      /without a size/
    ],
    [
      'has an entry not under the stand-in',
      (tar, at) => {
        tar.write('x', at[1], 'latin1')
        return tar
      },
      /does not start with e{32}-source/
    ],
    [
      'has a PAX header whose data does not start with a path',
      (tar, at) => {
        const pax = at.find(
          offset => tar.toString('latin1', offset, offset + 10) === 'PaxHeader\0'
        )!
        tar.write('x', tar.indexOf(' path=', pax + BLOCK) + 1, 'latin1')
        return tar
      },
      /does not start with a path/
    ]
  ])('refuses a tar that %s', async (_, spoil, message) => {
    const { tar, at } = await headers()
    const bad = spoil(Buffer.from(tar), at)
    const renamer = new TopRenamer(Buffer.from(STAND_IN), Buffer.from(RIGHT))
    expect(() => {
      renamer.rename(bad.subarray(0, bad.length - (bad.length % BLOCK)))
      if (bad.length % BLOCK !== 0) renamer.rename(bad.subarray(bad.length - (bad.length % BLOCK)))
      renamer.finish()
    }).toThrow(message)
  })

  it('refuses names of different lengths', () => {
    expect(() => new TopRenamer(Buffer.from(STAND_IN), Buffer.from('short'))).toThrow(
      /differ in length/
    )
  })
})
