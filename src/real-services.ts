/** The services of a real run, as the entry points build them. */
import { httpClientTransport } from './flakehub/http.js'
import type { Reporter, Verbosity } from './log.js'
import type { Place } from './places/place.js'
import { makeProcessRunner } from './process/command.js'
import { osPriority } from './process/priority.js'
import { Secrets } from './secrets.js'
import type { Services } from './services.js'

/**
 * The real services for a run in `place`: its reporter on this process's stdout and stderr
 * (saying as much as `verbosity` asks, or more in the place's debug mode, and wrapped by
 * `report` if given), one {@link Secrets} masked as the place masks, real processes and HTTP,
 * the clock, `signal`, which cancels the run, and the operating system's priorities.
 */
export function realServices(
  place: Place,
  verbosity: Verbosity,
  signal: AbortSignal,
  report: (reporter: Reporter) => Reporter = reporter => reporter
): Services {
  const secrets = new Secrets(place.mask)
  const reporter = report(
    place.reporter({ out: process.stdout, err: process.stderr, secrets, verbosity })
  )
  return {
    reporter,
    secrets,
    runner: makeProcessRunner({ log: reporter }),
    http: httpClientTransport(signal),
    now: Date.now,
    signal,
    priority: osPriority
  }
}
