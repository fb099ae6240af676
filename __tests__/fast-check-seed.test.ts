// The property tests draw the same values on every run (a fixed seed unless FC_SEED says
// otherwise), a failure says how to run it again, and the near-miss generators reach the
// values each is named for.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import {
  amzSignatureName,
  booleanish,
  DEFAULT_SEED,
  fc,
  flakeNameLike,
  revisionLike,
  secondsLike,
  SEED,
  seedFrom
} from './support/fast-check.js'

/** The values a property sees in one run of `numRuns`. */
function drawn(seed?: number): number[] {
  const seen: number[] = []
  fc.assert(
    fc.property(fc.integer(), n => void seen.push(n)),
    seed === undefined ? { numRuns: 20 } : { numRuns: 20, seed }
  )
  return seen
}

describe('the seed of the property tests', () => {
  it('is fixed unless FC_SEED is set, and FC_SEED is read as the number a failure prints', () => {
    expect(seedFrom({})).toBe(DEFAULT_SEED)
    expect(seedFrom({ FC_SEED: '' })).toBe(DEFAULT_SEED)
    expect(seedFrom({ FC_SEED: '1234' })).toBe(1234)
    expect(seedFrom({ FC_SEED: ' -987654321 ' })).toBe(-987654321)
    expect(() => seedFrom({ FC_SEED: 'random' })).toThrow(
      'FC_SEED: "random" is not a seed; write the whole number a failure printed.'
    )
    expect(SEED).toBe(seedFrom(process.env))
  })

  it('makes every run draw the same values, and another seed others', () => {
    expect(drawn()).toEqual(drawn())
    expect(drawn(SEED)).toEqual(drawn())
    expect(drawn(SEED + 1)).not.toEqual(drawn())
  })

  it('names the seed of a failure and how to run it again', () => {
    let message = ''
    try {
      fc.assert(fc.property(fc.integer({ min: 10 }), n => n < 100))
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain(`seed: ${SEED},`)
    expect(message).toContain(`FC_SEED=${SEED} npm test -- <this file> runs the same values again.`)
    expect(message).toContain('Counterexample: [100]')
  })

  it('is used by every test file that uses fast-check', () => {
    const dir = new URL('./', import.meta.url)
    const files = fs.readdirSync(dir).filter(name => name.endsWith('.test.ts'))
    const direct = files.filter(name =>
      /^\s*import\b[^;]*'fast-check'/m.test(fs.readFileSync(new URL(name, dir), 'utf8'))
    )
    expect(direct).toEqual([])
    const seeded = files.filter(name =>
      fs.readFileSync(new URL(name, dir), 'utf8').includes("from './support/fast-check.js'")
    )
    expect(seeded).toEqual(
      expect.arrayContaining(['answers.property.test.ts', 'inputs.property.test.ts'])
    )
  })
})

describe('near misses', () => {
  const sample = <T>(arbitrary: fc.Arbitrary<T>): T[] => fc.sample(arbitrary, 1000)

  it('of booleans: the accepted spellings and words one step off', () => {
    const values = sample(booleanish)
    expect(values).toEqual(expect.arrayContaining(['true', 'TRUE', 'False', 'untrue', 'yes']))
    expect(values.some(v => /^(?!true$|True$|TRUE$)[tT][rR][uU][eE]$/.test(v))).toBe(true)
  })

  it('of seconds: leading zeros, signs, exponents, fractions too long', () => {
    const values = sample(secondsLike)
    expect(values).toEqual(expect.arrayContaining(['30', '0030', '.5', '+30', '3e1', '86400.001']))
    expect(values.some(v => /^0\d+\.\d{4}$/.test(v))).toBe(true)
  })

  it('of the signature parameter: its name in other cases', () => {
    const values = sample(amzSignatureName)
    expect(values.some(v => v !== 'X-Amz-Signature' && v.toLowerCase() === 'x-amz-signature')).toBe(
      true
    )
    expect(new Set(values.filter(v => v.length === 15)).size).toBeGreaterThan(20)
  })

  it('of revisions: 40 and 64 hex digits, and one off', () => {
    const lengths = new Set(sample(revisionLike).map(v => v.length))
    for (const n of [39, 40, 41, 63, 64, 65]) expect(lengths).toContain(n)
  })

  it('of flake names: an empty side, a slash too many', () => {
    expect(sample(flakeNameLike)).toEqual(
      expect.arrayContaining(['owner/', '/project', 'owner//project', 'a/b/c'])
    )
  })
})
