// Test support: a Nix configuration for single-user root with no network, the version of the
// Nix under test (for the tests whose expectations differ by version), and throwaway Git
// repositories that hold fixture flakes.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

let registryFile: string | undefined

/** The NIX_CONFIG that lets the real `nix` run here: flakes on, no daemon, no network registry. */
export function nixConfig(): string {
  if (registryFile === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nix-registry-'))
    registryFile = path.join(dir, 'registry.json')
    fs.writeFileSync(registryFile, JSON.stringify({ flakes: [], version: 2 }))
  }
  return [
    'experimental-features = nix-command flakes',
    'build-users-group =',
    'sandbox = false',
    `flake-registry = ${registryFile}`
  ].join('\n')
}

/** process.env plus what Nix and Git need in tests. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NIX_CONFIG: nixConfig(),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    ...extra
  }
}

/** Run a command synchronously with the test environment and return its stdout. */
export function sh(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): string {
  return execFileSync(cmd, args, {
    cwd,
    env: env ?? testEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024
  })
}

/** The version of the `nix` on PATH, e.g. `{ major: 2, minor: 26, text: 'nix (Nix) 2.26.3' }`. */
export interface NixVersion {
  major: number
  minor: number
  text: string
}

let installedNix: NixVersion | undefined

/**
 * The Nix the tests run, asked once. The upstream Nix version it reports last ("2.29.0" in
 * "nix (Determinate Nix 3.6.2) 2.29.0"), since the tests branch on upstream command-line features.
 */
export function nixVersion(): NixVersion {
  if (installedNix === undefined) {
    const text = sh('nix', ['--version']).trim()
    const all = [...text.matchAll(/(\d+)\.(\d+)(?:\.\d+)?/g)]
    const last = all.at(-1)
    if (last === undefined) throw new Error(`No version in \`nix --version\`: ${text}`)
    installedNix = { major: Number(last[1]), minor: Number(last[2]), text }
  }
  return installedNix
}

/** Whether the Nix under test is `major.minor` or newer. */
export function nixAtLeast(major: number, minor: number): boolean {
  const v = nixVersion()
  return v.major > major || (v.major === major && v.minor >= minor)
}

/** A Nix base-32 SHA-256 hash as SRI (`sha256-…`). */
export function sriFromBase32(base32: string): string {
  // `nix hash convert` exists from Nix 2.19; Nix 2.34 warns that `nix hash to-sri` is deprecated.
  const args = nixAtLeast(2, 19)
    ? ['hash', 'convert', '--hash-algo', 'sha256', '--to', 'sri', base32]
    : ['hash', 'to-sri', '--type', 'sha256', base32]
  return sh('nix', args).trim()
}

/** The SRI NAR hash of the folder Nix unpacks from a tarball (`nix-prefetch-url --unpack`). */
export function unpackedNarHash(tarball: string): string {
  const printed = sh('nix-prefetch-url', ['--unpack', '--type', 'sha256', `file://${tarball}`])
  return sriFromBase32(printed.trim().split('\n').at(-1) ?? '')
}

/** Run `nix` with the test configuration and parse its JSON output. */
export function nixJson<T = unknown>(args: string[], cwd?: string): T {
  return JSON.parse(sh('nix', args, cwd)) as T
}

/** A file in a fixture: text, or text with an executable bit, or a symbolic link. */
export type FixtureEntry = string | { text: string; executable: true } | { symlink: string }

/**
 * Create a Git repository in a new temporary folder holding `files` (paths relative to the
 * repository, folders created as needed), add everything and commit it.
 */
export function makeRepo(files: Record<string, FixtureEntry>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flake-fixture-'))
  writeFiles(root, files)
  sh('git', ['init', '-q', '-b', 'main'], root)
  commitAll(root, 'fixture')
  return root
}

/** Write fixture files into an existing folder. */
export function writeFiles(root: string, files: Record<string, FixtureEntry>): void {
  for (const [rel, entry] of Object.entries(files)) {
    const file = path.join(root, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (typeof entry === 'string') {
      fs.writeFileSync(file, entry)
    } else if ('symlink' in entry) {
      fs.symlinkSync(entry.symlink, file)
    } else {
      fs.writeFileSync(file, entry.text, { mode: 0o755 })
    }
  }
}

/** `git add -A && git commit` in a fixture repository. */
export function commitAll(root: string, message: string): void {
  sh('git', ['add', '-A'], root)
  sh('git', ['commit', '-q', '--allow-empty', '-m', message], root)
}

/** A derivation-producing flake output for `system` that builds nothing expensive. */
export function trivialDerivation(name: string, system: string, description?: string): string {
  const meta =
    description === undefined ? '' : ` // { meta.description = ${JSON.stringify(description)}; }`
  return `(derivation { name = ${JSON.stringify(name)}; system = ${JSON.stringify(system)}; builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; })${meta}`
}

/**
 * A `nix` to put first on PATH: a shell script running `script`, in which `$REAL_NIX` is the
 * real nix and `$DIR` a folder for its notes. Returns that folder and the PATH to use. The
 * features the run enables on every call (`--extra-experimental-features …`) are dropped before
 * `script` runs, so that its `$1` is Nix's command (the test configuration enables them anyway).
 */
export function nixWrapper(script: string): { dir: string; path: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nix-wrapper-'))
  const realNix = sh('sh', ['-c', 'command -v nix']).trim()
  const features = 'if [ "$1" = --extra-experimental-features ]; then shift 2; fi\n'
  const header = `#!/bin/sh\nREAL_NIX='${realNix}'\nDIR='${dir}'\n${features}`
  fs.writeFileSync(path.join(dir, 'nix'), header + script + '\n', { mode: 0o755 })
  return { dir, path: `${dir}:${testEnv().PATH}` }
}
