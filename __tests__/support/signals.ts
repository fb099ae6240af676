// Test support for stopping and cancelling: whether a process is gone, waiting for a file a
// child writes, and a `nix` whose evaluation never ends and ignores SIGTERM, as Nix 2.8 does.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { nixWrapper } from './nix.js'

/**
 * Whether process `pid` no longer runs: it does not exist, or it is a zombie (it has exited, and
 * its parent has not reaped it yet: an orphan's parent is init, which in a container may never
 * reap it).
 */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true
    throw error
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return true // exited between the two looks
  }
}

/** Resolves once `file` exists; rejects after `timeoutMs` (a test's safety net, not a check). */
export async function waitForFile(file: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** The process ids written to `file`, one a line. */
export function readPids(file: string): number[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number)
}

export interface StuckNix {
  /** Put it first on PATH. */
  path: string
  /** Written once the evaluation has started: both its pids are recorded and TERM is ignored. */
  started: string
  /** The evaluation's pids: the wrapper's and its child's. */
  pids(): number[]
  /** One line per SIGTERM the wrapper received. */
  terms(): string[]
  /** The file those lines go to: it exists once the first SIGTERM came. */
  termsFile: string
}

/**
 * A `nix` whose `nix eval` never ends and survives SIGTERM (as Nix 2.8's evaluator does): the
 * wrapper notes each SIGTERM and goes on waiting, and its child (`sleep`) ignores it. Only
 * SIGKILL ends them. Every other `nix` command is the real one. `beforeWaiting`: shell lines
 * run once both are started (e.g. to fill a disk).
 */
export function stuckEvaluation(beforeWaiting = ''): StuckNix {
  const script = `if [ "$1" = eval ]; then
  trap 'echo TERM >> "$DIR/terms"' TERM
  echo $$ >> "$DIR/pids"
  (trap '' TERM; touch "$DIR/ignoring"; exec sleep 3600) &
  child=$!
  echo $child >> "$DIR/pids"
  until [ -e "$DIR/ignoring" ]; do sleep 0.01; done
  ${beforeWaiting}
  touch "$DIR/started"
  while kill -0 $child 2>/dev/null; do wait $child; done
  exit 1
fi
exec "$REAL_NIX" "$@"`
  const nix = nixWrapper(script)
  const read = (name: string): string => {
    const file = path.join(nix.dir, name)
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  }
  return {
    path: nix.path,
    started: path.join(nix.dir, 'started'),
    pids: () => readPids(path.join(nix.dir, 'pids')),
    terms: () => read('terms').split('\n').filter(Boolean),
    termsFile: path.join(nix.dir, 'terms')
  }
}

/**
 * For `onStart` of runAction/runCli: once `nix` has started evaluating, send `first` to the
 * process; with `then`, send that too once the wrapper has seen the SIGTERM of the stop (a
 * second signal while the run stops). `sent` settles when all were sent (or fails: await it).
 */
export function signalOnceEvaluating(
  nix: StuckNix,
  first: NodeJS.Signals,
  then?: NodeJS.Signals
): { onStart: (pid: number) => void; sent: Promise<void> } {
  let started!: (pid: number) => void
  const pid = new Promise<number>(resolve => (started = resolve))
  const sent = (async () => {
    const target = await pid
    await waitForFile(nix.started)
    process.kill(target, first)
    if (then === undefined) return
    await waitForFile(nix.termsFile)
    process.kill(target, then)
  })()
  sent.catch(() => {}) // awaited by the test
  return { onStart: started, sent }
}
