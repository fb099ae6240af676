// Test support: run the bundled command (`node24 dist/cli.js`) in a child process with a clean
// environment: no GitHub runner variables unless a test gives them.
import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { NODE } from './action.js'
import { testEnv } from './nix.js'

export const CLI_BUNDLE = path.resolve(path.dirname(NODE), '../../../dist/cli.js')

export interface CliRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

export interface RunCliOptions {
  cwd: string
  args: string[]
  /** Added to PATH, HOME, NIX_CONFIG and Git's identity. A value of '' removes the variable. */
  env?: Record<string, string>
  /** The script to run instead of dist/cli.js (e.g. a copy of it elsewhere). */
  script?: string
  timeoutMs?: number
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
  const child = spawn(NODE, [options.script ?? CLI_BUNDLE, ...options.args], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true // its own process group, so a timeout kills Nix and Git too
  })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8')
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      reject(
        new Error(
          `flakehub-push did not finish in ${timeoutMs} ms:\n${text(stdout)}\n${text(stderr)}`
        )
      )
    }, timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve(code)
    })
  })
  return { exitCode, stdout: text(stdout), stderr: text(stderr) }
}

/** GitHub's workflow commands (`::error::`, `::group::`, `::add-mask::` …) at the start of a line. */
export const WORKFLOW_COMMAND = /^::[a-z-]+[ :]/m
