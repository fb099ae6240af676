// End to end: what a person reads from the command (`node dist/cli.js`): by default the phases
// with their times, the result and what to do next, in under 25 lines; the commands and Nix's
// trace with -v or a runner's debug mode; an evaluation error named at its file:line:column.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { runCli, threeCommits, tmp } from './support/cli.js'
import { makeRepo } from './support/nix.js'

const DRY_RUN = ['--visibility', 'public', '--rolling', '--repository', 'me/flake']

/** A dry run of a fresh three-commit repository, with `args` and `env` added. */
async function dryRun(args: string[] = [], env: Record<string, string> = {}) {
  const { repo } = threeCommits()
  const out = path.join(tmp('short-'), 'out')
  const run = await runCli({ cwd: repo, args: [...DRY_RUN, '--dest-dir', out, ...args], env })
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
  return { run, out }
}

const commands = (text: string): string[] => text.match(/^.*\$ (nix|git) .*$/gm) ?? []

describe('what a plain run of the command prints', () => {
  it('is the phases with their times, the result and what to do next, in under 25 lines', async () => {
    const { run, out } = await dryRun()
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.length).toBeLessThan(25)
    for (const phase of ['Repository', 'Locate flake', 'Package', 'Evaluate \\(all systems\\)'])
      expect(run.stdout).toMatch(new RegExp(`^== ${phase} \\(done in [\\d.]+ s\\)$`, 'm'))
    expect(run.stdout).toMatch(
      /^Dry run: packed, not published me\/flake 0\.1\.3\+rev-[0-9a-f]{40}$/m
    )
    expect(run.stdout).toMatch(/^time: {5}Repository [\d.]+ s, /m)
    expect(lines.at(-1)).toBe(
      `next:     look into ${out}; to publish, run it without the dry run in CI (GitHub Actions or GitLab CI: see the README), where FlakeHub's token comes from.`
    )
    // No command lines, and no scratch folder that is gone once the run ends.
    expect(commands(run.stdout)).toEqual([])
    expect(run.stdout).not.toContain('.flakehub-push-')
    expect(run.stdout).toContain('1 output type: packages')
  })

  it.each<[string, string[], Record<string, string>]>([
    ['-v', ['-v'], {}],
    ['--verbose', ['--verbose'], {}],
    ["GitLab's debug trace", [], { CI_DEBUG_TRACE: 'true' }],
    ["GitHub's debug mode", [], { RUNNER_DEBUG: '1' }]
  ])('shows every git and nix command with %s', async (_, args, env) => {
    const { run } = await dryRun(args, env)
    const shown = commands(run.stdout)
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\$ git -C \S+ rev-parse --show-toplevel --is-shallow-repository$/),
        expect.stringMatching(
          /\$ nix --extra-experimental-features 'nix-command flakes' eval --raw --no-write-lock-file /
        )
      ])
    )
    expect(run.stdout).toMatch(/^▶ Evaluate \(all systems\)…$/m)
  })
})

describe('an evaluation error from the command', () => {
  const throwing = `{
  outputs = { self }: {
    packages.x86_64-linux.broken =
      throw "this package is broken";
  };
}
`
  async function failing(args: string[] = []) {
    const repo = makeRepo({ 'README.md': 'Hi', 'sub/flake.nix': throwing })
    const run = await runCli({
      cwd: path.join(repo, 'sub'),
      args: [...DRY_RUN, '--dest-dir', tmp('out-'), ...args]
    })
    expect(run.exitCode).toBe(1)
    return run
  }

  it("names the flake's file:line:column first, and Nix's message, without the trace", async () => {
    const run = await failing()
    // Nix 2.8 places it at the attribute (line 3), newer Nix at the throw (line 4).
    expect(run.stderr).toMatch(
      /^error: sub\/flake\.nix:[34]:\d+: The flake output `packages\.x86_64-linux\.broken` does not evaluate\. Nix says:\n {2}error: this package is broken\n/
    )
    expect(run.stdout + run.stderr).not.toContain('… while')
  })

  it("shows Nix's whole trace with -v", async () => {
    const run = await failing(['-v'])
    expect(run.stderr).toMatch(/^error: sub\/flake\.nix:[34]:\d+: /)
    expect(run.stdout).toContain('… while evaluating')
  })
})
