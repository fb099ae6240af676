// How time limits are written and read: each rule as an example, the value that must pass
// beside the near miss that must fail, every expected value written out here.
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/errors.js'
import { actionSource } from '../src/settings/action.js'
import { readSettings } from '../src/settings/read.js'
import { limitSettings } from '../src/settings/table.js'
import {
  DEFAULT_TIMEOUTS,
  MAX_ANSWER_BYTES,
  RETRY_ATTEMPTS,
  RETRY_MAX_DELAY_MS,
  type Timeouts,
  parseSeconds,
  seconds
} from '../src/settings/timeouts.js'

/** Each limit's variable, from the table of settings. */
const VARIABLES = Object.fromEntries(limitSettings().map(row => [row.limit, row.variable]))

/**
 * The limits the environment sets, as the settings reader reads them (for an otherwise fine
 * set of inputs), or one InputError with the problems of every variable that is wrong.
 */
function timeoutsFromEnv(env: NodeJS.ProcessEnv): Timeouts {
  const inputs: Record<string, string> = { visibility: 'public', rolling: 'true' }
  const source = actionSource(name => inputs[name] ?? '', env)
  const reading = readSettings(
    source,
    { repository: 'o/p', refName: '', workspace: '/' },
    {
      realFolder: folder => folder,
      kind: () => 'folder',
      exists: () => true
    }
  )
  if (reading.problems !== undefined) throw new InputError(reading.problems)
  return reading.settings.timeouts
}

describe('parseSeconds', () => {
  it.each([
    ['30', 30_000],
    [' 30\t', 30_000],
    ['0030', 30_000],
    ['1', 1_000],
    ['0.5', 500],
    ['1.25', 1_250],
    ['0.001', 1],
    // Counted to the millisecond, not cut: 1.001 × 1000 is 1000.999… in floating point,
    // 4.35 × 1000 is 4349.999…, 0.035 × 1000 is 35.000…01.
    ['1.001', 1_001],
    ['4.35', 4_350],
    ['0.035', 35],
    ['86400', 86_400_000],
    ['86400.000', 86_400_000],
    ['999', 999_000]
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseSeconds(text)).toBe(ms)
  })

  it.each([
    ['0', 'nothing is no limit'],
    ['0.0', 'nothing is no limit'],
    ['0.0004', 'more than three decimals'],
    ['1.2345', 'more than three decimals'],
    ['86400.001', 'more than a day'],
    ['86401', 'more than a day'],
    ['1234567', 'seven digits'],
    ['.5', 'no digit before the point'],
    ['5.', 'no digit after the point'],
    ['+30', 'a sign'],
    ['-30', 'a sign'],
    ['3e1', 'an exponent'],
    ['0x1e', 'hexadecimal'],
    ['30s', 'a unit'],
    ['30 s', 'a unit'],
    ['1,5', 'a decimal comma'],
    ['1 000', 'a blank inside'],
    ['３０', 'digits other than ASCII'],
    ['Infinity', 'not digits'],
    ['', 'empty'],
    ['   ', 'blank']
  ])('refuses %j (%s)', text => {
    expect(parseSeconds(text)).toBeUndefined()
  })
})

describe('the defaults', () => {
  it('are the documented limits, in milliseconds', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({
      connectMs: 10_000,
      oidcMs: 15_000,
      graphqlMs: 30_000,
      statusMs: 15_000,
      stageMs: 30_000,
      publishMs: 60_000,
      uploadStallMs: 30_000,
      uploadAnswerMs: 60_000,
      publishBudgetMs: 900_000,
      retryDelayMs: 1_000
    })
    expect(RETRY_ATTEMPTS).toBe(5)
    expect(RETRY_MAX_DELAY_MS).toBe(20_000)
    expect(MAX_ANSWER_BYTES).toBe(8_388_608)
  })

  it('name one environment variable per limit', () => {
    expect(VARIABLES).toEqual({
      connectMs: 'FLAKEHUB_PUSH_TIMEOUT_CONNECT',
      oidcMs: 'FLAKEHUB_PUSH_TIMEOUT_OIDC',
      graphqlMs: 'FLAKEHUB_PUSH_TIMEOUT_GRAPHQL',
      statusMs: 'FLAKEHUB_PUSH_TIMEOUT_STATUS',
      stageMs: 'FLAKEHUB_PUSH_TIMEOUT_STAGE',
      publishMs: 'FLAKEHUB_PUSH_TIMEOUT_PUBLISH',
      uploadStallMs: 'FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL',
      uploadAnswerMs: 'FLAKEHUB_PUSH_TIMEOUT_UPLOAD_ANSWER',
      publishBudgetMs: 'FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET',
      retryDelayMs: 'FLAKEHUB_PUSH_RETRY_DELAY'
    })
  })
})

describe('timeoutsFromEnv', () => {
  it('gives the defaults when no variable is set, or only blank ones', () => {
    expect(timeoutsFromEnv({})).toEqual(DEFAULT_TIMEOUTS)
    expect(timeoutsFromEnv({ FLAKEHUB_PUSH_TIMEOUT_STAGE: ' ', OTHER: 'x' })).toEqual(
      DEFAULT_TIMEOUTS
    )
    expect(timeoutsFromEnv({}).stageMs).toBe(30_000)
  })

  it('sets each limit from its own variable, leaving the others', () => {
    expect(timeoutsFromEnv({ FLAKEHUB_PUSH_TIMEOUT_STAGE: '2.5' })).toEqual({
      ...DEFAULT_TIMEOUTS,
      stageMs: 2_500
    })
    const all = {
      FLAKEHUB_PUSH_TIMEOUT_CONNECT: '1',
      FLAKEHUB_PUSH_TIMEOUT_OIDC: '2',
      FLAKEHUB_PUSH_TIMEOUT_GRAPHQL: '3',
      FLAKEHUB_PUSH_TIMEOUT_STATUS: '4',
      FLAKEHUB_PUSH_TIMEOUT_STAGE: '5',
      FLAKEHUB_PUSH_TIMEOUT_PUBLISH: '6',
      FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL: '7',
      FLAKEHUB_PUSH_TIMEOUT_UPLOAD_ANSWER: '8',
      FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET: '9',
      FLAKEHUB_PUSH_RETRY_DELAY: '0.1'
    }
    expect(timeoutsFromEnv(all)).toEqual({
      connectMs: 1_000,
      oidcMs: 2_000,
      graphqlMs: 3_000,
      statusMs: 4_000,
      stageMs: 5_000,
      publishMs: 6_000,
      uploadStallMs: 7_000,
      uploadAnswerMs: 8_000,
      publishBudgetMs: 9_000,
      retryDelayMs: 100
    })
  })

  it('refuses a value that is not a number of seconds, saying what to write and the default', () => {
    expect(() => timeoutsFromEnv({ FLAKEHUB_PUSH_TIMEOUT_STAGE: 'soon' })).toThrow(
      new InputError([
        'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`: "soon" is not a number of seconds ' +
          'above 0 and up to 86400; write e.g. `30` or `0.5`, or unset it for the default (30).'
      ])
    )
  })

  it.each([
    ['0', 'FLAKEHUB_PUSH_TIMEOUT_CONNECT', 10],
    ['86401', 'FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET', 900],
    ['0030s', 'FLAKEHUB_PUSH_RETRY_DELAY', 1]
  ])('refuses %j in %s rather than leave the limit unset', (value, variable, fallback) => {
    let error: unknown
    try {
      timeoutsFromEnv({ [variable]: value })
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems).toEqual([
      `Environment variable \`${variable}\`: "${value}" is not a number of seconds above 0 and ` +
        `up to 86400; write e.g. \`30\` or \`0.5\`, or unset it for the default (${fallback}).`
    ])
  })

  it('names every wrong variable in one error, in the order of the limits', () => {
    let error: unknown
    try {
      timeoutsFromEnv({
        FLAKEHUB_PUSH_RETRY_DELAY: 'later',
        FLAKEHUB_PUSH_TIMEOUT_STAGE: '30',
        FLAKEHUB_PUSH_TIMEOUT_OIDC: '-1'
      })
    } catch (thrown) {
      error = thrown
    }
    expect((error as InputError).problems.map(p => p.split(':')[0])).toEqual([
      'Environment variable `FLAKEHUB_PUSH_TIMEOUT_OIDC`',
      'Environment variable `FLAKEHUB_PUSH_RETRY_DELAY`'
    ])
  })
})

describe('seconds', () => {
  it.each([
    [30_000, '30 s'],
    [1_500, '1.5 s'],
    [100, '0.1 s'],
    [1, '0.001 s'],
    [900_000, '900 s']
  ])('shows %d ms as %j', (ms, text) => {
    expect(seconds(ms)).toBe(text)
  })
})
