/**
 * Tokens handed in through the environment: GitLab's job token (`GITLAB_JWT_ID_TOKEN`, from the
 * job's `id_tokens:`) and another CI's (`FLAKEHUB_PUSH_OIDC_TOKEN`). Each is checked before the
 * evaluation (a token FlakeHub would refuse after it is refused now), read again only when the
 * release asks for it, and never printed.
 */
import type { IdTokenSource } from '../flakehub/token.js'
import { flagOf } from '../settings/setting.js'
import { SETTINGS } from '../settings/table.js'

/** The variable GitLab's job declares its ID token in (the README's, the component's). */
export const GITLAB_TOKEN = 'GITLAB_JWT_ID_TOKEN'
/** The variable any other CI hands its OIDC token in. */
export const CI_TOKEN = 'FLAKEHUB_PUSH_OIDC_TOKEN'

export const idTokensBlock = (audience: string): string =>
  `id_tokens:\n  ${GITLAB_TOKEN}:\n    aud: ${audience}`

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

/**
 * Refuse, before the evaluation, a given token that FlakeHub would refuse after it: one that
 * is not a JWT, or that has expired already. The message names the variable, never the token.
 */
export function checkGivenToken(
  variable: string,
  token: string,
  audience: string,
  now: number
): void {
  const problem = givenTokenProblem(token, now)
  if (problem === undefined) return
  if (variable === GITLAB_TOKEN) {
    throw new Error(
      `${GITLAB_TOKEN} ${problem}. GitLab makes this token for each job from the job's \`id_tokens:\`, and it ` +
        "lives as long as the job's timeout: declare it there (not as a variable of your own) and run the job again.\n\n" +
        idTokensBlock(audience)
    )
  }
  throw new Error(
    `${variable} ${problem}. Put a fresh OIDC token (a JWT) for the audience ${audience} into ${variable}, ` +
      'made by your CI in the same job, right before this command.'
  )
}

/** Every way to get a token, for a run that has none. */
export function noTokenSource(audience: string): Error {
  return new Error(
    `There is no way to get a FlakeHub token here: this is neither GitHub Actions nor GitLab CI, and ${CI_TOKEN} is not set. Either:\n` +
      '- run it in GitHub Actions, with `permissions: id-token: write`;\n' +
      `- run it in GitLab CI, with \`id_tokens: { ${GITLAB_TOKEN}: { aud: ${audience} } }\` in the job;\n` +
      `- in another CI, put an OIDC token for the audience ${audience} into ${CI_TOKEN};\n` +
      `- against a local FlakeHub, give \`--${flagOf(SETTINGS.jwtIssuerUri)} <uri>\` (and \`--${flagOf(SETTINGS.githubToken)}\`) for a development token;\n` +
      `- or make a dry run with \`--${flagOf(SETTINGS.destDir)} <folder>\`, which needs no token.`
  )
}

/** A token the environment holds, read only when it is asked for. */
export function variableToken(
  env: NodeJS.ProcessEnv,
  name: string,
  missing: (audience: string) => Error
): IdTokenSource {
  return async audience => {
    const token = env[name]?.trim()
    if (!token) throw missing(audience)
    return token
  }
}
