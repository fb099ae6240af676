// End to end: the GitLab CI/CD component (templates/flakehub-push.yml) under a real GitLab CI
// interpreter, gitlab-ci-local, running jobs with its shell executor under Node 24 and the real
// Nix. A user's project includes the component from the README exactly as written
// (`include: component: $CI_SERVER_FQDN/my-group/flakehub-push/flakehub-push@0.1.0`). What a
// GitLab instance provides is stood in for on 127.0.0.1:
// - the component project: a Git server (smart HTTP) holding this checkout's templates/ at the
//   tag 0.1.0, which gitlab-ci-local clones as it would from GitLab;
// - the npm registry: it serves `npm pack` of this checkout, so the job's one-line install gets the
//   packed package, not this repository's files;
// - the ID token: gitlab-ci-local declares but does not mint `id_tokens:`, so the test mints one
//   for the audience the interpreted job declares and gives it as GITLAB_JWT_ID_TOKEN;
// - FlakeHub and S3: the usual stand-ins.
// Two of GitLab's variables are given because gitlab-ci-local sets them otherwise: GITLAB_CI
// (it says `false` so that scripts can tell; GitLab says `true`) and CI_PROJECT_DIR (for a job
// with an image it names the container's /builds/… even under the shell executor; GitLab names
// the folder the job runs in). A tag pipeline also gets GitLab's CI_COMMIT_TAG, which
// gitlab-ci-local never sets.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { NODE } from './support/action.js'
import { tmp } from './support/cli.js'
import { GitServer, startGitServer } from './support/git-server.js'
import { commitAll, makeRepo, nixConfig, sh, trivialDerivation } from './support/nix.js'
import { PACKAGE_JSON, REPO, Registry, npmHome, pack, startRegistry } from './support/npm.js'
import { runProcess } from './support/process.js'
import { StandIns, startStandIns } from './support/stand-ins.js'

const GITLAB_CI_LOCAL = path.join(REPO, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js')
const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')

/** The fenced block after `<!-- example: name -->`. */
function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(
    readme
  )
  if (match === null) throw new Error(`the README has no example "${name}"`)
  return match[1]
}

const FLAKE = `{
  description = "A flake published from GitLab";
  outputs = { self }: {
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
  };
}`

interface Gitlab {
  git: GitServer
  registry: Registry
  hub: StandIns
  /** The user's project: a clone whose origin is `<git server>/my-group/my-flake.git`. */
  project: string
}

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const service of open.splice(0)) await service.close()
})

/**
 * The component project `my-group/flakehub-push` on the Git server, at the tag of this package's
 * version, and the user's project with `ciFile` as its committed `.gitlab-ci.yml`.
 */
async function gitlab(ciFile: string): Promise<Gitlab> {
  const root = tmp('gitlab-')
  const component = makeRepo({ 'README.md': 'flakehub-push' })
  fs.cpSync(path.join(REPO, 'templates'), path.join(component, 'templates'), { recursive: true })
  commitAll(component, 'the component')
  sh('git', ['tag', PACKAGE_JSON.version], component)
  fs.mkdirSync(path.join(root, 'my-group'))
  sh('git', [
    'clone',
    '--quiet',
    '--bare',
    component,
    path.join(root, 'my-group', 'flakehub-push.git')
  ])

  const git = await startGitServer(root)
  open.push(git)
  const registry = await startRegistry(pack())
  open.push(registry)
  const hub = await startStandIns()
  open.push(hub)

  const project = makeRepo({ 'flake.nix': FLAKE, 'README.md': 'Hi' })
  commitAll(project, 'second')
  fs.writeFileSync(path.join(project, '.gitlab-ci.yml'), ciFile)
  commitAll(project, 'CI')
  sh('git', ['remote', 'add', 'origin', `${git.baseUrl}/my-group/my-flake.git`], project)
  return { git, registry, hub, project }
}

/**
 * gitlab-ci-local in the project, under Node 24, with Node 24's npm and npx first on PATH, the
 * registry stand-in as npm's registry, and the tests' Nix settings in the user's nix.conf (the
 * job sets NIX_CONFIG itself). `args` come after the shell-executor options.
 */
async function gitlabCiLocal(lab: Gitlab, args: string[]) {
  const home = npmHome(NODE, { npm_config_registry: lab.registry.url })
  const config = path.join(home.dir, 'config')
  fs.mkdirSync(path.join(config, 'nix'), { recursive: true })
  fs.writeFileSync(path.join(config, 'nix', 'nix.conf'), `${nixConfig()}\n`)
  const env: Record<string, string> = { ...home.env, XDG_CONFIG_HOME: config, NO_COLOR: '1' }
  delete env.NIX_CONFIG
  return runProcess(
    NODE,
    [
      GITLAB_CI_LOCAL,
      '--force-shell-executor',
      '--shell-isolation',
      '--no-color',
      '--ignore-predefined-vars',
      'GITLAB_CI,CI_PROJECT_DIR,CI_COMMIT_REF_NAME',
      '--input',
      `host=${lab.hub.host}`,
      '--input',
      'audience=127.0.0.1',
      ...args
    ],
    { cwd: lab.project, env, timeoutMs: 10 * 60 * 1000, name: 'gitlab-ci-local' }
  )
}

/** The pipeline as gitlab-ci-local interprets it: includes resolved, inputs interpolated. */
async function interpreted(lab: Gitlab): Promise<Record<string, Record<string, unknown>>> {
  const preview = await gitlabCiLocal(lab, ['--preview'])
  expect(preview.exitCode).toBe(0)
  return parse(preview.stdout) as Record<string, Record<string, unknown>>
}

/** A token for the audience the interpreted job declares, as GitLab would mint it. */
function idToken(lab: Gitlab, job: Record<string, unknown>): string {
  const tokens = job.id_tokens as { GITLAB_JWT_ID_TOKEN: { aud: string } }
  return lab.hub.mintToken(tokens.GITLAB_JWT_ID_TOKEN.aud)
}

/** The options that stand in for what GitLab sets for the job. */
function gitlabVariables(lab: Gitlab, job: string, token: string): string[] {
  const buildDir = path.join(lab.project, '.gitlab-ci-local', 'builds', job)
  return [
    '--variable',
    'GITLAB_CI=true',
    '--variable',
    `CI_PROJECT_DIR=${buildDir}`,
    '--variable',
    `GITLAB_JWT_ID_TOKEN=${token}`
  ]
}

/** Lines a job printed (`<job> > …` in gitlab-ci-local's log), without the prefix. */
const jobLines = (stdout: string, job: string): string[] =>
  stdout
    .split('\n')
    .map(line => new RegExp(`^${job}\\s+> (.*)$`).exec(line)?.[1])
    .filter((line): line is string => line !== undefined)

describe('the GitLab CI/CD component under gitlab-ci-local', () => {
  it("publishes a rolling release from the README's include, and a later job reads the outputs", async () => {
    const lab = await gitlab(example('gitlab-component'))
    const pipeline = await interpreted(lab)
    expect(Object.keys(pipeline)).toEqual(
      expect.arrayContaining(['flakehub-push', 'announce-flake'])
    )
    const token = idToken(lab, pipeline['flakehub-push'])
    const run = await gitlabCiLocal(lab, gitlabVariables(lab, 'flakehub-push', token))
    expect(run.stdout).toMatch(/PASS\s+flakehub-push/)
    expect(run.exitCode).toBe(0)

    const revision = sh('git', ['rev-parse', 'HEAD'], lab.project).trim()
    const version = `0.1.3+rev-${revision}`
    expect(lab.hub.published.map(p => `${p.name}/${p.version}`)).toEqual([
      `my-group/my-flake/${version}`
    ])
    expect(lab.hub.published[0].metadata).toMatchObject({
      visibility: 'public',
      spdx_identifier: 'MIT'
    })
    expect(lab.hub.problems).toEqual([])
    expect(jobLines(run.stdout, 'announce-flake')).toContain(
      `Published my-group/my-flake ${version}; pin it with my-group/my-flake/=${version}`
    )
    // The component came from the component project's tag, the command from the packed package.
    expect(lab.git.requests).toContain('POST /my-group/flakehub-push.git/git-upload-pack')
    expect(lab.registry.requests).toContain(
      `GET /${PACKAGE_JSON.name}/-/${PACKAGE_JSON.name}-${PACKAGE_JSON.version}.tgz`
    )
    // The token reached FlakeHub and nothing else saw it.
    expect(run.stdout).not.toContain(token)
  })

  it('with only visibility set, the job asks GitLab for a token for api.flakehub.com and publishes to its API', async () => {
    const lab = await gitlab(
      [
        'include:',
        '  - component: $CI_SERVER_FQDN/my-group/flakehub-push/flakehub-push@0.1.0',
        '    inputs: { visibility: unlisted }',
        ''
      ].join('\n')
    )
    // Without the test's --input overrides: what a user who sets only visibility gets.
    const home = npmHome(NODE, { npm_config_registry: lab.registry.url })
    const preview = await runProcess(NODE, [GITLAB_CI_LOCAL, '--preview', '--no-color'], {
      cwd: lab.project,
      env: home.env,
      timeoutMs: 5 * 60 * 1000
    })
    expect(preview.exitCode).toBe(0)
    const job = (parse(preview.stdout) as Record<string, Record<string, unknown>>)['flakehub-push']
    expect(job.id_tokens).toEqual({ GITLAB_JWT_ID_TOKEN: { aud: 'api.flakehub.com' } })
    expect(job.variables).toMatchObject({
      FLAKEHUB_PUSH_HOST: 'https://api.flakehub.com',
      FLAKEHUB_PUSH_VISIBILITY: 'unlisted',
      GIT_DEPTH: '0'
    })
    expect(job.image).toEqual({ name: 'nixos/nix:latest' })
  })

  it('without rolling: nothing on a branch pipeline, the tag published on a tag pipeline', async () => {
    const lab = await gitlab(
      [
        'include:',
        '  - component: $CI_SERVER_FQDN/my-group/flakehub-push/flakehub-push@0.1.0',
        '    inputs:',
        '      visibility: public',
        '      job-name: publish-tag',
        ''
      ].join('\n')
    )
    sh('git', ['tag', 'v1.2.3'], lab.project)
    const pipeline = await interpreted(lab)
    const token = idToken(lab, pipeline['publish-tag'])
    const branch = await gitlabCiLocal(lab, gitlabVariables(lab, 'publish-tag', token))
    expect(branch.stdout).not.toContain('publish-tag starting')
    expect(lab.hub.published).toEqual([])

    const tag = await gitlabCiLocal(lab, [
      ...gitlabVariables(lab, 'publish-tag', token),
      '--variable',
      'CI_COMMIT_TAG=v1.2.3',
      '--variable',
      'CI_COMMIT_REF_NAME=v1.2.3',
      '--unset-variable',
      'CI_COMMIT_BRANCH'
    ])
    expect(tag.stdout).toMatch(/PASS\s+publish-tag/)
    expect(tag.exitCode).toBe(0)
    expect(lab.hub.published.map(p => `${p.name}/${p.version}`)).toEqual([
      'my-group/my-flake/v1.2.3'
    ])
    expect(lab.hub.problems).toEqual([])
    const dotenv = fs.readFileSync(
      path.join(lab.project, '.gitlab-ci-local', 'builds', 'publish-tag', 'flakehub-push.env'),
      'utf8'
    )
    expect(dotenv).toContain('flakeref_exact=my-group/my-flake/=v1.2.3\n')
  })
})
