// "Did you mean": the edit distance (a swap of neighbours is one edit) and the nearest name.
import { describe, expect, it } from '@jest/globals'
import { editDistance, nearest } from '../src/settings/suggest.js'

describe('the edit distance', () => {
  it.each([
    ['visibility', 'visibility', 0],
    ['visiblity', 'visibility', 1],
    ['rolilng', 'rolling', 1],
    ['tga', 'tag', 1],
    ['dest', 'dest-dir', 4],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3]
  ])('from %j to %j is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })
})

describe('the nearest name', () => {
  const flags = ['visibility', 'rolling', 'rolling-minor', 'rolling-major', 'tag', 'name', 'rev']
  it.each([
    ['visiblity', 'visibility'],
    ['VISIBILITY', 'visibility'],
    ['rolling-minr', 'rolling-minor'],
    ['tga', 'tag'],
    ['nmae', 'name']
  ])('of %j is %j', (given, meant) => {
    expect(nearest(given, flags)).toBe(meant)
  })

  it.each([
    ['frobnicate', 'near no name'],
    ['rolling-ma', 'two edits from both rolling-major and rolling-minor'],
    ['vis', 'a short name may be one edit away at most']
  ])('of %j is none: %s', given => {
    expect(nearest(given, flags)).toBeUndefined()
  })

  it('is none when two names are equally near', () => {
    expect(nearest('ab', ['aa', 'bb'])).toBeUndefined()
    expect(nearest('re', ['rev', 'red'])).toBeUndefined()
  })
})
