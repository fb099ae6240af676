// Smoke test of the benchmark's flake generator (bench/generate.mjs), at a tiny size: the
// repository it makes is a flake Nix accepts, with the files and packages asked for, and the
// same seed always gives the same tree; each kind of flake puts the cost where it says.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { GeneratedFlake, KINDS, SYSTEMS, generateFlake } from '../bench/generate.mjs'
import { nixJson, sh } from './support/nix.js'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generator-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

const TINY = { files: 12, bytes: 24 * 1024, packages: 3, work: 8, seed: 7 }

interface Metadata {
  url: string
  path: string
  revision?: string
  locked: { narHash: string; rev?: string }
}

/** Every entry of the working tree (without .git): path → kind, mode and content hash. */
function listing(root: string): Record<string, string> {
  const entries: Record<string, string> = {}
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name)
      const rel = path.relative(root, abs)
      if (rel === '.git') continue
      if (entry.isDirectory()) visit(abs)
      else if (entry.isSymbolicLink()) entries[rel] = `symlink ${fs.readlinkSync(abs)}`
      else {
        const mode = fs.statSync(abs).mode & 0o111 ? 'x' : '-'
        const hash = createHash('sha256').update(fs.readFileSync(abs)).digest('hex')
        entries[rel] = `file ${mode} ${hash}`
      }
    }
  }
  visit(root)
  return entries
}

describe('generateFlake', () => {
  const first = path.join(scratch, 'first')
  const second = path.join(scratch, 'second')
  let generated: GeneratedFlake
  beforeAll(() => {
    generated = generateFlake(first, TINY)
  })

  it('makes a clean Git repository whose flake Nix accepts', () => {
    expect(sh('git', ['status', '--porcelain'], first)).toBe('')
    const metadata = nixJson<Metadata>([
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      first
    ])
    expect(metadata.url).toContain(`rev=${generated.commit}`)
    expect(metadata.locked.narHash).toMatch(/^sha256-/)
    expect(fs.existsSync(path.join(first, 'flake.lock'))).toBe(false)
  })

  it('writes the requested number of files, bytes, executables and symlinks', () => {
    const entries = Object.values(listing(first))
    const files = entries.filter(e => e.startsWith('file '))
    expect(files).toHaveLength(TINY.files)
    expect(generated.files).toBe(TINY.files)
    expect(generated.bytes).toBeGreaterThanOrEqual(TINY.bytes)
    expect(files.filter(e => e.startsWith('file x')).length).toBeGreaterThan(0)
    expect(entries.filter(e => e.startsWith('symlink ')).length).toBeGreaterThan(0)
    // Tracked by Git, so part of the flake's source.
    const tracked = sh('git', ['ls-files'], first).trim().split('\n')
    expect(tracked).toHaveLength(entries.length)
  })

  it('has the requested number of packages for each of four systems', () => {
    const counts = nixJson<Record<string, number>>([
      'eval',
      '--json',
      `${first}#packages`,
      '--apply',
      'p: builtins.mapAttrs (s: v: builtins.length (builtins.attrNames v)) p'
    ])
    expect(SYSTEMS).toHaveLength(4)
    expect(counts).toEqual(Object.fromEntries(SYSTEMS.map(s => [s, TINY.packages])))
    const description = nixJson<string>([
      'eval',
      '--json',
      `${first}#packages.x86_64-linux.pkg-2.meta.description`
    ])
    expect(description).toMatch(/^Package 2 for x86_64-linux, fingerprint [0-9a-f]{16}$/)
  })

  it('gives the same tree, and commit, for the same seed; another tree for another seed', () => {
    const again = generateFlake(second, TINY)
    expect(listing(second)).toEqual(listing(first))
    expect(again.commit).toBe(generated.commit)
    const narHash = (dir: string): string =>
      nixJson<Metadata>(['flake', 'metadata', '--json', '--no-write-lock-file', dir]).locked.narHash
    expect(narHash(second)).toBe(narHash(first))

    const other = path.join(scratch, 'other-seed')
    generateFlake(other, { ...TINY, seed: TINY.seed + 1 })
    expect(narHash(other)).not.toBe(narHash(first))
  })

  it('keeps the tree and changes only flake.nix for a flake with no outputs', () => {
    const trivial = path.join(scratch, 'trivial')
    generateFlake(trivial, { ...TINY, trivial: true })
    const a = listing(first)
    const b = listing(trivial)
    const differing = Object.keys({ ...a, ...b }).filter(k => a[k] !== b[k])
    expect(differing).toEqual(['flake.nix'])
    expect(nixJson(['flake', 'show', '--json', '--no-write-lock-file', trivial])).toEqual({})
  })

  it('gives every kind the same tree and packages, with the cost where the kind puts it', () => {
    const small = { ...TINY, sharedSize: 50, sharedWork: 2 }
    const dirs = Object.fromEntries(
      KINDS.map(kind => [kind, path.join(scratch, `kind-${kind}`)] as const)
    )
    for (const kind of KINDS) expect(generateFlake(dirs[kind], { ...small, kind }).kind).toBe(kind)
    for (const kind of KINDS) {
      const a = listing(dirs.large)
      const b = listing(dirs[kind])
      expect(Object.keys({ ...a, ...b }).filter(k => a[k] !== b[k])).toEqual(
        kind === 'large' ? [] : ['flake.nix']
      )
    }
    const pkg = (dir: string): { name: string; description: string } =>
      nixJson([
        'eval',
        '--json',
        `${dir}#packages.x86_64-linux.pkg-2`,
        '--apply',
        'p: { inherit (p) name; inherit (p.meta) description; }'
      ])
    const count = (dir: string): number =>
      nixJson<number>([
        'eval',
        '--json',
        `${dir}#packages`,
        '--apply',
        'p: builtins.length (builtins.concatMap (s: builtins.attrNames p.${s}) (builtins.attrNames p))'
      ])
    for (const kind of KINDS) expect(count(dirs[kind])).toBe(TINY.packages * SYSTEMS.length)

    // names: an expensive (hashed) name, a plain description.
    expect(pkg(dirs.names)).toEqual({
      name: expect.stringMatching(/^pkg-2-[0-9a-f]{8}$/),
      description: 'Package 2 for x86_64-linux'
    })
    // shared: the description depends on the whole package set: one more entry changes it.
    const shared = pkg(dirs.shared)
    expect(shared.description).toMatch(/^Package 2 for x86_64-linux on package set [0-9a-f]{16}, /)
    const bigger = path.join(scratch, 'kind-shared-bigger')
    generateFlake(bigger, { ...small, kind: 'shared', sharedSize: small.sharedSize + 1 })
    expect(pkg(bigger).description).not.toBe(shared.description)
    expect(pkg(bigger).name).toBe(shared.name)
    expect(() =>
      generateFlake(path.join(scratch, 'bad'), { ...small, kind: 'x' as never })
    ).toThrow(/kind must be one of large, shared, names/)
  })
})
