// Running the evaluators (src/evaluate/workers.ts) over a fake `nix`: how many start and when
// (cores, the setting, the memory guard), what happens when the work cannot be dealt out, and
// that the first failure stops the others and keeps the waiting ones from starting.
import { describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import { CommandError, type CommandRunner, type RunOptions } from '../src/process/command.js'
import type { MemoryProbe } from '../src/process/memory.js'
import { evaluateOutputs, traceWatcher } from '../src/evaluate/workers.js'
import { Evaluator } from '../src/evaluate/evaluator.js'
import { Nix } from '../src/source/nix.js'

const GB = 1024 ** 3

/** What lib.evaluatePart of worker `worker` prints for a flake with `systems` of one package each. */
function partText(worker: number, workers: number, systems: string[]): string {
  const mine = systems.filter((_, i) => i % workers === worker)
  const lines = mine.map(
    system =>
      `C\t0\t"packages"\t${systems.indexOf(system)}\t"${system}"\t{"children":{"p":{"what":"package"}}}\n`
  )
  const head = worker === 0 ? 'D\t{"packages":"doc"}\nS\t0\t"packages"\n' : ''
  return `{"packages":${mine.length}}\n${head}${lines.join('')}`
}

const SINGLE = '{"packages":1}\n{"docs":{},"inventory":{},"version":1}'

interface Call {
  kind: 'first' | 'part' | 'single'
  worker?: number
  /** The marker of the plan (worker 0). */
  marker?: string
  /** The plan worker 0 prints, first on its output (and on stderr, unless the test says so). */
  plan?: string
  options: RunOptions
  /** What the process prints on stderr (the flake's traces; worker 0's plan). */
  stderr(text: string): void
  finish(stdout: string): void
  fail(error: Error): void
}

/** The plan share.nix prints for four systems of one package each and at most `most` workers. */
const fourSystems = (most: number): string =>
  JSON.stringify({
    named: {},
    offsets: {},
    schemas: false,
    systems: ['a', 'b', 'c', 'd'],
    workers: Math.min(most, 4)
  })

/**
 * A fake `nix` whose evaluations end only when the test says: `--version` answers at once;
 * `lib.evaluateFirst` prints `plan(most)` as its trace as soon as it starts and first on its
 * output, unless `plan` gives undefined (then the output has the four-system plan, and the test
 * prints a trace, or not).
 */
function fakeNix(plan: (most: number) => string | undefined = fourSystems) {
  const calls: Call[] = []
  const events: string[] = []
  let pid = 1000
  let live = 0
  const runner: CommandRunner = {
    run(_command, args, options = {}) {
      if (options.signal?.aborted) return Promise.reject(options.signal.reason)
      if (args[0] === '--version')
        return Promise.resolve({ stdout: 'nix (Nix) 2.26.3', stderr: '' })
      const installable = args.find(arg => arg.includes('#lib.')) ?? ''
      const apply = args[args.length - 1]
      const kind = installable.endsWith('#lib.evaluateFirst')
        ? 'first'
        : installable.endsWith('#lib.evaluatePart')
          ? 'part'
          : 'single'
      const worker = kind === 'first' ? 0 : Number(/\\"worker\\":(\d+)/.exec(apply)?.[1] ?? NaN)
      const name = kind === 'single' ? 'single' : String(worker)
      return new Promise((resolve, reject) => {
        let settled = false
        const end = (event: string): boolean => {
          if (settled) return false
          settled = true
          live--
          events.push(`${event} ${name}`)
          return true
        }
        const call: Call = {
          kind,
          worker: kind === 'single' ? undefined : worker,
          marker: /marker = "([^"]*)"/.exec(apply)?.[1],
          options,
          stderr: text => options.onStderr?.(text),
          finish: stdout =>
            end('end') &&
            resolve({
              stdout: call.plan === undefined ? stdout : `${call.plan}\n${stdout}`,
              stderr: ''
            }),
          fail: error => end('failed') && reject(error)
        }
        calls.push(call)
        live++
        events.push(`start ${name}`)
        options.signal?.addEventListener(
          'abort',
          () => end('stopped') && reject(options.signal!.reason)
        )
        options.onSpawn?.(++pid)
        if (kind === 'first') {
          const most = Number(/most = (\d+);/.exec(apply)![1])
          call.plan = fourSystems(most)
          const text = plan(most)
          if (text !== undefined) {
            call.plan = text
            call.stderr(`trace: ${call.marker}${text}\n`)
          }
        }
      })
    }
  }
  const evaluator = new Evaluator(new Nix(runner))
  preparing.push(evaluator.prepare())
  return { nix: evaluator, calls, events, live: () => live }
}

/**
 * Memory of `total` bytes, each fake `nix` that runs taking `rss` of it (its peak too); the
 * test may change both.
 */
function memory(total: number, rss: number, live: () => number) {
  const state = { total, rss }
  const probe: MemoryProbe = {
    available: () => state.total - state.rss * live(),
    resident: () => ({ rss: state.rss, peak: state.rss })
  }
  return { state, probe }
}

/** The inspect flakes being written (a cold file system can take longer than a settle). */
const preparing: Promise<void>[] = []
const settle = async () => {
  await Promise.all(preparing)
  await new Promise(resolve => setTimeout(resolve, 30))
}
const ABCD = ['a', 'b', 'c', 'd']

/** The error a run ended with. */
const failure = (result: Promise<unknown>): Promise<Error> =>
  result.then(
    () => new Error('passed'),
    (e: unknown) => e as Error
  )

describe('evaluateOutputs', () => {
  it('starts the first evaluator at once and the others on its plan, and merges their parts', async () => {
    const { nix, calls, events, live } = fakeNix()
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'git+file:///f', false, {
      evaluators: 'auto',
      cores: 2,
      memory: memory(16 * GB, 0.5 * GB, live).probe,
      log: line => lines.push(line)
    })
    await settle()
    expect(calls.map(call => [call.kind, call.worker])).toEqual([
      ['first', 0],
      ['part', 1]
    ])
    calls[1].finish(partText(1, 2, ABCD))
    calls[0].finish(partText(0, 2, ABCD))
    const outputs = await result
    expect(outputs.counts).toEqual({ packages: 4 })
    expect(Object.keys(JSON.parse(outputs.json).inventory.packages.children)).toEqual(ABCD)
    expect(events).toEqual(['start 0', 'start 1', 'end 1', 'end 0'])
    // Each evaluator starts with half of Nix's heap (unless the environment sets it).
    const heap = process.env.GC_INITIAL_HEAP_SIZE ?? ''
    const each =
      heap === '' ? `; GC_INITIAL_HEAP_SIZE=${calls[0].options.env?.GC_INITIAL_HEAP_SIZE} each` : ''
    if (heap === '') expect(Number(calls[1].options.env?.GC_INITIAL_HEAP_SIZE)).toBeGreaterThan(0)
    expect(calls[1].options.env).toEqual(calls[0].options.env)
    expect(lines).toEqual([
      `2 evaluators side by side (2 cores${each}):`,
      '  evaluator 1: a, c; every other output',
      '  evaluator 2: b, d'
    ])
  })

  it('lets the first evaluator do everything for a flake of one system, and says nothing', async () => {
    const oneSystem = JSON.stringify({
      named: {},
      offsets: {},
      schemas: false,
      systems: ['a'],
      workers: 1
    })
    const { nix, calls } = fakeNix(() => oneSystem)
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 4,
      log: line => lines.push(line)
    })
    await settle()
    expect(calls.map(call => call.kind)).toEqual(['first'])
    calls[0].finish(partText(0, 1, ['a']))
    expect((await result).counts).toEqual({ packages: 1 })
    expect(lines).toEqual([])
  })

  it.each([
    ['the setting is 1', { evaluators: 1, cores: 8 }],
    ['there is one core', { evaluators: 'auto' as const, cores: 1 }]
  ])('runs the one evaluation of before when %s', async (_, options) => {
    const { nix, calls } = fakeNix()
    const result = evaluateOutputs(nix, 'git+file:///f', true, options)
    await settle()
    expect(calls.map(call => call.kind)).toEqual(['single'])
    calls[0].finish(SINGLE)
    expect(await result).toEqual({
      counts: { packages: 1 },
      json: '{"docs":{},"inventory":{},"version":1}'
    })
  })

  it('takes the setting over the cores', async () => {
    const { nix, calls, live } = fakeNix()
    const memory64 = memory(64 * GB, 0, live).probe
    const result = evaluateOutputs(nix, 'f', false, { evaluators: 3, cores: 1, memory: memory64 })
    result.catch(() => {})
    await settle()
    expect(calls.map(call => call.worker)).toEqual([0, 1, 2])
    for (const call of calls) call.fail(new Error('end of test'))
  })

  it("reads the plan behind this run's marker only, across pieces of stderr", async () => {
    const { nix, calls } = fakeNix(() => undefined)
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 2,
      memory: memory(64 * GB, 0, () => 0).probe
    })
    result.catch(() => {})
    await settle()
    // The flake traces a plan of its own (it cannot know the marker): nothing starts.
    const [first] = calls
    first.stderr('trace: flakehub-push plan 00000000000000000000000000000000 ')
    first.stderr(`${fourSystems(1)}\ntrace: hello\n`)
    await settle()
    expect(calls).toHaveLength(1)
    const line = `trace: ${first.marker}${fourSystems(2)}\n`
    for (const piece of [line.slice(0, 3), line.slice(3, 40), line.slice(40)]) first.stderr(piece)
    await settle()
    expect(calls.map(call => call.worker)).toEqual([0, 1])
    for (const call of calls) call.fail(new Error('end of test'))
  })

  it("fails, stopping the first evaluator, when its plan is not the run's deal", async () => {
    const { nix, events } = fakeNix(() => fourSystems(4)) // 4 workers where 2 were allowed
    const error = await failure(evaluateOutputs(nix, 'f', false, { evaluators: 2 }))
    expect(error.message).toMatch(
      /^The first evaluator dealt the work out as .*please report this\.$/
    )
    expect(events).toEqual(['start 0', 'stopped 0'])
  })

  it('starts the others late, on the plan in its output, when the first showed none on stderr', async () => {
    const { nix, calls, events, live } = fakeNix(() => undefined)
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 2,
      memory: memory(64 * GB, 0, live).probe,
      log: line => lines.push(line)
    })
    await settle()
    expect(events).toEqual(['start 0'])
    calls[0].finish(partText(0, 2, ABCD))
    await settle()
    expect(events).toEqual(['start 0', 'end 0', 'start 1'])
    calls[1].finish(partText(1, 2, ABCD))
    expect(Object.keys(JSON.parse((await result).json).inventory.packages.children)).toEqual(ABCD)
    expect(lines[0]).toBe('  the first evaluator ended before its plan was read from its stderr')
  })

  it('fails when the plan in the output is not the one on stderr', async () => {
    const { nix, calls } = fakeNix()
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 2,
      memory: memory(64 * GB, 0, () => 0).probe
    })
    await settle()
    calls[1].finish(partText(1, 2, ABCD))
    calls[0].plan = fourSystems(3)
    calls[0].finish(partText(0, 2, ABCD))
    expect((await failure(result)).message).toBe(
      'The first evaluator printed two plans; please report this.'
    )
  })

  it('fails as the first evaluator fails before its plan, and starts no other', async () => {
    const { nix, calls, events } = fakeNix(() => undefined)
    const result = evaluateOutputs(nix, 'f', false, { evaluators: 3 })
    await settle()
    calls[0].fail(
      new CommandError(
        'nix eval …',
        1,
        "error: boom\n… while evaluating the flake output 'packages'"
      )
    )
    const error = await failure(result)
    expect(error.name).toBe('EvaluationError')
    expect(error.message).toMatch('`packages`')
    expect(events).toEqual(['start 0', 'failed 0'])
  })

  it('lets an evaluator wait for memory until one that runs has ended', async () => {
    const { nix, calls, events, live } = fakeNix()
    const { probe } = memory(1.7 * GB, 0.2 * GB, live)
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 2,
      memory: probe,
      pollMs: 5,
      log: line => lines.push(line)
    })
    await settle()
    expect(events).toEqual(['start 0'])
    // Room appears only when the first has ended and given its memory back.
    calls[0].finish(partText(0, 2, ABCD))
    await settle()
    expect(events).toEqual(['start 0', 'end 0', 'start 1'])
    calls[1].finish(partText(1, 2, ABCD))
    expect((await result).counts).toEqual({ packages: 4 })
    expect(lines.slice(-2)).toEqual([
      '  evaluator 2 waits for memory: 1611 MB available, 1 evaluators running, each estimated at 1074 MB',
      '  evaluator 2 starts'
    ])
  })

  it('estimates an evaluator by the largest seen, and lets in only as many as fit', async () => {
    const { nix, calls, events, live } = fakeNix()
    // 3 GB each as soon as they run: of 7 GB, the second fits beside the first, the third not;
    // once the first has ended, it does.
    const { probe } = memory(7 * GB, 3 * GB, live)
    const result = evaluateOutputs(nix, 'f', false, { evaluators: 4, memory: probe, pollMs: 5 })
    result.catch(() => {})
    await settle()
    expect(events).toEqual(['start 0', 'start 1'])
    calls[0].finish(partText(0, 4, ABCD))
    await settle()
    expect(events).toEqual(['start 0', 'start 1', 'end 0', 'start 2'])
    for (const call of calls) call.fail(new Error('end of test'))
  })

  it('stops the others at the first failure, and a waiting one never starts', async () => {
    const { nix, calls, events, live } = fakeNix()
    const { probe } = memory(2.5 * GB, 0, live)
    const result = evaluateOutputs(nix, 'f', false, { evaluators: 3, memory: probe, pollMs: 5 })
    await settle()
    expect(events).toEqual(['start 0', 'start 1'])
    calls[1].fail(
      new CommandError(
        'nix eval …',
        1,
        "error: boom\n… while evaluating the flake output 'packages.b.p'"
      )
    )
    const error = await failure(result)
    expect(error.name).toBe('EvaluationError')
    expect(error.message).toMatch('`packages.b.p`')
    await settle()
    expect(events).toEqual(['start 0', 'start 1', 'failed 1', 'stopped 0'])
  })

  it('stops every evaluator, and starts none after, when the run is cancelled', async () => {
    const { nix, events, live } = fakeNix()
    const cancel = new AbortController()
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 3,
      memory: memory(2.5 * GB, 0, live).probe,
      pollMs: 5,
      signal: cancel.signal
    })
    await settle()
    cancel.abort(new Error('cancelled'))
    await expect(result).rejects.toThrow('cancelled')
    await settle()
    expect(events).toEqual(['start 0', 'start 1', 'stopped 0', 'stopped 1'])
  })
})

describe('traceWatcher', () => {
  const prefix = 'trace: flakehub-push plan 0a1b '
  it('finds the first line that starts with the prefix, however stderr is cut (seeded property)', () => {
    const line = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 't', ':', ' ', 'p', '{', '"') }),
      fc.string().map(rest => prefix + rest.replace(/\n/g, '')),
      fc.string().map(rest => `x${prefix}${rest.replace(/\n/g, '')}`),
      fc.constant(prefix.slice(0, 10))
    )
    fc.assert(
      fc.property(
        fc.array(
          line.map(text => text.replace(/\n/g, '')),
          { maxLength: 8 }
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        (lines, cuts) => {
          const text = lines.map(text => `${text}\n`).join('')
          const found: string[] = []
          const watch = traceWatcher(prefix, rest => found.push(rest))
          const at = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort((a, b) => a - b)
          let from = 0
          for (const cut of [...at, text.length]) {
            watch(text.slice(from, cut))
            from = cut
          }
          const first = lines.find(text => text.startsWith(prefix))
          expect(found).toEqual(first === undefined ? [] : [first.slice(prefix.length)])
        }
      ),
      { seed: SEED, numRuns: 2000 }
    )
  })
})
