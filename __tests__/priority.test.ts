// Packing steps back for the evaluators: its helper threads and its git children are lowered once
// `nix` evaluates, while the main thread, which starts every `nix`, keeps its priority.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import type { CommandRunner, RunOptions } from '../src/process/command.js'
import { PACKING_NICENESS, PackingPriority, type Priority } from '../src/process/priority.js'
import { NODE } from './support/action.js'

/** Runs in Node 24, which loads src/process/priority.ts with its types stripped. */
const SCRIPT = `
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import { osPriority } from '${new URL('../src/process/priority.ts', import.meta.url).pathname}'
const nice = file => Number(fs.readFileSync(file, 'utf8').split(')').at(-1).trim().split(' ')[16])
const started = async () => {
  const child = spawn('sleep', ['5'])
  await new Promise(resolve => child.once('spawn', resolve))
  return child
}
await fs.promises.readFile('/proc/self/stat') // starts the thread pool, as the action has by then
const packingChild = await started()
osPriority.lowerHelpers()
osPriority.lowerProcess(packingChild.pid)
const threads = Object.fromEntries(fs.readdirSync('/proc/self/task').map(t => [
  fs.readFileSync('/proc/self/task/' + t + '/comm', 'utf8').trim() + ' ' + t,
  nice('/proc/self/task/' + t + '/stat')
]))
const evaluator = await started()
console.log(JSON.stringify({
  main: nice('/proc/self/task/' + process.pid + '/stat'),
  pool: Object.entries(threads).filter(([name]) => name.startsWith('libuv-worker')).map(([, n]) => n),
  packingChild: nice('/proc/' + packingChild.pid + '/stat'),
  evaluatorStartedAfter: nice('/proc/' + evaluator.pid + '/stat')
}))
packingChild.kill()
evaluator.kill()
`

describe("the operating system's priorities", () => {
  it('lowers the thread pool and a child of packing, not the main thread nor a child it starts later', () => {
    const seen = JSON.parse(
      execFileSync(NODE, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8' })
    ) as { main: number; pool: number[]; packingChild: number; evaluatorStartedAfter: number }
    expect(seen.pool.length).toBeGreaterThan(0)
    expect(new Set(seen.pool)).toEqual(new Set([PACKING_NICENESS]))
    expect(seen.packingChild).toBe(PACKING_NICENESS)
    expect(seen.main).toBe(0)
    expect(seen.evaluatorStartedAfter).toBe(0)
  })
})

/** A Priority that records what it was asked to lower. */
function recording(): Priority & { lowered: string[] } {
  const lowered: string[] = []
  return {
    lowered,
    lowerHelpers: () => lowered.push('helpers'),
    lowerProcess: pid => lowered.push(`process ${pid}`)
  }
}

/**
 * A runner whose commands start (with the next pid from 100) when run and end when `end(pid)`
 * is called.
 */
function startedByHand(): CommandRunner & { end: (pid: number) => Promise<void> } {
  let next = 100
  const ends = new Map<number, () => void>()
  return {
    run: (_command: string, _args: readonly string[], options: RunOptions = {}) => {
      const pid = next++
      const ended = new Promise<void>(resolve => ends.set(pid, resolve))
      options.onSpawn?.(pid)
      return ended.then(() => ({ stdout: '', stderr: '' }))
    },
    end: async pid => {
      ends.get(pid)!()
      await new Promise(resolve => setImmediate(resolve))
    }
  }
}

describe("packing's priority over a run", () => {
  it('lowers nothing before the step back: packing and the locate share the cores', () => {
    const os = recording()
    const packing = new PackingPriority(os, () => {})
    void packing.runner(startedByHand()).run('git', ['cat-file'])
    expect(os.lowered).toEqual([])
  })

  it('lowers the helpers and the children still running at the step back, and each child started after', async () => {
    const os = recording()
    const runner = startedByHand()
    const packing = new PackingPriority(os, () => {})
    const git = packing.runner(runner)
    void git.run('git', ['ls-tree']) // pid 100, ends before the step back
    void git.run('git', ['cat-file']) // pid 101, still running
    await runner.end(100)
    packing.stepBack()
    expect(os.lowered).toEqual(['helpers', 'process 101'])
    void git.run('git', ['cat-file']) // pid 102
    expect(os.lowered).toEqual(['helpers', 'process 101', 'process 102'])
  })

  it('steps back once, however often `nix` starts', () => {
    const os = recording()
    const packing = new PackingPriority(os, () => {})
    void packing.runner(startedByHand()).run('git', ['cat-file'])
    packing.stepBack()
    packing.stepBack()
    expect(os.lowered).toEqual(['helpers', 'process 100'])
  })

  it("keeps the caller's own onSpawn", () => {
    const seen: number[] = []
    const packing = new PackingPriority(recording(), () => {})
    void packing.runner(startedByHand()).run('git', [], { onSpawn: pid => seen.push(pid) })
    expect(seen).toEqual([100])
  })

  it('tells a failure to lower to the debug log, once, and goes on', () => {
    const debug: string[] = []
    const refusing: Priority = {
      lowerHelpers: () => {
        throw new Error('EACCES')
      },
      lowerProcess: () => {
        throw new Error('ESRCH')
      }
    }
    const packing = new PackingPriority(refusing, message => debug.push(message))
    void packing.runner(startedByHand()).run('git', ['cat-file'])
    expect(() => packing.stepBack()).not.toThrow()
    expect(debug).toEqual(["Could not lower packing's priority: Error: EACCES"])
  })
})
