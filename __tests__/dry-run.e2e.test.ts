// End to end: `node dist/index.js` under Node 24, as a runner starts it, with the real Nix,
// in dry-run mode (dest-dir): nothing but the local folder is touched.
import { describe, expect, it } from '@jest/globals'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { PACKING_NICENESS } from '../src/process/priority.js'
import { runAction } from './support/action.js'
import { recordingNix } from './support/cli.js'
import {
  commitAll,
  makeRepo,
  nixJson,
  sh,
  nixWrapper,
  trivialDerivation,
  unpackedNarHash,
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
      flakeref_exact: `owner/project/=${version}`,
      outcome: 'dry-run'
    })
    expect(fs.readdirSync(dest).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])

    const metadata = JSON.parse(fs.readFileSync(path.join(dest, `${version}.json`), 'utf8'))
    // What Nix says of the commit itself, read from Git (not of the working tree).
    const flake = nixJson<{ locked: { narHash: string }; description: string }>([
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      `git+file://${repo}?rev=${revision}`
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
    // Nix adds `ref` to the locked URL only when it fetched the commit itself, not from its
    // cache (2.8 writes `main`, newer Nix `refs/heads/main`): the rest is the same whoever asked first.
    expect(metadata.raw_flake_metadata).toMatchObject({
      ...flake,
      url: expect.stringMatching(
        new RegExp(`^git\\+file://${repo}\\?(ref=[^&]+&)?rev=${revision}$`)
      )
    })
    expect(Object.keys(metadata.outputs.inventory)).toEqual(['packages'])
    expect(metadata.outputs.inventory.packages.children['aarch64-darwin'].children.hello).toEqual({
      what: 'package',
      shortDescription: 'Says hello',
      forSystems: ['aarch64-darwin'],
      derivation: null,
      outputs: null
    })

    expect(unpackedNarHash(path.join(dest, `${version}.tar.gz`))).toBe(flake.locked.narHash)
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
    expect(unpackedNarHash(path.join(dest, 'v1.2.3.tar.gz'))).toBe(expected)
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
    expect(errors[0].message).toMatch(
      /^flake\.nix:\d+:\d+: The flake output `packages\.aarch64-darwin\.broken` does not evaluate\. Nix says:\nerror: broken on aarch64-darwin\n/
    )
    expect(errors[0].message).toMatch(
      /\(from `nix --extra-experimental-features 'nix-command flakes' eval .*`, exited with status 1;/s
    )
    expect(fs.existsSync(dest) ? fs.readdirSync(dest) : []).toEqual([])
    expect(repoState(repo)).toBe(before)
  })

  it('fails when the committed flake.lock has drifted from flake.nix, saying to lock and commit, and leaves the lock file alone', async () => {
    const dep = makeRepo({ 'flake.nix': '{ outputs = { self }: { value = 1; }; }' })
    const repo = makeRepo({
      'flake.nix': `{ inputs.dep.url = "git+file://${dep}"; outputs = { self, dep }: { }; }`
    })
    sh('nix', ['flake', 'lock', repo])
    commitAll(repo, 'lock')
    writeFiles(repo, {
      'flake.nix': `{ inputs.dep.url = "git+file://${dep}"; inputs.other.url = "git+file://${dep}"; outputs = { self, dep, other }: { }; }`
    })
    commitAll(repo, 'add an input without locking it')
    const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const before = repoState(repo)
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      new RegExp(
        `^flake\\.lock in commit ${revision} is out of date: it does not lock what flake\\.nix asks for\\. ` +
          'Run `nix flake lock`, commit flake\\.lock, and run again\\.\n\n' +
          "`nix --extra-experimental-features 'nix-command flakes' flake metadata --json --no-update-lock-file .*` exited with status 1:\n"
      )
    )
    // Nix's own words, which depend on its version.
    expect(errors[0].message).toMatch(
      /requires lock file changes but they're not allowed due to '--no-update-lock-file'|cannot write modified lock file/
    )
    expect(repoState(repo)).toBe(before)
  })

  it('refuses a checkout whose tracked files differ from the commit, naming them, before Nix runs', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(
        `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};`
      ),
      'README.md': 'committed',
      'data/a.txt': 'committed'
    })
    writeFiles(repo, { 'README.md': 'edited', 'data/a.txt': 'edited', 'untracked.txt': 'new' })
    const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const index = fs.readFileSync(path.join(repo, '.git', 'index'))
    const nix = recordingNix()
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': dest },
      env: { PATH: nix.path }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(a => a.level === 'error').map(a => a.message)
    expect(errors).toEqual([
      'The checkout has uncommitted changes to 2 tracked files, and a release holds exactly the ' +
        `commit it is named after (${revision}), never changes made on top of it:\n` +
        '  README.md\n  data/a.txt\n' +
        'Commit them (in an earlier step of the job, and push), or undo them (`git stash`, or ' +
        '`git checkout -- <file>`) to publish the commit as it is.'
    ])
    expect(fs.existsSync(path.join(nix.dir, 'called'))).toBe(false)
    expect(fs.existsSync(dest)).toBe(false)
    // The edits are where they were, and not even Git's index was refreshed.
    expect(fs.readFileSync(path.join(repo, 'README.md'), 'utf8')).toBe('edited')
    expect(fs.readFileSync(path.join(repo, '.git', 'index'))).toEqual(index)
  })

  /**
   * A `nix` on PATH that notes each call with its niceness and, after each `nix eval`, the
   * action's: its main thread's and its thread pool's (the niceness is field 19 of
   * /proc/<pid>/stat, the 17th after the command's name).
   */
  const priorityWrapper = () =>
    nixWrapper(
      [
        'echo "$1 $2 $(nice)" >> "$DIR/calls"',
        '[ "$1" = eval ] || exec "$REAL_NIX" "$@"',
        '"$REAL_NIX" "$@"; status=$?',
        'niceness() { sed "s/.*) //" "$1" | cut -d " " -f 17; }',
        'echo "main $(niceness /proc/$PPID/stat)" >> "$DIR/action"',
        'for t in /proc/$PPID/task/*; do',
        '  [ "$(cat "$t/comm")" = libuv-worker ] && echo "pool $(niceness "$t/stat")" >> "$DIR/action"',
        'done',
        'exit $status'
      ].join('\n')
    )
  const noted = (dir: string, file: string): string[] =>
    fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n')

  it('runs one nix process for the all-systems check and the outputs document, and packing steps back for it', async () => {
    const repo = makeRepo({
      'flake.nix': flakeNix(
        `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};`
      )
    })
    const nix = priorityWrapper()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() },
      env: { PATH: nix.path }
    })
    expect(run.exitCode).toBe(0)
    // nix keeps the priority the action started with (this test's: 0, unless run under `nice`).
    const started = os.getPriority()
    const calls = noted(nix.dir, 'calls')
    expect(calls.filter(call => /^(eval|flake show)/.test(call))).toEqual([`eval --raw ${started}`])
    // Once it evaluates, the thread pool (zlib, file reads) is lowered; the main thread is not.
    const action = noted(nix.dir, 'action')
    expect(action.filter(line => line.startsWith('main'))).toEqual([`main ${started}`])
    const pool = action.filter(line => line.startsWith('pool'))
    expect(pool.length).toBeGreaterThan(0)
    expect(new Set(pool)).toEqual(new Set([`pool ${Math.max(started, PACKING_NICENESS)}`]))
  })

  it('starts every evaluator at the priority the action started with, not only the first', async () => {
    const drv = (system: string) => trivialDerivation('ok', system)
    const repo = makeRepo({
      'flake.nix': flakeNix(
        `packages.x86_64-linux.ok = ${drv('x86_64-linux')};\n` +
          `packages.aarch64-linux.ok = ${drv('aarch64-linux')};\n` +
          `packages.x86_64-darwin.ok = ${drv('x86_64-darwin')};`
      )
    })
    const nix = priorityWrapper()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir(), evaluators: '3' },
      env: { PATH: nix.path }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^3 evaluators side by side /m)
    const started = os.getPriority()
    const evaluations = noted(nix.dir, 'calls').filter(call => call.startsWith('eval'))
    expect(evaluations).toEqual(Array(3).fill(`eval --raw ${started}`))
  })

  it('stops packing as soon as the evaluation fails, and reports the failure', async () => {
    // A large, incompressible file keeps packing busy long after the evaluation has failed.
    const repo = makeRepo({
      'flake.nix': flakeNix(`packages.x86_64-linux.broken = throw "broken for flake show";`)
    })
    fs.writeFileSync(path.join(repo, 'big.bin'), crypto.randomBytes(64 * 1024 * 1024))
    commitAll(repo, 'a large file')
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': dest }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(a => a.level === 'error')
    expect(errors).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /^flake\.nix:\d+:\d+: The flake output `packages\.x86_64-linux\.broken` does not evaluate\. Nix says:\nerror: broken for flake show\n/
        ),
        // Issue 16: annotated on the flake's line.
        properties: { file: 'flake.nix', line: expect.any(String), col: expect.any(String) }
      }
    ])
    expect(run.stdout).toMatch(/^::group::Package \(stopped in [\d.]+ s\)$/m)
    expect(fs.existsSync(dest) ? fs.readdirSync(dest) : []).toEqual([])
  })

  describe('refuses bad inputs before running any nix', () => {
    const repo = makeRepo({ 'flake.nix': flakeNix(''), 'not-a-flake/file': 'x' })

    it.each<[string, Record<string, string>, RegExp, Record<string, string>?]>([
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
      ],
      [
        'a name with a ".." part',
        { name: 'acme/..', rolling: 'true' },
        /^Input `name`: "acme\/\.\." cannot have "\.\." as a part \(a URL reads it as a folder step\); write it as `owner\/flake-name`\.$/
      ],
      [
        'a repository with a query in it',
        { repository: 'acme/w?x=1', rolling: 'true' },
        /^Input `repository`: "acme\/w\?x=1" holds "\?"; .*write it as `repository: owner\/project`\.$/
      ],
      [
        'a time limit that is not a number of seconds',
        { rolling: 'true' },
        /^Environment variable `FLAKEHUB_PUSH_TIMEOUT_CONNECT`: "10s" is not a number of seconds/,
        { FLAKEHUB_PUSH_TIMEOUT_CONNECT: '10s' }
      ]
    ])('%s', async (_, inputs, message, env = {}) => {
      const nix = nixWrapper('touch "$DIR/called"; exit 1')
      const run = await runAction({
        workspace: repo,
        inputs: { visibility: 'public', 'dest-dir': destDir(), ...inputs },
        env: { PATH: nix.path, ...env }
      })
      expect(run.exitCode).toBe(1)
      const errors = run.annotations.filter(a => a.level === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0].message).toMatch(message)
      expect(fs.existsSync(path.join(nix.dir, 'called'))).toBe(false)
    })
  })
})
