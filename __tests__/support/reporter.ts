// Test support: a reporter that keeps everything a run tells it, in order, for the in-process
// tests of the pipeline (run.test.ts) and of the steps that report.
import type {
  Destination,
  Outcome,
  Reporter,
  ShownRelease,
  SourcePosition,
  Verbosity
} from '../../src/log.js'

export type ReportEvent =
  | { kind: 'info' | 'warning' | 'debug'; text: string }
  | { kind: 'phaseStarted'; name: string }
  | { kind: 'phaseEnded'; name: string; outcome: string; lines: readonly string[] }
  | {
      kind: 'finished'
      release: ShownRelease
      outcome: Outcome
      phases: string[]
      where: Destination
    }
  | { kind: 'failed'; message: string; exitCode: number; at?: SourcePosition }

export interface RecordingReporter extends Reporter {
  events: ReportEvent[]
  /** Everything shown, one text per event, for checking what no output may hold. */
  shown(): string
}

export function recordingReporter(verbosity: Verbosity = 'normal'): RecordingReporter {
  const events: ReportEvent[] = []
  return {
    verbosity,
    events,
    info: text => events.push({ kind: 'info', text }),
    warning: text => events.push({ kind: 'warning', text }),
    debug: text => events.push({ kind: 'debug', text }),
    phaseStarted: name => events.push({ kind: 'phaseStarted', name }),
    phaseEnded: (name, outcome, _seconds, lines) =>
      events.push({ kind: 'phaseEnded', name, outcome, lines: [...lines] }),
    async finished(release, outcome, timings, where) {
      events.push({ kind: 'finished', release, outcome, phases: [...timings.keys()], where })
    },
    failed: (message, exitCode = 1, at) => {
      events.push({ kind: 'failed', message, exitCode, ...(at === undefined ? {} : { at }) })
    },
    shown: () => JSON.stringify(events)
  }
}
