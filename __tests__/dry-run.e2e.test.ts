// End to end: `node dist/index.js` under Node 24, as a runner starts it, with the real Nix,
// in dry-run mode (dest-dir): nothing but the local folder is touched.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import {
  commitAll,
  makeRepo,
  nixJson,
  sh,
  nixWrapper,
  trivialDerivation,
  writeFiles
} from './support/nix.js'

const SECTION_9_FIELDS = [
  'commit_count',
  'description',
  'outputs',
  'raw_flake_metadata',
  'readme',
  'repo',
  'revision',
  'visibility',
  'mirrored',
  'source_subdirectory',
  'spdx_identifier',
  'labels'
].sort()

const flakeNix = (packages: string): string => `{
  description = "A fixture flake";
  outputs = { self }: { ${packages} lib.answer = 42; };
}`

/** The SRI hash Nix computes for the folder it unpacks from a tarball. */
function unpackedHash(tarball: string): string {
  const base32 = sh('nix-prefetch-url', [
    '--unpack',
    '--type',
    'sha256',
    `file://${tarball}`
  ]).trim()
  return sh('nix', ['hash', 'to-sri', '--type', 'sha256', base32]).trim()
}

function destDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dest-')), 'release')
}

/** `git status` and the lock file, to prove the run left the repository as it was. */
function repoState(repo: string): string {
  const lock = path.join(repo, 'flake.lock')
  return (
    sh('git', ['status', '--porcelain', '--ignored'], repo) +
    (fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : '<no lock>')
  )
}

describe('a dry run', () => {
  it('writes the tarball and every metadata field, sets the outputs and summary, and Nix agrees with the tarball', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(
        `packages.x86_64-linux.hello = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
         packages.aarch64-darwin.hello = ${trivialDerivation('hello', 'aarch64-darwin', 'Says hello')};`
      ),
      'README.md': '# Fixture\nHello.\n',
      'bin/run': { text: '#!/bin/sh\necho hi\n', executable: true },
      'docs/link': { symlink: '../README.md' }
    })
    const before = repoState(repo)
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: {
        visibility: 'hidden',
        rolling: 'true',
        'rolling-minor': '3',
        'dest-dir': dest,
        'extra-labels': 'Nix, bad label, x',
        'spdx-expression': 'MIT'
      },
      env: { GITHUB_REPOSITORY: 'owner/project' }
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(run.exitCode).toBe(0)

    const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const version = `0.3.1+rev-${revision}`
    expect(run.outputs).toEqual({
      flake_name: 'owner/project',
      flake_version: version,
      flakeref_at_least: `owner/project/${version}`,
      flakeref_exact: `owner/project/=${version}`
    })
    expect(fs.readdirSync(dest).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])

    const metadata = JSON.parse(fs.readFileSync(path.join(dest, `${version}.json`), 'utf8'))
    const flake = nixJson<{ locked: { narHash: string }; description: string }>([
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      repo
    ])
    expect(Object.keys(metadata).sort()).toEqual(SECTION_9_FIELDS)
    expect(metadata).toMatchObject({
      commit_count: 1,
      description: 'A fixture flake',
      readme: '# Fixture\nHello.\n',
      repo: 'owner/project',
      revision,
      visibility: 'unlisted',
      mirrored: false,
      source_subdirectory: '',
      spdx_identifier: 'MIT',
      labels: ['nix', 'x']
    })
    expect(metadata.raw_flake_metadata).toEqual(flake)
    expect(Object.keys(metadata.outputs.inventory)).toEqual(['packages'])
    expect(metadata.outputs.inventory.packages.children['aarch64-darwin'].children.hello).toEqual({
      what: 'package',
      shortDescription: 'Says hello',
      forSystems: ['aarch64-darwin'],
      derivation: null,
      outputs: null
    })

    expect(unpackedHash(path.join(dest, `${version}.tar.gz`))).toBe(flake.locked.narHash)
    expect(run.stdout).toContain(
      `NAR hash ${flake.locked.narHash}: verified, the same as Nix's locked.narHash`
    )
    expect(run.summary).toContain(
      `<td>NAR hash</td><td>${flake.locked.narHash} (verified: the same as Nix's locked.narHash)</td>`
    )
    expect(run.summary).toContain(`Dry run: packed, not published owner/project ${version}`)
    expect(run.summary).toMatch(/<td>packages<\/td><td>2<\/td>/)
    expect(run.summary).toMatch(/Evaluate \(all systems\)/)
    expect(repoState(repo)).toBe(before)
  })

  it('packs a subflake from its folder with a tag, and the tarball hashes to that folder', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(''),
      'nested/sub/flake.nix': flakeNix(
        `packages.x86_64-linux.p = ${trivialDerivation('p', 'x86_64-linux')};`
      ),
      'nested/sub/ReadMe.MD': 'sub readme',
      'nested/sub/data/file.txt': 'data'
    })
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: {
        visibility: 'public',
        directory: 'nested/sub',
        tag: 'v1.2.3',
        'dest-dir': dest,
        name: 'someone/sub-flake'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.flakeref_exact).toBe('someone/sub-flake/=v1.2.3')
    const metadata = JSON.parse(fs.readFileSync(path.join(dest, 'v1.2.3.json'), 'utf8'))
    expect(metadata).toMatchObject({
      source_subdirectory: 'nested/sub',
      repo: 'someone/sub-flake',
      readme: 'sub readme'
    })
    const storePath = nixJson<{ path: string }>([
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      path.join(repo, 'nested/sub')
    ]).path
    const expected = sh('nix', ['hash', 'path', path.join(storePath, 'nested/sub')]).trim()
    expect(unpackedHash(path.join(dest, 'v1.2.3.tar.gz'))).toBe(expected)
    const verified = `NAR hash ${expected}: verified, the same as nix hash path of nested/sub`
    expect(run.stdout).toContain(verified)
    expect(run.summary).toContain(
      `<td>NAR hash</td><td>${expected} (verified: the same as nix hash path of nested/sub)</td>`
    )
  })

  it('fails with the command and Nix message when the flake does not evaluate for a foreign system', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(
        `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};
         packages.aarch64-darwin.broken = throw "broken on aarch64-darwin";`
      )
    })
    const before = repoState(repo)
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': dest }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/^`nix (flake show|eval) .*` exited with status 1:\n/)
    expect(errors[0].message).toContain('broken on aarch64-darwin')
    expect(fs.existsSync(dest) ? fs.readdirSync(dest) : []).toEqual([])
    expect(repoState(repo)).toBe(before)
  })

  it.each(['committed', 'uncommitted'])(
    'fails when flake.lock has drifted from flake.nix (%s), and leaves the lock file alone',
    async state => {
      const dep = makeRepo({ 'flake.nix': '{ outputs = { self }: { value = 1; }; }' })
      const repo = makeRepo({
        'flake.nix': `{ inputs.dep.url = "git+file://${dep}"; outputs = { self, dep }: { }; }`
      })
      sh('nix', ['flake', 'lock', repo])
      commitAll(repo, 'lock')
      writeFiles(repo, {
        'flake.nix': `{ inputs.dep.url = "git+file://${dep}"; inputs.other.url = "git+file://${dep}"; outputs = { self, dep, other }: { }; }`
      })
      if (state === 'committed') commitAll(repo, 'add an input without locking it')
      const before = repoState(repo)
      const run = await runAction({
        workspace: repo,
        inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() }
      })
      expect(run.exitCode).toBe(1)
      const errors = run.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(
        /^`nix flake metadata --json --no-update-lock-file .*` exited with status 1:\n/
      )
      expect(errors[0].message).toMatch(/lock file|--no-update-lock-file/)
      expect(repoState(repo)).toBe(before)
    }
  )

  it('stops the other evaluations as soon as one fails, and reports the failure', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(`packages.x86_64-linux.broken = throw "broken for flake show";`)
    })
    // `nix eval` (the outputs document) would never end: the run must stop it, not wait for it.
    const nix = nixWrapper(
      'if [ "$1" = eval ]; then echo $$ > "$DIR/eval.pid"; exec sleep 600; fi\nexec "$REAL_NIX" "$@"'
    )
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() },
      env: { PATH: nix.path },
      timeoutMs: 120_000
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(a => a.level === 'error')
    expect(errors).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/^`nix flake show .*broken for flake show/s)
      }
    ])
    expect(run.stdout).toMatch(/^::group::Outputs document \(stopped in [\d.]+ s\)$/m)
    const pid = Number(fs.readFileSync(path.join(nix.dir, 'eval.pid'), 'utf8'))
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/)
  })

  describe('refuses bad inputs before running any nix', () => {
    const repo = makeRepo({ 'flake.nix': flakeNix(''), 'not-a-flake/file': 'x' })

    it.each<[string, Record<string, string>, RegExp]>([
      [
        'a visibility that does not exist',
        { visibility: 'open', rolling: 'true' },
        /^Input `visibility`: "open" is not a visibility; write `public`, `unlisted` or `private`\.$/
      ],
      [
        'a tag that is not SemVer',
        { tag: 'latest' },
        /^Input `tag`: "latest" is not a SemVer version/
      ],
      ['a boolean spelled yes', { rolling: 'yes' }, /^Input `rolling`: "yes" is not a boolean/],
      [
        'a directory without flake.nix',
        { directory: 'not-a-flake', rolling: 'true' },
        /^Input `directory`: there is no flake.nix in/
      ],
      [
        'an SPDX expression that does not parse',
        { 'spdx-expression': 'MIT AND', rolling: 'true' },
        /^Input `spdx-expression`:/
      ]
    ])('%s', async (_, inputs, message) => {
      const nix = nixWrapper('touch "$DIR/called"; exit 1')
      const run = await runAction({
        workspace: repo,
        inputs: { visibility: 'public', 'dest-dir': destDir(), ...inputs },
        env: { PATH: nix.path }
      })
      expect(run.exitCode).toBe(1)
      const errors = run.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(message)
      expect(fs.existsSync(path.join(nix.dir, 'called'))).toBe(false)
    })
  })
})
