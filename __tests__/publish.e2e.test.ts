// End to end: `node dist/index.js` under Node 24 publishing a real flake, evaluated by the real
// Nix, to loopback stand-ins for GitHub's OIDC endpoint and GraphQL API, FlakeHub and S3.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionRun, nixCommandsIn, runAction } from './support/action.js'
import { makeRepo, nixJson, nixWrapper, sh, trivialDerivation } from './support/nix.js'
import {
  DEFAULT_REPOSITORY,
  StandInOptions,
  StandIns,
  actionInputs,
  startStandIns
} from './support/stand-ins.js'

const FLAKE = `{
  description = "A flake to publish";
  outputs = { self }: {
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
    packages.aarch64-linux.default = ${trivialDerivation('hello', 'aarch64-linux', 'Says hello')};
  };
}`

let running: StandIns | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/** A fixture repository and stand-ins that know its commit (1234 commits deep on "GitHub"). */
async function setUp(options: StandInOptions = {}, files: Record<string, string> = {}) {
  const repo = makeRepo({ 'flake.nix': FLAKE, 'README.md': 'Read me', ...files })
  const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
  const repository = {
    ...DEFAULT_REPOSITORY,
    topics: ['Nix', 'flakes', 'not valid!'],
    commits: { [revision]: 1234 }
  }
  running = await startStandIns({ repository, ...options })
  return { repo, revision, repository, hub: running }
}

function publish(
  hub: StandIns,
  repo: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    workspace: repo,
    inputs: actionInputs(hub, inputs),
    env: { ...hub.env, ...env }
  })
}

const errorsOf = (run: ActionRun) =>
  run.annotations.filter(a => a.level === 'error').map(a => a.message)
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64')
const calls = (hub: StandIns, endpoint: string) =>
  hub.log.filter(entry => entry.endpoint === endpoint)

describe('publishing to FlakeHub', () => {
  it('publishes a rolling release with GitHub facts, the uploaded bytes matching the staged hash', async () => {
    const { repo, revision, hub } = await setUp()
    const run = await publish(hub, repo, { rolling: 'true', 'extra-labels': 'extra' })
    expect(errorsOf(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    const version = `0.1.1234+rev-${revision}`
    expect(run.outputs).toEqual({
      flake_name: 'owner/project',
      flake_version: version,
      flakeref_at_least: `owner/project/${version}`,
      flakeref_exact: `owner/project/=${version}`,
      outcome: 'published'
    })
    expect(hub.problems).toEqual([])
    expect(hub.published).toHaveLength(1)
    const [release] = hub.published
    expect(release).toMatchObject({ name: 'owner/project', version })
    expect(release.metadata).toMatchObject({
      commit_count: 1234,
      revision,
      repo: 'owner/project',
      description: 'A flake to publish',
      readme: 'Read me',
      spdx_identifier: 'MIT',
      labels: ['extra', 'nix', 'flakes'],
      visibility: 'public',
      source_subdirectory: ''
    })
    const [staged] = hub.staged
    expect(sha256(release.tarball)).toBe(staged.sha256)
    expect(release.tarball.length).toBe(staged.size)
    expect(run.summary).toContain(`Published owner/project ${version}`)
    expect(run.summary).toContain(`/flake/owner/project/${encodeURIComponent(version)}`)
    expect(run.summary).toMatch(/<td>Upload<\/td><td>[\d.]+<\/td>/)
    expect(run.summary).toMatch(/<td>Evaluate \(all systems\)<\/td>/)
    expect(run.summary).toMatch(/<td>Package<\/td>/)
    const { narHash } = nixJson<{ locked: { narHash: string } }>([
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      repo
    ]).locked
    expect(run.stdout).toContain(`NAR hash ${narHash}: verified, the same as Nix's locked.narHash`)
    expect(run.summary).toContain(
      `<td>NAR hash</td><td>${narHash} (verified: the same as Nix's locked.narHash)</td>`
    )
  })

  it('publishes a tagged release of a subflake under its own name, with the given licence', async () => {
    const sub = `{ outputs = { self }: { packages.x86_64-linux.p = ${trivialDerivation('p', 'x86_64-linux')}; }; }`
    const { repo, hub } = await setUp({}, { 'sub/flake.nix': sub })
    const run = await publish(hub, repo, {
      tag: 'v2.0.0',
      directory: 'sub',
      name: 'owner/sub',
      'spdx-expression': 'Apache-2.0'
    })
    expect(errorsOf(run)).toEqual([])
    expect(run.outputs.flakeref_exact).toBe('owner/sub/=v2.0.0')
    expect(hub.published.map(p => `${p.name}/${p.version}`)).toEqual(['owner/sub/v2.0.0'])
    expect(hub.published[0].metadata).toMatchObject({
      source_subdirectory: 'sub',
      spdx_identifier: 'Apache-2.0',
      commit_count: 1234
    })
    expect(hub.problems).toEqual([])
  })

  it('asks for the token only after the last nix process ended, so a 3-second token outlives a slow evaluation', async () => {
    const { repo, hub } = await setUp({ tokenLifetimeSeconds: 3 })
    const nix = nixWrapper(
      'sleep 2\n"$REAL_NIX" "$@"\nstatus=$?\necho "end $(date +%s%3N)" >> "$DIR/times"\nexit $status'
    )
    const started = Date.now()
    const run = await publish(hub, repo, { rolling: 'true' }, { PATH: nix.path })
    expect(errorsOf(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    const nixEnds = fs
      .readFileSync(path.join(nix.dir, 'times'), 'utf8')
      .trim()
      .split('\n')
      .map(line => Number(line.split(' ')[1]))
    const lastNix = Math.max(...nixEnds)
    const firstToken = Math.min(...calls(hub, 'oidc').map(entry => entry.at))
    expect(lastNix - started).toBeGreaterThan(3000)
    expect(firstToken).toBeGreaterThanOrEqual(lastNix)
    expect(hub.published).toHaveLength(1)
    expect(hub.problems).toEqual([])
  })

  it('refreshes a token that FlakeHub finds expired between stage and publish, and publishes once', async () => {
    const { repo, hub } = await setUp({ acceptTokensForMs: 1500, uploadDelayMs: 2000 })
    const run = await publish(hub, repo, { rolling: 'true' })
    expect(errorsOf(run)).toEqual([])
    expect(calls(hub, 'publish').map(entry => entry.status)).toEqual([401, 200])
    expect(hub.issuedTokens).toHaveLength(2)
    expect(hub.published).toHaveLength(1)
    expect(run.stdout).toContain(
      'Refreshing the OIDC token: FlakeHub answered 401 to FlakeHub publish: the token expired.'
    )
    expect(hub.problems).toEqual([])
  })

  it('survives 502, 503, 429 and connection resets on every endpoint, publishing exactly once', async () => {
    const { repo, hub } = await setUp({
      faults: {
        oidc: ['reset', 503],
        graphql: [502, 'reset'],
        status: [503],
        stage: ['reset', 429],
        upload: [503, 'reset'],
        publish: ['reset', 502]
      }
    })
    const run = await publish(hub, repo, { rolling: 'true' })
    expect(errorsOf(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(hub.published).toHaveLength(1)
    expect(hub.problems).toEqual([])
    const retried = [
      'GitHub OIDC token',
      'GitHub GraphQL',
      'FlakeHub token status',
      'FlakeHub stage',
      'Tarball upload',
      'FlakeHub publish'
    ]
    for (const what of retried) {
      expect(run.stdout).toMatch(
        new RegExp(`^${what}: .*; retrying in [\\d.]+ s \\(attempt 2 of 5\\)\\.$`, 'm')
      )
    }
    for (const endpoint of ['graphql', 'status', 'stage', 'upload', 'publish']) {
      expect(calls(hub, endpoint).at(-1)?.status).toBe(200)
    }
  })

  it('succeeds with the outputs set when the version exists already', async () => {
    const { repo, hub } = await setUp({ existing: ['owner/project/v1.0.0'] })
    const run = await publish(hub, repo, { tag: 'v1.0.0' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.flakeref_at_least).toBe('owner/project/v1.0.0')
    expect(run.outputs.outcome).toBe('already-published')
    expect(run.summary).toContain('Already published owner/project v1.0.0')
    expect(calls(hub, 'upload')).toEqual([])
    expect(hub.published).toEqual([])
  })

  it('fails on an existing version with error-on-conflict', async () => {
    const { repo, hub } = await setUp({ existing: ['owner/project/v1.0.0'] })
    const run = await publish(hub, repo, { tag: 'v1.0.0', 'error-on-conflict': 'true' })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual(['owner/project/v1.0.0 already exists on FlakeHub.'])
    expect(run.outputs).toEqual({})
  })

  it('says FlakeHub registration is required, naming the owner from the event, when token status is 401', async () => {
    const { repo, hub } = await setUp({ registered: false })
    const run = await runAction({
      workspace: repo,
      inputs: actionInputs(hub, { rolling: 'true' }),
      env: hub.env,
      event: {
        name: 'push',
        payload: { repository: { owner: { login: 'the-owner' }, name: 'project' } }
      }
    })
    expect(run.exitCode).toBe(1)
    const [error] = errorsOf(run)
    expect(error).toMatch(
      /^FlakeHub registration required: FlakeHub does not accept a token for `the-owner`/
    )
    expect(calls(hub, 'stage')).toEqual([])
  })

  it('explains the missing id-token permission, after evaluating and before contacting FlakeHub', async () => {
    const { repo, hub } = await setUp()
    const run = await publish(
      hub,
      repo,
      { rolling: 'true' },
      { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
    )
    expect(run.exitCode).toBe(1)
    const [error] = errorsOf(run)
    expect(error).toContain('ACTIONS_ID_TOKEN_REQUEST_URL is not set')
    expect(error).toContain('permissions:\n  id-token: write')
    expect(calls(hub, 'status')).toEqual([])
  })

  it('after an evaluation failure, asks for no token and sends nothing to FlakeHub', async () => {
    const { repo, hub } = await setUp(
      {},
      {
        'flake.nix':
          '{ outputs = { self }: { packages.x86_64-linux.x = throw "cannot evaluate this"; }; }'
      }
    )
    const run = await publish(hub, repo, { rolling: 'true' })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^flake\.nix:\d+:\d+: The flake output `packages\.x86_64-linux\.x` does not evaluate\. Nix says:\nerror: cannot evaluate this\n/
      )
    ])
    expect(calls(hub, 'oidc')).toEqual([])
    expect(hub.log.map(entry => entry.endpoint)).toEqual(['graphql'])
  })

  it('stops when the tarball does not hash as Nix hashes the folder, before asking for a token', async () => {
    const sub = '{ outputs = { self }: { }; }'
    const { repo, hub } = await setUp({}, { 'sub/flake.nix': sub })
    // A Nix that disagrees with the packer about the subflake's folder.
    const wrong = 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
    const nix = nixWrapper(
      `if [ "$1 $2" = "hash path" ]; then echo ${wrong}; exit 0; fi\nexec "$REAL_NIX" "$@"`
    )
    const run = await publish(hub, repo, { rolling: 'true', directory: 'sub' }, { PATH: nix.path })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The tarball does not hold the flake's source: its NAR hash is sha256-\\S{44}, but nix hash path of sub is ${wrong.replace(/[+/]/g, '\\$&')}\\. Nothing was uploaded`
        )
      )
    ])
    expect(calls(hub, 'oidc')).toEqual([])
    expect(hub.log.map(entry => entry.endpoint)).toEqual(['graphql'])
  })

  it('refuses a tarball over 50,000,000 bytes, naming the largest files, before asking for a token', async () => {
    const { repo, hub, repository } = await setUp()
    const fd = fs.openSync(path.join(repo, 'big.bin'), 'w')
    for (let i = 0; i < 51; i++) fs.writeSync(fd, randomBytes(1024 * 1024))
    fs.closeSync(fd)
    sh('git', ['add', 'big.bin'], repo)
    sh('git', ['commit', '-qm', 'big'], repo)
    repository.commits[sh('git', ['rev-parse', 'HEAD'], repo).trim()] = 1235
    const run = await publish(hub, repo, { rolling: 'true' })
    expect(run.exitCode).toBe(1)
    const [error] = errorsOf(run)
    expect(error).toMatch(/^The tarball is [\d,]+ bytes; FlakeHub accepts at most 50,000,000\./)
    expect(error).toMatch(/\n +53,477,376 {2}big\.bin\n +\d+ {2}flake\.nix\n/)
    expect(calls(hub, 'oidc')).toEqual([])
    expect(hub.log.map(entry => entry.endpoint)).toEqual(['graphql'])
  })

  it('refuses to publish from a pull_request event before running nix', async () => {
    const { repo, hub } = await setUp()
    const nix = nixWrapper('touch "$DIR/called"; exit 1')
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', host: hub.host },
      env: { ...hub.env, PATH: nix.path },
      event: { name: 'pull_request', payload: {} }
    })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^This run was triggered by a `pull_request` event; FlakeHub releases are not published from pull requests\./
      )
    ])
    expect(fs.existsSync(path.join(nix.dir, 'called'))).toBe(false)
    expect(hub.log).toEqual([])
  })

  it.each([
    [
      'a repository GitHub does not know',
      null,
      /^GitHub has no repository owner\/project that this token can see \(Could not resolve to a Repository/
    ],
    [
      'a commit GitHub does not know',
      { ...DEFAULT_REPOSITORY, commits: {} },
      /^GitHub does not know commit [0-9a-f]{40} in owner\/project\. Was it pushed\?$/
    ]
  ])('fails clearly on %s, before evaluating', async (_, repository, message) => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    running = await startStandIns({ repository })
    const run = await publish(running, repo, { rolling: 'true' })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([expect.stringMatching(message)])
    expect(nixCommandsIn(run.stdout)).toEqual([])
  })

  it('never shows a token in the log, even with debug logging on', async () => {
    const { repo, hub } = await setUp({ tokenLifetimeSeconds: 30 })
    const run = await publish(
      hub,
      repo,
      { rolling: 'true' },
      { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::debug::')
    // The runner swallows `::add-mask::` commands: every other line is what people see.
    const lines = (run.stdout + run.stderr).split('\n')
    const masked = lines.filter(line => line.startsWith('::add-mask::')).map(line => line.slice(12))
    const log = lines.filter(line => !line.startsWith('::add-mask::')).join('\n')
    expect(hub.issuedTokens.length).toBeGreaterThan(1)
    for (const { token } of hub.issuedTokens) {
      expect(masked).toContain(token)
      expect(log).not.toContain(token)
    }
    expect(masked).toContain(hub.githubToken)
    expect(log).not.toContain(hub.githubToken)
  })
})
