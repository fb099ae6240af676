// End to end: the ways `node dist/cli.js` refuses to start, each before any Nix call, and its
// --help and --version from the bundle alone.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { VARIABLES } from '../src/timeouts.js'
import {
  WORKFLOW_COMMAND,
  errorBlocks,
  nixRan,
  recordingNix,
  runCli,
  threeCommits,
  tmp
} from './support/cli.js'

describe('flakehub-push without a token', () => {
  it('without GITLAB_JWT_ID_TOKEN, shows the id_tokens block to add, before running Nix', async () => {
    const { repo, revision } = threeCommits()
    const nix = recordingNix()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--tag', 'v1.0.0', '--host', 'http://127.0.0.1:9/api'],
      env: {
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: repo,
        CI_PROJECT_PATH: 'group/project',
        CI_COMMIT_SHA: revision,
        PATH: nix.path
      }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toContain('GITLAB_JWT_ID_TOKEN is not set')
    expect(run.stderr).toContain('  id_tokens:\n    GITLAB_JWT_ID_TOKEN:\n      aud: 127.0.0.1\n')
    expect(nixRan(nix)).toBe(false)
    expect(run.stdout + run.stderr).not.toMatch(WORKFLOW_COMMAND)
  })
  it('names the missing --repository', async () => {
    const { repo } = threeCommits()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--rolling'],
      env: { FLAKEHUB_PUSH_OIDC_TOKEN: 'x.y.z' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(
      'error: `--repository`: is required here (nothing in the environment names the repository); write it as `--repository owner/project`.\n'
    )
  })
  it('refuses a publish with no way to get a token, listing the ways, before any evaluation', async () => {
    const { repo } = threeCommits()
    const nix = recordingNix()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'me/flakes', '--rolling'],
      env: { PATH: nix.path }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toMatch(/^error: There is no way to get a FlakeHub token here/)
    for (const way of [
      'id-token: write',
      'GITLAB_JWT_ID_TOKEN',
      'FLAKEHUB_PUSH_OIDC_TOKEN',
      '--jwt-issuer-uri',
      '--dest-dir'
    ])
      expect(run.stderr).toContain(way)
    expect(nixRan(nix)).toBe(false)
    expect(run.stdout).not.toContain('▶ Repository')
  })
})

describe('flakehub-push refusing its flags', () => {
  it('names each bad flag and variable in one error, before running Nix', async () => {
    const { repo } = threeCommits()
    const nix = recordingNix()
    const run = await runCli({
      cwd: repo,
      args: [
        '--visibility',
        'secret',
        '--rolling-minor',
        'two',
        '--frobnicate',
        'stray',
        '--rolling=yes',
        '--tag'
      ],
      env: {
        PATH: nix.path,
        FLAKEHUB_PUSH_MIRROR: 'yes',
        FLAKEHUB_DEST_DIR: path.join(repo, 'out')
      }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toEqual([
      'error: `--frobnicate`: unknown flag; `flakehub-push --help` lists them all.',
      '  `stray`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.',
      '  `--rolling`: is a bare flag; write `--rolling` alone, without "=yes".',
      '  `--tag`: needs a value; write `--tag v1.2.3`.',
      '  `--visibility`: "secret" is not a visibility; write `public`, `unlisted` or `private`.',
      '  `--repository`: is required here (nothing in the environment names the repository); write it as `--repository owner/project`.',
      '  `--rolling-minor`: "two" is not a whole number; write e.g. `--rolling-minor 2`.',
      '  `--tag`: is empty; set `--tag v1.2.3` for a tagged release, or `--rolling`.',
      '  `--mirror` (from FLAKEHUB_PUSH_MIRROR): "yes" is not a boolean; write `true` or `false`.'
    ])
    expect(nixRan(nix)).toBe(false)
  })
})

/** An unsigned JWT-shaped token whose `exp` is this many seconds from now (negative: past). */
function tokenExpiringIn(seconds: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const exp = Math.floor(Date.now() / 1000) + seconds
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: '127.0.0.1', exp })}.${part({ s: 'signature-bytes' })}`
}

describe('flakehub-push checking before the evaluation what it would find out too late', () => {
  /** A publish from another CI (a token in FLAKEHUB_PUSH_OIDC_TOKEN) to a host nobody serves. */
  async function publish(args: string[], env: Record<string, string> = {}) {
    const { repo } = threeCommits()
    const nix = recordingNix()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--rolling', '--host', 'http://127.0.0.1:9/api', ...args],
      env: { FLAKEHUB_PUSH_OIDC_TOKEN: tokenExpiringIn(3600), PATH: nix.path, ...env }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(nixRan(nix)).toBe(false)
    expect(run.stdout).not.toContain('▶ Repository')
    return run
  }

  it('refuses names with path syntax in a part, each problem on its line', async () => {
    const run = await publish(['--name', 'acme/..', '--repository', 'acme/w?x=1'])
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'error: `--name`: "acme/.." cannot have ".." as a part (a URL reads it as a folder step); write it as `owner/flake-name`.',
      '  `--repository`: "acme/w?x=1" holds "?"; a name may not hold "?", "#", "%" or "\\"; write it as `--repository owner/project`.'
    ])
  })

  it('refuses an outputs file whose folder does not exist, naming the flag and the folder', async () => {
    const missing = path.join(tmp('outputs-'), 'missing')
    const run = await publish(['--repository', 'acme/flake'], {
      FLAKEHUB_PUSH_OUTPUTS_FILE: path.join(missing, 'flakehub.env')
    })
    expect(run.stderr).toBe(
      `error: \`--outputs-file\` (from FLAKEHUB_PUSH_OUTPUTS_FILE): the folder ${missing} does not exist; create it first, or write a file path in an existing folder, e.g. \`--outputs-file flakehub.env\`.\n`
    )
  })

  it('refuses a time limit that is not a number of seconds, with the other problems', async () => {
    const run = await publish(['--repository', 'acme/flake', '--visibility', 'nope'], {
      FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL: '30s'
    })
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'error: `--visibility`: "nope" is not a visibility; write `public`, `unlisted` or `private`.',
      '  Environment variable `FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL`: "30s" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
    ])
  })

  it('refuses an expired FLAKEHUB_PUSH_OIDC_TOKEN, saying when it expired, without printing it', async () => {
    const token = tokenExpiringIn(-125)
    const run = await publish(['--repository', 'acme/flake'], { FLAKEHUB_PUSH_OIDC_TOKEN: token })
    expect(run.stderr).toMatch(
      /^error: FLAKEHUB_PUSH_OIDC_TOKEN expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z, 2 minutes ago\. Put a fresh OIDC token \(a JWT\) for the audience 127\.0\.0\.1 into FLAKEHUB_PUSH_OIDC_TOKEN, made by your CI in the same job, right before this command\.\n$/
    )
    for (const piece of token.split('.')) expect(run.stdout + run.stderr).not.toContain(piece)
  })

  it('does not look at the token in a dry run, which needs none', async () => {
    const { repo, revision } = threeCommits()
    const dest = tmp('dest-')
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--rolling', '--repository', 'acme/flake'],
      env: { FLAKEHUB_PUSH_OIDC_TOKEN: 'not-a-jwt', FLAKEHUB_DEST_DIR: dest }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(fs.readdirSync(dest).sort()).toEqual([
      `0.1.3+rev-${revision}.json`,
      `0.1.3+rev-${revision}.tar.gz`
    ])
  })
})

/** Section 13's table: every flag and its variable. */
const SECTION_13 = {
  visibility: 'FLAKEHUB_PUSH_VISIBILITY',
  name: 'FLAKEHUB_PUSH_NAME',
  repository: 'FLAKEHUB_PUSH_REPOSITORY',
  mirror: 'FLAKEHUB_PUSH_MIRROR',
  directory: 'FLAKEHUB_PUSH_DIRECTORY',
  'git-root': 'FLAKEHUB_PUSH_GIT_ROOT',
  tag: 'FLAKEHUB_PUSH_TAG',
  rev: 'FLAKEHUB_PUSH_REV',
  'rolling-minor': 'FLAKEHUB_PUSH_ROLLING_MINOR',
  rolling: 'FLAKEHUB_PUSH_ROLLING',
  host: 'FLAKEHUB_PUSH_HOST',
  'extra-labels': 'FLAKEHUB_PUSH_EXTRA_LABELS',
  'extra-tags': 'FLAKEHUB_PUSH_EXTRA_TAGS',
  'spdx-expression': 'FLAKEHUB_PUSH_SPDX_EXPRESSION',
  'error-on-conflict': 'FLAKEHUB_PUSH_ERROR_ON_CONFLICT',
  'include-output-paths': 'FLAKEHUB_PUSH_INCLUDE_OUTPUT_PATHS',
  'my-flake-is-too-big': 'FLAKEHUB_PUSH_MY_FLAKE_IS_TOO_BIG',
  'disable-rename-subgroups': 'FLAKEHUB_PUSH_DISABLE_RENAME_SUBGROUPS',
  'dest-dir': 'FLAKEHUB_DEST_DIR',
  'github-graphql-url': 'FLAKEHUB_GITHUB_GRAPHQL_URL',
  'jwt-issuer-uri': '(none)',
  'github-token': 'FLAKEHUB_PUSH_GITHUB_TOKEN'
}

describe('flakehub-push --help and --version', () => {
  it('work from the bundle alone (no node_modules), listing every flag with its variable and default', async () => {
    const alone = tmp('fresh-')
    for (const file of ['cli.js', 'package.json', 'inspect.nix', 'show-check.nix'])
      fs.copyFileSync(path.join(testDir(), '..', 'dist', file), path.join(alone, file))
    const help = await runCli({ cwd: alone, args: ['--help'], script: path.join(alone, 'cli.js') })
    expect(help.exitCode).toBe(0)
    for (const [flag, variable] of Object.entries(SECTION_13)) {
      expect(help.stdout).toMatch(
        new RegExp(
          `^  --${flag}\\b.*\\n.*\\n      variable: ${variable.replace(/[()]/g, '\\$&')}; default: \\S`,
          'm'
        )
      )
    }
    for (const variable of Object.values(VARIABLES))
      expect(help.stdout).toMatch(new RegExp(`^  ${variable} +default \\d`, 'm'))
    const version = await runCli({
      cwd: alone,
      args: ['--version'],
      script: path.join(alone, 'cli.js')
    })
    const { version: expected } = JSON.parse(
      fs.readFileSync(path.join(testDir(), '..', 'package.json'), 'utf8')
    )
    expect(version).toEqual({ exitCode: 0, stdout: `flakehub-push ${expected}\n`, stderr: '' })
  })
})

function testDir(): string {
  return path.dirname(new URL(import.meta.url).pathname)
}
