// Packing from Git while Nix copies (src/source/), with the real Git and Nix: the tarball made
// from the commit's tree unpacks (nix-prefetch-url --unpack) to the NAR hash it claims, which is
// Nix's own narHash of the flake, with the store path Nix gives it; where Nix's source differs
// from Git's tree (Nix 2.8 exports with `git archive`, which applies .gitattributes), the run
// packs again from the store path and says why.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type CommandRunner, processRunner } from '../src/process/command.js'
import { type FlakeMetadata, Nix } from '../src/source/nix.js'
import {
  type LocatedSource,
  confirmEarly,
  packWhileLocating,
  packFromGit
} from '../src/source/early-pack.js'
import { sourceStorePath } from '../src/source/store-path.js'
import { runAction } from './support/action.js'
import {
  type FixtureEntry,
  makeRepo,
  nixAtLeast,
  nixJson,
  sh,
  unpackedNarHash
} from './support/nix.js'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-from-git-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

const nix = new Nix(processRunner)
const FLAKE = '{ outputs = { self }: { }; }\n'
let count = 0
const destination = () => path.join(scratch, `tarball-${++count}.tar.gz`)

/** What `nix flake metadata` locates for `dir` of the repository's HEAD. */
function locate(repo: string, dir = ''): LocatedSource & { url: string } {
  const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
  const url = `git+file://${repo}?rev=${revision}${dir === '' ? '' : `&dir=${dir}`}`
  const metadata = nixJson<FlakeMetadata & { path: string; lastModified: number }>([
    'flake',
    'metadata',
    '--json',
    url
  ])
  return {
    url,
    metadata,
    lastModified: metadata.lastModified,
    sourceDir: dir === '' ? metadata.path : path.join(metadata.path, dir)
  }
}

const commitOf = (repo: string, dir = '') => ({
  top: repo,
  revision: sh('git', ['rev-parse', 'HEAD'], repo).trim(),
  dir
})

/** A repository holding `files`, then `extra` run in it (git commands), committed. */
function repoWith(files: Record<string, FixtureEntry>, extra?: (repo: string) => void): string {
  const repo = makeRepo({ 'flake.nix': FLAKE, ...files })
  if (extra !== undefined) {
    extra(repo)
    sh('git', ['commit', '-q', '--allow-empty', '-m', 'more'], repo)
  }
  return repo
}

const long = 'a-name-longer-than-a-hundred-bytes-'.repeat(4)

/** Trees Git and every Nix tested agree on. */
const AGREED: [string, () => string][] = [
  [
    'files, folders, an executable, names in byte order (a folder sorts by its own name)',
    () =>
      repoWith({
        'a/x': 'in a',
        'a-b': 'beside a',
        'a.b': 'dot',
        Z: 'capital',
        ä: 'not ASCII',
        '😀/inner': 'astral',
        empty: '',
        'bin/run': { text: '#!/bin/sh\necho hi\n', executable: true },
        [`${long}/${long}`]: 'a long path',
        [`${'p'.repeat(50)}/${'q'.repeat(50)}/split`]: 'a name tar splits into prefix and name'
      })
  ],
  [
    'symlinks: to a file, to a folder, dangling, upwards',
    () =>
      repoWith({
        target: 'target',
        l1: { symlink: 'target' },
        dangling: { symlink: 'nowhere' },
        'd/up': { symlink: '../target' },
        dirlink: { symlink: 'd' },
        [`${long}-link`]: { symlink: `${long}/${long}/${long}` }
      })
  ],
  [
    'files larger than one piece the packer reads (64 KiB)',
    () => repoWith({ big: 'x'.repeat(300_000), 'exact.bin': 'y'.repeat(65_536) })
  ],
  [
    'a submodule (a gitlink): an empty folder, as Nix unpacks it without submodules=1',
    () =>
      repoWith(
        {
          '.gitmodules': '[submodule "sub"]\n\tpath = sub\n\turl = https://example.invalid/sub\n'
        },
        repo =>
          sh(
            'git',
            [
              'update-index',
              '--add',
              '--cacheinfo',
              `160000,${'0123456789abcdef'.repeat(2)}01234567,sub`
            ],
            repo
          )
      )
  ]
]

describe('packFromGit', () => {
  it.each(AGREED)(
    '%s: the tarball is Nix’s source, store path and mtime included',
    async (_, make) => {
      const repo = make()
      const early = await packFromGit(processRunner, commitOf(repo), destination(), {
        log: () => {}
      })
      const located = locate(repo)
      expect(unpackedNarHash(early.path)).toBe(early.narHash)
      expect(early.narHash).toBe(located.metadata.locked?.narHash)
      expect(early.sourceDir).toBe(located.sourceDir)
      expect(early.lastModified).toBe(located.lastModified)
      // The top folder of the tarball is the store path's name, as when packed from there.
      const listing = execFileSync('tar', ['-tzf', early.path], { encoding: 'utf8' }).split('\n')
      expect(listing[0]).toBe(`${path.basename(located.sourceDir)}/`)
      // Packed under a stand-in name and renamed: every entry is under that folder.
      const top = `${path.basename(located.sourceDir)}/`
      expect(listing.filter(line => line !== '' && !line.startsWith(top))).toEqual([])
      const lines: string[] = []
      const confirmed = await confirmEarly(early, located, nix, { log: line => lines.push(line) })
      expect(confirmed?.narHashVerifiedBy).toBe("Nix's locked.narHash")
      expect(lines).toEqual([
        expect.stringMatching(
          /^NAR hash sha256-\S+: verified, the same as Nix's locked\.narHash \(packed from Git/
        )
      ])
    }
  )

  it('packs a subflake’s folder, named after it, and Nix’s hash of that folder agrees', async () => {
    const repo = repoWith({ 'sub/flake.nix': FLAKE, 'sub/inner/q': 'q', top: 'outside' })
    const early = await packFromGit(processRunner, commitOf(repo, 'sub'), destination())
    const located = locate(repo, 'sub')
    expect(unpackedNarHash(early.path)).toBe(early.narHash)
    expect(execFileSync('tar', ['-tzf', early.path], { encoding: 'utf8' }).split('\n')[0]).toBe(
      'sub/'
    )
    const confirmed = await confirmEarly(early, located, nix, { log: () => {} })
    expect(confirmed?.narHashVerifiedBy).toBe('nix hash path of sub')
  })

  it('predicts the store path Nix gives the source from its NAR hash', () => {
    const located = locate(repoWith({ x: 'x' }))
    expect(sourceStorePath(located.metadata.locked!.narHash!)).toBe(located.sourceDir)
  })
})

/** What Nix 2.8 (git archive) applies and Git's tree does not say; newer Nix reads the tree. */
const ATTRIBUTES: [string, Record<string, FixtureEntry>][] = [
  ['export-ignore', { 'ignored.txt': 'secret', '.gitattributes': 'ignored.txt export-ignore\n' }],
  [
    'export-subst',
    { 'subst.txt': 'Format: $Format:%H$\n', '.gitattributes': 'subst.txt export-subst\n' }
  ],
  ['eol=crlf', { 'text.txt': 'line1\nline2\n', '.gitattributes': '*.txt text eol=crlf\n' }]
]

describe('packWhileLocating', () => {
  // Nix before 2.20 exports the commit with `git archive`; 2.26 and 2.34 read Git's tree as it
  // is (only 2.8, 2.26 and 2.34 are tested: the boundary is where Nix moved to libgit2).
  const gitArchive = !nixAtLeast(2, 20)

  it.each(ATTRIBUTES)('with .gitattributes %s', async (_, files) => {
    const repo = repoWith(files)
    const lines: string[] = []
    const dest = destination()
    const source = locate(repo)
    const tarball = await packWhileLocating(
      processRunner,
      nix,
      commitOf(repo),
      Promise.resolve(source),
      dest,
      { info: line => lines.push(line) }
    )
    expect(tarball.path).toBe(dest)
    expect(tarball.narHash).toBe(source.metadata.locked?.narHash)
    expect(unpackedNarHash(tarball.path)).toBe(tarball.narHash)
    const again = lines.filter(line => line.includes('packing again from the store path'))
    if (gitArchive) {
      expect(again).toEqual([
        expect.stringMatching(
          /^The tarball packed from Git is not Nix's source: its NAR hash is sha256-\S+, but Nix's locked\.narHash is sha256-\S+ \(Nix 2\.8 exports a commit with `git archive`/
        )
      ])
      expect(lines.at(-1)).toMatch(
        /^NAR hash sha256-\S+: verified, the same as Nix's locked\.narHash$/
      )
    } else {
      expect(again).toEqual([])
      expect(lines.at(-1)).toMatch(/\(packed from Git while Nix copied\)$/)
    }
  })

  it('packs from the store path when Git cannot be read, saying why', async () => {
    const repo = repoWith({ x: 'x' })
    const failing: CommandRunner = {
      run: (command, args, options) =>
        args.includes('cat-file')
          ? processRunner.run(command, [...args.slice(0, 2), 'cat-file', '--no-such-flag'], options)
          : processRunner.run(command, args, options)
    }
    const lines: string[] = []
    const tarball = await packWhileLocating(
      failing,
      nix,
      commitOf(repo),
      Promise.resolve(locate(repo)),
      destination(),
      {
        info: line => lines.push(line)
      }
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Could not pack from Git \(`git -C .* cat-file --no-such-flag` exited with status \d+:.*\); packing from the store path\.$/
      )
    )
    expect(tarball.narHashVerifiedBy).toBe("Nix's locked.narHash")
    expect(unpackedNarHash(tarball.path)).toBe(tarball.narHash)
  })

  it("fails with the locate's error and leaves no tarball", async () => {
    const repo = repoWith({ big: 'z'.repeat(2_000_000) })
    const dest = destination()
    const error = await packWhileLocating(
      processRunner,
      nix,
      commitOf(repo),
      Promise.reject(new Error('locating failed')),
      dest,
      { info: () => {} }
    ).then(
      () => new Error('it passed'),
      (e: unknown) => e as Error
    )
    expect(error.message).toBe('locating failed')
    expect(fs.existsSync(dest)).toBe(false)
  })
})

describe('the action (dist/index.js), in a dry run', () => {
  const gitArchive = !nixAtLeast(2, 20)
  const dryRun = async (repo: string) => {
    const dest = fs.mkdtempSync(path.join(scratch, 'dest-'))
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', tag: 'v1.0.0', 'dest-dir': dest }
    })
    expect(run.exitCode).toBe(0)
    const metadata = JSON.parse(fs.readFileSync(path.join(dest, 'v1.0.0.json'), 'utf8')) as {
      raw_flake_metadata: FlakeMetadata
    }
    const tarball = path.join(dest, 'v1.0.0.tar.gz')
    return { stdout: run.stdout, metadata: metadata.raw_flake_metadata, tarball }
  }

  it('packs the tarball from Git while Nix copies, and checks it against Nix', async () => {
    const { stdout, metadata, tarball } = await dryRun(
      repoWith({ 'a/x': 'in a', big: 'x'.repeat(300_000), l: { symlink: 'a/x' } })
    )
    expect(stdout).toMatch(
      /^NAR hash sha256-\S+: verified, the same as Nix's locked\.narHash \(packed from Git while Nix copied\)$/m
    )
    expect(unpackedNarHash(tarball)).toBe(metadata.locked?.narHash)
    // Where this Nix unpacks the source into TMPDIR, it unpacked it into a tmpfs folder of the
    // run's own (when this machine has one with room), removed at the end.
    const fast = /^Nix's TMPDIR: (\/\S+) \(a tmpfs; the source takes \d+ MB there\)$/m.exec(stdout)
    if (!gitArchive) expect(fast).toBeNull()
    if (fast !== null) expect(fs.existsSync(fast[1])).toBe(false)
  })

  it('packs again from the store path where Nix’s source is not Git’s tree, saying why', async () => {
    const { stdout, metadata, tarball } = await dryRun(repoWith(ATTRIBUTES[0][1]))
    const again =
      /^The tarball packed from Git is not Nix's source: its NAR hash is .*; packing again from the store path\.$/m
    if (gitArchive) expect(stdout).toMatch(again)
    else expect(stdout).not.toMatch(again)
    expect(unpackedNarHash(tarball)).toBe(metadata.locked?.narHash)
  })
})
