/**
 * The OIDC token FlakeHub accepts. It can only be asked for with a finished {@link Release} in
 * hand, so no code path can fetch it before evaluation and packing are done, wherever it comes
 * from (the place's {@link IdTokenSource}); it joins the run's secrets at once, and is refreshed
 * when it is about to expire.
 */
import type { Log } from '../log.js'
import type { Release } from '../release.js'
import type { Secrets } from '../secrets.js'

/**
 * Asks for an ID token for an audience (`core.getIDToken` on a runner, a variable elsewhere);
 * `signal` breaks the request off (the run was cancelled).
 */
export type IdTokenSource = (audience: string, signal?: AbortSignal) => Promise<string>

/** A token closer than this to its expiry is replaced before the next call. */
export const REFRESH_MARGIN_MS = 60_000

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

/** Where a credential tells what it does, keeps its tokens secret, and reads the time. */
export interface CredentialServices {
  log: Log
  secrets: Secrets
  now?: () => number
}

/** A live OIDC token for FlakeHub. */
export class Credential {
  private readonly now: () => number

  private constructor(
    private token: string,
    private readonly audience: string,
    private readonly source: IdTokenSource,
    private readonly services: CredentialServices
  ) {
    this.now = services.now ?? Date.now
  }

  /** Ask for the token: only possible once the release is complete. */
  static async forRelease(
    release: Release,
    audience: string,
    source: IdTokenSource,
    services: CredentialServices
  ): Promise<Credential> {
    services.log.info(
      `Requesting an OIDC token for ${audience} to publish ${release.flakeRefs.atLeast}.`
    )
    const token = await source(audience)
    services.secrets.add(token)
    return new Credential(token, audience, source, services)
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
    this.services.log.info(`Refreshing the OIDC token: ${why}.`)
    const token = await this.source(this.audience)
    this.services.secrets.add(token)
    this.token = token
    return token
  }
}
