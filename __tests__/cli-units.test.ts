// The command line's pieces on their own: flags and variables, place detection and defaults,
// and the text reporter (GitLab sections, secrets, the error block, the progress line).
import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseCommandLine } from '../src/cli/flags.js'
import { cliPlace, detectPlace, placeDefaults } from '../src/cli/places.js'
import { Sink, textReporter, withOutputsFile } from '../src/cli/report.js'
import type { Release } from '../src/release.js'
import type { Reporter } from '../src/reporter.js'
import { Settings, readSettings } from '../src/settings.js'
import { givenTokenProblem } from '../src/token.js'
import { InputError } from '../src/errors.js'

const sink = (tty = false): Sink & { text: string } => {
  const s = { text: '', isTTY: tty, columns: 60, write: (t: string) => (s.text += t) }
  return s
}

const release = {
  uploadName: 'group/sub-project',
  version: 'v1.0.0',
  flakeRefs: { atLeast: 'group/sub-project/v1.0.0', exact: 'group/sub-project/=v1.0.0' }
} as Release

describe('flags and variables', () => {
  it('lets a flag win over its variable, reads booleans from either, and names where a value came from', () => {
    const line = parseCommandLine(['--tag', 'v1.0.0', '--mirror'], {
      FLAKEHUB_PUSH_TAG: 'v9.9.9',
      FLAKEHUB_PUSH_ROLLING: 'true',
      FLAKEHUB_PUSH_NAME: 'a/b'
    })
    expect(line.problems).toEqual([])
    expect(['tag', 'mirror', 'rolling', 'name', 'host'].map(line.read)).toEqual([
      'v1.0.0',
      'true',
      'true',
      'a/b',
      ''
    ])
    expect(line.spelling.setting('tag')).toBe('`--tag`')
    expect(line.spelling.setting('rolling')).toBe('`--rolling` (from FLAKEHUB_PUSH_ROLLING)')
    expect(line.spelling.write('rolling', 'true')).toBe('`--rolling`')
    expect(line.spelling.write('tag', 'v1.2.3')).toBe('`--tag v1.2.3`')
  })

  it('has no variable for --jwt-issuer-uri, and knows --help and --version', () => {
    expect(parseCommandLine([], { JWT_ISSUER_URI: 'x' }).read('jwt-issuer-uri')).toBe('')
    expect(parseCommandLine(['--visibility', 'public', '-h']).action).toBe('help')
    expect(parseCommandLine(['--version']).action).toBe('version')
  })
})

describe('--outputs-file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-file-'))
  fs.writeFileSync(path.join(dir, 'plain'), '')
  const hint = 'write a file path in an existing folder, e.g. `--outputs-file flakehub.env`.'
  const problems = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    parseCommandLine(args, env).problems

  it('is fine in an existing folder, new or overwritten, and when not given', () => {
    expect(problems(['--outputs-file', path.join(dir, 'out.env')])).toEqual([])
    expect(problems(['--outputs-file', path.join(dir, 'plain')])).toEqual([])
    expect(problems([])).toEqual([])
  })

  it('names the flag and the folder that does not exist', () => {
    const file = path.join(dir, 'missing', 'out.env')
    expect(problems(['--outputs-file', file])).toEqual([
      `\`--outputs-file\`: the folder ${path.join(dir, 'missing')} does not exist; create it first, or ${hint}`
    ])
  })

  it('names the variable it came from, and refuses a folder or a file as the folder', () => {
    const env = { FLAKEHUB_PUSH_OUTPUTS_FILE: dir }
    expect(problems([], env)).toEqual([
      `\`--outputs-file\` (from FLAKEHUB_PUSH_OUTPUTS_FILE): ${dir} is a folder; ${hint}`
    ])
    expect(problems(['--outputs-file', path.join(dir, 'plain', 'out.env')])).toEqual([
      `\`--outputs-file\`: ${path.join(dir, 'plain')} is not a folder; ${hint}`
    ])
  })
})

describe('--disable-rename-subgroups', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'subgroups-'))
  fs.writeFileSync(path.join(workspace, 'flake.nix'), '{ outputs = _: {}; }')
  const settings = (...args: string[]) => {
    const line = parseCommandLine(['--visibility', 'public', '--tag', 'v1.0.0', ...args], {})
    return readSettings(line.read, { repository: '', refName: '', workspace }, line.spelling)
  }

  it('folds subgroups into the project name unless told not to', () => {
    expect(settings('--repository', 'a/b/c')).toMatchObject({ uploadName: 'a/b-c' })
  })

  it('keeps them, and then wants --name', () => {
    expect(() => settings('--repository', 'a/b/c', '--disable-rename-subgroups')).toThrow(
      new InputError([
        '`--repository`: "a/b/c" has subgroups, which `--disable-rename-subgroups` keeps from being folded into the project name; say the published name with `--name owner/flake-name`, or drop `--disable-rename-subgroups`.'
      ])
    )
    expect(
      settings('--repository', 'a/b/c', '--disable-rename-subgroups', '--name', 'a/c')
    ).toMatchObject({ uploadName: 'a/c', repository: 'a/b/c' })
  })

  it('checks each kept segment as a name part, naming the flag', () => {
    const kept = ['--disable-rename-subgroups', '--name', 'a/c']
    expect(() => settings('--repository', 'a/../c', ...kept)).toThrow(
      new InputError([
        '`--repository`: "a/../c" cannot have ".." as a part (a URL reads it as a folder step); write it as `--repository owner/project`.'
      ])
    )
    // Folded, the same segments make one harmless project name.
    expect(settings('--repository', 'a/../c')).toMatchObject({ uploadName: 'a/..-c' })
    expect(() => settings('--repository', 'a/b/c', '--name', 'a/b#c')).toThrow(
      new InputError([
        '`--name`: "a/b#c" holds "#"; a name may not hold "?", "#", "%" or "\\"; write it as `owner/flake-name`.'
      ])
    )
  })
})

describe('the place', () => {
  it('is detected in the order GitHub, GitLab, another CI, a developer machine', () => {
    const all = { GITHUB_ACTIONS: 'true', GITLAB_CI: 'true', FLAKEHUB_PUSH_OIDC_TOKEN: 't' }
    expect(detectPlace(all)).toBe('github')
    expect(detectPlace({ ...all, GITHUB_ACTIONS: '' })).toBe('gitlab')
    expect(detectPlace({ FLAKEHUB_PUSH_OIDC_TOKEN: 't' })).toBe('ci')
    expect(detectPlace({ CI: 'true' })).toBe('local')
  })

  it("takes GitLab's defaults, the tag from CI_COMMIT_TAG before CI_COMMIT_REF_NAME", () => {
    const env = {
      CI_PROJECT_DIR: '/builds/g/p',
      CI_PROJECT_PATH: 'g/s/p',
      CI_COMMIT_SHA: 'a'.repeat(40),
      CI_COMMIT_REF_NAME: 'main'
    }
    expect(placeDefaults('gitlab', env, '/x')).toEqual({
      repository: 'g/s/p',
      repositoryFrom: 'CI_PROJECT_PATH',
      refName: 'main',
      refNameFrom: 'CI_COMMIT_REF_NAME',
      workspace: '/builds/g/p',
      rev: 'a'.repeat(40)
    })
    expect(placeDefaults('gitlab', { ...env, CI_COMMIT_TAG: 'v2.0.0' }, '/x')).toMatchObject({
      refName: 'v2.0.0',
      refNameFrom: 'CI_COMMIT_TAG'
    })
    expect(placeDefaults('local', env, '/x')).toMatchObject({ repository: '', workspace: '/x' })
  })
})

describe('a token given in a variable', () => {
  const now = Date.parse('2025-03-01T12:00:00Z')
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const jwt = (claims: unknown) => `${part({ alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`
  const at = (iso: string) => Date.parse(iso) / 1000

  it.each([
    [jwt({ exp: at('2025-03-01T12:00:01Z') }), undefined],
    [
      jwt({ exp: at('2025-03-01T12:00:00Z') }),
      'expired at 2025-03-01T12:00:00.000Z, 0 seconds ago'
    ],
    [jwt({ exp: at('2025-03-01T11:59:59Z') }), 'expired at 2025-03-01T11:59:59.000Z, 1 second ago'],
    [jwt({ exp: at('2025-03-01T11:59:00Z') }), 'expired at 2025-03-01T11:59:00.000Z, 1 minute ago'],
    [
      jwt({ exp: at('2025-03-01T11:18:00Z') }),
      'expired at 2025-03-01T11:18:00.000Z, 42 minutes ago'
    ],
    [jwt({ exp: -1e300 }), 'expired long ago (its `exp` is out of range)'],
    [jwt({ exp: '1740830400' }), 'has no expiry: its claims hold no numeric `exp`'],
    [jwt({ sub: 'x' }), 'has no expiry: its claims hold no numeric `exp`'],
    [jwt([1, 2]), 'is not a JWT: its middle part is not a JSON object'],
    [jwt(null), 'is not a JWT: its middle part is not a JSON object'],
    [`${part({})}.bm90IGpzb24.sig`, 'is not a JWT: its middle part is not a JSON object'],
    [
      `${part({})}.${part({ exp: 1 })}.`,
      'is not a JWT: its last (signature) part is not base64url text'
    ],
    [`${part({})}.a+b/c=.sig`, 'is not a JWT: its middle (claims) part is not base64url text'],
    [
      'glpat-0123456789abcdefghij',
      'is not a JWT (three base64url parts joined by dots): it has 1 part'
    ],
    ['a.b', 'is not a JWT (three base64url parts joined by dots): it has 2 parts']
  ])('judges %j as %j', (token, problem) => {
    expect(givenTokenProblem(token, now)).toBe(problem)
  })

  const reporter = textReporter({
    out: sink(),
    err: sink(),
    gitlab: false,
    color: false,
    progress: false,
    debug: false
  })
  const settings = (destDir?: string) => ({ audience: 'api.flakehub.com', destDir }) as Settings
  const expired = jwt({ exp: Math.floor(Date.now() / 1000) - 600 })
  const live = jwt({ exp: Math.floor(Date.now() / 1000) + 600 })

  it('refuses an expired FLAKEHUB_PUSH_OIDC_TOKEN before the evaluation, saying what to do and not the token', () => {
    const place = cliPlace('ci', () => '', { FLAKEHUB_PUSH_OIDC_TOKEN: expired }, reporter)
    let message = ''
    try {
      place.check(settings())
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(
      /^FLAKEHUB_PUSH_OIDC_TOKEN expired at \d{4}-\d\d-\d\dT[\d:.]+Z, 10 minutes ago\. Put a fresh OIDC token \(a JWT\) for the audience api\.flakehub\.com into FLAKEHUB_PUSH_OIDC_TOKEN, made by your CI in the same job, right before this command\.$/
    )
    for (const piece of expired.split('.')) expect(message).not.toContain(piece)
    expect(() =>
      cliPlace('ci', () => '', { FLAKEHUB_PUSH_OIDC_TOKEN: live }, reporter).check(settings())
    ).not.toThrow()
  })

  it("refuses GitLab's token when it is not a JWT, pointing at the job's id_tokens", () => {
    const place = cliPlace(
      'gitlab',
      () => '',
      { GITLAB_JWT_ID_TOKEN: 'glpat-abcdefghijklmnop' },
      reporter
    )
    expect(() => place.check(settings())).toThrow(
      new Error(
        "GITLAB_JWT_ID_TOKEN is not a JWT (three base64url parts joined by dots): it has 1 part. GitLab makes this token for each job from the job's `id_tokens:`, and it lives as long as the job's timeout: declare it there (not as a variable of your own) and run the job again.\n\nid_tokens:\n  GITLAB_JWT_ID_TOKEN:\n    aud: api.flakehub.com"
      )
    )
  })

  it('does not look at the token in a dry run, which needs none', () => {
    for (const kind of ['ci', 'gitlab'] as const) {
      const env = { FLAKEHUB_PUSH_OIDC_TOKEN: expired, GITLAB_JWT_ID_TOKEN: 'not-a-jwt' }
      expect(() =>
        cliPlace(kind, () => '', env, reporter).check(settings('/tmp/out'))
      ).not.toThrow()
    }
  })
})

describe('the text reporter', () => {
  const make = (options: { gitlab?: boolean; progress?: boolean; now?: () => number } = {}) => {
    const out = sink()
    const err = sink(options.progress)
    const exit = jest.fn<(code: number) => void>()
    const reporter = textReporter({
      out,
      err,
      gitlab: options.gitlab ?? false,
      color: false,
      progress: options.progress ?? false,
      debug: false,
      now: options.now,
      exit
    })
    return { out, err, exit, reporter }
  }

  it('prints a phase as a collapsed GitLab section stamped with its start and end', () => {
    let now = 1_700_000_000_000
    const { out, reporter } = make({ gitlab: true, now: () => now })
    reporter.phaseStarted('Package')
    now += 2500
    reporter.phaseEnded('Package', 'done', 2.5, ['packed'])
    expect(out.text).toBe(
      '▶ Package…\n' +
        '\x1b[0Ksection_start:1700000000:flakehub_push_1[collapsed=true]\r\x1b[0KPackage (done in 2.50 s)\npacked\n' +
        '\x1b[0Ksection_end:1700000002:flakehub_push_1\r\x1b[0K\n'
    )
  })

  it('never prints a secret, and fails with one error block and exit status 1', () => {
    const { out, err, exit, reporter } = make()
    reporter.secret('s3cr3t-token')
    reporter.info('Authorization: Bearer s3cr3t-token')
    reporter.warning('careful')
    reporter.failed('FlakeHub said s3cr3t-token is bad\nsecond line')
    expect(out.text).toBe('Authorization: Bearer ***\n')
    expect(err.text).toBe('warning: careful\nerror: FlakeHub said *** is bad\n  second line\n')
    expect(exit).toHaveBeenCalledWith(1)
  })

  it('on a terminal, keeps a status line of the running phases with their times', () => {
    jest.useFakeTimers()
    try {
      let now = 0
      const { out, err, reporter } = make({ progress: true, now: () => now })
      reporter.phaseStarted('Evaluate')
      now = 1500
      reporter.phaseStarted('Package')
      now = 3200
      jest.advanceTimersByTime(100)
      expect(err.text.split('\r\x1b[K').at(-1)).toMatch(/^. Evaluate 3\.2 s · Package 1\.7 s$/)
      reporter.info('a line')
      expect(out.text).toBe('a line\n')
      reporter.phaseEnded('Package', 'done', 1.7, [])
      reporter.phaseEnded('Evaluate', 'done', 3.2, [])
      expect(err.text.endsWith('\r\x1b[K')).toBe(true)
      expect(out.text).not.toContain('▶')
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('the outputs file', () => {
  it('holds the four outputs as dotenv lines once the run has finished', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-')), 'out.env')
    const finished = jest.fn<Reporter['finished']>(async () => undefined)
    const reporter = withOutputsFile({ finished } as unknown as Reporter, file)
    await reporter.finished(release, 'published', new Map(), { host: 'https://x' })
    expect(fs.readFileSync(file, 'utf8')).toBe(
      'flake_name=group/sub-project\nflake_version=v1.0.0\n' +
        'flakeref_at_least=group/sub-project/v1.0.0\nflakeref_exact=group/sub-project/=v1.0.0\n'
    )
    expect(finished).toHaveBeenCalledTimes(1)
  })
})
