// Test support: run the bundled command (`node24 dist/cli.js`) in a child process with a clean
// environment: no GitHub runner variables unless a test gives them.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { NODE } from './action.js'
import { commitAll, makeRepo, nixWrapper, sh, testEnv, trivialDerivation } from './nix.js'
import { ProcessRun, runProcess } from './process.js'
import type { StandIns } from './stand-ins.js'

export const CLI_BUNDLE = path.resolve(path.dirname(NODE), '../../../dist/cli.js')

export type CliRun = ProcessRun

export interface RunCliOptions {
  cwd: string
  args: string[]
  /** Added to PATH, HOME, NIX_CONFIG and Git's identity. A value of '' removes the variable. */
  env?: Record<string, string>
  /** The script to run instead of dist/cli.js (e.g. a copy of it elsewhere). */
  script?: string
  /** Shell lines to run (`sh -e -c`) instead of the command itself; `args` are then unused. */
  shell?: string
  timeoutMs?: number
  /** Called with the child's pid once started (see runProcess). */
  onStart?: (pid: number) => void
}

export async function runCli(options: RunCliOptions): Promise<CliRun> {
  const base = testEnv()
  const env: Record<string, string> = {}
  for (const key of [
    'PATH',
    'HOME',
    'NIX_CONFIG',
    ...Object.keys(base).filter(k => k.startsWith('GIT_'))
  ]) {
    const value = base[key]
    if (value !== undefined) env[key] = value
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === '') delete env[name]
    else env[name] = value
  }
  const [command, args] =
    options.shell !== undefined
      ? ['sh', ['-e', '-c', options.shell]]
      : [NODE, [options.script ?? CLI_BUNDLE, ...options.args]]
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000
  return runProcess(command, args, {
    cwd: options.cwd,
    env,
    timeoutMs,
    name: 'flakehub-push',
    onStart: options.onStart
  })
}

/** GitHub's workflow commands (`::error::`, `::group::`, `::add-mask::` …) at the start of a line. */
export const WORKFLOW_COMMAND = /^::[a-z-]+[ :]/m

/** The escape character, for matching ANSI sequences. */
export const ESC = String.fromCharCode(27)

export const FLAKE = `{
  description = "A flake to publish from anywhere";
  outputs = { self }: {
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
  };
}`
export const SUBFLAKE = `{ outputs = { self }: { packages.x86_64-linux.p = ${trivialDerivation('p', 'x86_64-linux')}; }; }`

/** A repository three commits deep with a flake at the root and one in sub/. */
export function threeCommits(): { repo: string; revision: string } {
  const repo = makeRepo({ 'flake.nix': FLAKE, 'sub/flake.nix': SUBFLAKE, 'README.md': 'Hi' })
  commitAll(repo, 'second')
  commitAll(repo, 'third')
  return { repo, revision: sh('git', ['rev-parse', 'HEAD'], repo).trim() }
}

export const tmp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
export const flakeHubCalls = (hub: StandIns) =>
  hub.log.filter(e => ['status', 'stage', 'publish'].includes(e.endpoint))
/**
 * A `nix` that notes each call, for tests that must show Nix was never asked about the flake.
 * Asking its version is not noted: every run does that first, to refuse a missing or too old Nix.
 */
export const recordingNix = () =>
  nixWrapper(
    'case " $* " in *" --version "*) ;; *) touch "$DIR/called" ;; esac\nexec "$REAL_NIX" "$@"'
  )
export const nixRan = (nix: { dir: string }) => fs.existsSync(path.join(nix.dir, 'called'))
export const errorBlocks = (run: CliRun) =>
  run.stderr.match(new RegExp(`^(${ESC}\\[[\\d;]*m)?error:`, 'gm')) ?? []
