import { describe, expect, it } from '@jest/globals'
import { MAX_LABELS, mergeLabels, splitLabels } from '../src/labels.js'

describe('splitLabels', () => {
  it.each([
    ['', []],
    ['nix', ['nix']],
    [' nix , flakes ,, ', ['nix', 'flakes']],
    [',,,', []]
  ])('splits %j into %j', (input, labels) => {
    expect(splitLabels(input)).toEqual(labels)
  })
})

describe('mergeLabels', () => {
  it.each<[string, string[], string[], string[]]>([
    ['puts extra labels before topics', ['b'], ['a'], ['b', 'a']],
    ['lower-cases and trims', [' Nix-Flakes '], ['RUST'], ['nix-flakes', 'rust']],
    [
      'drops duplicates, keeping the first place',
      ['nix', 'rust'],
      ['rust', 'nix', 'go'],
      ['nix', 'rust', 'go']
    ],
    [
      'drops labels with characters other than alphanumerics and -',
      ['c++', 'has space', 'snake_case', 'ok-1'],
      ['dots.no'],
      ['ok-1']
    ],
    [
      'drops labels over 50 characters and keeps those of exactly 50',
      ['x'.repeat(51), 'y'.repeat(50)],
      [],
      ['y'.repeat(50)]
    ],
    ['drops empty labels', ['', '  '], [''], []]
  ])('%s', (_, extra, topics, expected) => {
    expect(mergeLabels(extra, topics)).toEqual(expected)
  })

  it('keeps at most 25 labels, extra labels first', () => {
    const extra = Array.from({ length: 20 }, (_, i) => `extra-${i}`)
    const topics = Array.from({ length: 20 }, (_, i) => `topic-${i}`)
    const labels = mergeLabels(extra, topics)
    expect(labels).toHaveLength(MAX_LABELS)
    expect(labels.slice(0, 20)).toEqual(extra)
    expect(labels.slice(20)).toEqual(['topic-0', 'topic-1', 'topic-2', 'topic-3', 'topic-4'])
  })

  it('filters invalid labels before counting to 25', () => {
    const invalid = Array.from({ length: 30 }, (_, i) => `bad label ${i}`)
    const valid = Array.from({ length: 30 }, (_, i) => `good-${i}`)
    expect(mergeLabels(invalid, valid)).toEqual(valid.slice(0, 25))
  })

  it('counts a duplicate once toward the limit', () => {
    const labels = mergeLabels(Array(30).fill('same'), ['other'])
    expect(labels).toEqual(['same', 'other'])
  })
})
