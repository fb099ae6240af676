// End to end: the command (`node dist/cli.js`) with a Nix configured by nobody, as a new user
// has it: no experimental features in its configuration. The tool enables what its own calls
// need, with no warning; a missing or too old Nix is one error before anything else.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { errorBlocks, nixRan, runCli, threeCommits, tmp } from './support/cli.js'
import { nixConfig, nixWrapper, sh } from './support/nix.js'

/** The test configuration (no daemon, no network registry) without the experimental features. */
const stockConfig = (): string =>
  nixConfig()
    .split('\n')
    .filter(line => !line.startsWith('experimental-features'))
    .join('\n')

/** A dry run of a rolling release of `me/flake` into `dest`. */
const dryRun = (dest: string): string[] => [
  '--visibility',
  'public',
  '--rolling',
  '--repository',
  'me/flake',
  '--dest-dir',
  dest
]

describe('flakehub-push with a stock Nix', () => {
  it('runs a dry run with no experimental features configured, and no warning', async () => {
    const { repo, revision } = threeCommits()
    const config = stockConfig()
    // The configuration alone does not let Nix evaluate a flake: the run must enable it itself.
    expect(() =>
      sh('nix', ['flake', 'metadata', repo], repo, { ...process.env, NIX_CONFIG: config })
    ).toThrow(/experimental Nix feature 'nix-command' is disabled/)
    const out = path.join(tmp('stock-'), 'out')
    const run = await runCli({
      cwd: repo,
      args: dryRun(out),
      env: { NIX_CONFIG: config }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(fs.readdirSync(out).sort()).toEqual([
      `0.1.3+rev-${revision}.json`,
      `0.1.3+rev-${revision}.tar.gz`
    ])
  })

  it('says in one error that Nix is missing, before Git or anything else runs', async () => {
    const { repo } = threeCommits()
    // A PATH with Git and nothing else (the command itself runs by an absolute path).
    const bin = tmp('no-nix-')
    fs.symlinkSync(sh('sh', ['-c', 'command -v git']).trim(), path.join(bin, 'git'))
    const run = await runCli({
      cwd: repo,
      args: dryRun('out'),
      env: { PATH: bin }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toMatch(
      /^error: Nix is not installed here \(there is no `nix` on PATH\), and flakehub-push evaluates the flake with it\. Install Nix 2\.8 or newer/
    )
    expect(run.stdout).not.toContain('Repository')
  })

  it('refuses a Nix older than 2.8 in one error, before asking it anything else', async () => {
    const { repo } = threeCommits()
    const old = nixWrapper(
      'case " $* " in *" --version "*) echo "nix (Nix) 2.3.16"; exit 0 ;; esac\ntouch "$DIR/called"\nexec "$REAL_NIX" "$@"'
    )
    const run = await runCli({
      cwd: repo,
      args: dryRun('out'),
      env: { PATH: old.path }
    })
    expect(run.exitCode).toBe(1)
    expect(errorBlocks(run)).toHaveLength(1)
    expect(run.stderr).toBe(
      'error: Nix 2.3 is too old: flakehub-push needs Nix 2.8 or newer. Upgrade Nix (https://nixos.org/download), and run again.\n'
    )
    expect(nixRan(old)).toBe(false)
    expect(run.stdout).not.toContain('Repository')
  })
})
