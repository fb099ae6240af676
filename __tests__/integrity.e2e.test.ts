// End to end, with the real Nix and Git: what is published under `rev-<sha>` is that commit's
// tree (whatever is checked out, in a full or a depth-1 clone), and nothing the flake evaluates,
// nor any `nix` or `git` the run starts, can see a token.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { TOKEN_VARIABLES } from '../src/process/child-env.js'
import { runAction } from './support/action.js'
import { nixRan, recordingNix, runCli } from './support/cli.js'
import {
  commitAll,
  makeRepo,
  nixJson,
  sh,
  trivialDerivation,
  unpackedNarHash,
  writeFiles
} from './support/nix.js'
import { DEFAULT_REPOSITORY, StandIns, actionInputs, startStandIns } from './support/stand-ins.js'

let running: StandIns | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const tmp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
const destDir = (): string => path.join(tmp('dest-'), 'release')

/** A flake whose one package is named after `word`. */
const flakeOf = (word: string): string => `{
  description = "The ${word} commit";
  outputs = { self }: {
    packages.x86_64-linux.${word} = ${trivialDerivation(word, 'x86_64-linux')};
  };
}`

/** A repository with two commits, "first" then "second", each with its own flake and files. */
function twoCommits(): { repo: string; first: string; second: string } {
  const repo = makeRepo({ 'flake.nix': flakeOf('first'), 'README.md': 'first', 'data.txt': '1' })
  const first = sh('git', ['rev-parse', 'HEAD'], repo).trim()
  writeFiles(repo, { 'flake.nix': flakeOf('second'), 'README.md': 'second', 'data.txt': '2' })
  commitAll(repo, 'second')
  return { repo, first, second: sh('git', ['rev-parse', 'HEAD'], repo).trim() }
}

/** Nix's own NAR hash of a commit's tree, read through Git. */
const narHashOf = (repo: string, revision: string): string =>
  nixJson<{ locked: { narHash: string } }>([
    'flake',
    'metadata',
    '--json',
    '--no-write-lock-file',
    `git+file://${repo}?rev=${revision}`
  ]).locked.narHash

type Written = {
  version: string
  metadata: {
    revision: string
    readme: string | null
    description: string | null
    commit_count: number
    raw_flake_metadata: { revision?: string; locked: { rev: string; narHash: string } }
    outputs: { inventory: { packages: { children: Record<string, { children: object }> } } }
  }
  tarball: string
}

/** The release a dry run wrote to `dest`. */
function written(dest: string): Written {
  const json = fs.readdirSync(dest).find(name => name.endsWith('.json'))!
  const version = json.slice(0, -'.json'.length)
  return {
    version,
    metadata: JSON.parse(fs.readFileSync(path.join(dest, json), 'utf8')) as Written['metadata'],
    tarball: path.join(dest, `${version}.tar.gz`)
  }
}

/** Everything in a written release says it is `revision`'s, and its tarball is that tree. */
function expectReleaseOf(release: Written, repo: string, revision: string, word: string): void {
  const { metadata } = release
  expect(release.version).toBe(`0.1.1+rev-${revision}`)
  expect(metadata.revision).toBe(revision)
  expect(metadata.readme).toBe(word)
  expect(metadata.description).toBe(`The ${word} commit`)
  expect(metadata.raw_flake_metadata.locked.rev).toBe(revision)
  expect(
    Object.keys(metadata.outputs.inventory.packages.children['x86_64-linux'].children)
  ).toEqual([word])
  const narHash = narHashOf(repo, revision)
  expect(metadata.raw_flake_metadata.locked.narHash).toBe(narHash)
  expect(unpackedNarHash(release.tarball)).toBe(narHash)
}

describe('the commit named is the commit published', () => {
  it('publishes the tree of `rev`, not of the later checked-out commit (the action)', async () => {
    const { repo, first, second } = twoCommits()
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', rev: first, 'dest-dir': dest }
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(run.exitCode).toBe(0)
    const release = written(dest)
    expectReleaseOf(release, repo, first, 'first')
    expect(unpackedNarHash(release.tarball)).not.toBe(narHashOf(repo, second))
  })

  it('publishes the tree of `--rev`, not of the later checked-out commit (the command)', async () => {
    const { repo, first } = twoCommits()
    const dest = destDir()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'o/p', '--rolling', '--rev', first],
      env: { FLAKEHUB_DEST_DIR: dest }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expectReleaseOf(written(dest), repo, first, 'first')
  })

  it('publishes `rev` with the facts GitHub gives for it, and uploads exactly its tree', async () => {
    const { repo, first } = twoCommits()
    const repository = { ...DEFAULT_REPOSITORY, commits: { [first]: 41 } }
    const hub = (running = await startStandIns({ repository }))
    const run = await runAction({
      workspace: repo,
      inputs: actionInputs(hub, { rolling: 'true', rev: first }),
      env: hub.env
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(hub.problems).toEqual([])
    expect(hub.published.map(p => p.version)).toEqual([`0.1.41+rev-${first}`])
    expect(hub.published[0].metadata).toMatchObject({ revision: first, readme: 'first' })
    const tarball = path.join(tmp('uploaded-'), 'release.tar.gz')
    fs.writeFileSync(tarball, hub.published[0].tarball)
    expect(unpackedNarHash(tarball)).toBe(narHashOf(repo, first))
  })

  it('publishes from a depth-1 clone, as actions/checkout makes by default', async () => {
    const { repo, second } = twoCommits()
    const clone = path.join(tmp('depth-1-'), 'checkout')
    sh('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone])
    const dest = destDir()
    const run = await runAction({
      workspace: clone,
      inputs: { visibility: 'public', tag: 'v1.0.0', 'dest-dir': dest }
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(run.exitCode).toBe(0)
    const release = written(dest)
    expect(release.version).toBe('v1.0.0')
    expect(release.metadata.revision).toBe(second)
    expect(unpackedNarHash(release.tarball)).toBe(narHashOf(repo, second))
  })

  it('refuses a `rev` the depth-1 clone does not hold before evaluating, saying how to fetch it', async () => {
    const { repo, first } = twoCommits()
    const clone = path.join(tmp('depth-1-'), 'checkout')
    sh('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone])
    const nix = recordingNix()
    const run = await runAction({
      workspace: clone,
      inputs: { visibility: 'public', tag: 'v1.0.0', rev: first, 'dest-dir': destDir() },
      env: { PATH: nix.path }
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Commit ${first} \\(\`rev\`\\) is not in this clone.*git fetch --depth=1 origin ${first}`
        )
      )
    ])
    expect(nixRan(nix)).toBe(false)
  })
})

/** `nix` and `git` that note their environment (`env -0`) before running the real ones. */
function recordingEnvironments(): { path: string; seen: () => string[] } {
  const dir = tmp('env-recorder-')
  for (const tool of ['nix', 'git']) {
    const real = sh('sh', ['-c', `command -v ${tool}`]).trim()
    const script = `#!/bin/sh\nenv -0 > "${dir}/${tool}.$$"\nexec '${real}' "$@"\n`
    fs.writeFileSync(path.join(dir, tool), script, { mode: 0o755 })
  }
  return {
    path: `${dir}:${process.env.PATH}`,
    seen: () =>
      fs
        .readdirSync(dir)
        .filter(name => /^(nix|git)\.\d+$/.test(name))
        .map(name => fs.readFileSync(path.join(dir, name), 'utf8'))
  }
}

/** A flake whose package descriptions are what `builtins.getEnv` gives for each variable. */
function flakeReadingEnv(variables: readonly string[]): string {
  const packages = variables.map(
    (name, i) =>
      `p${i} = ${trivialDerivation(`p${i}`, 'x86_64-linux')} // { meta.description = builtins.getEnv "${name}"; };`
  )
  return `{ outputs = { self }: { packages.x86_64-linux = { ${packages.join(' ')} }; }; }`
}

/** Every leaf's shortDescription in an outputs document. */
const descriptions = (metadata: unknown): unknown[] => {
  const packages = (metadata as Written['metadata']).outputs.inventory.packages.children
  return Object.values(packages['x86_64-linux'].children).map(
    leaf => (leaf as { shortDescription: unknown }).shortDescription
  )
}

describe('no token reaches the flake or a child process', () => {
  // Every token variable this tool knows, set to a value the flake would print if it could.
  const planted = Object.fromEntries(TOKEN_VARIABLES.map(name => [name, `planted-${name}-value`]))

  function expectNoToken(seen: string[], published: unknown, tokens: string[]): void {
    expect(seen.length).toBeGreaterThan(1) // nix and git did run, through the recorders
    for (const environment of seen) {
      const names = environment.split('\0').map(entry => entry.slice(0, entry.indexOf('=')))
      expect(names.filter(name => TOKEN_VARIABLES.includes(name) || /^INPUT_/i.test(name))).toEqual(
        []
      )
      for (const token of tokens) expect(environment).not.toContain(token)
    }
    expect(descriptions(published)).toEqual(TOKEN_VARIABLES.map(() => ''))
    for (const token of tokens) expect(JSON.stringify(published)).not.toContain(token)
  }

  it('in the action: the flake reads "" for every token, and no nix or git is given one', async () => {
    const repo = makeRepo({ 'flake.nix': flakeReadingEnv(TOKEN_VARIABLES) })
    const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const hub = (running = await startStandIns({
      repository: { ...DEFAULT_REPOSITORY, commits: { [revision]: 3 } }
    }))
    const recorder = recordingEnvironments()
    const run = await runAction({
      workspace: repo,
      inputs: actionInputs(hub, { rolling: 'true' }),
      // The stand-ins' OIDC request variables last: the run must still get its token.
      env: { ...planted, ...hub.env, PATH: recorder.path }
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(hub.published).toHaveLength(1)
    const tokens = [
      ...Object.values(planted),
      hub.githubToken,
      hub.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      ...hub.issuedTokens.map(t => t.token)
    ]
    expectNoToken(recorder.seen(), hub.published[0].metadata, tokens)
  })

  it('in the command: the flake reads "" for every token, and no nix or git is given one', async () => {
    const repo = makeRepo({ 'flake.nix': flakeReadingEnv(TOKEN_VARIABLES) })
    const hub = (running = await startStandIns())
    const token = hub.mintToken()
    const recorder = recordingEnvironments()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'owner/project', '--rolling'],
      env: {
        ...planted,
        FLAKEHUB_PUSH_OIDC_TOKEN: token,
        FLAKEHUB_PUSH_HOST: hub.host,
        PATH: recorder.path
      }
    })
    expect(run.stderr).toBe('')
    expect(hub.published).toHaveLength(1)
    expectNoToken(recorder.seen(), hub.published[0].metadata, [...Object.values(planted), token])
  })
})
