import { describe, expect, it } from '@jest/globals'
import {
  flakeNameProblem,
  flakeRefs,
  foldRepository,
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
    ['owner/flake\t', 'must be ASCII with no whitespace'],
    ['ówner/flake', 'must be ASCII with no whitespace'],
    ['/flake', 'needs text on both sides of the "/"']
  ])('judges %j as %j', (name, problem) => {
    expect(flakeNameProblem(name)).toBe(problem)
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
    ['release-1.2.3', undefined]
  ])('reads %j as %j', (tag, version) => {
    expect(semverOfTag(tag)).toBe(version)
  })
})

describe('releaseVersion', () => {
  const sha = 'a'.repeat(40)
  it.each([
    [{ kind: 'rolling', minor: 1 } as const, 42, `0.1.42+rev-${sha}`],
    [{ kind: 'rolling', minor: 7 } as const, 1, `0.7.1+rev-${sha}`],
    [{ kind: 'tag', tag: 'v1.2.3' } as const, 42, 'v1.2.3'],
    [{ kind: 'tag', tag: '2.0.0' } as const, 42, '2.0.0']
  ])('gives %j with %i commits the version %s', (scheme, count, version) => {
    expect(releaseVersion(scheme, count, sha)).toBe(version)
  })

  it('builds the at-least and exact flake references from name and version', () => {
    expect(flakeRefs('o/f', 'v1.0.0')).toEqual({ atLeast: 'o/f/v1.0.0', exact: 'o/f/=v1.0.0' })
  })
})
