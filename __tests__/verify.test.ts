// The tarball's proof, against real Nix: a packer made wrong in any one way (a byte, a mode bit,
// an entry, a link target) is caught before anything else happens; a right one is verified.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type CommandRunner, processRunner } from '../src/process/command.js'
import type { FlakeSource } from '../src/source/locate.js'
import { type Entry, type EntrySource, fileTree } from '../src/source/file-tree.js'
import { NIX_FEATURES, Nix, type FlakeMetadata } from '../src/source/nix.js'
import { packAndVerify } from '../src/source/verify.js'
import { commitAll, makeRepo, nixJson, sh } from './support/nix.js'

const FLAKE = '{ outputs = { self }: { }; }\n'
/** The packer reads files in pieces of this size. */
const PIECE = 64 * 1024

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-test-'))
let repo: string
let metadata: FlakeMetadata & { path: string; locked: { narHash: string } }

beforeAll(() => {
  repo = makeRepo({
    'flake.nix': FLAKE,
    'README.md': '# Fixture\n',
    'bin/run.sh': { text: '#!/bin/sh\necho hi\n', executable: true },
    'links/readme': { symlink: '../README.md' },
    'sub/flake.nix': FLAKE,
    'sub/notes.txt': 'notes\n',
    'sub/link': { symlink: 'notes.txt' }
  })
  for (const rel of ['data/big.bin', 'sub/big.bin']) {
    fs.mkdirSync(path.join(repo, path.dirname(rel)), { recursive: true })
    fs.writeFileSync(path.join(repo, rel), randomBytes(3 * PIECE + 5))
  }
  commitAll(repo, 'big files')
  metadata = nixJson(['flake', 'metadata', '--json', '--no-write-lock-file', repo])
})

afterAll(() => {
  for (const dir of [tmp, repo]) fs.rmSync(dir, { recursive: true, force: true })
})

/** The source of the flake at the root, or of the subflake in `sub`. */
function source(dir: '' | 'sub'): FlakeSource {
  return {
    metadata: dir === '' ? metadata : { ...metadata, resolved: { dir } },
    description: null,
    lastModified: 1700000000,
    flakeRef: `path:${metadata.path}`,
    sourceDir: dir === '' ? metadata.path : path.join(metadata.path, dir)
  }
}

/** The real runner, noting each command line in `calls`. */
function recordingNix(calls: string[]): Nix {
  const runner: CommandRunner = {
    run: (command, args, options) => {
      // Every call enables the features it needs first; the rest is what the tests look at.
      calls.push([command, ...args.slice(NIX_FEATURES.length)].join(' '))
      return processRunner.run(command, args, options)
    }
  }
  return new Nix(runner)
}

/** The file system's entries, with `change` applied to each (undefined leaves it out). */
const changed = (change: (entry: Entry) => Entry | undefined): EntrySource =>
  function* (root) {
    for (const entry of fileTree(root)) {
      const result = change(entry)
      if (result !== undefined) yield result
    }
  }

const faults: [string, string, (entry: Entry) => Entry | undefined][] = [
  [
    'one byte of a file, in its second piece',
    'big.bin',
    entry =>
      entry.kind === 'file' && entry.rel.endsWith('big.bin')
        ? {
            ...entry,
            read: (into, position) => {
              entry.read(into, position)
              if (position === PIECE) into[100] ^= 0x01
            }
          }
        : entry
  ],
  [
    'one mode bit',
    'flake.nix',
    entry =>
      entry.kind === 'file' && entry.rel.endsWith('flake.nix')
        ? { ...entry, executable: !entry.executable }
        : entry
  ],
  [
    'one entry missing',
    'notes.txt / README.md',
    entry => (entry.rel === 'README.md' || entry.rel === 'notes.txt' ? undefined : entry)
  ],
  [
    'one symlink target changed',
    'link',
    entry => (entry.kind === 'symlink' ? { ...entry, target: `${entry.target}x` } : entry)
  ]
]

describe('packAndVerify', () => {
  it('verifies a right tarball against locked.narHash, with no further Nix call', async () => {
    const calls: string[] = []
    const lines: string[] = []
    const dest = path.join(tmp, 'root.tar.gz')
    const tarball = await packAndVerify(recordingNix(calls), source(''), dest, {
      info: line => lines.push(line)
    })
    expect(tarball.narHash).toBe(metadata.locked.narHash)
    expect(tarball.narHashVerifiedBy).toBe("Nix's locked.narHash")
    expect(lines).toContain(
      `NAR hash ${metadata.locked.narHash}: verified, the same as Nix's locked.narHash`
    )
    expect(calls).toEqual([])
    expect(fs.statSync(dest).size).toBe(tarball.size)
  })

  it('verifies a subflake against `nix hash path` of its folder, run while packing', async () => {
    const calls: string[] = []
    const events: string[] = []
    const nix = recordingNix(calls)
    const hashPath = nix.hashPath.bind(nix)
    nix.hashPath = (...args) => {
      events.push('nix hash path started')
      return hashPath(...args)
    }
    const entries: EntrySource = function* (root) {
      yield* fileTree(root)
      events.push('last entry packed')
    }
    const sub = source('sub')
    const tarball = await packAndVerify(
      nix,
      sub,
      path.join(tmp, 'sub.tar.gz'),
      { info: () => {} },
      {
        entries
      }
    )
    const expected = sh('nix', ['hash', 'path', '--sri', '--type', 'sha256', sub.sourceDir]).trim()
    expect(tarball.narHash).toBe(expected)
    expect(tarball.narHash).not.toBe(metadata.locked.narHash)
    expect(tarball.narHashVerifiedBy).toBe('nix hash path of sub')
    expect(calls).toEqual([`nix hash path ${sub.sourceDir}`])
    expect(events).toEqual(['nix hash path started', 'last entry packed'])
  })

  describe.each(['', 'sub'] as const)('catches a packer made wrong (flake folder %j)', dir => {
    it.each(faults)('%s (%s)', async (_, __, change) => {
      const dest = path.join(tmp, `fault-${dir}.tar.gz`)
      const src = source(dir)
      const expected =
        dir === ''
          ? metadata.locked.narHash
          : sh('nix', ['hash', 'path', '--sri', '--type', 'sha256', src.sourceDir]).trim()
      const lines: string[] = []
      const verifying = packAndVerify(
        new Nix(processRunner),
        src,
        dest,
        { info: line => lines.push(line) },
        { entries: changed(change) }
      )
      await expect(verifying).rejects.toThrow(
        new RegExp(
          `^The tarball does not hold the flake's source: its NAR hash is sha256-[A-Za-z0-9+/]{43}=, but ${dir === '' ? "Nix's locked\\.narHash" : 'nix hash path of sub'} is ${expected.replace(/[+/]/g, c => `\\${c}`)}\\. Nothing was uploaded and no token was requested\\.`
        )
      )
      const message = await verifying.catch((error: Error) => error.message)
      const ours = /its NAR hash is (\S+),/.exec(String(message))![1]
      expect(ours).not.toBe(expected)
      expect(fs.existsSync(dest)).toBe(false)
      expect(lines.filter(line => line.includes('verified'))).toEqual([])
    })
  })

  it('stops packing when Nix fails to hash the folder, with Nix’s error', async () => {
    const failing: CommandRunner = {
      run: async () => {
        throw new Error('`nix hash path /x` exited with status 1:\nerror: no such path')
      }
    }
    let entriesAfterFailure = 0
    const entries: EntrySource = function* (root) {
      for (const entry of fileTree(root)) {
        entriesAfterFailure++
        yield entry
      }
    }
    const dest = path.join(tmp, 'nix-failed.tar.gz')
    await expect(
      packAndVerify(new Nix(failing), source('sub'), dest, { info: () => {} }, { entries })
    ).rejects.toThrow('error: no such path')
    expect(fs.existsSync(dest)).toBe(false)
    // Nix failed at once: the packer stopped at its first entry instead of packing them all.
    expect(entriesAfterFailure).toBeLessThan(3)
  })
})
