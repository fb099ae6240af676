// End to end: the command (`node dist/cli.js`) run from any folder of a checkout on a
// developer's machine gives the same release: `--git-root` is the top of the repository around
// the folder, `--directory` the flake found from it, and the repository the one `origin` names.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ESC, runCli, tmp } from './support/cli.js'
import { makeRepo, sh, trivialDerivation, writeFiles } from './support/nix.js'

const ROOT_FLAKE = `{ outputs = { self }: { packages.x86_64-linux.root = ${trivialDerivation('root', 'x86_64-linux')}; }; }`
const TOOLS_FLAKE = `{ outputs = { self }: { packages.x86_64-linux.tools = ${trivialDerivation('tools', 'x86_64-linux')}; }; }`

/** A checkout with a flake at its top and a subflake in tools/, its origin on GitHub. */
function checkout(origin = 'git@github.com:my-org/my-flake.git'): string {
  const repo = makeRepo({
    'flake.nix': ROOT_FLAKE,
    'tools/flake.nix': TOOLS_FLAKE,
    'tools/src/main.sh': 'echo hi\n',
    'docs/index.md': '# Docs\n'
  })
  sh('git', ['remote', 'add', 'origin', origin], repo)
  return repo
}

/** A dry run from `cwd` with `args`: the metadata written, and what was printed. */
async function dryRun(cwd: string, args: string[] = [], env: Record<string, string> = {}) {
  const out = path.join(tmp('any-folder-'), 'out')
  const run = await runCli({
    cwd,
    args: ['--visibility', 'public', '--rolling', '--dest-dir', out, ...args],
    env
  })
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
  const json = fs.readdirSync(out).find(name => name.endsWith('.json'))!
  const tarball = fs.readFileSync(path.join(out, json.replace(/\.json$/, '.tar.gz')))
  const metadata = JSON.parse(fs.readFileSync(path.join(out, json), 'utf8')) as {
    repo: string
    source_subdirectory: string
  }
  return { run, metadata, tarball, version: json.replace(/\.json$/, '') }
}

describe('flakehub-push from any folder of a checkout', () => {
  it('publishes the subflake a folder is in, the same from the subflake, a folder below it, or the top with --directory', async () => {
    const repo = checkout()
    const fromTop = await dryRun(repo, ['--directory', 'tools'])
    const fromTools = await dryRun(path.join(repo, 'tools'))
    const fromBelow = await dryRun(path.join(repo, 'tools', 'src'))
    // --directory is relative to the top, wherever the command runs.
    const namedInTools = await dryRun(path.join(repo, 'tools'), ['--directory', 'tools'])
    for (const run of [fromTop, fromTools, fromBelow, namedInTools]) {
      expect(run.metadata).toMatchObject({ repo: 'my-org/my-flake', source_subdirectory: 'tools' })
      expect(run.version).toBe(fromTop.version)
      expect(run.tarball.equals(fromTop.tarball)).toBe(true)
      expect(run.run.stdout).toContain('Dry run: packed, not published my-org/my-flake ')
    }
  })

  it("publishes the top's flake from a folder without one, naming the repository from an https origin", async () => {
    const repo = checkout('https://gitlab.com/group/subgroup/project.git')
    const fromDocs = await dryRun(path.join(repo, 'docs'))
    const fromTop = await dryRun(repo)
    expect(fromDocs.metadata).toMatchObject({
      repo: 'group/subgroup-project',
      source_subdirectory: ''
    })
    expect(fromDocs.tarball.equals(fromTop.tarball)).toBe(true)
    // A repository given wins over origin's.
    const named = await dryRun(path.join(repo, 'docs'), ['--repository', 'me/mine'])
    expect(named.metadata.repo).toBe('me/mine')
  })

  it('takes GITLAB_CI=false (and GITHUB_ACTIONS=false, CI=false) as a developer machine, not a CI', async () => {
    const repo = checkout()
    const run = await dryRun(path.join(repo, 'tools'), [], {
      GITLAB_CI: 'false',
      GITHUB_ACTIONS: 'false',
      CI: 'false',
      CI_PROJECT_PATH: 'gitlab/says-this',
      CI_PROJECT_DIR: tmp('not-the-checkout-')
    })
    expect(run.metadata).toMatchObject({ repo: 'my-org/my-flake', source_subdirectory: 'tools' })
    expect(run.run.stdout).not.toContain(`${ESC}[0Ksection_start`)
  })

  it('says what to do from a folder outside any repository, before Nix', async () => {
    const folder = tmp('no-checkout-')
    writeFiles(folder, { 'flake.nix': ROOT_FLAKE })
    const run = await runCli({
      cwd: folder,
      args: ['--visibility', 'public', '--rolling', '--repository', 'a/b', '--dest-dir', 'out']
    })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toContain(`error: ${fs.realpathSync(folder)} is not in a Git repository.`)
  })
})
