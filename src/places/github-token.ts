/**
 * GitHub's OIDC token for the job (`core.getIDToken`): only with `permissions: id-token: write`,
 * each request bounded by the run's limits (the toolkit takes none, see deadline.ts) and
 * retried when it fails in passing.
 */
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { type AnswerSeen, TimeoutError, bounded } from '../flakehub/deadline.js'
import { isRetriableStatus, retryPolicy, retrying } from '../flakehub/http.js'
import type { IdTokenSource } from '../flakehub/token.js'
import type { Log } from '../log.js'
import { type Secrets, pathOf } from '../secrets.js'
import type { Timeouts } from '../settings/timeouts.js'

export const PERMISSIONS_HINT = `Add this to the job (or workflow) that runs the action:

permissions:
  id-token: write
  contents: read`

/**
 * The job's OIDC token from GitHub, each call bounded by the run's limits; retries are told to
 * `log`, and `secrets` kept out of what an error quotes.
 */
export const githubIdToken =
  (limits: Timeouts, log: Log, secrets: Secrets): IdTokenSource =>
  (audience, signal) =>
    requestGithubIdToken({ limits, log, secrets }, audience, signal)

/**
 * `core.getIDToken`, with the missing-permission case explained, each attempt bounded and
 * failures retried. `getIDToken` takes no timeout: {@link bounded} destroys the requests it
 * started once the limit passes, so a hung socket cannot outlive the attempt (see deadline.ts).
 */
async function requestGithubIdToken(
  { limits, log, secrets }: { limits: Timeouts; log: Log; secrets: Secrets },
  audience: string,
  signal?: AbortSignal
): Promise<string> {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  if (!url || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new Error(
      `GitHub did not offer an OIDC token to this job (ACTIONS_ID_TOKEN_REQUEST_URL is not set). FlakeHub needs one. ${PERMISSIONS_HINT}`
    )
  }
  const { connectMs, oidcMs } = limits
  const label = `GitHub OIDC token (GET ${pathOf(url)})`
  let seen: AnswerSeen | undefined
  let attempts = 0
  // What core says may quote the body of an answer: on one line, redacted, its start only.
  const reasonOf = (error: unknown): string => secrets.bodyStart(errorMessage(error), 300)
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
      { ...retryPolicy(limits, line => log.info(line), secrets), signal }
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
