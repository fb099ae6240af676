// End to end: the mistakes a new user makes, each explained in one error that says what to do
// (or, for a dry run too big to publish, one warning), run as a person runs them: the command
// (`node dist/cli.js`) and the action (`node dist/index.js`), with the real Nix and Git.
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import { errorBlocks, nixRan, recordingNix, runCli, threeCommits, tmp } from './support/cli.js'
import { commitAll, makeRepo, sh, writeFiles } from './support/nix.js'

const FLAKE = '{ outputs = { self }: { lib.answer = 42; }; }'

/** The command in `cwd` with `args`, Nix noting whether it was asked about the flake. */
async function command(cwd: string, args: string[]) {
  const nix = recordingNix()
  const run = await runCli({ cwd, args, env: { PATH: nix.path } })
  return { run, nixAsked: nixRan(nix) }
}

describe('a misspelled setting', () => {
  it('is one error that names the flag meant, its value taken as the misspelled flag’s', async () => {
    const { repo } = threeCommits()
    const { run, nixAsked } = await command(repo, [
      '--visiblity',
      'public',
      '--rolling',
      '--repository',
      'me/flake',
      '--dest-dir',
      'out'
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe('error: `--visiblity`: unknown flag; did you mean `--visibility`?\n')
    expect(nixAsked).toBe(false)
  })

  it('names the nearest flag for a swapped pair, and lists none for a word near no flag', async () => {
    const { repo } = threeCommits()
    const { run } = await command(repo, ['--visibility', 'public', '--rolilng', '--frobnicate'])
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'error: `--rolilng`: unknown flag; did you mean `--rolling`?',
      '  `--frobnicate`: unknown flag; `flakehub-push --help` lists them all.'
    ])
  })

  it("is one error in the action too, naming the input meant (the runner's own is a warning)", async () => {
    const { repo } = threeCommits()
    const run = await runAction({
      workspace: repo,
      inputs: { visiblity: 'public', rolling: 'true', 'dest-dir': path.join(tmp('dest-'), 'out') }
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'Input `visiblity`: is not an input of this action; did you mean `visibility`?'
      }
    ])
  })
})

describe('a rolling release with a tag', () => {
  it('is refused in one error, before Nix, instead of ignoring the tag', async () => {
    const { repo } = threeCommits()
    const { run, nixAsked } = await command(repo, [
      '--visibility',
      'public',
      '--rolling',
      '--tag',
      'v1.0.0',
      '--repository',
      'me/flake',
      '--dest-dir',
      'out'
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(
      'error: `--tag`: "v1.0.0" is given together with `--rolling`, which versions the release by its commit count and would ignore the tag; drop `--tag` for a rolling release, or `--rolling` to publish v1.0.0.\n'
    )
    expect(nixAsked).toBe(false)
  })
})

describe("Git's common failures", () => {
  const dryRun = ['--visibility', 'public', '--rolling', '--repository', 'me/flake']

  it('says to commit when the repository has no commits yet', async () => {
    const repo = tmp('no-commits-')
    writeFiles(repo, { 'flake.nix': FLAKE })
    sh('git', ['init', '-q', '-b', 'main'], repo)
    const { run, nixAsked } = await command(repo, [...dryRun, '--dest-dir', 'out'])
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toBe(
      'error: The repository has no commits yet: commit the flake (`git add -A && git commit`) and run again.\n'
    )
    expect(nixAsked).toBe(false)
  })

  it('says to add flake.nix when it was never added to Git', async () => {
    const repo = makeRepo({ 'README.md': 'Hi' })
    writeFiles(repo, { 'flake.nix': FLAKE })
    const { run, nixAsked } = await command(repo, [...dryRun, '--dest-dir', 'out'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toMatch(
      /^error: Commit [0-9a-f]{40} has no flake\.nix: it is not committed \(Nix, and FlakeHub, only see what Git holds\)\. Add it with `git add flake\.nix`, commit, and run again\.\n$/
    )
    expect(nixAsked).toBe(false)
  })

  const asRoot = process.getuid?.() === 0 ? it : it.skip
  asRoot('says how to trust a checkout another user owns', async () => {
    const { repo } = threeCommits()
    sh('chown', ['-R', '65534:65534', repo])
    const { run, nixAsked } = await command(repo, [...dryRun, '--dest-dir', tmp('out-')])
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    const top = fs.realpathSync(repo)
    expect(run.stderr.split('\n')[0]).toBe(
      `error: Git refuses to read the repository at ${top}: it belongs to another user. If you trust it, run \`git config --global --add safe.directory ${top}\` (in a job, as an earlier step), and run again.`
    )
    expect(nixAsked).toBe(false)
  })
})

describe('a dry run of a tarball FlakeHub would refuse', () => {
  it('writes it, and warns of the limit, naming the largest files as a publish would', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const fd = fs.openSync(path.join(repo, 'big.bin'), 'w')
    for (let i = 0; i < 51; i++) fs.writeSync(fd, randomBytes(1024 * 1024))
    fs.closeSync(fd)
    commitAll(repo, 'big')
    const out = path.join(tmp('big-'), 'out')
    const run = await runCli({
      cwd: repo,
      args: [
        ...['--visibility', 'public', '--rolling'],
        '--repository',
        'me/flake',
        '--dest-dir',
        out
      ]
    })
    expect(run.exitCode).toBe(0)
    const warnings = run.stderr.split(/^(?=warning:)/m)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^warning: FlakeHub would refuse this release\. The tarball is [\d,]+ bytes; FlakeHub accepts at most 50,000,000\./
    )
    expect(warnings[0]).toMatch(/\n +53,477,376 {2}big\.bin\n +\d+ {2}flake\.nix\n/)
    expect(warnings[0]).toContain('or publish a subflake with `--directory`.')
    expect(fs.readdirSync(out).filter(name => name.endsWith('.tar.gz'))).toHaveLength(1)
  })
})
