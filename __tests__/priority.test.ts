// Stepping back: once the evaluator runs, this process (every thread of it) gives it the CPU,
// while a child started before keeps its priority.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { PACKING_NICENESS } from '../src/process/priority.js'
import { NODE } from './support/action.js'

/** Runs in Node 24, which loads src/process/priority.ts with its types stripped. */
const SCRIPT = `
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import { stepBack } from '${new URL('../src/process/priority.ts', import.meta.url).pathname}'
const nice = file => Number(fs.readFileSync(file, 'utf8').split(')').at(-1).trim().split(' ')[16])
await fs.promises.readFile('/proc/self/stat') // starts the thread pool, as the action has by then
const child = spawn('sleep', ['5'])
await new Promise(resolve => child.once('spawn', resolve))
stepBack(message => { throw new Error(message) })
const threads = fs.readdirSync('/proc/self/task').map(t => nice('/proc/self/task/' + t + '/stat'))
console.log(JSON.stringify({ threads, child: nice('/proc/' + child.pid + '/stat') }))
child.kill()
`

describe('stepping back for the evaluator', () => {
  it('lowers every thread of this process and leaves a child started before alone', () => {
    const seen = JSON.parse(
      execFileSync(NODE, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8' })
    ) as { threads: number[]; child: number }
    expect(seen.threads.length).toBeGreaterThan(1)
    expect(new Set(seen.threads)).toEqual(new Set([PACKING_NICENESS]))
    expect(seen.child).toBe(0)
  })
})
