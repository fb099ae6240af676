import { describe, expect, it, jest } from '@jest/globals'

jest.unstable_mockModule('@actions/core', () => ({
  info: jest.fn(),
  startGroup: jest.fn(),
  endGroup: jest.fn()
}))
const { allOrStop, Stopped } = await import('../src/timing.js')
const { flakePage } = await import('../src/summary.js')
type Release = import('../src/release.js').Release

/** A task that waits until it is stopped, then rejects with the reason. */
const untilStopped = (seen: unknown[]) => (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    const stop = (): void => {
      seen.push(signal.reason)
      reject(signal.reason)
    }
    if (signal.aborted) stop()
    else signal.addEventListener('abort', stop)
  })

describe('allOrStop', () => {
  it('gives every result, in order, when all succeed', async () => {
    await expect(allOrStop([async () => 1, async () => 'two'] as const)).resolves.toEqual([
      1,
      'two'
    ])
  })

  it('stops the others when one fails and throws that first error once all have settled', async () => {
    const seen: unknown[] = []
    const failure = new Error('evaluation failed')
    const result = allOrStop([
      untilStopped(seen),
      async () => Promise.reject(failure),
      untilStopped(seen)
    ] as const)
    await expect(result).rejects.toBe(failure)
    expect(seen).toHaveLength(2)
    expect(seen.every(reason => reason instanceof Stopped)).toBe(true)
  })

  it.each([
    ['while the tasks run', false],
    ['before they start', true]
  ])('stops every task with the reason of a parent aborted %s, and throws it', async (_, early) => {
    const seen: unknown[] = []
    const parent = new AbortController()
    const reason = new Stopped()
    if (early) parent.abort(reason)
    const result = allOrStop([untilStopped(seen), untilStopped(seen)] as const, parent.signal)
    if (!early) parent.abort(reason)
    await expect(result).rejects.toBe(reason)
    expect(seen).toEqual([reason, reason])
  })
})

describe('the summary', () => {
  it.each([
    ['https://api.flakehub.com', 'https://flakehub.com/flake/o/f/0.1.2%2Brev-abc'],
    ['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/flake/o/f/0.1.2%2Brev-abc']
  ])('links the release on the website of %s', (host, page) => {
    expect(flakePage(host, { uploadName: 'o/f', version: '0.1.2+rev-abc' } as Release)).toBe(page)
  })
})

describe('allOrStop, cancelled', () => {
  it('throws the parent’s reason, whatever words a stopped task failed in', async () => {
    const parent = new AbortController()
    const reason = new Error('cancelled')
    const result = allOrStop(
      [
        (signal: AbortSignal) =>
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('The operation was aborted')))
          )
      ] as const,
      parent.signal
    )
    parent.abort(reason)
    await expect(result).rejects.toBe(reason)
  })
})
