// End to end: a flake is written by others, and what it names (outputs, through its own
// schemas) or throws reaches the log and the job summary. None of it may become a workflow
// command the runner carries out, HTML in the summary, or a terminal control sequence.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import { ESC, runCli } from './support/cli.js'
import { makeRepo, trivialDerivation } from './support/nix.js'
import { runnerCommands } from './support/runner-commands.js'

const destDir = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dest-')), 'release')

/** A Nix string literal of `text`: other control characters go into the file as they are. */
const nixString = (text: string): string =>
  `"${text.replace(/[\\"\n\r\t]|\$\{/g, c => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\${c}`)}"`

/** A flake with an output named `name`, described by a schema of its own. */
function flakeWithOutput(name: string): string {
  const quoted = nixString(name)
  return `{
  outputs = { self }: {
    schemas.${quoted} = {
      version = 1;
      doc = "Things.";
      inventory = output: { children = { x = { what = "thing"; }; }; };
    };
    ${quoted} = { };
  };
}`
}

const throwing = (message: string): string => `{
  outputs = { self }: {
    packages.x86_64-linux.a = throw ${nixString(message)};
    packages.x86_64-linux.b = ${trivialDerivation('b', 'x86_64-linux')};
  };
}`

interface Row {
  what: string
  flake: string
  /** Whether the evaluation fails (the flake throws). */
  fails: boolean
}

const ROWS: Row[] = [
  {
    what: 'an output name that tells the runner to stop reading commands',
    flake: flakeWithOutput('a\n::stop-commands::pwned\nb'),
    fails: false
  },
  {
    what: 'an output name that is a warning command',
    flake: flakeWithOutput('a\n::warning::pwned'),
    fails: false
  },
  {
    what: 'an output name that starts with blanks and a command',
    flake: flakeWithOutput('a\n   ::warning title=x::pwned'),
    fails: false
  },
  {
    what: 'an output name with the older `##[…]` command form',
    flake: flakeWithOutput('a ##[warning]pwned'),
    fails: false
  },
  {
    what: "an evaluation error whose message holds commands (Nix's message is shown)",
    flake: throwing('boom\n::warning::pwned\n::stop-commands::pwned'),
    fails: true
  }
]

describe('hostile text from the flake, in the action', () => {
  it.each(ROWS)('carries out no command from $what', async ({ flake, fails }) => {
    const repo = makeRepo({ 'flake.nix': flake })
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() },
      // With the runner's debug mode on, Nix's whole trace is printed too.
      env: { RUNNER_DEBUG: '1' }
    })
    expect(run.exitCode).toBe(fails ? 1 : 0)
    const commands = runnerCommands(run.stdout)
    // Nothing the flake wrote was carried out…
    expect(commands.filter(c => c.name === 'warning')).toEqual([])
    for (const stop of commands.filter(c => c.name === 'stop-commands')) {
      expect(stop.message).toMatch(/^[0-9a-f]{32}$/)
    }
    // …and the runner kept reading this run's own commands to the end: every group it opened
    // was closed, and the run's result came through.
    const groups = commands.filter(c => c.name === 'group').length
    expect(groups).toBeGreaterThanOrEqual(3)
    expect(commands.filter(c => c.name === 'endgroup')).toHaveLength(groups)
    const errors = commands.filter(c => c.name === 'error')
    expect(errors).toHaveLength(fails ? 1 : 0)
    // The error shows Nix's message, its lines escaped inside the one annotation.
    if (fails) expect(errors[0].message).toContain('boom%0A::warning::pwned%0A')
  })

  it('registers the masks of the tokens it holds before it prints anything', async () => {
    const repo = makeRepo({ 'flake.nix': flakeWithOutput('a\n::warning::pwned') })
    const [githubToken, requestToken] = ['ghs_mask_me_first', 'request-token-mask-me-first']
    const run = await runAction({
      workspace: repo,
      inputs: {
        visibility: 'public',
        rolling: 'true',
        'dest-dir': destDir(),
        'github-token': githubToken
      },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
      }
    })
    expect(run.exitCode).toBe(0)
    const firstLines = run.stdout.split('\n').slice(0, 2)
    expect(firstLines.map(line => runnerCommands(line)[0])).toEqual([
      { name: 'add-mask', properties: '', message: requestToken },
      { name: 'add-mask', properties: '', message: githubToken }
    ])
  })

  it('escapes HTML from output names in the job summary', async () => {
    const repo = makeRepo({ 'flake.nix': flakeWithOutput('<img src=x onerror=alert(1)>') })
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': destDir() }
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td><td>1</td>')
    expect(run.summary).not.toContain('<img')
  })
})

describe('hostile text from the flake, in the command', () => {
  it.each([
    ['on a terminal or in a log file', {}],
    ['in GitLab CI, whose sections are control sequences', { GITLAB_CI: 'true' }]
  ])('shows control characters escaped %s', async (_, env: Record<string, string>) => {
    // ESC [2J clears the screen; ESC [0K section_start… would open a GitLab section.
    const name = `a${ESC}[2J${ESC}[0Ksection_start:1:x\r${ESC}[0Kb`
    const repo = makeRepo({ 'flake.nix': flakeWithOutput(name) })
    const run = await runCli({
      cwd: repo,
      args: ['--visibility', 'public', '--repository', 'o/p', '--rolling', '--dest-dir', destDir()],
      env: { ...env, CI_PROJECT_DIR: repo }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('1 output type: a\\x1b[2J\\x1b[0Ksection_start:1:x\\r\\x1b[0Kb')
    // The only escape sequences left are the reporter's own sections, in GitLab.
    const sequences = run.stdout.match(new RegExp(`${ESC}\\[0K(section_\\w+):`, 'g')) ?? []
    expect(run.stdout.split(ESC).length - 1).toBe(env.GITLAB_CI ? 2 * sequences.length : 0)
    expect(sequences.every(s => /section_(start|end)/.test(s))).toBe(true)
  })
})
