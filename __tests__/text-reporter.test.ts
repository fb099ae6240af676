// The reporter outside GitHub Actions: GitLab's sections, the run's secrets hidden, the error
// block, the status line on a terminal, and the outputs file.
import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Reporter } from '../src/log.js'
import type { Sink } from '../src/places/place.js'
import { textReporter, withOutputsFile } from '../src/places/text-reporter.js'
import type { Release } from '../src/release.js'
import { Secrets } from '../src/secrets.js'

const sink = (tty = false): Sink & { text: string } => {
  const s = { text: '', isTTY: tty, columns: 60, write: (t: string) => (s.text += t) }
  return s
}

const release = {
  uploadName: 'group/sub-project',
  version: 'v1.0.0',
  flakeRefs: { atLeast: 'group/sub-project/v1.0.0', exact: 'group/sub-project/=v1.0.0' }
} as Release

describe('the text reporter', () => {
  const make = (options: { gitlab?: boolean; progress?: boolean; now?: () => number } = {}) => {
    const out = sink()
    const err = sink(options.progress)
    const exit = jest.fn<(code: number) => void>()
    const secrets = new Secrets()
    const reporter = textReporter({
      out,
      err,
      gitlab: options.gitlab ?? false,
      color: false,
      progress: options.progress ?? false,
      verbosity: 'normal',
      secrets,
      now: options.now,
      exit
    })
    return { out, err, exit, reporter, secrets }
  }

  it('prints a phase as a collapsed GitLab section stamped with its start and end', () => {
    let now = 1_700_000_000_000
    const { out, reporter } = make({ gitlab: true, now: () => now })
    reporter.phaseStarted('Package')
    now += 2500
    reporter.phaseEnded('Package', 'done', 2.5, ['packed'])
    expect(out.text).toBe(
      '▶ Package…\n' +
        '\x1b[0Ksection_start:1700000000:flakehub_push_1[collapsed=true]\r\x1b[0KPackage (done in 2.50 s)\npacked\n' +
        '\x1b[0Ksection_end:1700000002:flakehub_push_1\r\x1b[0K\n'
    )
  })

  it('never prints a secret, and fails with one error block and exit status 1', () => {
    const { out, err, exit, reporter, secrets } = make()
    secrets.add('s3cr3t-token')
    reporter.info('Authorization: Bearer s3cr3t-token')
    reporter.warning('careful')
    reporter.failed('FlakeHub said s3cr3t-token is bad\nsecond line')
    expect(out.text).toBe('Authorization: Bearer ***\n')
    expect(err.text).toBe('warning: careful\nerror: FlakeHub said *** is bad\n  second line\n')
    expect(exit).toHaveBeenCalledWith(1)
  })

  it('on a terminal, keeps a status line of the running phases with their times', () => {
    jest.useFakeTimers()
    try {
      let now = 0
      const { out, err, reporter } = make({ progress: true, now: () => now })
      reporter.phaseStarted('Evaluate')
      now = 1500
      reporter.phaseStarted('Package')
      now = 3200
      jest.advanceTimersByTime(100)
      expect(err.text.split('\r\x1b[K').at(-1)).toMatch(/^. Evaluate 3\.2 s · Package 1\.7 s$/)
      reporter.info('a line')
      expect(out.text).toBe('a line\n')
      reporter.phaseEnded('Package', 'done', 1.7, [])
      reporter.phaseEnded('Evaluate', 'done', 3.2, [])
      expect(err.text.endsWith('\r\x1b[K')).toBe(true)
      expect(out.text).not.toContain('▶')
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('the outputs file', () => {
  it('holds the outputs as dotenv lines once the run has finished', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-')), 'out.env')
    const finished = jest.fn<Reporter['finished']>(async () => undefined)
    const reporter = withOutputsFile({ finished } as unknown as Reporter, file)
    await reporter.finished(release, 'published', new Map(), { host: 'https://x' })
    expect(fs.readFileSync(file, 'utf8')).toBe(
      'flake_name=group/sub-project\nflake_version=v1.0.0\n' +
        'flakeref_at_least=group/sub-project/v1.0.0\nflakeref_exact=group/sub-project/=v1.0.0\n' +
        'outcome=published\n'
    )
    expect(finished).toHaveBeenCalledTimes(1)
  })

  it.each(['already-published', 'dry-run'] as const)(
    'tells a later job the outcome %s',
    async outcome => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-')), 'out.env')
      const finished = jest.fn<Reporter['finished']>(async () => undefined)
      const reporter = withOutputsFile({ finished } as unknown as Reporter, file)
      await reporter.finished(release, outcome, new Map(), { host: 'https://x' })
      expect(fs.readFileSync(file, 'utf8').split('\n').at(-2)).toBe(`outcome=${outcome}`)
    }
  )
})
