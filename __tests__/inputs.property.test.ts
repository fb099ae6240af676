// Property tests of every parser of user input: names, versions, labels, SPDX expressions,
// booleans, whole numbers and time limits. For any string each gives a value that keeps its
// rules, or the project's own error naming what to change; never anything else.
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { booleanish, fc, flakeNameLike, revisionLike, secondsLike } from './support/fast-check.js'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as semver from 'semver'

jest.unstable_mockModule('@actions/core', () => ({
  warning: jest.fn(),
  setSecret: jest.fn(),
  getInput: jest.fn()
}))
const { readSettings } = await import('../src/settings/read.js')
const { actionSource } = await import('../src/settings/action.js')
const { flakeNameProblem, foldRepository, semverOfTag } = await import('../src/naming.js')
const { mergeLabels, splitLabels, MAX_LABELS, MAX_LABEL_LENGTH } = await import('../src/labels.js')
const { parseSeconds, DEFAULT_TIMEOUTS } = await import('../src/settings/timeouts.js')
const { limitSettings } = await import('../src/settings/table.js')

/** The limits the environment `env` sets, or the problems of every variable that is wrong. */
function limitsOrProblems(env: NodeJS.ProcessEnv) {
  const all: Record<string, string> = { visibility: 'public' }
  const reading = readSettings(
    actionSource(name => all[name] ?? '', env),
    defaults
  )
  return { limits: reading.settings?.timeouts, problems: reading.problems ?? [] }
}

/**
 * Any text, ASCII or not, lone surrogates included, text near each parser's grammar, and near
 * misses of each rule (`untrue`, `0030`, 63 hex digits, `owner/`).
 */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^\s*v?\d{1,3}(\.\d{1,3}){0,3}([-+][\w.-]*)?\s*$/),
  fc.stringMatching(/^[\w./ -]{0,30}$/),
  fc.constantFrom('true', 'True', 'TRUE', 'false', ' false ', 'yes', '1', '', 'MIT OR (Apache-2.0'),
  booleanish,
  secondsLike,
  revisionLike,
  flakeNameLike
)

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-'))
beforeAll(() => fs.writeFileSync(path.join(workspace, 'flake.nix'), '{ outputs = _: {}; }'))

const defaults = { repository: 'owner/project', refName: 'v1.0.0', workspace }

/** Settings for these inputs, or the problems; a throw fails the test. */
type Got =
  | { settings: import('../src/settings/settings.js').Settings; problems?: undefined }
  | { problems: string[]; settings?: undefined }
function settingsOrProblems(inputs: Record<string, string>): Got {
  const all: Record<string, string> = { visibility: 'public', ...inputs }
  const reading = readSettings(
    actionSource(name => all[name] ?? '', {}),
    defaults
  )
  return reading.problems === undefined
    ? { settings: reading.settings }
    : { problems: reading.problems }
}

const INPUTS = [
  'visibility',
  'name',
  'repository',
  'tag',
  'rev',
  'rolling',
  'rolling-minor',
  'host',
  'extra-labels',
  'spdx-expression',
  'mirror',
  'error-on-conflict',
  'include-output-paths',
  'my-flake-is-too-big',
  '_internal-strict-mode'
]

describe('reading any input', () => {
  it.each(INPUTS)('gives settings, or problems naming `%s`, for any value of it', name => {
    fc.assert(
      fc.property(text, value => {
        const inputs =
          name === 'rolling-minor' ? { rolling: 'true', [name]: value } : { [name]: value }
        const got = settingsOrProblems(inputs)
        if (got.problems !== undefined) {
          expect(got.problems.length).toBeGreaterThan(0)
          for (const problem of got.problems)
            expect(problem.startsWith(`Input \`${name}\`: `)).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('reads a boolean only from true or false (in three spellings), and names the input otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(text, booleanish), value => {
        const got = settingsOrProblems({ mirror: value })
        const v = value.trim()
        if (v === '') expect(got.settings?.mirror).toBe(false)
        else if (['true', 'True', 'TRUE'].includes(v)) expect(got.settings?.mirror).toBe(true)
        else if (['false', 'False', 'FALSE'].includes(v)) expect(got.settings?.mirror).toBe(false)
        else
          expect(got.problems).toEqual([
            expect.stringMatching(/^Input `mirror`: [\s\S]* is not a boolean/)
          ])
      }),
      { numRuns: 300 }
    )
  })

  it('reads rolling-minor as a whole number that SemVer can carry, or names the input', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String)), value => {
        const got = settingsOrProblems({ rolling: 'true', 'rolling-minor': value })
        if (got.settings === undefined) return
        const version = got.settings.version
        expect(version.kind).toBe('rolling')
        if (version.kind !== 'rolling') return
        expect(Number.isSafeInteger(version.minor)).toBe(true)
        expect(semver.valid(`0.${version.minor}.1`)).not.toBeNull()
      }),
      { numRuns: 300 }
    )
  })

  it('accepts a rev of 40 or 64 hexadecimal digits in either case, as lower case, and names the input otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(revisionLike, text), rev => {
        const got = settingsOrProblems({ rev })
        const v = rev.trim()
        if (v === '') expect(got.settings?.rev).toBeUndefined()
        else if (/^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(v))
          expect(got.settings?.rev).toBe(v.toLowerCase())
        else expect(got.problems).toEqual([expect.stringMatching(/^Input `rev`: /)])
      }),
      { numRuns: 300 }
    )
  })

  it('accepts a tag only when it is SemVer after an optional v', () => {
    fc.assert(
      fc.property(text, tag => {
        const got = settingsOrProblems({ tag })
        if (got.settings?.version.kind === 'tag') {
          const used = got.settings.version.tag
          expect(semver.valid(used.replace(/^v/, ''))).not.toBeNull()
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('naming rules for any string', () => {
  it('folds a repository path to owner/project with exactly one slash, or refuses it', () => {
    fc.assert(
      fc.property(text, repository => {
        const folded = foldRepository(repository)
        if (folded === undefined) return
        expect(folded.split('/')).toHaveLength(2)
        expect(folded.split('/').every(part => part !== '')).toBe(true)
      })
    )
  })

  it('says what is wrong with a flake name, or it is printable ASCII with one slash inside', () => {
    fc.assert(
      fc.property(fc.oneof(text, flakeNameLike), name => {
        const problem = flakeNameProblem(name)
        if (problem === undefined)
          expect(name).toMatch(/^[\x21-\x2e\x30-\x7e]+\/[\x21-\x2e\x30-\x7e]+$/)
        else expect(typeof problem).toBe('string')
      })
    )
  })

  it('accepts a name built of path syntax only when each part is a plain word', () => {
    const pieces = fc.constantFrom('acme', 'a', '.', '..', '/', '?', '#', '%', '\\', '2F', '=', ':')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), list => {
        const name = list.join('')
        if (flakeNameProblem(name) !== undefined) return
        for (const part of name.split('/')) {
          expect(['', '.', '..']).not.toContain(part)
          expect(part).not.toMatch(/[?#%\\]/)
        }
      })
    )
  })

  it('takes the SemVer part of a tag, which is the tag with at most its v removed', () => {
    fc.assert(
      fc.property(text, tag => {
        const version = semverOfTag(tag)
        if (version === undefined) return
        expect(semver.valid(version)).toBe(version)
        expect([tag, tag.slice(1)]).toContain(version)
      })
    )
  })
})

describe('labels from any strings', () => {
  it('splits a comma list into trimmed, non-empty pieces without commas', () => {
    fc.assert(
      fc.property(text, input => {
        for (const piece of splitLabels(input)) {
          expect(piece).toBe(piece.trim())
          expect(piece).not.toBe('')
          expect(piece).not.toContain(',')
        }
      })
    )
  })

  it('merges to at most 25 distinct valid labels, extra labels first', () => {
    fc.assert(
      fc.property(fc.array(text), fc.array(text), (extra, topics) => {
        const labels = mergeLabels(extra, topics)
        expect(labels.length).toBeLessThanOrEqual(MAX_LABELS)
        expect(new Set(labels).size).toBe(labels.length)
        for (const label of labels) {
          expect(label).toMatch(/^[a-z0-9-]+$/)
          expect(label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH)
        }
        const firstExtra = extra
          .map(e => e.trim().toLowerCase())
          .find(e => /^[a-z0-9-]{1,50}$/.test(e))
        if (firstExtra !== undefined) expect(labels[0]).toBe(firstExtra)
      })
    )
  })
})

/**
 * The rule for a number of seconds, written out here rather than taken from the code: digits, a
 * point and at most three decimals (milliseconds) may follow, blanks around are ignored, and the
 * value is above 0 and at most a day. Milliseconds are counted on the digits, not by Number().
 */
function secondsRule(text: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text.trim())
  if (match === null || match[1].length > 6) return undefined
  const ms = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'))
  return ms > 0 && ms <= 86_400_000 ? ms : undefined
}

describe('time limits from the environment', () => {
  it('reads a string as milliseconds exactly when it is a number of seconds above 0 and up to a day', () => {
    fc.assert(
      fc.property(fc.oneof(text, secondsLike, fc.double().map(String)), value => {
        expect(parseSeconds(value)).toBe(secondsRule(value))
      }),
      { numRuns: 500 }
    )
  })

  it('gives the limits, or one error naming each variable that is wrong', () => {
    const rows = limitSettings()
    const variables = rows.map(row => row.variable)
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...variables), fc.oneof(text, secondsLike)),
        env => {
          const wrong = rows.filter(({ variable }) => {
            const set = env[variable]
            return set !== undefined && set.trim() !== '' && secondsRule(set) === undefined
          })
          const { limits, problems } = limitsOrProblems(env)
          if (wrong.length === 0) {
            expect(limits).toBeDefined()
            for (const { variable, limit } of rows) {
              const set = env[variable]
              if (set === undefined || set.trim() === '')
                expect(limits?.[limit]).toBe(DEFAULT_TIMEOUTS[limit])
              else expect(limits?.[limit]).toBe(secondsRule(set))
            }
            return
          }
          // One problem for each variable that is wrong, naming it, in the order of the table.
          expect(problems.map(p => /^Environment variable `(\w+)`: /.exec(p)?.[1])).toEqual(
            wrong.map(row => row.variable)
          )
        }
      )
    )
  })
})
