// The memory guard's decision (src/evaluate/memory.ts), as a function: when one more evaluator
// may start, how big one is expected to be, and what is read from /proc.
import { describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import * as fs from 'node:fs'
import {
  PRIOR_BYTES,
  RESERVE_BYTES,
  estimateWorker,
  mayStart,
  workerHeap
} from '../src/evaluate/memory.js'
import { procMemory, readMemAvailable, readResident } from '../src/process/memory.js'

const GB = 1e9
const MB = 1e6

describe('mayStart', () => {
  it.each([
    ['nothing runs, however little is free', 0, [], 4 * GB, true],
    ['plenty free beside one that has grown', 16 * GB, [2 * GB], 2 * GB, true],
    [
      'one running may still grow by 1.5 GB: 3 GB free is not enough',
      3 * GB,
      [0.5 * GB],
      2 * GB,
      false
    ],
    ['the same one grown to its estimate: 3 GB free is enough', 3 * GB, [2 * GB], 2 * GB, true],
    ['two running, each to grow by 1 GB, 4 GB free', 4 * GB, [1 * GB, 1 * GB], 2 * GB, false],
    ['two running, each to grow by 1 GB, 4.3 GB free', 4.3 * GB, [1 * GB, 1 * GB], 2 * GB, true],
    ['one larger than the estimate takes nothing more', 2.3 * GB, [5 * GB], 2 * GB, true],
    ['just short of the reserve', 2 * GB + RESERVE_BYTES - 1, [2 * GB], 2 * GB, false]
  ])('%s', (_, available, running, estimate, expected) => {
    expect(mayStart({ available, running, estimate })).toBe(expected)
  })

  it('lets in no fewer with more memory free, or with the running ones further grown (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.nat(64 * GB),
        fc.nat(8 * GB),
        fc.array(fc.nat(8 * GB), { minLength: 1, maxLength: 6 }),
        fc.nat(5),
        fc.integer({ min: 1, max: 8 * GB }),
        (available, more, running, which, estimate) => {
          const before = mayStart({ available, running, estimate })
          const grown = running.map((rss, i) => (i === which % running.length ? rss + more : rss))
          if (before) {
            expect(mayStart({ available: available + more, running, estimate })).toBe(true)
            // What a worker has grown by is no longer free: it is taken from both sides.
            expect(
              mayStart({
                available:
                  available -
                  Math.min(more, Math.max(0, estimate - running[which % running.length])),
                running: grown,
                estimate
              })
            ).toBe(true)
          }
          // Whatever is free, once it runs alone a worker always may start.
          expect(mayStart({ available, running: [], estimate })).toBe(true)
        }
      ),
      { seed: SEED, numRuns: 1000 }
    )
  })
})

describe('estimateWorker', () => {
  it.each([
    [[], PRIOR_BYTES],
    [[100 * MB, 300 * MB], PRIOR_BYTES],
    [[100 * MB, 3 * GB, 2 * GB], 3 * GB]
  ])('from the peaks seen %j: %d bytes', (peaks, estimate) => {
    expect(estimateWorker(peaks)).toBe(estimate)
  })

  it('takes another prior', () => {
    expect(estimateWorker([], 5)).toBe(5)
  })
})

const MEMINFO = `MemTotal:       24683832 kB
MemFree:         6431340 kB
MemAvailable:   20872656 kB
Buffers:          262124 kB
`
const STATUS = `Name:\tnix
Umask:\t0022
State:\tR (running)
VmPeak:\t  612340 kB
VmHWM:\t  468124 kB
VmRSS:\t  401212 kB
Threads:\t3
`

describe('reading /proc', () => {
  it('reads MemAvailable', () => {
    expect(readMemAvailable(MEMINFO)).toBe(20872656 * 1024)
    expect(readMemAvailable('MemTotal: 1 kB\nMemFree: 1 kB\n')).toBeUndefined()
  })

  it('reads the resident set and its peak of a process', () => {
    expect(readResident(STATUS)).toEqual({ rss: 401212 * 1024, peak: 468124 * 1024 })
    expect(readResident('Name:\tnix\nState:\tZ (zombie)\n')).toEqual({})
  })

  it('reads any text without throwing, and only whole kB counts (seeded property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const available = readMemAvailable(text)
        const { rss, peak } = readResident(text)
        for (const value of [available, rss, peak])
          if (value !== undefined)
            expect(Number.isSafeInteger(value) && value % 1024 === 0).toBe(true)
      }),
      { seed: SEED, numRuns: 1000 }
    )
  })

  it("reads this machine's memory and this process's size", () => {
    if (!fs.existsSync('/proc/meminfo')) return
    expect(procMemory.available()).toBeGreaterThan(0)
    const self = procMemory.resident(process.pid)
    expect(self?.rss).toBeGreaterThan(0)
    expect(self!.peak).toBeGreaterThanOrEqual(self!.rss)
    expect(procMemory.resident(2 ** 22 + 7)).toBeUndefined()
  })
})

describe('workerHeap', () => {
  const MiB = 1024 ** 2
  it.each([
    ['one evaluator: Nix chooses', 1, 16e9, {}, {}],
    [
      'two on a large machine: half of 384 MiB each',
      2,
      16e9,
      {},
      { GC_INITIAL_HEAP_SIZE: String(192 * MiB) }
    ],
    ['four: a quarter each', 4, 16e9, {}, { GC_INITIAL_HEAP_SIZE: String(96 * MiB) }],
    [
      'two on a 1 GB machine: half of a quarter of it',
      2,
      1e9,
      {},
      { GC_INITIAL_HEAP_SIZE: String(125e6) }
    ],
    ['sixty-four: never under 64 MiB', 64, 16e9, {}, { GC_INITIAL_HEAP_SIZE: String(64 * MiB) }],
    ['the user set it: left alone', 2, 16e9, { GC_INITIAL_HEAP_SIZE: '1000000' }, {}]
  ])('%s', (_, most, total, env, expected) => {
    expect(workerHeap(most, total, env)).toEqual(expected)
  })
})
