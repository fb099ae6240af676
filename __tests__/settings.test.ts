import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const warning = jest.fn<(message: string) => void>()
const setSecret = jest.fn<(secret: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({ warning, setSecret, getInput: jest.fn() }))
const { readSettings } = await import('../src/settings.js')
const { InputError } = await import('../src/errors.js')

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

function settingsWith(inputs: Record<string, string>) {
  const all: Record<string, string> = { visibility: 'public', ...inputs }
  return readSettings(name => all[name] ?? '', defaults())
}

function problemsOf(inputs: Record<string, string>): string[] {
  try {
    settingsWith(inputs)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected the inputs to be refused')
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
      { version: { kind: 'rolling', minor: 1 } }
    ],
    [
      'takes rolling-minor with rolling',
      { rolling: 'true', 'rolling-minor': '5' },
      { version: { kind: 'rolling', minor: 5 } }
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
    try {
      readSettings(name => (name === 'visibility' ? 'public' : ''), { ...defaults(), refName })
    } catch (error) {
      return (error as InstanceType<typeof InputError>).problems
    }
    return []
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
    const problems = () => {
      try {
        readSettings(name => (name === 'visibility' ? 'public' : ''), {
          ...defaults(),
          repository: 'acme/a\tb'
        })
      } catch (error) {
        return (error as InstanceType<typeof InputError>).problems
      }
      return []
    }
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
    let problems: string[] = []
    try {
      readSettings(read, defaults(), undefined, env)
    } catch (error) {
      problems = (error as InstanceType<typeof InputError>).problems
    }
    expect(problems).toEqual([
      'Input `visibility`: "nope" is not a visibility; write `public`, `unlisted` or `private`.',
      'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`: "soon" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
    ])
    const settings = readSettings(
      name => (name === 'visibility' ? 'public' : ''),
      defaults(),
      undefined,
      {
        FLAKEHUB_PUSH_TIMEOUT_STAGE: '2',
        FLAKEHUB_PUSH_RETRY_DELAY: '0.5'
      }
    )
    expect(settings.timeouts).toMatchObject({ stageMs: 2000, retryDelayMs: 500, publishMs: 60_000 })
  })

  it('reads the number of evaluators with the inputs, and reports a bad one with the other problems', () => {
    const read = (name: string) => ({ visibility: 'public' })[name] ?? ''
    expect(readSettings(read, defaults(), undefined, {}).evaluators).toBe('auto')
    const three = { FLAKEHUB_PUSH_EVALUATORS: '3' }
    expect(readSettings(read, defaults(), undefined, three).evaluators).toBe(3)
    expect(() =>
      readSettings(read, defaults(), undefined, { FLAKEHUB_PUSH_EVALUATORS: '0' })
    ).toThrow(
      'Environment variable `FLAKEHUB_PUSH_EVALUATORS`: "0" is not a number of evaluators; write a whole number from 1 to 64 (`1`: one `nix` evaluates everything), or unset it for one per core.'
    )
  })

  it('masks the GitHub token as soon as it reads it', () => {
    settingsWith({ 'github-token': 'ghs_secret' })
    expect(setSecret).toHaveBeenCalledWith('ghs_secret')
  })

  it('warns once, naming them, when inputs of the established binary are set', () => {
    warning.mockClear()
    settingsWith({
      'source-tag': 'v0.1.0',
      'flakehub-push-url': 'https://x',
      logger: 'json',
      'source-branch': 'main'
    })
    expect(warning).toHaveBeenCalledTimes(1)
    expect(warning.mock.calls[0][0]).toMatch(
      /^These inputs are ignored: source-tag, flakehub-push-url, logger\./
    )
  })

  it('warns about the deprecated extra-tags', () => {
    warning.mockClear()
    settingsWith({ 'extra-tags': 'old' })
    expect(warning).toHaveBeenCalledWith('`extra-tags` is deprecated; rename it to `extra-labels`.')
  })

  it('does not warn with default inputs', () => {
    warning.mockClear()
    settingsWith({ 'log-directives': 'flakehub_push=info', logger: 'full' })
    expect(warning).not.toHaveBeenCalled()
  })
})
