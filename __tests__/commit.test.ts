// Naming the commit to publish, with the real Git in throwaway repositories (no Nix here).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { processRunner } from '../src/command.js'
import { gitFlakeRef, nameCommit } from '../src/commit.js'
import { commitAll, makeRepo, sh, writeFiles } from './support/nix.js'

const log = { info: () => {} }
const wording = { rev: '`rev`', gitRoot: '`git-root`' }
const FLAKE = '{ outputs = { self }: { }; }'

function name(gitRoot: string, rev?: string, flakeDir = gitRoot) {
  return nameCommit(processRunner, { gitRoot, flakeDir, rev }, wording, log)
}

describe('the flake reference of a commit', () => {
  it.each([
    ['/r', 'abc', '', false, 'git+file:///r?rev=abc'],
    ['/r', 'abc', 'sub/dir', false, 'git+file:///r?dir=sub/dir&rev=abc'],
    ['/r', 'abc', '', true, 'git+file:///r?rev=abc&shallow=1'],
    ['/a b/c', 'abc', 'x y', true, 'git+file:///a%20b/c?dir=x%20y&rev=abc&shallow=1'],
    // Nix reads `+` in a query as a plus: it must be sent as %2B, and `&` as %26.
    ['/r', 'abc', 'a+b&c', false, 'git+file:///r?dir=a%2Bb%26c&rev=abc']
  ])('of %s at %s in %j (shallow: %s) is %s', (top, rev, dir, shallow, ref) => {
    expect(gitFlakeRef(top, rev, dir, shallow)).toBe(ref)
  })
})

describe('naming the commit', () => {
  it('names the checked-out commit, the flake folder in it and whether it holds a lock file', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE, 'sub/flake.nix': FLAKE, 'sub/flake.lock': '{}' })
    const head = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const root = await name(repo)
    expect(root).toMatchObject({ revision: head, dir: '', hasLock: false, shallow: false })
    expect(root.flakeRef).toBe(`git+file://${repo}?rev=${head}`)
    const sub = await name(repo, undefined, path.join(repo, 'sub'))
    expect(sub).toMatchObject({ revision: head, dir: 'sub', hasLock: true })
  })

  it('finds the top of the repository from a folder inside it', async () => {
    const repo = makeRepo({ 'tools/flake.nix': FLAKE })
    const commit = await name(path.join(repo, 'tools'))
    expect(commit).toMatchObject({ top: repo, dir: 'tools' })
  })

  it('names an earlier commit given as rev, even with later edits checked out', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const first = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    writeFiles(repo, { 'flake.nix': '{ outputs = { self }: { x = 1; }; }' })
    commitAll(repo, 'second')
    writeFiles(repo, { 'flake.nix': 'uncommitted' })
    // The checkout is not what is published, so its edits do not matter.
    await expect(name(repo, first)).resolves.toMatchObject({ revision: first })
  })

  it('refuses a rev that the clone does not hold, saying to fetch it or check it out', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const missing = 'a'.repeat(40)
    await expect(name(repo, missing)).rejects.toThrow(
      `Commit ${missing} (\`rev\`) is not in this clone, so its tree cannot be read. ` +
        `Fetch it (\`git fetch --depth=1 origin ${missing}\`, or \`fetch-depth: 0\` with actions/checkout), ` +
        `or check it out (actions/checkout with \`ref: ${missing}\`) in an earlier step.`
    )
  })

  it('refuses a folder outside any repository', async () => {
    const folder = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'no-repo-'))
    await expect(name(folder)).rejects.toThrow(
      `${folder} is not in a Git repository. FlakeHub releases are made from a commit`
    )
  })

  it('refuses a repository without commits', async () => {
    const folder = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'empty-repo-'))
    sh('git', ['init', '-q', '-b', 'main'], folder)
    await expect(name(folder)).rejects.toThrow('The repository has no commits yet')
  })

  it('refuses a commit without flake.nix (a flake.nix never added to Git)', async () => {
    const repo = makeRepo({ 'README.md': 'hi' })
    writeFiles(repo, { 'sub/flake.nix': FLAKE })
    const head = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    await expect(name(repo, undefined, path.join(repo, 'sub'))).rejects.toThrow(
      `Commit ${head} has no sub/flake.nix: it is not committed (Nix, and FlakeHub, only see what Git holds). ` +
        'Add it with `git add sub/flake.nix`, commit, and run again.'
    )
  })

  it.each([
    ['an edited file', { 'a.txt': 'edited' }, [], ['a.txt']],
    ['a staged edit', { 'a.txt': 'staged' }, ['add', 'a.txt'], ['a.txt']],
    ['a deleted file', {}, ['rm', '-q', 'a.txt'], ['a.txt']],
    ['a renamed file', {}, ['mv', 'a.txt', 'b.txt'], ['b.txt']]
  ])(
    'refuses a checkout with %s, listing it',
    async (_, files: Record<string, string>, git: string[], listed: string[]) => {
      const repo = makeRepo({ 'flake.nix': FLAKE, 'a.txt': 'committed' })
      writeFiles(repo, files)
      if (git.length > 0) sh('git', git, repo)
      const error = await name(repo).then(
        () => undefined,
        (e: unknown) => e as Error
      )
      expect(error?.message).toMatch(/^The checkout has uncommitted changes to a tracked file/)
      expect(error?.message.split('\n').filter(line => line.startsWith('  '))).toEqual(
        listed.map(file => `  ${file}`)
      )
    }
  )

  it('leaves untracked files alone: no commit holds them, so none is published', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    writeFiles(repo, { 'notes.txt': 'mine' })
    await expect(name(repo)).resolves.toMatchObject({ dir: '' })
  })

  it('lists the first ten changed files and counts the rest', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`f${String(i).padStart(2, '0')}`, 'x'])
    )
    const repo = makeRepo({ 'flake.nix': FLAKE, ...files })
    writeFiles(repo, Object.fromEntries(Object.keys(files).map(f => [f, 'y'])))
    const error = (await name(repo).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/^The checkout has uncommitted changes to 12 tracked files/)
    expect(error.message).toContain('  f09\n  … and 2 more\n')
    expect(error.message).not.toMatch(/^ {2}f1[01]$/m)
  })

  it('names a shallow clone as one, for Nix (shallow=1)', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    commitAll(repo, 'second')
    const clone = path.join(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'clone-')), 'c')
    sh('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone])
    const commit = await name(clone)
    expect(commit.shallow).toBe(true)
    expect(commit.flakeRef).toMatch(/&shallow=1$/)
    await expect(commit.git.commitCount(commit.revision)).resolves.toBe(1)
  })
})
