/**
 * Giving the evaluators the CPU. On a small runner the evaluation (the `nix` processes, the long
 * pole of most runs) and packing (this process's thread pool, where zlib compresses, and the
 * `git cat-file` it reads the commit from) compete for the same cores. Once the first evaluator
 * has started, packing steps back: its git children and this process's helper threads are given
 * a lower priority, so the scheduler serves `nix` first and packing takes what is left.
 *
 * The main thread keeps its priority: it starts every `nix`, and on Linux a child is born with
 * the priority of the thread that starts it, so lowering it would lower every evaluator started
 * after the first (and they could not be raised again without privileges). Until the evaluators
 * run, nothing is lowered: Nix's locate and packing share the cores, so that packing is mostly
 * done, not left for one core, when the evaluation ends.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import type { CommandRunner } from './command.js'

/** The niceness packing runs at beside the evaluators (0 is normal, 19 the lowest priority). */
export const PACKING_NICENESS = 10

/** What lowering a priority takes: the operating system's part, which tests swap. */
export interface Priority {
  /**
   * Lower this process's helper threads (the thread pool, where zlib and file reads run), not
   * its main thread.
   */
  lowerHelpers(): void
  /** Lower the process `pid`. */
  lowerProcess(pid: number): void
}

/** Lowers real threads and processes to {@link PACKING_NICENESS}. */
export const osPriority: Priority = {
  lowerHelpers() {
    for (const thread of helperThreads()) lower(thread)
  },
  lowerProcess(pid) {
    lower(pid)
  }
}

function lower(id: number): void {
  if (os.getPriority(id) < PACKING_NICENESS) os.setPriority(id, PACKING_NICENESS)
}

/**
 * This process's helper threads (Linux): the thread pool's (`libuv-worker`); where threads carry
 * no such name (Node before 22), every thread but the main one. Elsewhere, none: a priority there
 * belongs to the whole process.
 */
function helperThreads(): number[] {
  let threads: string[]
  try {
    threads = fs.readdirSync('/proc/self/task')
  } catch {
    return []
  }
  const others = threads.map(Number).filter(thread => thread !== process.pid)
  const named = others.filter(thread => {
    try {
      return fs.readFileSync(`/proc/self/task/${thread}/comm`, 'utf8').trim() === 'libuv-worker'
    } catch {
      return false
    }
  })
  return named.length > 0 ? named : others
}

/**
 * Packing's priority over one run: the runner packing starts its children with (each is
 * remembered while it runs), and the step back, once `nix` evaluates, that lowers the helper
 * threads, every child of packing still running, and each one started later. Failing to lower
 * only costs speed, so it is told to `debug` (the debug log), once, not thrown.
 */
export class PackingPriority {
  private readonly running = new Set<number>()
  private steppedBack = false
  private told = false
  // Fields of their own, not parameter properties: priority.test loads this file in Node 24,
  // which strips types but does not transform.
  private readonly priority: Priority
  private readonly debug: (message: string) => void

  constructor(priority: Priority, debug: (message: string) => void) {
    this.priority = priority
    this.debug = debug
  }

  /** `runner`, each child of which is packing's. */
  runner(runner: CommandRunner): CommandRunner {
    return {
      run: (command, args, options = {}) => {
        let child: number | undefined
        const ran = runner.run(command, args, {
          ...options,
          onSpawn: pid => {
            child = pid
            this.running.add(pid)
            if (this.steppedBack) this.lower(() => this.priority.lowerProcess(pid))
            options.onSpawn?.(pid)
          }
        })
        return ran.finally(() => {
          if (child !== undefined) this.running.delete(child)
        })
      }
    }
  }

  /** Step back (the first call does; later ones change nothing). */
  stepBack(): void {
    if (this.steppedBack) return
    this.steppedBack = true
    this.lower(() => this.priority.lowerHelpers())
    for (const pid of this.running) this.lower(() => this.priority.lowerProcess(pid))
  }

  private lower(action: () => void): void {
    try {
      action()
    } catch (error) {
      if (!this.told) this.debug(`Could not lower packing's priority: ${String(error)}`)
      this.told = true
    }
  }
}
