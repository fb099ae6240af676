// Each setting's parser on its own: for each rule, the value that passes and the near miss that
// fails, with the problem written out as a person reads it (the reader puts the setting's name
// in front; settings.test.ts checks that part).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { INPUT_SPELLING } from '../src/settings/action.js'
import { parseCommandLine } from '../src/settings/command-line.js'
import {
  parseBoolean,
  parseDirectory,
  parseEvaluators,
  parseGitRoot,
  parseHost,
  parseIssuer,
  parseLimit,
  parseName,
  parseOutputsFile,
  parseRepository,
  parseRev,
  parseSpdxExpression,
  parseTag,
  parseVerbosity,
  parseVersionPart,
  parseVisibility,
  versionPartProblem
} from '../src/settings/parse.js'
import { FILE_SYSTEM } from '../src/settings/read.js'
import { SETTINGS } from '../src/settings/table.js'

const FLAGS = parseCommandLine([], {}).spelling
const fail = (problem: string) => ({ problem })
const ok = <T>(value: T) => ({ value })

describe('a boolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', undefined]
  ])('reads %j as %j', (text, value) => {
    expect(parseBoolean(text)).toEqual(ok(value))
  })

  it.each(['yes', 'tRue', 'truee', ' true', 'false ', '1', '0'])('refuses %j', text => {
    expect(parseBoolean(text)).toEqual(
      fail(`"${text}" is not a boolean; write \`true\` or \`false\`.`)
    )
  })
})

describe('the visibility', () => {
  it.each([
    ['public', 'public'],
    ['unlisted', 'unlisted'],
    ['hidden', 'unlisted'],
    ['private', 'private'],
    ['PUBLIC', 'public'],
    ['Hidden', 'unlisted']
  ])('reads %j as %j', (text, value) => {
    expect(parseVisibility(text)).toEqual(ok(value))
  })

  it('is required', () => {
    expect(parseVisibility('')).toEqual(
      fail('is required; write `public`, `unlisted` or `private`.')
    )
  })

  it.each([
    ['publik', 'publik'],
    ['Secret', 'secret'],
    ['constructor', 'constructor'],
    ['toString', 'tostring']
  ])('refuses %j, quoting it in lower case', (text, shown) => {
    expect(parseVisibility(text)).toEqual(
      fail(`"${shown}" is not a visibility; write \`public\`, \`unlisted\` or \`private\`.`)
    )
  })
})

describe('the name', () => {
  it('is not given when empty, and taken as it is when a name', () => {
    expect(parseName('')).toEqual(ok(undefined))
    expect(parseName('acme/flake')).toEqual(ok('acme/flake'))
  })

  it.each([
    ['acme', '"acme" must contain exactly one "/" (it has 0)'],
    ['a/b/c', '"a/b/c" must contain exactly one "/" (it has 2)'],
    ['acme/', '"acme/" needs text on both sides of the "/"'],
    ['acme/..', '"acme/.." cannot have ".." as a part (a URL reads it as a folder step)'],
    ['a\tb/c', '"a\\tb/c" must be ASCII with no whitespace']
  ])('refuses %j', (text, problem) => {
    expect(parseName(text)).toEqual(fail(`${problem}; write it as \`owner/flake-name\`.`))
  })
})

describe('the repository', () => {
  const context = (
    over: Partial<Parameters<typeof parseRepository>[1]> = {}
  ): Parameters<typeof parseRepository>[1] => ({
    defaults: { repository: 'runner/default' },
    keepSubgroups: false,
    nameGiven: false,
    spelling: INPUT_SPELLING,
    ...over
  })

  it("takes the place's repository when none is given, and the given one before it", () => {
    expect(parseRepository('', context())).toEqual(ok('runner/default'))
    expect(parseRepository('acme/flake', context())).toEqual(ok('acme/flake'))
  })

  it('folds subgroups into the project name, and keeps them when told, given a name', () => {
    expect(parseRepository('a/b/c/d', context())).toEqual(ok('a/b-c-d'))
    expect(parseRepository('a/b/c', context({ keepSubgroups: true, nameGiven: true }))).toEqual(
      ok('a/b/c')
    )
    // Nothing to keep: no subgroups, no name needed.
    expect(parseRepository('a/b', context({ keepSubgroups: true }))).toEqual(ok('a/b'))
  })

  it('wants a name when subgroups are kept, saying how to write both', () => {
    expect(parseRepository('a/b/c', context({ keepSubgroups: true, spelling: FLAGS }))).toEqual(
      fail(
        '"a/b/c" has subgroups, which `--disable-rename-subgroups` keeps from being folded into the project name; ' +
          'say the published name with `--name owner/flake-name`, or drop `--disable-rename-subgroups`.'
      )
    )
  })

  it('refuses a repository without a slash, or with an empty segment', () => {
    const problem = (text: string) =>
      fail(`"${text}" is not \`owner/project\`; write it with a "/" between owner and project.`)
    expect(parseRepository('project', context())).toEqual(problem('project'))
    expect(parseRepository('a//b', context())).toEqual(problem('a//b'))
  })

  it('says where an empty one should have come from', () => {
    expect(parseRepository('', context({ defaults: { repository: '' } }))).toEqual(
      fail('is empty and GITHUB_REPOSITORY is not set; write the repository as `owner/project`.')
    )
    const gitlab = { repository: '', repositoryFrom: 'CI_PROJECT_PATH' }
    expect(parseRepository('', context({ defaults: gitlab }))).toEqual(
      fail('is empty and CI_PROJECT_PATH is not set; write the repository as `owner/project`.')
    )
    const nowhere = { repository: '', repositoryFrom: '' }
    expect(parseRepository('', context({ defaults: nowhere, spelling: FLAGS }))).toEqual(
      fail(
        'is required here (nothing in the environment names the repository); write it as `--repository owner/project`.'
      )
    )
  })

  it('checks each part as a name part, saying whether it was taken from the environment', () => {
    expect(parseRepository('acme/w?x', context())).toEqual(
      fail(
        '"acme/w?x" holds "?"; a name may not hold "?", "#", "%" or "\\"; write it as `repository: owner/project`.'
      )
    )
    expect(parseRepository('', context({ defaults: { repository: 'acme/%41' } }))).toEqual(
      fail(
        '"acme/%41" (taken from GITHUB_REPOSITORY) holds "%"; a name may not hold "?", "#", "%" or "\\"; write it as `repository: owner/project`.'
      )
    )
    // Folded, `..` is only part of a longer project name; kept, it is a segment of its own.
    expect(parseRepository('a/../c', context())).toEqual(ok('a/..-c'))
    expect(parseRepository('a/../c', context({ keepSubgroups: true, nameGiven: true }))).toEqual(
      fail(
        '"a/../c" cannot have ".." as a part (a URL reads it as a folder step); write it as `repository: owner/project`.'
      )
    )
  })
})

describe('a part of a rolling version', () => {
  const minor = SETTINGS.rollingMinor
  const major = SETTINGS.rollingMajor

  it('is a whole number, or not given', () => {
    expect(parseVersionPart('', minor, INPUT_SPELLING)).toEqual(ok(undefined))
    expect(parseVersionPart('0', minor, INPUT_SPELLING)).toEqual(ok(0))
    expect(parseVersionPart('12', major, INPUT_SPELLING)).toEqual(ok(12))
    expect(parseVersionPart('9007199254740991', major, INPUT_SPELLING)).toEqual(
      ok(9007199254740991)
    )
  })

  it.each(['two', '-1', '1.0', '1e3', ' 1'])('refuses %j, showing how to write it', text => {
    expect(parseVersionPart(text, minor, INPUT_SPELLING)).toEqual(
      fail(`"${text}" is not a whole number; write e.g. \`rolling-minor: 2\`.`)
    )
    expect(parseVersionPart(text, major, FLAGS)).toEqual(
      fail(`"${text}" is not a whole number; write e.g. \`--rolling-major 2\`.`)
    )
  })

  it('refuses a number larger than a version can carry', () => {
    expect(parseVersionPart('9007199254740992', minor, INPUT_SPELLING)).toEqual(
      fail(
        '"9007199254740992" is larger than a version number can be; write e.g. `rolling-minor: 2`.'
      )
    )
  })

  it('needs rolling, and the major needs the minor, in the established words', () => {
    const all = { rolling: true, minor: true }
    expect(versionPartProblem(minor, all, INPUT_SPELLING)).toBeUndefined()
    expect(versionPartProblem(major, all, FLAGS)).toBeUndefined()
    expect(versionPartProblem(minor, { rolling: false, minor: true }, INPUT_SPELLING)).toBe(
      'is set but `rolling` is not; add `rolling: true` or remove it.'
    )
    expect(versionPartProblem(major, { rolling: false, minor: true }, FLAGS)).toBe(
      'is set but `--rolling` is not; add `--rolling` or remove it.'
    )
    expect(versionPartProblem(major, { rolling: true, minor: false }, FLAGS)).toBe(
      'You cannot set `--rolling-major` without `--rolling-minor`.'
    )
    expect(versionPartProblem(major, { rolling: false, minor: false }, INPUT_SPELLING)).toBe(
      'You cannot set `rolling-major` without `rolling-minor`.'
    )
    // Only the major needs the minor: the minor's own check asks for rolling alone.
    expect(versionPartProblem(minor, { rolling: true, minor: false }, FLAGS)).toBeUndefined()
  })
})

describe('the tag', () => {
  const defaults = { refName: 'v9.9.9' }

  it('is the given one, else the ref name, when SemVer after an optional v', () => {
    expect(parseTag('v1.2.3', defaults, INPUT_SPELLING)).toEqual(ok('v1.2.3'))
    expect(parseTag('1.2.3-rc.1', defaults, INPUT_SPELLING)).toEqual(ok('1.2.3-rc.1'))
    expect(parseTag('', defaults, INPUT_SPELLING)).toEqual(ok('v9.9.9'))
  })

  it('refuses what is not SemVer, saying where a default came from', () => {
    expect(parseTag('v1.2', defaults, INPUT_SPELLING)).toEqual(
      fail('"v1.2" is not a SemVer version; tag the release like `v1.2.3`, or set `rolling: true`.')
    )
    expect(parseTag('', { refName: 'main' }, INPUT_SPELLING)).toEqual(
      fail(
        '"main" (taken from GITHUB_REF_NAME) is not a SemVer version; tag the release like `v1.2.3`, or set `rolling: true`.'
      )
    )
    expect(parseTag('', { refName: 'main', refNameFrom: 'CI_COMMIT_REF_NAME' }, FLAGS)).toEqual(
      fail(
        '"main" (taken from CI_COMMIT_REF_NAME) is not a SemVer version; tag the release like `v1.2.3`, or set `--rolling`.'
      )
    )
  })

  it('asks for a tag or rolling when there is neither', () => {
    expect(parseTag('', { refName: '' }, FLAGS)).toEqual(
      fail('is empty; set `--tag v1.2.3` for a tagged release, or `--rolling`.')
    )
  })
})

describe('the revision', () => {
  const sha1 = 'ABCDEF0123456789abcdef0123456789ABCDEF01'
  const sha256 = 'a'.repeat(64)

  it('is a full SHA-1 or SHA-256 in lower case, the place’s, or none', () => {
    expect(parseRev(sha1, undefined)).toEqual(ok(sha1.toLowerCase()))
    expect(parseRev(sha256, undefined)).toEqual(ok(sha256))
    expect(parseRev('', 'b'.repeat(40))).toEqual(ok('b'.repeat(40)))
    expect(parseRev('', undefined)).toEqual(ok(undefined))
    expect(parseRev('', '')).toEqual(ok(undefined))
  })

  it.each(['abc123', 'a'.repeat(39), 'a'.repeat(41), 'g'.repeat(40), 'a'.repeat(63)])(
    'refuses %j',
    text => {
      expect(parseRev(text, undefined)).toEqual(
        fail(`"${text}" is not a full commit SHA; write all 40 hexadecimal digits.`)
      )
    }
  )
})

describe('the host', () => {
  it('is an http or https URL without trailing slashes, its host name the audience', () => {
    expect(parseHost('', INPUT_SPELLING)).toEqual(
      ok({ host: 'https://api.flakehub.com', audience: 'api.flakehub.com' })
    )
    expect(parseHost('http://127.0.0.1:8080/api//', INPUT_SPELLING)).toEqual(
      ok({ host: 'http://127.0.0.1:8080/api', audience: '127.0.0.1' })
    )
  })

  it.each(['flakehub', 'ftp://example.com', 'file:///tmp'])('refuses %j', text => {
    expect(parseHost(text, FLAGS)).toEqual(
      fail(`"${text}" is not a URL; write e.g. \`--host https://api.flakehub.com\`.`)
    )
  })
})

describe('the SPDX expression', () => {
  it('is an expression that parses, or none', () => {
    expect(parseSpdxExpression('')).toEqual(ok(undefined))
    expect(parseSpdxExpression('MIT OR Apache-2.0')).toEqual(ok('MIT OR Apache-2.0'))
  })

  it('refuses one that does not parse, with what the parser says', () => {
    const { problem } = parseSpdxExpression('MIT OR')
    expect(problem).toMatch(/^"MIT OR" is not an SPDX license expression \(.+\); /)
    expect(problem).toMatch(
      /; write an identifier such as `MIT` or an expression such as `MIT OR Apache-2\.0`\.$/
    )
  })
})

describe('the folders', () => {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'parse-')))
  fs.mkdirSync(path.join(top, 'sub'))
  fs.writeFileSync(path.join(top, 'flake.nix'), '{}')
  fs.writeFileSync(path.join(top, 'sub', 'flake.nix'), '{}')
  fs.mkdirSync(path.join(top, 'empty'))
  fs.writeFileSync(path.join(top, 'file'), '')
  fs.symlinkSync(os.tmpdir(), path.join(top, 'out'))
  fs.mkdirSync(path.join(top, '..flake'))
  fs.writeFileSync(path.join(top, '..flake', 'flake.nix'), '{}')
  fs.mkdirSync(path.join(top, 'sub', 'deeper'))
  fs.writeFileSync(path.join(top, 'sub', 'deeper', 'flake.nix'), '{}')
  // A folder beside the Git root, holding a flake: reached by `../`, never inside.
  const sibling = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'parse-sibling-')))
  fs.writeFileSync(path.join(sibling, 'flake.nix'), '{}')

  it('resolve the Git root against the workspace, `.` when not given', () => {
    expect(parseGitRoot('', top, FILE_SYSTEM)).toEqual(ok(top))
    expect(parseGitRoot('sub', top, FILE_SYSTEM)).toEqual(ok(path.join(top, 'sub')))
    expect(parseGitRoot('missing', top, FILE_SYSTEM)).toEqual(
      fail('"missing" is not a folder; write the path of the Git checkout.')
    )
    expect(parseGitRoot('file', top, FILE_SYSTEM)).toEqual(
      fail('"file" is not a folder; write the path of the Git checkout.')
    )
  })

  it('find the flake inside the Git root, as a path relative to it', () => {
    expect(parseDirectory('', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      ok({ flakeDir: top, sourceSubdirectory: '' })
    )
    expect(parseDirectory('sub/', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      ok({ flakeDir: path.join(top, 'sub'), sourceSubdirectory: 'sub' })
    )
    expect(parseDirectory('./sub/deeper', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      ok({ flakeDir: path.join(top, 'sub', 'deeper'), sourceSubdirectory: 'sub/deeper' })
    )
  })

  it('find a flake in a folder whose name starts with two dots: inside, not a step up', () => {
    expect(parseDirectory('..flake', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      ok({ flakeDir: path.join(top, '..flake'), sourceSubdirectory: '..flake' })
    )
    // Run from inside it, with no directory given, the nearest flake is that folder's.
    const from = path.join(top, '..flake')
    expect(parseDirectory('', top, FILE_SYSTEM, INPUT_SPELLING, from)).toEqual(
      ok({ flakeDir: from, sourceSubdirectory: '..flake' })
    )
  })

  it('find the nearest flake at or above the folder the command runs in, when none is named', () => {
    const inner = path.join(top, 'sub', 'plain', 'inner')
    fs.mkdirSync(inner, { recursive: true })
    const from = (start: string) => parseDirectory('', top, FILE_SYSTEM, INPUT_SPELLING, start)
    // Two folders up from a folder without one, to the subflake's.
    expect(from(inner)).toEqual(ok({ flakeDir: path.join(top, 'sub'), sourceSubdirectory: 'sub' }))
    expect(from(path.join(top, 'sub', 'deeper'))).toEqual(
      ok({ flakeDir: path.join(top, 'sub', 'deeper'), sourceSubdirectory: 'sub/deeper' })
    )
    expect(from(path.join(top, 'empty'))).toEqual(ok({ flakeDir: top, sourceSubdirectory: '' }))
    // Outside the Git root, its flake is never taken: the root's is.
    expect(from(sibling)).toEqual(ok({ flakeDir: top, sourceSubdirectory: '' }))
    // A folder named wins over the folder the command runs in.
    expect(
      parseDirectory('sub', top, FILE_SYSTEM, INPUT_SPELLING, path.join(top, 'empty'))
    ).toEqual(ok({ flakeDir: path.join(top, 'sub'), sourceSubdirectory: 'sub' }))
  })

  it('refuse a sibling of the Git root reached by ../, which holds a flake but is outside', () => {
    const text = `../${path.basename(sibling)}`
    expect(parseDirectory(text, top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      fail(
        `"${text}" resolves to ${sibling}, outside \`git-root\` (${top}); write a path inside the repository.`
      )
    )
    expect(parseDirectory('sub/../../sibling-not-there', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      fail(`"sub/../../sibling-not-there" is not a folder under \`git-root\` (${top}).`)
    )
  })

  it('refuse a folder that is missing, outside, or holds no flake.nix', () => {
    expect(parseDirectory('missing', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      fail(`"missing" is not a folder under \`git-root\` (${top}).`)
    )
    expect(parseDirectory('out', top, FILE_SYSTEM, FLAGS)).toEqual(
      fail(
        `"out" resolves to ${fs.realpathSync(os.tmpdir())}, outside \`--git-root\` (${top}); write a path inside the repository.`
      )
    )
    expect(parseDirectory('empty', top, FILE_SYSTEM, INPUT_SPELLING)).toEqual(
      fail(
        `there is no flake.nix in ${path.join(top, 'empty')}; point \`directory\` at the folder that holds flake.nix.`
      )
    )
  })

  it('want an outputs file in an existing folder, not a folder itself', () => {
    const hint = 'write a file path in an existing folder, e.g. `--outputs-file flakehub.env`.'
    expect(parseOutputsFile('', FILE_SYSTEM, FLAGS)).toEqual(ok(undefined))
    expect(parseOutputsFile(path.join(top, 'out.env'), FILE_SYSTEM, FLAGS)).toEqual(
      ok(path.join(top, 'out.env'))
    )
    expect(parseOutputsFile(path.join(top, 'no', 'x.env'), FILE_SYSTEM, FLAGS)).toEqual(
      fail(`the folder ${path.join(top, 'no')} does not exist; create it first, or ${hint}`)
    )
    expect(parseOutputsFile(path.join(top, 'file', 'x.env'), FILE_SYSTEM, FLAGS)).toEqual(
      fail(`${path.join(top, 'file')} is not a folder; ${hint}`)
    )
    expect(parseOutputsFile(path.join(top, 'sub'), FILE_SYSTEM, FLAGS)).toEqual(
      fail(`${path.join(top, 'sub')} is a folder; ${hint}`)
    )
  })
})

describe('a time limit', () => {
  it('is a number of seconds, as milliseconds, or the default when not given', () => {
    expect(parseLimit('30', 'stageMs')).toEqual(ok(30_000))
    expect(parseLimit(' 0.5 ', 'stageMs')).toEqual(ok(500))
    expect(parseLimit('', 'stageMs')).toEqual(ok(undefined))
    expect(parseLimit('  ', 'stageMs')).toEqual(ok(undefined))
  })

  it("refuses anything else, naming the limit's default", () => {
    expect(parseLimit('30s', 'uploadStallMs')).toEqual(
      fail(
        '"30s" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
      )
    )
    expect(parseLimit('0', 'publishBudgetMs')).toEqual(
      fail(
        '"0" is not a number of seconds above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (900).'
      )
    )
  })
})

describe("the command's own", () => {
  it('development issuer is an http(s) URL, or none', () => {
    expect(parseIssuer('', FLAGS)).toEqual(ok(''))
    expect(parseIssuer('http://localhost:8081', FLAGS)).toEqual(ok('http://localhost:8081'))
    expect(parseIssuer('https://issuer.test/', FLAGS)).toEqual(ok('https://issuer.test/'))
    for (const text of ['localhost:8081', 'ftp://x', 'issuer', 'xhttp://localhost', 'xhttps://x'])
      expect(parseIssuer(text, FLAGS)).toEqual(
        fail(`"${text}" is not a URL; write e.g. \`--jwt-issuer-uri http://localhost:8081\`.`)
      )
  })

  it('verbosity is a count: none is normal, one verbose, two or more debug', () => {
    expect(parseVerbosity('', FLAGS)).toEqual(ok('normal'))
    expect(parseVerbosity('0', FLAGS)).toEqual(ok('normal'))
    expect(parseVerbosity('1', FLAGS)).toEqual(ok('verbose'))
    expect(parseVerbosity('2', FLAGS)).toEqual(ok('debug'))
    expect(parseVerbosity('999', FLAGS)).toEqual(ok('debug'))
    for (const text of ['loud', '-1', '1000', 'v'])
      expect(parseVerbosity(text, FLAGS)).toEqual(
        fail(
          `"${text}" is not a count; write e.g. \`1\` for more detail, or give \`--verbose\` once for each step.`
        )
      )
  })
})

describe('the number of evaluators', () => {
  it.each([
    ['', 'auto'],
    ['1', 1],
    ['2', 2],
    ['064', 64],
    ['64', 64]
  ])('reads %j as %j', (text, evaluators) => {
    expect(parseEvaluators(text)).toEqual(ok(evaluators))
  })

  it.each(['0', '65', '-1', '1.5', 'two', 'auto', '1e1', '0x2', '1000'])(
    'refuses %j, saying what to write',
    text => {
      expect(parseEvaluators(text)).toEqual(
        fail(
          `"${text}" is not a number of evaluators; write a whole number from 1 to 64 ` +
            '(`1`: one `nix` evaluates everything), or leave it empty for one per core.'
        )
      )
    }
  )
})
