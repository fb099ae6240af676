// End to end, on whichever Nix runs the suite (CI: Debian's 2.8 on the host, 2.26 and 2.34 in
// chroots, see scripts/nix-chroot): where Nix differs by version, what the action does about it.
// Each test names the Nix versions it expects what it expects of.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import { makeRepo, nixAtLeast, nixVersion, nixWrapper, trivialDerivation } from './support/nix.js'

const flake = (packages: string): Record<string, string> => ({
  'flake.nix': `{ description = "A fixture flake"; outputs = { self }: { ${packages} }; }`
})

function destDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dest-')), 'release')
}

/** A `nix` first on PATH that notes each command line in $DIR/calls. */
function recordingNix(): { path: string; calls: () => string[] } {
  const nix = nixWrapper(`printf '%s\\n' "$*" >> "$DIR/calls"\nexec "$REAL_NIX" "$@"`)
  const calls = (): string[] =>
    fs.readFileSync(path.join(nix.dir, 'calls'), 'utf8').trim().split('\n')
  return { path: nix.path, calls }
}

async function dryRun(
  repo: string,
  nixPath: string,
  inputs: Record<string, string> = {}
): ReturnType<typeof runAction> {
  return runAction({
    workspace: repo,
    inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir(), ...inputs },
    env: { PATH: nixPath },
    timeoutMs: 60_000
  })
}

const errorsOf = (run: Awaited<ReturnType<typeof runAction>>): string[] =>
  run.annotations.filter(a => a.level === 'error').map(a => a.message)

const TOO_BIG = { 'my-flake-is-too-big': 'true' }

describe(`on ${nixVersion().text}`, () => {
  // With my-flake-is-too-big, `nix flake show` alone is the check, as in the established tool:
  // from Nix 2.14 it evaluates only the current system (without --all-systems, which older Nix
  // rejects); before 2.14 it evaluates every system anyway.
  const currentSystemOnly = nixAtLeast(2, 14)

  it('runs nix flake show without --all-systems for a flake that is too big', async () => {
    const repo = makeRepo(
      flake(`packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};`)
    )
    const nix = recordingNix()
    const run = await dryRun(repo, nix.path, TOO_BIG)
    expect(run.exitCode).toBe(0)
    const evaluations = nix.calls().filter(call => /^(flake show|eval) /.test(call))
    expect(evaluations).toHaveLength(1)
    expect(evaluations[0]).toMatch(/^flake show /)
    expect(evaluations[0].split(' ')).not.toContain('--all-systems')
  })

  it(
    currentSystemOnly
      ? 'lets a package that throws on another system pass a flake that is too big (Nix 2.14 and newer check the current system only)'
      : 'stops a flake that is too big on a package that throws on another system (Nix before 2.14 checks every system)',
    async () => {
      const repo = makeRepo(
        flake(
          `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};
         packages.aarch64-darwin.broken = throw "broken only on aarch64-darwin";`
        )
      )
      const run = await dryRun(repo, recordingNix().path, TOO_BIG)
      if (currentSystemOnly) {
        expect(errorsOf(run)).toEqual([])
        expect(run.exitCode).toBe(0)
      } else {
        expect(run.exitCode).toBe(1)
        expect(errorsOf(run)).toEqual([
          expect.stringMatching(
            /^`nix --extra-experimental-features 'nix-command flakes' flake show .*` exited with status 1:\n.*broken only on aarch64-darwin/s
          )
        ])
      }
    }
  )

  // Nix 2.8 and 2.26 keep a failed attribute in their evaluation cache (~/.cache/nix) and, on
  // the next `nix flake show` of the same commit, say only "expected a derivation"; 2.34 says
  // what was thrown every time. A re-run of a failed job must still name the cause, whichever
  // evaluation runs (`nix eval` has no evaluation cache; `nix flake show` runs without it).
  it.each([
    [
      'the one evaluation',
      {},
      /^flake\.nix:\d+:\d+: The flake output `packages\.x86_64-linux\.broken` does not evaluate\. Nix says:\nerror: thrown on every run\n/
    ],
    [
      'nix flake show, for a flake that is too big',
      TOO_BIG,
      /^`nix --extra-experimental-features 'nix-command flakes' flake show .*` exited with status 1:\n.*thrown on every run/s
    ]
  ])(
    'names what a package threw when the same commit fails a second time, in %s',
    async (_, inputs, message) => {
      const repo = makeRepo(flake('packages.x86_64-linux.broken = throw "thrown on every run";'))
      for (const attempt of [1, 2]) {
        const run = await dryRun(repo, recordingNix().path, inputs)
        expect({ attempt, exitCode: run.exitCode }).toEqual({ attempt, exitCode: 1 })
        expect(errorsOf(run)).toEqual([expect.stringMatching(message)])
      }
    }
  )

  // The flake is evaluated as an input of the inspect flake (`--override-input`), whose lock Nix
  // computes in memory on every version: a flake with inputs and no flake.lock is evaluated
  // with its inputs locked in memory, even on Nix 2.8 (whose builtins.getFlake could not).
  it('publishes a flake with inputs and no flake.lock, locking them only in memory', async () => {
    const dep = makeRepo({ 'flake.nix': '{ outputs = { self }: { lib.value = 1; }; }' })
    const ok = `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};`
    const repo = makeRepo({
      'flake.nix': `{ inputs.dep.url = "git+file://${dep}"; outputs = { self, dep }: { ${ok} }; }`
    })
    const dest = destDir()
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': dest }
    })
    expect(errorsOf(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    const metadata = JSON.parse(
      fs.readFileSync(path.join(dest, `${run.outputs.flake_version}.json`), 'utf8')
    )
    expect(Object.keys(metadata.outputs.inventory)).toEqual(['packages'])
    // Locked in memory: no lock file is written into the repository.
    expect(fs.existsSync(path.join(repo, 'flake.lock'))).toBe(false)
  })
})
