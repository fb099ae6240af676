/**
 * The GitHub OIDC token FlakeHub accepts. It can only be asked for with a finished
 * {@link Release} in hand, so no code path can fetch it before evaluation and packing are done;
 * it is masked at once, and refreshed when it is about to expire.
 */
import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { isRetriableStatus, retrying } from './http.js'
import { Release } from './release.js'
import { log } from './reporter.js'

/** Asks GitHub for an ID token for an audience (`core.getIDToken` on a runner). */
export type IdTokenSource = (audience: string) => Promise<string>

/** A token closer than this to its expiry is replaced before the next call. */
export const REFRESH_MARGIN_MS = 60_000

export const PERMISSIONS_HINT = `Add this to the job (or workflow) that runs the action:

permissions:
  id-token: write
  contents: read`

/** `core.getIDToken`, with the missing-permission case explained and failures retried. */
export const githubIdToken: IdTokenSource = audience => {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    return Promise.reject(
      new Error(
        `GitHub did not offer an OIDC token to this job (ACTIONS_ID_TOKEN_REQUEST_URL is not set). FlakeHub needs one. ${PERMISSIONS_HINT}`
      )
    )
  }
  return retrying(
    'GitHub OIDC token',
    () => core.getIDToken(audience),
    outcome => {
      if (!('error' in outcome)) return undefined
      // @actions/core reports the HTTP status as "Error Code : <n>" (undefined for network errors).
      const code = /Error Code : (\d+)/.exec(errorMessage(outcome.error))?.[1]
      return code === undefined || isRetriableStatus(Number(code))
        ? { reason: errorMessage(outcome.error).replace(/\s+/g, ' ') }
        : undefined
    }
  )
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
