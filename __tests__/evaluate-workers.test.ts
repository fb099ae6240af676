// Running the evaluators (src/evaluate/workers.ts) over a fake `nix`: how many start and when
// (cores, the setting, the memory guard), what happens when the work cannot be dealt out, and
// that the first failure stops the others and keeps the waiting ones from starting.
import { describe, expect, it } from '@jest/globals'
import { CommandError, type CommandRunner, type RunOptions } from '../src/command.js'
import type { MemoryProbe } from '../src/evaluate/memory.js'
import { evaluateOutputs } from '../src/evaluate/workers.js'
import { Nix } from '../src/nix.js'

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
  kind: 'version' | 'discover' | 'part' | 'single'
  worker?: number
  options: RunOptions
  finish(stdout: string): void
  fail(error: Error): void
}

/**
 * A fake `nix` whose evaluations end only when the test says: `--version` and `lib.discover`
 * answer at once (discover with `discovery`), every other call waits in `calls`.
 */
function fakeNix(discovery: string | Error) {
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
      if (installable.endsWith('#lib.discover')) {
        return discovery instanceof Error
          ? Promise.reject(discovery)
          : Promise.resolve({ stdout: discovery, stderr: '' })
      }
      const apply = args[args.length - 1]
      const worker = /\\"worker\\":(\d+)/.exec(apply)
      const name = worker === null ? 'single' : worker[1]
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
          kind: installable.endsWith('#lib.evaluatePart') ? 'part' : 'single',
          worker: worker === null ? undefined : Number(worker[1]),
          options,
          finish: stdout => end('end') && resolve({ stdout, stderr: '' }),
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
      })
    }
  }
  return { nix: new Nix(runner), calls, events, live: () => live }
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

const settle = () => new Promise(resolve => setTimeout(resolve, 30))
const FOUR = '{"named":{},"schemas":false,"systems":["a","b","c","d"]}'

describe('evaluateOutputs', () => {
  it('runs one evaluator per core when the memory allows, and merges their parts', async () => {
    const { nix, calls, events, live } = fakeNix(FOUR)
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'git+file:///f', false, {
      evaluators: 'auto',
      cores: 2,
      memory: memory(16 * GB, 0.5 * GB, live).probe,
      log: line => lines.push(line)
    })
    await settle()
    expect(calls.map(call => [call.kind, call.worker])).toEqual([
      ['part', 0],
      ['part', 1]
    ])
    calls[1].finish(partText(1, 2, ['a', 'b', 'c', 'd']))
    calls[0].finish(partText(0, 2, ['a', 'b', 'c', 'd']))
    const outputs = await result
    expect(outputs.counts).toEqual({ packages: 4 })
    expect(Object.keys(JSON.parse(outputs.json).inventory.packages.children)).toEqual([
      'a',
      'b',
      'c',
      'd'
    ])
    expect(events).toEqual(['start 0', 'start 1', 'end 1', 'end 0'])
    expect(lines).toEqual([
      '2 evaluators side by side (2 cores):',
      '  evaluator 1: a, c; every other output',
      '  evaluator 2: b, d'
    ])
  })

  it.each([
    ['the setting is 1', { evaluators: 1, cores: 8 }],
    ['there is one core', { evaluators: 'auto' as const, cores: 1 }]
  ])('runs the one evaluation of before when %s, with no discovery', async (_, options) => {
    const { nix, calls } = fakeNix(new Error('discover must not run'))
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
    const { nix, calls, live } = fakeNix(FOUR)
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 3,
      cores: 1,
      memory: memory(64 * GB, 0, live).probe
    })
    result.catch(() => {})
    await settle()
    expect(calls.map(call => call.worker)).toEqual([0, 1, 2])
    for (const call of calls) call.fail(new Error('end of test'))
  })

  it.each([
    ['the discovery fails', new CommandError('nix eval …#lib.discover', 1, 'error: boom')],
    ['the discovery prints no discovery', '{"systems":"all"}']
  ])('falls back to one evaluator when %s, saying why', async (_, discovery) => {
    const { nix, calls } = fakeNix(discovery)
    const lines: string[] = []
    const result = evaluateOutputs(nix, 'f', false, {
      evaluators: 4,
      log: line => lines.push(line)
    })
    await settle()
    expect(calls.map(call => call.kind)).toEqual(['single'])
    calls[0].finish(SINGLE)
    await result
    expect(lines).toEqual([
      expect.stringMatching(
        /^Could not deal the evaluation out \(.+\); one evaluator does everything\.$/
      )
    ])
  })

  it('lets an evaluator wait for memory until one that runs has ended', async () => {
    const { nix, calls, events, live } = fakeNix(FOUR)
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
    calls[0].finish(partText(0, 2, ['a', 'b', 'c', 'd']))
    await settle()
    expect(events).toEqual(['start 0', 'end 0', 'start 1'])
    calls[1].finish(partText(1, 2, ['a', 'b', 'c', 'd']))
    expect((await result).counts).toEqual({ packages: 4 })
    expect(lines.slice(-2)).toEqual([
      // Seen before the first one's process has started: it counts as growing to the estimate.
      '  evaluator 2 waits for memory: 1825 MB available, 1 evaluators running, each estimated at 1074 MB',
      '  evaluator 2 starts'
    ])
  })

  it('estimates an evaluator by the largest seen, and lets in only as many as fit', async () => {
    const { nix, calls, events, live } = fakeNix(FOUR)
    // 3 GB each as soon as they run: of 7 GB, the second fits beside the first, the third not;
    // once the first has ended, it does.
    const { probe } = memory(7 * GB, 3 * GB, live)
    const result = evaluateOutputs(nix, 'f', false, { evaluators: 4, memory: probe, pollMs: 5 })
    result.catch(() => {})
    await settle()
    expect(events).toEqual(['start 0', 'start 1'])
    calls[0].finish(partText(0, 4, ['a', 'b', 'c', 'd']))
    await settle()
    expect(events).toEqual(['start 0', 'start 1', 'end 0', 'start 2'])
    for (const call of calls) call.fail(new Error('end of test'))
  })

  it('stops the others at the first failure, and a waiting one never starts', async () => {
    const { nix, calls, events, live } = fakeNix(FOUR)
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
    const error = await result.then(
      () => new Error('passed'),
      (e: unknown) => e as Error
    )
    expect(error.name).toBe('EvaluationError')
    expect(error.message).toMatch('`packages.b.p`')
    await settle()
    expect(events).toEqual(['start 0', 'start 1', 'failed 1', 'stopped 0'])
  })

  it('stops every evaluator, and starts none after, when the run is cancelled', async () => {
    const { nix, events, live } = fakeNix(FOUR)
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
