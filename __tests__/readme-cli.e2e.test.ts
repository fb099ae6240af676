// The README's examples of the command, run as written: the GitLab job's script (with GitLab's
// predefined variables and the job's own), the other-CI snippet and the laptop's dry run. The
// only change is FLAKEHUB_PUSH_HOST, which points them at the loopback stand-ins. The GitLab job
// installs the command itself (`npx flakehub-push@…`): npm under Node 24 gets `npm pack` of this
// checkout from a loopback registry. For the other two, `flakehub-push` on PATH is dist/cli.js
// under Node 24.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { NODE } from './support/action.js'
import { CLI_BUNDLE, runCli, threeCommits, tmp } from './support/cli.js'
import { nixConfig, sh } from './support/nix.js'
import { Registry, npmHome, pack, startRegistry } from './support/npm.js'
import { StandIns, startStandIns } from './support/stand-ins.js'

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The fenced block after `<!-- example: name -->`. */
function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(
    readme
  )
  if (match === null) throw new Error(`the README has no example "${name}"`)
  return match[1]
}

/** A folder with `flakehub-push` in it, for PATH. */
function commandOnPath(): string {
  const dir = tmp('bin-')
  fs.writeFileSync(
    path.join(dir, 'flakehub-push'),
    `#!/bin/sh\nexec '${NODE}' '${CLI_BUNDLE}' "$@"\n`,
    { mode: 0o755 }
  )
  return `${dir}:${process.env.PATH}`
}

/** Run shell lines as a CI job would: `sh -e -c`, in the checkout. */
function shell(cwd: string, script: string, env: Record<string, string>) {
  return runCli({ cwd, args: [], env, shell: script })
}

let running: StandIns | undefined
let registry: Registry | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
  await registry?.close()
  registry = undefined
})

describe("the README's command line examples", () => {
  it('GitLab CI: the job publishes a rolling release and leaves the dotenv report', async () => {
    const { repo, revision } = threeCommits()
    const hub = (running = await startStandIns())
    const job = (parse(example('gitlab')) as Record<string, Record<string, unknown>>)[
      'publish-flake'
    ]
    const variables = job.variables as Record<string, string | number>
    expect(variables.GIT_DEPTH).toBe(0)
    expect(job.id_tokens).toEqual({ GITLAB_JWT_ID_TOKEN: { aud: 'api.flakehub.com' } })
    const report = (job.artifacts as { reports: { dotenv: string } }).reports.dotenv
    // The job's NIX_CONFIG adds the features the command needs to the machine's configuration,
    // which here is the tests' own (single-user root, offline), in the user's nix.conf.
    registry = await startRegistry(pack())
    const home = npmHome(NODE, { npm_config_registry: registry.url })
    fs.mkdirSync(path.join(home.dir, 'config', 'nix'), { recursive: true })
    fs.writeFileSync(path.join(home.dir, 'config', 'nix', 'nix.conf'), `${nixConfig()}\n`)
    const run = await shell(repo, (job.script as string[]).join('\n'), {
      ...home.env,
      XDG_CONFIG_HOME: path.join(home.dir, 'config'),
      ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])),
      GITLAB_CI: 'true',
      CI: 'true',
      CI_PROJECT_DIR: repo,
      CI_PROJECT_PATH: 'my-group/tools/my-flake',
      CI_COMMIT_SHA: revision,
      CI_COMMIT_REF_NAME: 'main',
      GITLAB_JWT_ID_TOKEN: hub.mintToken(),
      FLAKEHUB_PUSH_HOST: hub.host
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(registry.requests).toContain(`GET /flakehub-push/-/flakehub-push-0.1.0.tgz`)
    const version = `0.1.3+rev-${revision}`
    expect(hub.published.map(p => `${p.name}/${p.version}`)).toEqual([
      `my-group/tools-my-flake/${version}`
    ])
    expect(hub.problems).toEqual([])
    expect(fs.readFileSync(path.join(repo, report), 'utf8')).toContain(
      `flakeref_exact=my-group/tools-my-flake/=${version}\n`
    )
  })

  it('any other CI: the token from FLAKEHUB_PUSH_OIDC_TOKEN publishes the tag', async () => {
    const { repo } = threeCommits()
    const hub = (running = await startStandIns())
    const run = await shell(repo, example('ci'), {
      YOUR_CI_OIDC_TOKEN: hub.mintToken(),
      FLAKEHUB_PUSH_HOST: hub.host,
      PATH: commandOnPath()
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(hub.published.map(p => `${p.name}/${p.version}`)).toEqual(['my-org/my-flake/v1.2.3'])
    expect(hub.published[0].metadata).toMatchObject({ spdx_identifier: 'MIT' })
    expect(hub.problems).toEqual([])
  })

  it('a laptop with a stock Nix: the dry run writes the tarball and the metadata, named after origin', async () => {
    const { repo, revision } = threeCommits()
    sh('git', ['remote', 'add', 'origin', 'git@github.com:my-org/my-flake.git'], repo)
    // Nix as installed: no experimental features in its configuration.
    const stock = nixConfig()
      .split('\n')
      .filter(line => !line.startsWith('experimental-features'))
      .join('\n')
    const run = await shell(repo, example('laptop'), { PATH: commandOnPath(), NIX_CONFIG: stock })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const version = `0.1.3+rev-${revision}`
    const out = path.join(repo, 'flakehub-out')
    expect(fs.readdirSync(out).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])
    const metadata = JSON.parse(fs.readFileSync(path.join(out, `${version}.json`), 'utf8'))
    expect(metadata).toMatchObject({ repo: 'my-org/my-flake', source_subdirectory: '' })
    expect(run.stdout.trimEnd().split('\n').length).toBeLessThan(25)
  })
})
