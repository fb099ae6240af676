/**
 * Cancelling a run. SIGINT (Ctrl-C, a runner's cancel) or SIGTERM (`kill`, a runner that did not
 * see the run end after SIGINT) aborts the run's signal, and the run stops itself: every child's
 * process group is stopped, the scratch folder removed, one line says so, and the exit status is
 * 130 or 143. Node's default would end this process at once and leave its children running.
 */
import { CancelSignal, Cancelled } from './errors.js'

const SIGNALS: readonly CancelSignal[] = ['SIGINT', 'SIGTERM']

/**
 * A signal aborted, with a {@link Cancelled} reason, by the first SIGINT or SIGTERM `target`
 * (this process) receives. Later ones change nothing: the stop under way ends every child
 * within the grace, where dying at once would leave them running. The listeners stay until the
 * process ends (they do not keep it alive): a child may still be stopping when the run returns.
 */
export function cancelOnSignals(target: NodeJS.EventEmitter = process): AbortSignal {
  const controller = new AbortController()
  for (const name of SIGNALS) {
    target.on(name, () => {
      if (!controller.signal.aborted) controller.abort(new Cancelled(name))
    })
  }
  return controller.signal
}
