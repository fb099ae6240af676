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

/**
 * A `nix` first on PATH that notes each command line in $DIR/calls. With `evalNeverEnds`, `nix
 * eval` (the outputs document) never ends, so only `nix flake show` can report a failure.
 */
function recordingNix(evalNeverEnds: boolean): { path: string; calls: () => string[] } {
  const hang = evalNeverEnds ? 'if [ "$1" = eval ]; then exec sleep 600; fi\n' : ''
  const nix = nixWrapper(`printf '%s\\n' "$*" >> "$DIR/calls"\n${hang}exec "$REAL_NIX" "$@"`)
  const calls = (): string[] =>
    fs.readFileSync(path.join(nix.dir, 'calls'), 'utf8').trim().split('\n')
  return { path: nix.path, calls }
}

async function dryRun(repo: string, nixPath: string): ReturnType<typeof runAction> {
  return runAction({
    workspace: repo,
    inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() },
    env: { PATH: nixPath },
    timeoutMs: 60_000
  })
}

const errorsOf = (run: Awaited<ReturnType<typeof runAction>>): string[] =>
  run.annotations.filter(a => a.level === 'error').map(a => a.message)

describe(`on ${nixVersion().text}`, () => {
  // `nix flake show` evaluates only the current system from Nix 2.14 unless given --all-systems,
  // a flag older Nix rejects (and does not need: it shows every system).
  const allSystems = nixAtLeast(2, 14)

  it(
    allSystems
      ? 'runs nix flake show with --all-systems (Nix 2.14 and newer)'
      : 'runs nix flake show without --all-systems, which Nix before 2.14 does not know',
    async () => {
      const repo = makeRepo(
        flake(`packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};`)
      )
      const nix = recordingNix(false)
      const run = await dryRun(repo, nix.path)
      expect(run.exitCode).toBe(0)
      const show = nix.calls().filter(call => call.startsWith('flake show '))
      expect(show).toHaveLength(1)
      expect(show[0].split(' ').includes('--all-systems')).toBe(allSystems)
      expect(run.stdout).not.toContain("unrecognised flag '--all-systems'")
    }
  )

  it('finds, with nix flake show alone, a package that throws on another system', async () => {
    const repo = makeRepo(
      flake(
        `packages.x86_64-linux.ok = ${trivialDerivation('ok', 'x86_64-linux')};
         packages.aarch64-darwin.broken = throw "broken only on aarch64-darwin";`
      )
    )
    const run = await dryRun(repo, recordingNix(true).path)
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^`nix flake show .*` exited with status 1:\n.*broken only on aarch64-darwin/s
      )
    ])
  })

  // Nix 2.8 and 2.26 keep a failed attribute in their evaluation cache (~/.cache/nix) and, on
  // the next `nix flake show` of the same commit, say only "expected a derivation"; 2.34 says
  // what was thrown every time. A re-run of a failed job must still name the cause.
  it('names what a package threw when the same commit fails a second time', async () => {
    const repo = makeRepo(flake('packages.x86_64-linux.broken = throw "thrown on every run";'))
    for (const attempt of [1, 2]) {
      const run = await dryRun(repo, recordingNix(true).path)
      expect({ attempt, exitCode: run.exitCode }).toEqual({ attempt, exitCode: 1 })
      expect(errorsOf(run)).toEqual([
        expect.stringMatching(/^`nix flake show .*` exited with status 1:\n.*thrown on every run/s)
      ])
    }
  })

  // builtins.getFlake (the outputs document) locks a flake's inputs in memory only from Nix 2.10
  // (NixOS/nix#6541); Nix 2.8 fails on a flake with inputs and no flake.lock.
  it(
    nixAtLeast(2, 10)
      ? 'publishes a flake with inputs and no flake.lock, locking them only in memory (Nix 2.10 and newer)'
      : 'refuses a flake with inputs and no flake.lock, asking for the lock file (Nix before 2.10)',
    async () => {
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
      if (nixAtLeast(2, 10)) {
        expect(errorsOf(run)).toEqual([])
        expect(run.exitCode).toBe(0)
        const metadata = JSON.parse(
          fs.readFileSync(path.join(dest, `${run.outputs.flake_version}.json`), 'utf8')
        )
        expect(Object.keys(metadata.outputs.inventory)).toEqual(['packages'])
      } else {
        const { major, minor } = nixVersion()
        expect(run.exitCode).toBe(1)
        expect(errorsOf(run)).toEqual([
          `${path.join(repo, 'flake.lock')} is missing, and the flake has inputs (dep): ` +
            `Nix ${major}.${minor} cannot evaluate a flake whose inputs are not in its lock file ` +
            `(Nix 2.10 and newer lock them in memory). Run \`nix flake lock\` in ${repo} and ` +
            'commit flake.lock, or use a newer Nix.'
        ])
        expect(fs.existsSync(dest) ? fs.readdirSync(dest) : []).toEqual([])
      }
      // Locked in memory or refused: no lock file is written into the repository.
      expect(fs.existsSync(path.join(repo, 'flake.lock'))).toBe(false)
    }
  )
})
