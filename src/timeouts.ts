/**
 * Every time limit and retry number of the action's network calls, in one place, each with the
 * reason for it. The time limits and the first retry's wait can be changed with environment
 * variables (`FLAKEHUB_PUSH_TIMEOUT_*`, `FLAKEHUB_PUSH_RETRY_DELAY`, in seconds), for slow links
 * and for tests that must not wait real minutes.
 */
import { InputError } from './errors.js'

export interface Timeouts {
  /** Establishing a TCP connection. */
  connectMs: number
  /** The whole answer of GitHub's OIDC token endpoint. */
  oidcMs: number
  /** The whole answer of GitHub's GraphQL API. */
  graphqlMs: number
  /** The whole answer of FlakeHub's token status check. */
  statusMs: number
  /** The whole answer of FlakeHub's stage call. */
  stageMs: number
  /** The whole answer of FlakeHub's publish call. */
  publishMs: number
  /** The tarball upload: no byte moving either way for this long. */
  uploadStallMs: number
  /** The tarball upload: the answer, counted from the moment the last byte was sent. */
  uploadAnswerMs: number
  /** Everything FlakeHub is asked, from the token status check to the publish, retries included. */
  publishBudgetMs: number
  /** The wait before the first retry of a call; it doubles each time (with jitter). */
  retryDelayMs: number
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  // A healthy service connects in well under a second, even across an ocean; 10 s covers a slow
  // resolver or proxy, and a dead route is given up (and retried) without wasting a minute.
  connectMs: 10_000,
  // GitHub mints a token without computing anything: it answers in well under a second.
  oidcMs: 15_000,
  // Counting the commits of a large repository's history can take GitHub several seconds.
  graphqlMs: 30_000,
  // A lookup of the token: trivial work for FlakeHub.
  statusMs: 15_000,
  // FlakeHub stores the metadata (the outputs document may be megabytes) and presigns a URL.
  stageMs: 30_000,
  // Publishing makes the release visible and may inspect the uploaded tarball first.
  publishMs: 60_000,
  // A live link moves some bytes every second, however slow it is; 30 s of nothing is a dead
  // connection. A stall, not a total, so that 50 MB on a slow link still completes.
  uploadStallMs: 30_000,
  // The store checks the SHA-256 of up to 50 MB before it answers.
  uploadAnswerMs: 60_000,
  // Longer than a 50 MB upload at 100 KB/s (about 8.5 minutes) plus the other calls' retries;
  // shorter than the point where a silent job looks dead and gets cancelled.
  publishBudgetMs: 15 * 60_000,
  // 1, 2, 4, 8 s: long enough for a restarting service or a passing blip, short enough that
  // four retries of a call cost 15 s at most on top of their limits.
  retryDelayMs: 1_000
}

/** Attempts of one call in all, the first included: four retries ride out a restart or a blip. */
export const RETRY_ATTEMPTS = 5
/** No single wait is longer, whatever `Retry-After` asks: the run must not look dead. */
export const RETRY_MAX_DELAY_MS = 20_000
/** A larger answer is not one of the small JSON documents the action reads. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024

// With the defaults, one hung call costs one answer limit and one backoff (about 31 s for
// stage); a call that never answers fails after RETRY_ATTEMPTS limits plus the backoffs, at
// most 5 × 30 + 15 = 165 s for stage (publish: 5 × 60 + 15 s, still inside the budget).

/** The environment variable that overrides each limit, in seconds. */
export const VARIABLES: Record<keyof Timeouts, string> = {
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
}

/** Longest limit one may set: a day. Longer is a typo, and timers overflow past 24.8 days. */
const MAX_SECONDS = 86_400

/** Milliseconds from a number of seconds such as `30` or `0.5`; undefined if it is not one. */
export function parseSeconds(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(trimmed)) return undefined
  const seconds = Number(trimmed)
  return seconds > 0 && seconds <= MAX_SECONDS ? Math.round(seconds * 1000) : undefined
}

/**
 * The limits, with every `FLAKEHUB_PUSH_TIMEOUT_*` variable that is set applied, and one
 * problem for each variable that is not a number of seconds. Read once, where the settings are
 * read, so that a bad value is reported with the other input problems before anything runs.
 */
export function readTimeouts(env: NodeJS.ProcessEnv): { limits: Timeouts; problems: string[] } {
  const limits = { ...DEFAULT_TIMEOUTS }
  const problems: string[] = []
  for (const key of Object.keys(VARIABLES) as (keyof Timeouts)[]) {
    const value = env[VARIABLES[key]]
    if (value === undefined || value.trim() === '') continue
    const ms = parseSeconds(value)
    if (ms === undefined) {
      problems.push(
        `Environment variable \`${VARIABLES[key]}\`: "${value}" is not a number of seconds ` +
          `above 0 and up to ${MAX_SECONDS}; write e.g. \`30\` or \`0.5\`, or unset it for ` +
          `the default (${DEFAULT_TIMEOUTS[key] / 1000}).`
      )
    } else limits[key] = ms
  }
  return { limits, problems }
}

/** The limits the environment sets, or one {@link InputError} naming every bad variable. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv): Timeouts {
  const { limits, problems } = readTimeouts(env)
  if (problems.length > 0) throw new InputError(problems)
  return limits
}

/** "1.5 s", "30 s": a limit as a person reads it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}
