import { describe, expect, it } from '@jest/globals'
import {
  flakeNameProblem,
  flakeRefs,
  foldRepository,
  namePartsProblem,
  quoted,
  releaseVersion,
  semverOfTag
} from '../src/naming.js'

describe('foldRepository', () => {
  it.each([
    ['owner/project', 'owner/project'],
    ['a/b/c/d', 'a/b-c-d'],
    ['group/sub/project', 'group/sub-project'],
    ['no-slash', undefined],
    ['/project', undefined],
    ['owner/', undefined],
    ['a//b', undefined],
    ['', undefined]
  ])('folds %j into %j', (input, expected) => {
    expect(foldRepository(input)).toBe(expected)
  })
})

describe('flakeNameProblem', () => {
  it.each([
    ['owner/flake', undefined],
    ['Owner.Org/flake_name-2', undefined],
    ['ownerflake', 'must contain exactly one "/" (it has 0)'],
    ['a/b/c', 'must contain exactly one "/" (it has 2)'],
    ['owner/my flake', 'must be ASCII with no whitespace'],
    // Whitespace is named first, before the count of slashes it would also fail.
    ['my flake', 'must be ASCII with no whitespace'],
    ['a/b/c d', 'must be ASCII with no whitespace'],
    ['owner/flake\t', 'must be ASCII with no whitespace'],
    ['ówner/flake', 'must be ASCII with no whitespace'],
    ['/flake', 'needs text on both sides of the "/"']
  ])('judges %j as %j', (name, problem) => {
    expect(flakeNameProblem(name)).toBe(problem)
  })
})

describe('names that are names: each part a plain word, safe as a URL path segment', () => {
  const dots = 'cannot have ".." as a part (a URL reads it as a folder step)'
  const holds = (c: string) => `holds "${c}"; a name may not hold "?", "#", "%" or "\\"`
  // Each value that must pass next to the near miss that must fail.
  it.each([
    ['acme/flake', undefined],
    ['acme/..', dots],
    ['acme/flake.', undefined],
    ['acme/.', 'cannot have "." as a part (a URL reads it as a folder step)'],
    ['acme/...', undefined],
    ['../evil', dots],
    ['acme/.evil', undefined],
    ['acme/w-x=1', undefined],
    ['acme/w?x=1', holds('?')],
    ['a/b-c', undefined],
    ['a/b#c', holds('#')],
    ['a2F/b', undefined],
    ['a%2F/b', holds('%')],
    ['a_b/c', undefined],
    ['a\\b/c', holds('\\')],
    ['acme/fla:ke@1+x', undefined],
    ['acme/fla\tke', 'must be ASCII with no whitespace'],
    ['acme/fla\x7fke', 'must be ASCII with no whitespace'],
    ['acme/fla\x00ke', 'must be ASCII with no whitespace'],
    ['acme/flåke', 'must be ASCII with no whitespace']
  ])('judges the name %j as %j', (name, problem) => {
    expect(flakeNameProblem(name)).toBe(problem)
  })

  it.each([
    ['group/sub/project', undefined],
    ['group/../project', dots],
    ['group/sub/pro?ject', holds('?')],
    ['group//project', 'has an empty part'],
    ['group/sub project', 'must be ASCII with no whitespace']
  ])('judges each segment of %j as %j (a repository kept unfolded)', (name, problem) => {
    expect(namePartsProblem(name)).toBe(problem)
  })

  it('quotes a refused value on one line, its control characters escaped', () => {
    expect(quoted('a\tb\nc\x1b[0m\x7f/ok')).toBe('"a\\tb\\nc\\x1b[0m\\x7f/ok"')
    expect(quoted('acme/..')).toBe('"acme/.."')
    // Two hexadecimal digits always; a carriage return by its own escape.
    expect(quoted('a\x01b\rc\x00')).toBe('"a\\x01b\\rc\\x00"')
  })
})

describe('semverOfTag', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['1.2.3', '1.2.3'],
    ['v0.1.0-rc.1+build.5', '0.1.0-rc.1+build.5'],
    ['v1.2', undefined],
    ['vv1.2.3', undefined],
    ['main', undefined],
    ['v01.2.3', undefined],
    ['=1.2.3', undefined],
    [' v1.2.3', undefined],
    ['1.2.3 ', undefined],
    ['v1.2.3\n', undefined],
    ['v1.2.3 extra', undefined],
    ['release-1.2.3', undefined]
  ])('reads %j as %j', (tag, version) => {
    expect(semverOfTag(tag)).toBe(version)
  })
})

describe('releaseVersion', () => {
  const sha = 'a'.repeat(40)
  it.each([
    [{ kind: 'rolling', major: 0, minor: 1 } as const, 42, `0.1.42+rev-${sha}`],
    [{ kind: 'rolling', major: 0, minor: 7 } as const, 1, `0.7.1+rev-${sha}`],
    [{ kind: 'rolling', major: 3, minor: 2 } as const, 5, `3.2.5+rev-${sha}`],
    [{ kind: 'tag', tag: 'v1.2.3' } as const, 42, 'v1.2.3'],
    [{ kind: 'tag', tag: '2.0.0' } as const, 42, '2.0.0']
  ])('gives %j with %i commits the version %s', (scheme, count, version) => {
    expect(releaseVersion(scheme, count, sha)).toBe(version)
  })

  it('builds the at-least and exact flake references from name and version', () => {
    expect(flakeRefs('o/f', 'v1.0.0')).toEqual({ atLeast: 'o/f/v1.0.0', exact: 'o/f/=v1.0.0' })
  })
})
