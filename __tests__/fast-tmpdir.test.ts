// A fast TMPDIR for Nix (src/source/fast-tmpdir.ts): which folder, if any, holds the source,
// decided as a function of what the machine says; and, with the real Git, the folder made.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type CommandRunner, type RunOptions, processRunner } from '../src/process/command.js'
import { Nix } from '../src/source/nix.js'
import type { TreeEntry } from '../src/source/ls-tree.js'
import {
  TMPFS_MAGIC,
  type RoomProbe,
  candidates,
  chooseTmpdir,
  fastTmpdir,
  fits,
  systemRoom,
  tmpfsFootprint,
  unpacksIntoTmpdir,
  useFastTmpdir
} from '../src/source/fast-tmpdir.js'
import { makeRepo, sh } from './support/nix.js'

const MB = 1024 ** 2
const EXT4 = 0xef53

describe('tmpfsFootprint', () => {
  it('counts whole pages for each file and a page for each folder', () => {
    const entries: TreeEntry[] = [
      { kind: 'directory', rel: '' },
      { kind: 'file', rel: 'a', object: '0'.repeat(40), size: 1, executable: false },
      { kind: 'file', rel: 'b', object: '0'.repeat(40), size: 4096, executable: false },
      { kind: 'file', rel: 'c', object: '0'.repeat(40), size: 4097, executable: true },
      { kind: 'file', rel: 'empty', object: '0'.repeat(40), size: 0, executable: false },
      { kind: 'symlink', rel: 'l', object: '0'.repeat(40), size: 3 }
    ]
    expect(tmpfsFootprint(entries)).toBe(4096 * (1 + 1 + 1 + 2 + 0 + 1))
  })
})

describe('fits', () => {
  it.each([
    ['a tmpfs with room and memory', 100 * MB, TMPFS_MAGIC, 1000 * MB, 2000 * MB, true],
    ['a disk, however large', 100 * MB, EXT4, 100_000 * MB, 2000 * MB, false],
    [
      'a tmpfs just too small (a quarter more and 64 MiB are kept)',
      100 * MB,
      TMPFS_MAGIC,
      189 * MB - 1,
      2000 * MB,
      false
    ],
    ['a tmpfs just large enough', 100 * MB, TMPFS_MAGIC, 189 * MB, 2000 * MB, true],
    [
      'a tmpfs with room but too little memory left',
      100 * MB,
      TMPFS_MAGIC,
      1000 * MB,
      600 * MB,
      false
    ],
    ['a tmpfs with room, memory unknown', 100 * MB, TMPFS_MAGIC, 1000 * MB, undefined, true]
  ])('%s', (_, needed, type, free, available, expected) => {
    expect(fits(needed, { type, free }, available)).toBe(expected)
  })
})

describe('chooseTmpdir', () => {
  const probe = (
    rooms: Record<string, { type: number; free: number }>,
    memory = 8000 * MB
  ): RoomProbe => ({
    room: dir => rooms[dir],
    memAvailable: () => memory
  })

  it('takes the first folder that holds the source', () => {
    const rooms = {
      '/dev/shm': { type: TMPFS_MAGIC, free: 100 * MB },
      '/run/user/1': { type: TMPFS_MAGIC, free: 900 * MB }
    }
    expect(chooseTmpdir(100 * MB, ['/dev/shm', '/run/user/1'], probe(rooms))).toBe('/run/user/1')
    expect(chooseTmpdir(1 * MB, ['/dev/shm', '/run/user/1'], probe(rooms))).toBe('/dev/shm')
  })

  it('takes none when none exists, is a tmpfs, or has room', () => {
    expect(chooseTmpdir(1 * MB, ['/dev/shm'], probe({}))).toBeUndefined()
    expect(
      chooseTmpdir(1 * MB, ['/dev/shm'], probe({ '/dev/shm': { type: EXT4, free: 1e12 } }))
    ).toBeUndefined()
    expect(
      chooseTmpdir(
        1 * MB,
        ['/dev/shm'],
        probe({ '/dev/shm': { type: TMPFS_MAGIC, free: 1e12 } }, 100 * MB)
      )
    ).toBeUndefined()
  })
})

describe('unpacksIntoTmpdir', () => {
  it.each([
    [[2, 8], true],
    [[2, 19], true],
    [[2, 20], false],
    [[2, 26], false],
    [[3, 0], false]
  ] as [[number, number], boolean][])('Nix %j: %j', (version, expected) => {
    expect(unpacksIntoTmpdir(version)).toBe(expected)
  })
})

describe('candidates', () => {
  it('tries /dev/shm, then an absolute XDG_RUNTIME_DIR', () => {
    expect(candidates({})).toEqual(['/dev/shm'])
    expect(candidates({ XDG_RUNTIME_DIR: '/run/user/1000' })).toEqual([
      '/dev/shm',
      '/run/user/1000'
    ])
    expect(candidates({ XDG_RUNTIME_DIR: 'relative' })).toEqual(['/dev/shm'])
  })
})

describe('fastTmpdir', () => {
  const repo = () =>
    makeRepo({ 'flake.nix': '{ outputs = { self }: { }; }\n', 'a/b': 'x'.repeat(5000) })

  it('makes a folder of its own in the first tmpfs with room for the whole tree, and says so', async () => {
    const dir = repo()
    const revision = sh('git', ['rev-parse', 'HEAD'], dir).trim()
    const shm = fs.mkdtempSync('/tmp/fake-shm-')
    const lines: string[] = []
    const chosen = await fastTmpdir(processRunner, dir, revision, {
      env: { XDG_RUNTIME_DIR: shm },
      probe: {
        room: d => (d === shm ? { type: TMPFS_MAGIC, free: 1e9 } : undefined),
        memAvailable: () => 8e9
      },
      log: line => lines.push(line)
    })
    // Folders: the root and a; files: flake.nix (1 page), a/b (2 pages).
    expect(chosen?.needed).toBe(4096 * 5)
    expect(chosen?.dir.startsWith(`${shm}/flakehub-push-nix-`)).toBe(true)
    expect(fs.statSync(chosen!.dir).isDirectory()).toBe(true)
    expect(lines.at(-1)).toBe(`Nix's TMPDIR: ${chosen!.dir} (a tmpfs; the source takes 1 MB there)`)
    fs.rmSync(shm, { recursive: true })
  })

  it('leaves TMPDIR alone where no tmpfs has room, and says so', async () => {
    const dir = repo()
    const revision = sh('git', ['rev-parse', 'HEAD'], dir).trim()
    const lines: string[] = []
    const chosen = await fastTmpdir(processRunner, dir, revision, {
      env: {},
      probe: { room: () => ({ type: TMPFS_MAGIC, free: 1000 }), memAvailable: () => 8e9 },
      log: line => lines.push(line)
    })
    expect(chosen).toBeUndefined()
    expect(lines.at(-1)).toBe(
      "No tmpfs with room for the source (1 MB) in /dev/shm: Nix's TMPDIR stays as it is."
    )
  })

  it('sees this machine’s /dev/shm as a tmpfs, where it has one', () => {
    if (!fs.existsSync('/dev/shm')) return
    const room = systemRoom.room('/dev/shm')
    expect(room?.type).toBe(TMPFS_MAGIC)
    expect(room!.free).toBeGreaterThan(0)
  })
})

describe('useFastTmpdir', () => {
  /** Real Git; a `nix` of version `version` that only answers, each call and its env kept. */
  const runnerWith = (version: string) => {
    const nixCalls: { args: readonly string[]; options: RunOptions }[] = []
    const runner: CommandRunner = {
      run: (command, args, options = {}) => {
        if (command === 'git') return processRunner.run(command, args, options)
        nixCalls.push({ args, options })
        return Promise.resolve({ stdout: `nix (Nix) ${version}`, stderr: '' })
      }
    }
    return { runner, nixCalls }
  }
  const repo = makeRepo({ 'flake.nix': '{ outputs = { self }: { }; }\n' })
  const commit = { top: repo, revision: sh('git', ['rev-parse', 'HEAD'], repo).trim() }
  const diskTmp = (shm: string): RoomProbe => ({
    room: d => (d === shm ? { type: TMPFS_MAGIC, free: 1e9 } : { type: EXT4, free: 1e12 }),
    memAvailable: () => 8e9
  })

  it('gives every later nix the folder as TMPDIR, where this Nix unpacks into it', async () => {
    const shm = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-shm-'))
    const { runner, nixCalls } = runnerWith('2.8.0')
    const nix = new Nix(runner)
    const lines: string[] = []
    const dir = await useFastTmpdir(
      runner,
      nix,
      commit,
      { info: line => lines.push(line) },
      {
        env: { XDG_RUNTIME_DIR: shm },
        probe: diskTmp(shm)
      }
    )
    expect(dir?.startsWith(`${shm}/flakehub-push-nix-`)).toBe(true)
    await nix.run(['flake', 'metadata'], { env: { OTHER: '1' } })
    expect(nixCalls.at(-1)?.options.env).toEqual({ TMPDIR: dir, OTHER: '1' })
    fs.rmSync(shm, { recursive: true })
  })

  it('leaves TMPDIR alone for a Nix that reads Git itself, and where TMPDIR is a tmpfs', async () => {
    const shm = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-shm-'))
    for (const [version, probe] of [
      ['2.26.3', diskTmp(shm)],
      ['2.8.0', { room: () => ({ type: TMPFS_MAGIC, free: 1e12 }), memAvailable: () => 8e9 }]
    ] as const) {
      const { runner, nixCalls } = runnerWith(version)
      const nix = new Nix(runner)
      const log = { info: () => {} }
      const env = { XDG_RUNTIME_DIR: shm }
      expect(await useFastTmpdir(runner, nix, commit, log, { env, probe })).toBeUndefined()
      await nix.run(['flake', 'metadata'])
      expect(nixCalls.at(-1)?.options.env).toBeUndefined()
    }
    expect(fs.readdirSync(shm)).toEqual([])
    fs.rmSync(shm, { recursive: true })
  })
})
