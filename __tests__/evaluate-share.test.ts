// Dealing the evaluation out (src/evaluate/share.ts): the plan worker 0 prints is read as
// untrusted text and must be the run's own deal; the shares cover every system and entry
// exactly once, with as many workers as allowed and useful; the share reaches Nix as a string
// nothing in a name can break out of.
import { describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import {
  type Discovery,
  type Plan,
  dealShares,
  describeShare,
  firstArgument,
  nixString,
  partArgument,
  planShares,
  readPlan
} from '../src/evaluate/share.js'

const discovery = (systems: string[], named: Record<string, number> = {}, schemas = false) =>
  ({ schemas, systems, named }) satisfies Discovery

/** Which worker owns a position, as share.nix decides it. */
const ownerOf = (position: number, workers: number): number => position % workers

describe('dealShares', () => {
  it.each([
    ['four systems, two cores', discovery(['a', 'b', 'c', 'd']), 2, 2],
    ['four systems, eight cores: one per system', discovery(['a', 'b', 'c', 'd']), 8, 4],
    ['one system', discovery(['x86_64-linux']), 4, 1],
    ['nothing to deal out', discovery([]), 4, 1],
    ['configurations only', discovery([], { nixosConfigurations: 3 }), 4, 3],
    [
      'a system and configurations',
      discovery(['a'], { nixosConfigurations: 2, hydraJobs: 2 }),
      16,
      5
    ],
    ['its own schemas', discovery(['a', 'b'], {}, true), 4, 1],
    ['one allowed', discovery(['a', 'b', 'c']), 1, 1]
  ])('%s: %i workers at most → %i', (_, found, most, workers) => {
    const shares = dealShares(found, most)
    expect(shares.map(share => [share.worker, share.workers])).toEqual(
      Array.from({ length: workers }, (__, worker) => [worker, workers])
    )
  })

  it('continues the deal of named entries after the systems, output after output', () => {
    const [share] = dealShares(discovery(['a', 'b'], { hydraJobs: 3, nixosConfigurations: 2 }), 3)
    expect(share.offsets).toEqual({ hydraJobs: 2, nixosConfigurations: 5 })
    expect(share.systems).toEqual(['a', 'b'])
  })

  it('refuses a number of workers below one', () => {
    expect(() => dealShares(discovery(['a']), 0)).toThrow(RangeError)
  })

  it('gives every system and every entry to exactly one worker, and every worker some (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 12 }),
        fc.dictionary(
          fc.constantFrom('nixosConfigurations', 'hydraJobs', 'homeConfigurations'),
          fc.nat(6)
        ),
        fc.integer({ min: 1, max: 9 }),
        (systems, named, most) => {
          const shares = dealShares(discovery(systems, named), most)
          const units = systems.length + Object.values(named).reduce((a, b) => a + b, 0)
          expect(shares).toHaveLength(Math.max(1, Math.min(most, units)))
          const owned = new Array<number>(shares.length).fill(0)
          for (const share of shares) {
            systems.forEach((_, position) => {
              if (ownerOf(position, share.workers) === share.worker) owned[share.worker]++
            })
            for (const [output, count] of Object.entries(named))
              for (let i = 0; i < count; i++)
                if (ownerOf(share.offsets[output] + i, share.workers) === share.worker)
                  owned[share.worker]++
          }
          expect(owned.reduce((a, b) => a + b, 0)).toBe(units)
          if (units > 0) expect(owned.every(count => count > 0)).toBe(true)
        }
      ),
      { seed: SEED, numRuns: 500 }
    )
  })
})

describe('describeShare', () => {
  it('names the systems and entries of each worker, and what worker 0 takes besides', () => {
    const found = discovery(['a', 'b', 'c'], { nixosConfigurations: 3 })
    expect(dealShares(found, 2).map(share => describeShare(share, found))).toEqual([
      'a, c; 1 of 3 nixosConfigurations; every other output',
      'b; 2 of 3 nixosConfigurations'
    ])
    // Names that are not plain are quoted, so that each share stays one line.
    const odd = discovery(['x86_64-linux', 'line\nbreak'])
    expect(describeShare(dealShares(odd, 1)[0], odd)).toBe('x86_64-linux, "line\\nbreak"')
  })
})

const PLAN =
  '{"named":{"hydraJobs":2},"offsets":{"hydraJobs":2},"schemas":false,"systems":["a","b"],"workers":3}'

describe('readPlan', () => {
  it('reads the plan worker 0 prints', () => {
    expect(readPlan(PLAN)).toEqual({
      ...discovery(['a', 'b'], { hydraJobs: 2 }),
      workers: 3,
      offsets: { hydraJobs: 2 }
    })
  })

  const plan = (fields: Record<string, unknown>) =>
    JSON.stringify({ ...JSON.parse(PLAN), ...fields })
  it.each([
    ['text that is not JSON', 'error: boom', /not JSON/],
    ['a list', '[]', /no JSON object/],
    ['no schemas', plan({ schemas: undefined }), /schemas/],
    ['systems that are not strings', plan({ systems: [1] }), /systems/],
    ['a system twice', plan({ systems: ['a', 'a'] }), /twice/],
    ['no named', plan({ named: undefined }), /named/],
    ['a count below zero', plan({ named: { h: -1 } }), /whole number/],
    ['a fractional count', plan({ named: { h: 1.5 } }), /whole number/],
    ['a huge count', plan({ named: { h: 1e300 } }), /whole number/],
    ['no workers', plan({ workers: undefined }), /workers/],
    ['no worker at all', plan({ workers: 0 }), /workers/],
    ['offsets that are not counts', plan({ offsets: { h: 'x' } }), /offsets/]
  ])('refuses %s, quoting it', (_, text, message) => {
    expect(() => readPlan(text)).toThrow(message)
    expect(() => readPlan(text)).toThrow(/^The first evaluator printed .* as its plan: /)
  })

  it('reads any JSON as a plan or refuses it with an Error that quotes it (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc
            .record({
              schemas: fc.oneof(fc.boolean(), fc.jsonValue()),
              systems: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
              named: fc.oneof(fc.dictionary(fc.string(), fc.integer()), fc.jsonValue()),
              offsets: fc.oneof(fc.dictionary(fc.string(), fc.integer()), fc.jsonValue()),
              workers: fc.oneof(fc.integer(), fc.jsonValue())
            })
            .map(value => JSON.stringify(value))
        ),
        text => {
          let found: Plan
          try {
            found = readPlan(text)
          } catch (error) {
            expect((error as Error).message).toMatch(
              /^The first evaluator printed .* as its plan: /s
            )
            return
          }
          // What is accepted can be dealt out.
          expect(dealShares(found, 3).length).toBeGreaterThan(0)
        }
      ),
      { seed: SEED, numRuns: 1000 }
    )
  })
})

describe('planShares', () => {
  it("takes worker 0's plan when it is the run's own deal", () => {
    const shares = planShares(readPlan(PLAN), 3)
    expect(shares.map(share => share.worker)).toEqual([0, 1, 2])
  })

  it.each([
    ['another number of workers', { workers: 2 }, 3],
    ['other offsets', { offsets: { hydraJobs: 0 } }, 3],
    ['a plan for more workers than the run allows', {}, 2]
  ])('refuses %s', (_, fields, most) => {
    const plan = { ...readPlan(PLAN), ...fields }
    expect(() => planShares(plan, most)).toThrow(
      /^The first evaluator dealt the work out as .*please report this\.$/
    )
  })
})

describe('firstArgument, partArgument and nixString', () => {
  it('applies lib.evaluateFirst to the most workers and the marker', () => {
    expect(firstArgument(4, 'flakehub-push plan 0f ', false)).toBe(
      'first: first { includeOutputPaths = false; most = 4; marker = "flakehub-push plan 0f "; }'
    )
  })

  it('applies lib.evaluatePart to the share as JSON inside a Nix string', () => {
    const [, share] = dealShares(discovery(['a"b', '${x}']), 2)
    expect(partArgument(share, true)).toBe(
      'part: part { includeOutputPaths = true; share = builtins.fromJSON ' +
        '"{\\"worker\\":1,\\"workers\\":2,\\"systems\\":[\\"a\\\\\\"b\\",\\"\\${x}\\"],\\"offsets\\":{}}"; }'
    )
  })

  it('escapes every backslash, quote and dollar, and nothing else (seeded property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const literal = nixString(text)
        expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true)
        // Undo the escapes: what is left is the text, and no quote or dollar stands alone.
        const body = literal.slice(1, -1)
        expect(body.replace(/\\(.)/gsu, '$1')).toBe(text)
        expect(/(^|[^\\])(\\\\)*["$]/.test(body)).toBe(false)
      }),
      { seed: SEED, numRuns: 1000 }
    )
  })
})
