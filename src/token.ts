/**
 * The GitHub OIDC token FlakeHub accepts. It can only be asked for with a finished
 * {@link Release} in hand, so no code path can fetch it before evaluation and packing are done;
 * it is masked at once, and refreshed when it is about to expire.
 */
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { AnswerSeen, TimeoutError, bounded } from './deadline.js'
import { isRetriableStatus, retryPolicy, retrying } from './http.js'
import { bodyStart, pathOf, rememberSecret } from './redact.js'
import { Release } from './release.js'
import { Timeouts } from './timeouts.js'
import { log } from './reporter.js'

/**
 * Asks GitHub for an ID token for an audience (`core.getIDToken` on a runner); `signal` breaks
 * the request off (the run was cancelled).
 */
export type IdTokenSource = (audience: string, signal?: AbortSignal) => Promise<string>

/** A token closer than this to its expiry is replaced before the next call. */
export const REFRESH_MARGIN_MS = 60_000

export const PERMISSIONS_HINT = `Add this to the job (or workflow) that runs the action:

permissions:
  id-token: write
  contents: read`

/** The job's OIDC token from GitHub, each call bounded by the run's limits. */
export const githubIdToken =
  (limits: Timeouts): IdTokenSource =>
  (audience, signal) =>
    requestGithubIdToken(limits, audience, signal)

/**
 * `core.getIDToken`, with the missing-permission case explained, each attempt bounded and
 * failures retried. `getIDToken` takes no timeout: {@link bounded} destroys the requests it
 * started once the limit passes, so a hung socket cannot outlive the attempt (see deadline.ts).
 */
async function requestGithubIdToken(
  limits: Timeouts,
  audience: string,
  signal?: AbortSignal
): Promise<string> {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  if (!url || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new Error(
      `GitHub did not offer an OIDC token to this job (ACTIONS_ID_TOKEN_REQUEST_URL is not set). FlakeHub needs one. ${PERMISSIONS_HINT}`
    )
  }
  rememberSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  const { connectMs, oidcMs } = limits
  const label = `GitHub OIDC token (GET ${pathOf(url)})`
  let seen: AnswerSeen | undefined
  let attempts = 0
  // What core says may quote the body of an answer: on one line, redacted, its start only.
  const reasonOf = (error: unknown): string => bodyStart(errorMessage(error), 300)
  try {
    return await retrying(
      'GitHub OIDC token',
      () => {
        attempts++
        seen = undefined
        return bounded(
          { connectMs, answerMs: oidcMs },
          () => core.getIDToken(audience),
          answer => {
            seen = answer
          },
          signal
        )
      },
      outcome => {
        if (!('error' in outcome)) return undefined
        if (outcome.error instanceof TimeoutError) return { reason: outcome.error.message }
        // @actions/core reports the HTTP status as "Error Code : <n>" (undefined for network
        // errors, and for a 2xx answer without a token: a proxy's page is read that way too).
        const code = /Error Code : (\d+)/.exec(errorMessage(outcome.error))?.[1]
        return code === undefined || isRetriableStatus(Number(code))
          ? { reason: reasonOf(outcome.error) }
          : undefined
      },
      { ...retryPolicy(limits), signal }
    )
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    const answer =
      seen === undefined
        ? ''
        : `; the last answer was HTTP ${seen.status} (${seen.contentType ?? 'no content type'})`
    const noToken = /do not have ID Token field/.test(errorMessage(error))
    const what = noToken
      ? 'answered without a token (a proxy or captive portal may be answering in its place)'
      : `failed${attempts > 1 ? ` ${attempts} times; the last attempt` : ''}: ${reasonOf(error)}`
    throw new Error(`${label} ${what}${answer}.`, { cause: error })
  }
}

/** Milliseconds since the epoch at which a JWT expires, from its `exp` claim; undefined if unreadable. */
export function tokenExpiry(jwt: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as {
      exp?: unknown
    }
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined
  } catch {
    return undefined
  }
}

/**
 * What is wrong with a token handed in from outside (a CI's variable), or undefined: it must be
 * a JWT (three base64url parts, the middle one a JSON object with a numeric `exp`) that has not
 * expired yet. Says nothing of the token's content.
 */
export function givenTokenProblem(token: string, now: number): string | undefined {
  const parts = token.split('.')
  if (parts.length !== 3)
    return `is not a JWT (three base64url parts joined by dots): it has ${parts.length} ${parts.length === 1 ? 'part' : 'parts'}`
  const names = ['first (header)', 'middle (claims)', 'last (signature)']
  const bad = parts.findIndex(part => !/^[A-Za-z0-9_-]+$/.test(part))
  if (bad >= 0) return `is not a JWT: its ${names[bad]} part is not base64url text`
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    claims = undefined
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    return 'is not a JWT: its middle part is not a JSON object'
  const exp = (claims as { exp?: unknown }).exp
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    return 'has no expiry: its claims hold no numeric `exp`'
  const expiresAt = exp * 1000
  if (expiresAt > now) return undefined
  if (expiresAt < -8.64e15) return 'expired long ago (its `exp` is out of range)'
  const seconds = Math.floor((now - expiresAt) / 1000)
  const ago =
    seconds < 60
      ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'} ago`
      : `${Math.floor(seconds / 60)} ${seconds < 120 ? 'minute' : 'minutes'} ago`
  return `expired at ${new Date(expiresAt).toISOString()}, ${ago}`
}

/** A live OIDC token for FlakeHub. */
export class Credential {
  private constructor(
    private token: string,
    private readonly audience: string,
    private readonly source: IdTokenSource,
    private readonly now: () => number
  ) {}

  /** Ask for the token: only possible once the release is complete. */
  static async forRelease(
    release: Release,
    audience: string,
    source: IdTokenSource,
    now: () => number = Date.now
  ): Promise<Credential> {
    log.info(`Requesting an OIDC token for ${audience} to publish ${release.flakeRefs.atLeast}.`)
    const token = await source(audience)
    log.secret(token)
    return new Credential(token, audience, source, now)
  }

  /** Milliseconds until the current token expires, if it says. */
  private msLeft(): number | undefined {
    const expiresAt = tokenExpiry(this.token)
    return expiresAt === undefined ? undefined : expiresAt - this.now()
  }

  /** Whether the current token's own expiry has passed. */
  get expired(): boolean {
    return (this.msLeft() ?? Infinity) <= 0
  }

  /** The token, replaced first if it expires within {@link REFRESH_MARGIN_MS}. */
  async fresh(): Promise<string> {
    const left = this.msLeft()
    if (left !== undefined && left < REFRESH_MARGIN_MS) {
      const seconds = Math.round(left / 1000)
      await this.refresh(seconds > 0 ? `it expires in ${seconds} s` : 'it has expired')
    }
    return this.token
  }

  /** Fetch a new token now. */
  async refresh(why: string): Promise<string> {
    log.info(`Refreshing the OIDC token: ${why}.`)
    const token = await this.source(this.audience)
    log.secret(token)
    this.token = token
    return token
  }
}
