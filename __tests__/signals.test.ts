import { describe, expect, it } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { Cancelled } from '../src/errors.js'
import { cancelOnSignals } from '../src/signals.js'

describe('cancelling on a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)('aborts on %s, with the exit status %i', (name, exitCode) => {
    const process = new EventEmitter()
    const signal = cancelOnSignals(process)
    expect(signal.aborted).toBe(false)
    process.emit(name)
    expect(signal.reason).toBeInstanceOf(Cancelled)
    expect((signal.reason as Cancelled).signal).toBe(name)
    expect((signal.reason as Cancelled).exitCode).toBe(exitCode)
  })

  it('keeps the first signal as the reason, and keeps listening (a second one must not kill)', () => {
    const process = new EventEmitter()
    const signal = cancelOnSignals(process)
    process.emit('SIGINT')
    const first = signal.reason
    process.emit('SIGTERM')
    expect(signal.reason).toBe(first)
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([1, 1])
  })

  it('says in one line whether anything may have been published', () => {
    const reason = new Cancelled('SIGINT')
    for (const publishing of [false, true]) expect(reason.report(publishing)).not.toMatch(/\n/)
    expect(reason.report(false)).toMatch(
      /^The run was cancelled \(SIGINT\) before anything was published/
    )
    expect(reason.report(true)).toMatch(/^The run was cancelled \(SIGINT\) while publishing/)
  })
})
