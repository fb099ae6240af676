// End to end: the command, `node dist/cli.js` under Node 24, with the real Nix and Git against
// loopback stand-ins: GitLab CI, another CI, a developer's machine (dry run and development
// issuer). cli-refusals.e2e.test.ts has the ways it refuses to start.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  ESC,
  WORKFLOW_COMMAND,
  errorBlocks,
  flakeHubCalls,
  nixRan,
  recordingNix,
  runCli,
  threeCommits,
  tmp
} from './support/cli.js'
import { nixJson, nixWrapper, sh } from './support/nix.js'
import { DEFAULT_REPOSITORY, StandIns, startStandIns } from './support/stand-ins.js'

let running: StandIns | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('flakehub-push in GitLab CI', () => {
  it('publishes with GitLab defaults: subgroups folded, the GitLab token as bearer, a local commit count, sections, no GitHub', async () => {
    const { repo, revision } = threeCommits()
    const hub = (running = await startStandIns())
    const token = hub.mintToken()
    const outputsFile = path.join(tmp('outputs-'), 'flakehub.env')
    const run = await runCli({
      cwd: os.tmpdir(),
      args: ['--visibility', 'public', '--rolling', '--host', hub.host],
      env: {
        GITLAB_CI: 'true',
        CI: 'true',
        CI_PROJECT_DIR: repo,
        CI_PROJECT_PATH: 'group/subgroup/project',
        CI_COMMIT_SHA: revision,
        CI_COMMIT_REF_NAME: 'main',
        GITLAB_JWT_ID_TOKEN: token,
        FLAKEHUB_PUSH_OUTPUTS_FILE: outputsFile
      }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const version = `0.1.3+rev-${revision}`
    expect(hub.published.map(p => `${p.name}/${p.version}`)).toEqual([
      `group/subgroup-project/${version}`
    ])
    expect(hub.published[0].metadata).toMatchObject({
      commit_count: 3,
      revision,
      repo: 'group/subgroup-project',
      spdx_identifier: null,
      labels: [],
      readme: 'Hi'
    })
    expect(hub.problems).toEqual([])
    expect(flakeHubCalls(hub).map(e => e.token)).toEqual([token, token, token])
    expect(hub.log.filter(e => e.endpoint === 'oidc' || e.endpoint === 'graphql')).toEqual([])
    expect(run.stdout).not.toMatch(WORKFLOW_COMMAND)
    expect(run.stdout).not.toContain(token)
    const start = `${ESC}\\[0Ksection_start:\\d+:flakehub_push_\\d+\\[collapsed=true\\]\r${ESC}\\[0K`
    expect(run.stdout).toMatch(
      new RegExp(`${start}Evaluate \\(all systems\\) \\(done in [\\d.]+ s\\)\n`)
    )
    expect(run.stdout).toMatch(
      new RegExp(`${ESC}\\[0Ksection_end:\\d+:flakehub_push_\\d+\r${ESC}\\[0K`)
    )
    expect(run.stdout).toContain(
      [
        `Published group/subgroup-project ${version}`,
        'name:     group/subgroup-project',
        `version:  ${version}`,
        `flakeref: group/subgroup-project/${version}`,
        `exact:    group/subgroup-project/=${version}`
      ].join('\n')
    )
    expect(fs.readFileSync(outputsFile, 'utf8')).toBe(
      `flake_name=group/subgroup-project\nflake_version=${version}\n` +
        `flakeref_at_least=group/subgroup-project/${version}\nflakeref_exact=group/subgroup-project/=${version}\n` +
        'outcome=published\n'
    )
  })
})

describe('flakehub-push in GitLab CI, shallow', () => {
  const shallowClone = (): string => {
    const { repo } = threeCommits()
    const clone = path.join(tmp('shallow-'), 'project')
    sh('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone])
    return clone
  }
  const gitlab = (clone: string) => ({
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: clone,
    CI_PROJECT_PATH: 'group/project'
  })

  it('refuses a rolling release before evaluating: its count would be too low, naming GIT_DEPTH: 0', async () => {
    const clone = shallowClone()
    const nix = recordingNix()
    const run = await runCli({
      cwd: clone,
      args: ['--visibility', 'public', '--rolling', '--dest-dir', path.join(tmp('dest-'), 'out')],
      env: { ...gitlab(clone), PATH: nix.path }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toContain(`The checkout at ${clone} is a shallow clone`)
    expect(run.stderr).toContain('set `GIT_DEPTH: 0`')
    expect(nixRan(nix)).toBe(false)
  })

  it('publishes a tagged release from it, warning that the commit count is too low', async () => {
    const clone = shallowClone()
    const run = await runCli({
      cwd: clone,
      args: [
        '--visibility',
        'public',
        '--tag',
        'v1.0.0',
        '--dest-dir',
        path.join(tmp('dest-'), 'out')
      ],
      env: gitlab(clone)
    })
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain(
      `is shallow, so its commit count (1) is too low. GitLab clones shallowly by default: set \`GIT_DEPTH: 0\``
    )
    expect(run.stderr).toMatch(new RegExp(`^${ESC}\\[33;1mwarning:${ESC}\\[0m The checkout`))
  })
})

describe('flakehub-push in GitHub Actions', () => {
  it("takes the job's OIDC token and GraphQL facts, and speaks in workflow commands there", async () => {
    const { repo, revision } = threeCommits()
    const repository = { ...DEFAULT_REPOSITORY, commits: { [revision]: 500 } }
    const hub = (running = await startStandIns({ repository }))
    const files = tmp('github-files-')
    const [outputs, summary] = [path.join(files, 'output'), path.join(files, 'summary')]
    fs.writeFileSync(outputs, '')
    fs.writeFileSync(summary, '')
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--rolling', '--host', hub.host],
      env: {
        ...hub.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: repo,
        GITHUB_REPOSITORY: 'owner/project',
        GITHUB_REF_NAME: 'main',
        GITHUB_OUTPUT: outputs,
        GITHUB_STEP_SUMMARY: summary,
        FLAKEHUB_PUSH_GITHUB_TOKEN: hub.githubToken
      }
    })
    expect(run.exitCode).toBe(0)
    expect(hub.problems).toEqual([])
    expect(hub.published[0]).toMatchObject({ version: `0.1.500+rev-${revision}` })
    expect(hub.log.filter(e => e.endpoint === 'oidc').length).toBeGreaterThan(0)
    expect(run.stdout).toMatch(/^::group::Upload \(done in [\d.]+ s\)$/m)
    expect(fs.readFileSync(outputs, 'utf8')).toContain(`0.1.500+rev-${revision}`)
    expect(fs.readFileSync(summary, 'utf8')).toContain(`Published owner/project 0.1.500+rev-`)
  })
})

describe('flakehub-push in another CI', () => {
  it('publishes with flags and variables (a flag winning over its variable), the token from FLAKEHUB_PUSH_OIDC_TOKEN', async () => {
    const { repo, revision } = threeCommits()
    const hub = (running = await startStandIns())
    const token = hub.mintToken()
    const run = await runCli({
      cwd: repo,
      args: [
        '--visibility=unlisted',
        '--repository',
        'owner/project',
        '--tag',
        'v1.2.0',
        '--host',
        hub.host,
        '--spdx-expression',
        'MIT',
        '--extra-labels',
        'one,Two'
      ],
      env: {
        CI: 'true',
        FLAKEHUB_PUSH_OIDC_TOKEN: token,
        FLAKEHUB_PUSH_TAG: 'v9.9.9',
        FLAKEHUB_PUSH_DIRECTORY: 'sub',
        FLAKEHUB_PUSH_NAME: 'owner/sub'
      }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(hub.published.map(p => `${p.name}/${p.version}`)).toEqual(['owner/sub/v1.2.0'])
    expect(hub.published[0].metadata).toMatchObject({
      commit_count: 3,
      revision,
      visibility: 'unlisted',
      source_subdirectory: 'sub',
      spdx_identifier: 'MIT',
      labels: ['one', 'two']
    })
    expect(flakeHubCalls(hub).map(e => e.token)).toEqual([token, token, token])
    expect(hub.log.filter(e => e.endpoint === 'oidc' || e.endpoint === 'graphql')).toEqual([])
    expect(hub.problems).toEqual([])
    expect(run.stdout).not.toMatch(WORKFLOW_COMMAND)
    expect(run.stdout).toMatch(/^== Package \(done in [\d.]+ s\)$/m)
    expect(run.stdout).toContain('\nflakeref: owner/sub/v1.2.0\nexact:    owner/sub/=v1.2.0\n')
    expect(run.stdout).not.toContain(token)
  })
})

describe("flakehub-push on a developer's machine", () => {
  it('makes a dry run of a subflake with no token: the tarball is what Nix hashes for the subfolder', async () => {
    const { repo, revision } = threeCommits()
    const dest = path.join(tmp('dest-'), 'out')
    const run = await runCli({
      cwd: repo,
      args: [
        '--visibility',
        'public',
        '--repository',
        'me/flakes',
        '--rolling',
        '--directory',
        'sub',
        '--dest-dir',
        dest
      ]
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const version = `0.1.3+rev-${revision}`
    expect(fs.readdirSync(dest).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])
    const metadata = JSON.parse(fs.readFileSync(path.join(dest, `${version}.json`), 'utf8'))
    expect(metadata).toMatchObject({
      repo: 'me/flakes',
      source_subdirectory: 'sub',
      commit_count: 3
    })
    const source = nixJson<{ path: string }>(['flake', 'metadata', '--json', repo]).path
    const base32 = sh('nix-prefetch-url', [
      '--unpack',
      '--type',
      'sha256',
      `file://${path.join(dest, `${version}.tar.gz`)}`
    ]).trim()
    const unpacked = sh('nix', ['hash', 'to-sri', '--type', 'sha256', base32]).trim()
    expect(unpacked).toBe(sh('nix', ['hash', 'path', path.join(source, 'sub')]).trim())
    expect(run.stdout).toContain(`Dry run: packed, not published me/flakes ${version}\n`)
    expect(run.stdout).toContain(`\nfolder:   ${dest}\n`)
    expect(run.stdout).not.toMatch(WORKFLOW_COMMAND)
  })

  it('gets a development token from the issuer only after the last nix ended, and publishes with it', async () => {
    const { repo, revision } = threeCommits()
    const hub = (running = await startStandIns({
      tokenLifetimeSeconds: 3,
      repository: { ...DEFAULT_REPOSITORY, commits: { [revision]: 77 } }
    }))
    const nix = nixWrapper(
      'sleep 2\n"$REAL_NIX" "$@"\nstatus=$?\necho "end $(date +%s%3N)" >> "$DIR/times"\nexit $status'
    )
    const started = Date.now()
    const run = await runCli({
      cwd: repo,
      args: [
        '--visibility',
        'public',
        '--rolling',
        '--host',
        hub.host,
        '--jwt-issuer-uri',
        hub.baseUrl,
        '--github-graphql-url',
        hub.env.GITHUB_GRAPHQL_URL
      ],
      env: {
        PATH: nix.path,
        FLAKEHUB_PUSH_REPOSITORY: 'owner/project',
        FLAKEHUB_PUSH_GITHUB_TOKEN: hub.githubToken
      }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(hub.problems).toEqual([])
    const lastNix = Math.max(
      ...fs
        .readFileSync(path.join(nix.dir, 'times'), 'utf8')
        .trim()
        .split('\n')
        .map(l => Number(l.split(' ')[1]))
    )
    const issuerCalls = hub.log.filter(e => e.endpoint === 'issuer')
    expect(lastNix - started).toBeGreaterThan(3000)
    expect(issuerCalls.length).toBeGreaterThan(0)
    expect(Math.min(...issuerCalls.map(e => e.at))).toBeGreaterThanOrEqual(lastNix)
    expect(hub.devClaims[0]).toMatchObject({
      aud: 'flakehub-localhost',
      iss: hub.baseUrl,
      sha: revision
    })
    const devTokens = hub.issuedTokens.filter(t => t.development).map(t => t.token)
    expect(
      flakeHubCalls(hub).every(e => e.token !== undefined && devTokens.includes(e.token))
    ).toBe(true)
    expect(hub.published[0].metadata).toMatchObject({ commit_count: 77, spdx_identifier: 'MIT' })
    expect(hub.log.filter(e => e.endpoint === 'oidc')).toEqual([])
    for (const token of [...devTokens, hub.githubToken]) expect(run.stdout).not.toContain(token)
  })
})
