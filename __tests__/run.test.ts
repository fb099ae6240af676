// The pipeline in-process: `run()` with the services a test hands in (a reporter that records,
// the run's secrets, the real Nix and Git, loopback stand-ins or a transport that must not be
// used), beside the end-to-end tests that run the bundles.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Cancelled } from '../src/errors.js'
import type { HttpTransport } from '../src/flakehub/wire.js'
import { httpClientTransport } from '../src/flakehub/http.js'
import { run } from '../src/main.js'
import { ci } from '../src/places/ci.js'
import { github } from '../src/places/github.js'
import type { Place } from '../src/places/place.js'
import { type CommandRunner, makeProcessRunner } from '../src/process/command.js'
import { Secrets } from '../src/secrets.js'
import type { Services } from '../src/services.js'
import { actionSource } from '../src/settings/action.js'
import { parseCommandLine } from '../src/settings/command-line.js'
import { readSettings } from '../src/settings/read.js'
import { makeRepo, sh, trivialDerivation } from './support/nix.js'
import { type RecordingReporter, recordingReporter } from './support/reporter.js'
import { type StandIns, startStandIns } from './support/stand-ins.js'

const FLAKE = `{
  description = "A flake run in-process";
  outputs = { self }: {
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
  };
}`

let hub: StandIns | undefined
afterEach(async () => {
  await hub?.close()
  hub = undefined
})

/** HTTP that fails the test if the run asks anything of the network. */
const noNetwork: HttpTransport = {
  send: async request => {
    throw new Error(`the run made an HTTP call: ${request.method} ${request.url}`)
  }
}

/**
 * The services of a run, with `reporter` recording and real Nix and Git; lowering packing's
 * priority for the evaluators is recorded, as the worker's would outlast the test (priority.test).
 */
function services(
  reporter: RecordingReporter,
  over: Partial<Services> = {}
): Services & { secrets: Secrets } {
  const secrets = new Secrets()
  return {
    reporter,
    secrets,
    runner: makeProcessRunner({ log: reporter }),
    http: noNetwork,
    now: Date.now,
    signal: new AbortController().signal,
    priority: {
      lowerHelpers: () => reporter.info('(helpers lowered)'),
      lowerProcess: () => reporter.info('(a child of packing lowered)')
    },
    ...over
  }
}

const finished = (reporter: RecordingReporter) => reporter.events.filter(e => e.kind === 'finished')
const failures = (reporter: RecordingReporter) => reporter.events.filter(e => e.kind === 'failed')

describe('run(), in-process', () => {
  it('makes a dry run of the action on GitHub: the release written, no call made, the phases reported', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'run-dry-'))
    const env = { GITHUB_REPOSITORY: 'owner/project', GITHUB_WORKSPACE: repo }
    const place = github.enter(env, repo)
    const inputs: Record<string, string> = {
      visibility: 'public',
      rolling: 'true',
      'dest-dir': out
    }
    const reading = readSettings(
      actionSource(name => inputs[name] ?? '', {}),
      place.defaults
    )
    const reporter = recordingReporter()
    await run(place, reading, services(reporter))
    expect(failures(reporter)).toEqual([])
    const version = `0.1.1+rev-${revision}`
    expect(fs.readdirSync(out).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])
    expect(finished(reporter)).toEqual([
      {
        kind: 'finished',
        release: expect.objectContaining({ uploadName: 'owner/project', version }),
        outcome: 'dry-run',
        phases: expect.arrayContaining(['Repository', 'Locate flake', 'Package']),
        where: { destDir: out }
      }
    ])
    const ended = reporter.events.flatMap(e => (e.kind === 'phaseEnded' ? [e.name] : []))
    expect(ended).toContain('Evaluate (all systems)')
    // Once nix evaluates, packing steps back (here told to the recorder, not done to jest's worker).
    expect(reporter.events).toContainEqual({ kind: 'info', text: '(helpers lowered)' })
  })

  it("publishes from another CI to the stand-ins, with that CI's token kept out of everything shown", async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE, 'README.md': 'Read me' })
    hub = await startStandIns()
    const token = hub.mintToken()
    const place = ci.enter({ FLAKEHUB_PUSH_OIDC_TOKEN: token }, repo)
    const args = ['--visibility', 'public', '--rolling', '--repository', 'owner/project']
    const line = parseCommandLine([...args, '--host', hub.host, '-l', 'extra'], {})
    const reading = readSettings(line, place.defaults)
    const reporter = recordingReporter()
    const controller = new AbortController()
    const http = httpClientTransport(controller.signal)
    const given = services(reporter, { http, signal: controller.signal })
    await run(place, reading, given)
    expect(failures(reporter)).toEqual([])
    expect(hub.problems).toEqual([])
    expect(hub.published.map(p => p.name)).toEqual(['owner/project'])
    expect(hub.published[0].metadata).toMatchObject({ readme: 'Read me', labels: ['extra'] })
    expect(finished(reporter).map(e => e.kind === 'finished' && e.outcome)).toEqual(['published'])
    expect(given.secrets.hide(`x ${token} y`)).toBe('x *** y')
    expect(reporter.shown()).not.toContain(token)
  })

  it('reports every problem of the settings at once, and runs nothing', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const place = ci.enter({}, repo)
    const line = parseCommandLine(['--visibility', 'secret', '--rolling-major', '1'], {
      FLAKEHUB_PUSH_TIMEOUT_STAGE: 'soon'
    })
    const reading = readSettings(line, place.defaults)
    const reporter = recordingReporter()
    const runner: CommandRunner = { run: jest.fn(async () => ({ stdout: '', stderr: '' })) }
    await run(place, reading, services(reporter, { runner }))
    expect(runner.run).not.toHaveBeenCalled()
    expect(reporter.events).toEqual([
      {
        kind: 'failed',
        exitCode: 1,
        message: [
          '`--visibility`: "secret" is not a visibility; write `public`, `unlisted` or `private`.',
          '`--repository`: is required here (nothing in the environment names the repository); write it as `--repository owner/project`.',
          '`--rolling-major`: You cannot set `--rolling-major` without `--rolling-minor`.',
          '`--tag`: is empty; set `--tag v1.2.3` for a tagged release, or `--rolling`.',
          'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`: "soon" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
        ].join('\n')
      }
    ])
  })

  it("keeps the place's tokens and the settings' secrets first, and shows their warnings and notes", async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const masked: string[] = []
    const place: Place = {
      ...ci.enter({ FLAKEHUB_PUSH_OIDC_TOKEN: 'place-token-1234' }, repo),
      check: () => {
        throw new Error('stop here')
      }
    }
    const line = parseCommandLine(['--visibility', 'public', '--rolling', '-t', 'old'], {
      FLAKEHUB_PUSH_GITHUB_TOKEN: 'ghs_settings_token',
      FLAKEHUB_PUSH_REPOSITORY: 'o/p',
      FLAKEHUB_PUSH_LOGGER: 'json'
    })
    const reporter = recordingReporter()
    const given = { ...services(reporter), secrets: new Secrets(value => masked.push(value)) }
    await run(place, readSettings(line, place.defaults), given)
    expect(masked).toEqual(['place-token-1234', 'ghs_settings_token'])
    expect(reporter.events.map(e => e.kind)).toEqual(['warning', 'info', 'failed'])
    expect(reporter.events[0]).toEqual({
      kind: 'warning',
      text: '`--extra-tags` is deprecated; rename it to `--extra-labels`.'
    })
    expect(reporter.events[2]).toMatchObject({ message: 'stop here' })
  })

  it('stops at once when cancelled, with the signal’s exit status, and removes nothing it did not make', async () => {
    const repo = makeRepo({ 'flake.nix': FLAKE })
    const place = ci.enter({}, repo)
    const controller = new AbortController()
    controller.abort(new Cancelled('SIGINT'))
    const reporter = recordingReporter()
    const runner: CommandRunner = { run: jest.fn(async () => ({ stdout: '', stderr: '' })) }
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'run-cancel-')), 'out')
    const args = ['--visibility', 'public', '--rolling', '--repository', 'o/p', '--dest-dir', out]
    const reading = readSettings(parseCommandLine(args, {}), place.defaults)
    await run(place, reading, services(reporter, { runner, signal: controller.signal }))
    expect(runner.run).not.toHaveBeenCalled()
    expect(failures(reporter)).toEqual([
      {
        kind: 'failed',
        exitCode: 130,
        message:
          'The run was cancelled (SIGINT) before anything was published: its Nix and Git processes are stopped and its scratch folder removed.'
      }
    ])
    expect(fs.existsSync(out)).toBe(false)
  })
})
