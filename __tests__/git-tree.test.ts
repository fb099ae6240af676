// Reading a commit's tree from Git's own output (src/source/ls-tree.ts, stream-reader.ts), and
// the store path Nix gives a source (src/source/store-path.ts), without running Git or Nix: `git ls-tree` output is
// read as untrusted text and walked in NAR order; a stream is read in exact pieces however it
// is cut.
import { describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import { createHash } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { NarHasher } from '../src/source/nar.js'
import { type TreeEntry, readLsTree } from '../src/source/ls-tree.js'
import { StreamReader } from '../src/source/stream-reader.js'
import { nixBase32, sourceStorePath } from '../src/source/store-path.js'

const OID = (n: number): string => n.toString(16).padStart(40, '0')

/** One record of `git ls-tree -r -z --long`, as Git prints it (size right-aligned to 7). */
const record = (mode: string, type: string, object: string, size: string, path: string): Buffer =>
  Buffer.concat([
    Buffer.from(`${mode} ${type} ${object} ${size.padStart(7)}\t`),
    Buffer.from(path),
    Buffer.from([0])
  ])

const file = (path: string, n = 1, mode = '100644', size = '5') =>
  record(mode, 'blob', OID(n), size, path)

describe('readLsTree', () => {
  it('walks the tree in NAR order (a folder sorts by its own name, not as name + "/")', () => {
    // Git's order: `a-b` before the folder `a`, whose entries it lists as `a/…`.
    const output = Buffer.concat([
      file('a-b', 1),
      file('a/x', 2, '100755', '12'),
      record('120000', 'blob', OID(3), '3', 'a/y'),
      record('160000', 'commit', OID(4), '-', 'sub'),
      file('ä', 5, '100644', '0')
    ])
    const expected: TreeEntry[] = [
      { kind: 'directory', rel: '' },
      { kind: 'directory', rel: 'a' },
      { kind: 'file', rel: 'a/x', object: OID(2), size: 12, executable: true },
      { kind: 'symlink', rel: 'a/y', object: OID(3), size: 3 },
      { kind: 'file', rel: 'a-b', object: OID(1), size: 5, executable: false },
      // A submodule is an empty folder, as Nix unpacks it without `submodules=1`.
      { kind: 'directory', rel: 'sub' },
      { kind: 'file', rel: 'ä', object: OID(5), size: 0, executable: false }
    ]
    expect([...readLsTree(output)]).toEqual(expected)
  })

  it("gives cat-file the object of each file and symlink, in NAR order, and no submodule's", () => {
    const output = Buffer.concat([
      file('b', 1),
      record('160000', 'commit', OID(2), '-', 'sub'),
      record('120000', 'blob', OID(3), '3', 'a/link'),
      file('a-b', 4)
    ])
    expect(readLsTree(output).blobs().toString('latin1')).toBe(`${OID(3)}\n${OID(4)}\n${OID(1)}\n`)
  })

  it('puts a name before the longer names it begins, whichever Git lists first', () => {
    const output = Buffer.concat([file('ab', 1), file('a', 2), file('abc', 3)])
    expect([...readLsTree(output)].map(entry => entry.rel)).toEqual(['', 'a', 'ab', 'abc'])
  })

  it('reads nothing as the empty folder alone', () => {
    expect([...readLsTree(Buffer.alloc(0))]).toEqual([{ kind: 'directory', rel: '' }])
  })

  it('reads SHA-256 object names too', () => {
    const object = 'ab'.repeat(32)
    expect([...readLsTree(record('100644', 'blob', object, '1', 'f'))][1]).toMatchObject({ object })
  })

  it.each([
    ['a record without its NUL', file('a').subarray(0, -1), /without its NUL/],
    ['a record without a path', Buffer.from('100644 blob x 1\0'), /without a path/],
    ['an object name that is no hash', record('100644', 'blob', 'xyz', '1', 'a'), /another shape/],
    ['a size that is no number', record('100644', 'blob', OID(1), 'big', 'a'), /another shape/],
    ['a tree (ls-tree without -r)', record('040000', 'tree', OID(1), '-', 'a'), /another shape/],
    ['a mode Git does not write', record('100600', 'blob', OID(1), '1', 'a'), /mode 100600/],
    ['a path twice', Buffer.concat([file('a'), file('a')]), /a path twice/],
    ['a file inside a file', Buffer.concat([file('a'), file('a/b')]), /a path twice/],
    ['a file inside a file listed first', Buffer.concat([file('a/b'), file('a')]), /a path twice/],
    [
      'a file inside a submodule',
      Buffer.concat([record('160000', 'commit', OID(1), '-', 'm'), file('m/x')]),
      /a path twice/
    ],
    ['a `..` in a path', file('a/../b'), /`\.\.`/],
    ['a `.` in a path', file('a/./b'), /`\.` or/],
    ['an empty record', Buffer.from([0]), /without a path/],
    ['a record that starts with its path', Buffer.from('\ta\0'), /another shape/],
    [
      "a record whose only tab is in the next one's",
      Buffer.concat([Buffer.from(`100644 blob ${OID(1)} 1\0`), file('b')]),
      /without a path/
    ],
    [
      'something before the mode',
      Buffer.from(`x100644 blob ${OID(1)}       1\ta\0`),
      /another shape/
    ],
    [
      'something after the size',
      Buffer.from(`100644 blob ${OID(1)}       1x\ta\0`),
      /another shape/
    ],
    [
      'a commit with the mode of a file',
      record('100644', 'commit', OID(1), '-', 'a'),
      /another shape/
    ],
    [
      'a blob with the mode of a submodule',
      record('160000', 'blob', OID(1), '1', 'a'),
      /mode 160000/
    ],
    ['a tree with a size', record('100644', 'tree', OID(1), '1', 'a'), /another shape/],
    ['an empty name', file('a//b'), /empty/],
    [
      'a name that is not UTF-8',
      Buffer.concat([file('x').subarray(0, -2), Buffer.from([0xff, 0])]),
      /not valid UTF-8/
    ]
  ])('refuses %s', (_, output, message) => {
    expect(() => readLsTree(output)).toThrow(message)
  })

  it('lists every path once, in an order the NAR hasher accepts, whatever the paths (seeded property)', () => {
    const name = fc
      .oneof(
        fc.constantFrom('a', 'a-b', 'a.b', 'b', 'A', 'ä', '😀', 'a b', '0'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })
      )
      .filter(n => n !== '.' && n !== '..' && !n.includes('/') && !n.includes('\0'))
    const paths = fc.uniqueArray(
      fc.array(name, { minLength: 1, maxLength: 4 }).map(p => p.join('/')),
      {
        maxLength: 30
      }
    )
    fc.assert(
      fc.property(paths, fc.boolean(), (all, shuffled) => {
        // Keep only paths none of which is a folder of another (a file cannot hold a file).
        const kept = all.filter(p => !all.some(q => q.startsWith(`${p}/`)))
        const ordered = shuffled ? [...kept].reverse() : kept
        const entries = [
          ...readLsTree(Buffer.concat(ordered.map((p, i) => file(p, i, '100644', '0'))))
        ]
        const nar = new NarHasher()
        for (const entry of entries) {
          if (entry.kind === 'directory') nar.directory(entry.rel)
          else nar.file(entry.rel, false, 0)
        }
        expect(nar.digest()).toMatch(/^sha256-/)
        expect(
          entries
            .filter(e => e.kind === 'file')
            .map(e => e.rel)
            .sort()
        ).toEqual([...kept].sort())
      }),
      { seed: SEED, numRuns: 500 }
    )
  })
})

describe('StreamReader', () => {
  /** A stream that gives `bytes` in pieces cut at `cuts`. */
  const cutInto = (bytes: Buffer, cuts: number[]): PassThrough => {
    const stream = new PassThrough()
    let at = 0
    for (const cut of cuts) {
      stream.write(bytes.subarray(at, at + cut))
      at += cut
    }
    stream.end(bytes.subarray(at))
    return stream
  }

  it('reads exact pieces however the stream is cut, then says it has ended (seeded property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }),
        async (data, cuts, reads) => {
          const bytes = Buffer.from(data)
          const reader = new StreamReader(cutInto(bytes, cuts), 16)
          const read: Buffer[] = []
          let left = bytes.length
          for (const size of [...reads, left]) {
            const piece = Buffer.alloc(Math.min(size, left))
            await reader.readInto(piece)
            read.push(piece)
            left -= piece.length
          }
          expect(Buffer.concat(read)).toEqual(bytes)
          await expect(reader.readInto(Buffer.alloc(1))).rejects.toThrow('ended before')
        }
      ),
      { seed: SEED, numRuns: 300 }
    )
  })

  it('reads lines (as cat-file prints its headers) however the stream is cut (seeded property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map(l => l.replace(/\n/g, '')),
          {
            maxLength: 10
          }
        ),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }),
        async (lines, cuts) => {
          const reader = new StreamReader(
            cutInto(Buffer.from(lines.map(l => `${l}\n`).join('')), cuts),
            16
          )
          for (const line of lines) expect(await reader.line(100)).toBe(line)
          await expect(reader.line()).rejects.toThrow('ended before')
        }
      ),
      { seed: SEED, numRuns: 300 }
    )
  })

  it('reads a line of exactly its limit, cut across chunks', async () => {
    const reader = new StreamReader(cutInto(Buffer.from(`${'x'.repeat(10)}\nrest`), [4, 4]))
    expect(await reader.line(10)).toBe('x'.repeat(10))
  })

  it('keeps at most its high water waiting: pauses the stream above it, resumes it at half', async () => {
    const settle = () => new Promise(resolve => setImmediate(resolve))
    const stream = new PassThrough()
    const reader = new StreamReader(stream, 1000)
    stream.write(Buffer.alloc(1000))
    await settle()
    expect(stream.isPaused()).toBe(false)
    stream.write(Buffer.alloc(200))
    await settle()
    expect(stream.isPaused()).toBe(true)
    await reader.readInto(Buffer.alloc(600)) // 600 left
    expect(stream.isPaused()).toBe(true)
    await reader.readInto(Buffer.alloc(100)) // 500 left: half
    expect(stream.isPaused()).toBe(false)
  })

  it('lets 256 KiB wait by default', async () => {
    const stream = new PassThrough()
    new StreamReader(stream)
    stream.write(Buffer.alloc(256 * 1024))
    await new Promise(resolve => setImmediate(resolve))
    expect(stream.isPaused()).toBe(false)
    stream.write(Buffer.alloc(1))
    await new Promise(resolve => setImmediate(resolve))
    expect(stream.isPaused()).toBe(true)
  })

  it("rejects a read with the stream's own error", async () => {
    const stream = new PassThrough()
    const reader = new StreamReader(stream)
    const reading = reader.readInto(Buffer.alloc(4))
    stream.destroy(new Error('git cat-file broke'))
    await expect(reading).rejects.toThrow('git cat-file broke')
  })

  it('refuses a line longer than it may be', async () => {
    const stream = new PassThrough()
    stream.end('too long a line\n')
    await expect(new StreamReader(stream).line(4)).rejects.toThrow('longer than 4 bytes')
  })
})

describe('store paths', () => {
  it("writes Nix's base 32", () => {
    const empty = createHash('sha256').update('').digest()
    expect(nixBase32(empty)).toBe('0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73')
    expect(nixBase32(createHash('sha1').update('abc').digest())).toBe(
      'kpcd173cq987hw957sx6m0868wv3x6d9'
    )
  })

  it('refuses what is not a SHA-256 NAR hash', () => {
    expect(() => sourceStorePath('sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0=')).toThrow('Not a SHA-256')
  })
})
