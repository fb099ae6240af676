import { beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { actionSource } from '../src/settings/action.js'
import { readSettings as readSource } from '../src/settings/read.js'
import type { Defaults } from '../src/settings/settings.js'

/** The settings the action reads from these inputs (and variables). */
const readSettings = (
  read: (name: string) => string,
  defaults: Defaults,
  env: NodeJS.ProcessEnv = {}
) => readSource(actionSource(read, env), defaults)

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'))
beforeAll(() => {
  fs.writeFileSync(path.join(workspace, 'flake.nix'), '{ outputs = _: {}; }')
  fs.mkdirSync(path.join(workspace, 'sub/flake'), { recursive: true })
  fs.writeFileSync(path.join(workspace, 'sub/flake/flake.nix'), '{ outputs = _: {}; }')
  fs.mkdirSync(path.join(workspace, 'no-flake'))
  fs.symlinkSync(os.tmpdir(), path.join(workspace, 'escape'))
  fs.symlinkSync('sub/flake', path.join(workspace, 'linked'))
})

const defaults = (): { repository: string; refName: string; workspace: string } => ({
  repository: 'owner/project',
  refName: 'v1.0.0',
  workspace
})

function readingOf(inputs: Record<string, string>) {
  const all: Record<string, string> = { visibility: 'public', ...inputs }
  return readSettings(name => all[name] ?? '', defaults())
}

function settingsWith(inputs: Record<string, string>) {
  const reading = readingOf(inputs)
  if (reading.problems !== undefined) throw new Error(reading.problems.join('\n'))
  return reading.settings
}

function problemsOf(inputs: Record<string, string>): string[] {
  const { problems } = readingOf(inputs)
  if (problems === undefined) throw new Error('expected the inputs to be refused')
  return problems
}

describe('reading settings', () => {
  it('gives a tagged public release of the repository with the defaults', () => {
    const settings = settingsWith({})
    expect(settings).toMatchObject({
      visibility: 'public',
      uploadName: 'owner/project',
      repository: 'owner/project',
      version: { kind: 'tag', tag: 'v1.0.0' },
      gitRoot: fs.realpathSync(workspace),
      flakeDir: fs.realpathSync(workspace),
      sourceSubdirectory: '',
      host: 'https://api.flakehub.com',
      audience: 'api.flakehub.com',
      mirror: false,
      errorOnConflict: false,
      includeOutputPaths: false,
      myFlakeIsTooBig: false,
      destDir: undefined,
      spdxExpression: undefined,
      extraLabels: []
    })
  })

  it.each<[string, Record<string, string>, object]>([
    ['reads hidden as unlisted', { visibility: 'hidden' }, { visibility: 'unlisted' }],
    ['reads visibility in any case', { visibility: 'Private' }, { visibility: 'private' }],
    [
      'uses name as the upload name',
      { name: 'other/flake' },
      { uploadName: 'other/flake', repository: 'owner/project' }
    ],
    ['folds subgroups of the repository', { repository: 'a/b/c/d' }, { uploadName: 'a/b-c-d' }],
    [
      'counts rolling releases from minor 1',
      { rolling: 'true' },
      { version: { kind: 'rolling', major: 0, minor: 1 } }
    ],
    [
      'takes rolling-minor with rolling',
      { rolling: 'true', 'rolling-minor': '5' },
      { version: { kind: 'rolling', major: 0, minor: 5 } }
    ],
    [
      'takes rolling-major with rolling and rolling-minor',
      { rolling: 'true', 'rolling-minor': '5', 'rolling-major': '2' },
      { version: { kind: 'rolling', major: 2, minor: 5 } }
    ],
    [
      'prefers an explicit tag to the ref name',
      { tag: 'v2.3.4' },
      { version: { kind: 'tag', tag: 'v2.3.4' } }
    ],
    [
      'resolves a subflake directory',
      { directory: 'sub/flake' },
      { sourceSubdirectory: 'sub/flake' }
    ],
    [
      'follows a symlinked directory inside the repository',
      { directory: 'linked' },
      { sourceSubdirectory: 'sub/flake' }
    ],
    ['treats an empty boolean as its default', { mirror: '' }, { mirror: false }],
    [
      'reads booleans in YAML spellings',
      { mirror: 'True', 'error-on-conflict': 'TRUE' },
      { mirror: true, errorOnConflict: true }
    ],
    [
      'strips a trailing slash from host and takes its host name as audience',
      { host: 'http://127.0.0.1:8080/' },
      { host: 'http://127.0.0.1:8080', audience: '127.0.0.1' }
    ],
    ['splits extra labels', { 'extra-labels': 'a, b' }, { extraLabels: ['a', 'b'] }],
    [
      'uses extra-tags only when extra-labels is empty',
      { 'extra-tags': 'old' },
      { extraLabels: ['old'] }
    ],
    [
      'ignores extra-tags beside extra-labels',
      { 'extra-tags': 'old', 'extra-labels': 'new' },
      { extraLabels: ['new'] }
    ],
    [
      'accepts an SPDX expression',
      { 'spdx-expression': 'MIT OR Apache-2.0' },
      { spdxExpression: 'MIT OR Apache-2.0' }
    ],
    [
      'lower-cases a full revision',
      { rev: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' },
      { rev: 'abcdef0123456789abcdef0123456789abcdef01' }
    ],
    [
      'resolves dest-dir against the workspace',
      { 'dest-dir': 'out' },
      { destDir: path.join(workspace, 'out') }
    ]
  ])('%s', (_, inputs, expected) => {
    expect(settingsWith(inputs)).toMatchObject(expected)
  })

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a missing visibility',
      { visibility: '' },
      /^Input `visibility`: is required; write `public`, `unlisted` or `private`/
    ],
    [
      'an unknown visibility',
      { visibility: 'secret' },
      /^Input `visibility`: "secret" is not a visibility/
    ],
    [
      'a repository without a slash',
      { repository: 'project' },
      /^Input `repository`: "project" is not `owner\/project`/
    ],
    [
      'a name with two slashes',
      { name: 'a/b/c' },
      /^Input `name`: "a\/b\/c" must contain exactly one "\/"/
    ],
    [
      'a name with whitespace',
      { name: 'a/b c' },
      /^Input `name`: "a\/b c" must be ASCII with no whitespace/
    ],
    ['a non-ASCII name', { name: 'a/ü' }, /^Input `name`: .*must be ASCII/],
    [
      'a boolean that is neither true nor false',
      { rolling: 'yes' },
      /^Input `rolling`: "yes" is not a boolean; write `true` or `false`/
    ],
    [
      'rolling-minor without rolling',
      { 'rolling-minor': '2' },
      /^Input `rolling-minor`: is set but `rolling` is not; add `rolling: true`/
    ],
    [
      'rolling-major without rolling-minor, in the established words',
      { rolling: 'true', 'rolling-major': '1' },
      /^Input `rolling-major`: You cannot set `rolling-major` without `rolling-minor`\.$/
    ],
    [
      'a rolling-minor that is not a number',
      { rolling: 'true', 'rolling-minor': 'two' },
      /^Input `rolling-minor`: "two" is not a whole number/
    ],
    [
      'a negative rolling-minor',
      { rolling: 'true', 'rolling-minor': '-1' },
      /^Input `rolling-minor`: "-1" is not a whole number/
    ],
    [
      'a tag that is not SemVer',
      { tag: 'v1.2' },
      /^Input `tag`: "v1.2" is not a SemVer version; tag the release like `v1.2.3`, or set `rolling: true`/
    ],
    ['a short revision', { rev: 'abc123' }, /^Input `rev`: "abc123" is not a full commit SHA/],
    ['a host that is not a URL', { host: 'flakehub' }, /^Input `host`: "flakehub" is not a URL/],
    [
      'a host that is not http',
      { host: 'ftp://example.com' },
      /^Input `host`: "ftp:\/\/example.com" is not a URL/
    ],
    [
      'an invalid SPDX expression',
      { 'spdx-expression': 'MIT OR' },
      /^Input `spdx-expression`: "MIT OR" is not an SPDX license expression .*write an identifier such as `MIT`/
    ],
    [
      'an unknown SPDX licence',
      { 'spdx-expression': 'Not-A-Licence' },
      /^Input `spdx-expression`: "Not-A-Licence" is not an SPDX license expression/
    ],
    [
      'a git-root that does not exist',
      { 'git-root': 'missing' },
      /^Input `git-root`: "missing" is not a folder/
    ],
    [
      'a directory that does not exist',
      { directory: 'missing' },
      /^Input `directory`: "missing" is not a folder under `git-root`/
    ],
    [
      'a directory outside the repository',
      { directory: '..' },
      /^Input `directory`: ".." resolves to .*, outside `git-root`/
    ],
    [
      'a directory that escapes through a symlink',
      { directory: 'escape' },
      /^Input `directory`: "escape" resolves to .*, outside `git-root`/
    ],
    [
      'a directory without flake.nix',
      { directory: 'no-flake' },
      /^Input `directory`: there is no flake.nix in .*no-flake; point `directory` at the folder that holds flake.nix/
    ]
  ])('refuses %s with one message that names the input', (_, inputs, message) => {
    const problems = problemsOf(inputs)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  function problemsWithRefName(refName: string): string[] {
    const read = (name: string) => (name === 'visibility' ? 'public' : '')
    return readSettings(read, { ...defaults(), refName }).problems ?? []
  }

  it('refuses a branch name taken from GITHUB_REF_NAME and says where it came from', () => {
    expect(problemsWithRefName('main')).toEqual([
      'Input `tag`: "main" (taken from GITHUB_REF_NAME) is not a SemVer version; tag the release like `v1.2.3`, or set `rolling: true`.'
    ])
  })

  it('asks for a tag or rolling when there is neither a tag nor a ref name', () => {
    expect(problemsWithRefName('')).toEqual([
      'Input `tag`: is empty; set `tag: v1.2.3` for a tagged release, or `rolling: true`.'
    ])
  })

  it('lists every bad input at once', () => {
    const problems = problemsOf({ visibility: 'nope', rolling: 'maybe', host: 'x' })
    expect(problems.map(p => p.split(':')[0])).toEqual([
      'Input `visibility`',
      'Input `rolling`',
      'Input `host`'
    ])
  })

  it('refuses names and repositories with path syntax in a part, each on one line with what to write', () => {
    const problems = problemsOf({ name: 'acme/..', repository: 'acme/w?x=1', rolling: 'maybe' })
    expect(problems).toEqual([
      'Input `name`: "acme/.." cannot have ".." as a part (a URL reads it as a folder step); write it as `owner/flake-name`.',
      'Input `repository`: "acme/w?x=1" holds "?"; a name may not hold "?", "#", "%" or "\\"; write it as `repository: owner/project`.',
      'Input `rolling`: "maybe" is not a boolean; write `true` or `false`.'
    ])
  })

  it('checks the repository after folding its subgroups, and says where it came from', () => {
    expect(settingsWith({ repository: 'acme/../flake' }).uploadName).toBe('acme/..-flake')
    const problems = () =>
      readSettings(name => (name === 'visibility' ? 'public' : ''), {
        ...defaults(),
        repository: 'acme/a\tb'
      }).problems ?? []
    expect(problems()).toEqual([
      'Input `repository`: "acme/a\\tb" (taken from GITHUB_REPOSITORY) must be ASCII with no whitespace; write it as `repository: owner/project`.'
    ])
  })

  it.each([['acme/flake.'], ['acme/.hidden'], ['Acme.Org/my_flake-2'], ['acme/x:y@z+1']])(
    'accepts %j as name and as repository',
    value => {
      expect(settingsWith({ name: value }).uploadName).toBe(value)
      expect(settingsWith({ repository: value }).uploadName).toBe(value)
    }
  )

  it('reads the time limits with the inputs, and reports a bad one with the other problems', () => {
    const read = (name: string) => ({ visibility: 'nope' })[name] ?? ''
    const env = { FLAKEHUB_PUSH_TIMEOUT_STAGE: 'soon', FLAKEHUB_PUSH_RETRY_DELAY: '0.5' }
    expect(readSettings(read, defaults(), env).problems).toEqual([
      'Input `visibility`: "nope" is not a visibility; write `public`, `unlisted` or `private`.',
      'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`: "soon" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
    ])
    const { settings } = readSettings(name => (name === 'visibility' ? 'public' : ''), defaults(), {
      FLAKEHUB_PUSH_TIMEOUT_STAGE: '2',
      FLAKEHUB_PUSH_RETRY_DELAY: '0.5'
    })
    expect(settings?.timeouts).toMatchObject({
      stageMs: 2000,
      retryDelayMs: 500,
      publishMs: 60_000
    })
  })

  it('reads the number of evaluators from its input, and refuses a bad one with the others', () => {
    expect(settingsWith({}).evaluators).toBe('auto')
    expect(settingsWith({ evaluators: '1' }).evaluators).toBe(1)
    expect(settingsWith({ evaluators: ' 4 ' }).evaluators).toBe(4)
    expect(problemsOf({ evaluators: '0', visibility: 'nope' })).toEqual([
      'Input `visibility`: "nope" is not a visibility; write `public`, `unlisted` or `private`.',
      'Input `evaluators`: "0" is not a number of evaluators; write a whole number from 1 to 64 (`1`: one `nix` evaluates everything), or leave it empty for one per core.'
    ])
  })

  it('hands back the GitHub token as a secret, also when an input is refused', () => {
    expect(readingOf({ 'github-token': 'ghs_secret' }).secrets).toEqual(['ghs_secret'])
    expect(readingOf({ 'github-token': 'ghs_secret', rolling: 'maybe' }).secrets).toEqual([
      'ghs_secret'
    ])
    expect(readingOf({}).secrets).toEqual([])
  })

  it('warns once, naming them, when inputs of the established binary are set', () => {
    const { warnings } = readingOf({
      'source-tag': 'v0.1.0',
      'flakehub-push-url': 'https://x',
      logger: 'json',
      'source-branch': 'main'
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^These inputs are ignored: source-tag, flakehub-push-url, logger\./
    )
  })

  it('warns about the deprecated extra-tags', () => {
    expect(readingOf({ 'extra-tags': 'old' }).warnings).toEqual([
      '`extra-tags` is deprecated; rename it to `extra-labels`.'
    ])
  })

  it('does not warn with default inputs', () => {
    expect(readingOf({ 'log-directives': 'flakehub_push=info', logger: 'full' }).warnings).toEqual(
      []
    )
  })
})

describe('reading settings: what comes back beside the settings', () => {
  it('warns about extra-tags only when it is used: not beside extra-labels', () => {
    expect(readingOf({ 'extra-tags': 'old', 'extra-labels': 'new' }).warnings).toEqual([])
    expect(readingOf({ 'extra-labels': 'new' }).warnings).toEqual([])
  })

  it('has no notes when it refuses the inputs, only the problems', () => {
    const reading = readingOf({ visibility: 'nope', logger: 'json' })
    expect(reading).toEqual({
      problems: [
        'Input `visibility`: "nope" is not a visibility; write `public`, `unlisted` or `private`.'
      ],
      warnings: [],
      notes: [],
      secrets: []
    })
  })
})
