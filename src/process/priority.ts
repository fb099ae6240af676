/**
 * Giving the evaluator the CPU. On a small runner the evaluation (one `nix` process, the long
 * pole of most runs) and packing (this process: reading, tar and gzip) compete for the same
 * cores. Once the evaluator has started, this process lowers its own priority, so the scheduler
 * serves `nix` first and packing takes what is left; a child started before keeps its priority.
 * It cannot be raised again without privileges, which does not matter: nothing competes with the
 * upload that follows.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'

/** The niceness packing runs at beside the evaluator (0 is normal, 19 the lowest priority). */
export const PACKING_NICENESS = 10

/**
 * Lower this process's priority to {@link PACKING_NICENESS}. On Linux a priority belongs to a
 * thread, so every thread is lowered (threads started later inherit it from the main thread);
 * elsewhere the process is. Failing to do so only costs speed, so it is told to `debug` (the
 * debug log), not thrown.
 */
export function stepBack(debug: (message: string) => void): void {
  try {
    for (const thread of threads()) {
      if (os.getPriority(thread) < PACKING_NICENESS) os.setPriority(thread, PACKING_NICENESS)
    }
  } catch (error) {
    debug(`Could not lower this process's priority: ${String(error)}`)
  }
}

/** This process's threads (Linux), or the process itself (0) where threads are not listed. */
function threads(): number[] {
  try {
    return fs.readdirSync('/proc/self/task').map(Number)
  } catch {
    return [0]
  }
}
