// End to end: what scripts and workflows written for the established tool pass, through the
// bundles: `rolling-major` in the action and the command, and the command's `-v` (counted),
// `-l`, `-t`, `--logger`, `--log-directive` and the old misspelled FLAKEHUB_PUSH_VISIBLITY.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import {
  WORKFLOW_COMMAND,
  errorBlocks,
  nixRan,
  recordingNix,
  runCli,
  threeCommits,
  tmp
} from './support/cli.js'

describe('rolling-major', () => {
  it('versions a dry run of the action <major>.<minor>.<count>+rev-<sha>', async () => {
    const { repo, revision } = threeCommits()
    const dest = path.join(tmp('dest-'), 'release')
    const run = await runAction({
      workspace: repo,
      inputs: {
        visibility: 'public',
        rolling: 'true',
        'rolling-minor': '4',
        'rolling-major': '2',
        'dest-dir': dest
      },
      env: { GITHUB_REPOSITORY: 'owner/project' }
    })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    const version = `2.4.3+rev-${revision}`
    expect(run.outputs.flake_version).toBe(version)
    expect(fs.readdirSync(dest).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])
  })

  it('is refused by the action without rolling-minor, in the established words, before Nix runs', async () => {
    const { repo } = threeCommits()
    const nix = recordingNix()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'rolling-major': '2' },
      env: { GITHUB_REPOSITORY: 'owner/project', PATH: nix.path }
    })
    expect(run.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual([
      'Input `rolling-major`: You cannot set `rolling-major` without `rolling-minor`.'
    ])
    expect(run.exitCode).toBe(1)
    expect(nixRan(nix)).toBe(false)
  })

  it('is refused by the command without --rolling-minor, in the established words', async () => {
    const { repo } = threeCommits()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'me/flakes', '--rolling'],
      env: { FLAKEHUB_PUSH_ROLLING_MAJOR: '1', FLAKEHUB_DEST_DIR: tmp('dest-') }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(
      'error: `--rolling-major` (from FLAKEHUB_PUSH_ROLLING_MAJOR): You cannot set `--rolling-major` without `--rolling-minor`.\n'
    )
  })
})

describe("the established binary's flags", () => {
  it('runs a script written for it: -v, -l, -t, --logger, --log-directive, FLAKEHUB_PUSH_VISIBLITY, --rolling-major', async () => {
    const { repo, revision } = threeCommits()
    const dest = path.join(tmp('dest-'), 'out')
    const run = await runCli({
      cwd: repo,
      args: [
        '-v',
        '--repository',
        'me/flakes',
        '--rolling',
        '--rolling-minor',
        '0',
        '--rolling-major',
        '1',
        '-l',
        'nix',
        '-l',
        'tools',
        '-t',
        'ignored-beside-labels',
        '--logger',
        'json',
        '--log-directive',
        'flakehub_push=debug',
        '--dest-dir',
        dest
      ],
      env: { FLAKEHUB_PUSH_VISIBLITY: 'unlisted' }
    })
    expect(errorBlocks(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    const version = `1.0.3+rev-${revision}`
    const metadata = JSON.parse(fs.readFileSync(path.join(dest, `${version}.json`), 'utf8'))
    expect(metadata).toMatchObject({ visibility: 'unlisted', labels: ['nix', 'tools'] })
    // -v shows the detail, such as the Nix version found.
    expect(run.stdout).toMatch(/^debug: Nix version \d+\.\d+$/m)
    for (const flag of ['--logger json', '--log-directive flakehub_push=debug'])
      expect(run.stdout).toContain(
        `\`${flag}\` changes nothing here (the established binary's logging): this command has one log; give \`-v\` for more detail.\n`
      )
    expect(run.stdout + run.stderr).not.toMatch(WORKFLOW_COMMAND)
  })

  it('says no more than before without -v', async () => {
    const { repo } = threeCommits()
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'me/flakes', '--rolling'],
      env: { FLAKEHUB_DEST_DIR: path.join(tmp('dest-'), 'out') }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toMatch(/^debug: /m)
  })
})
