/**
 * HTTP for every service the action talks to, over `@actions/http-client`, with one retry
 * policy: network errors, 429 and 5xx are retried with bounded exponential backoff and jitter,
 * a log line each; other answers are handed back as they are.
 */
import { HttpClient } from '@actions/http-client'
import { errorMessage } from './errors.js'
import { log } from './reporter.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers?: Record<string, string | number>
  /** A string, or a function that opens the body afresh for every attempt (for files). */
  body?: string | (() => NodeJS.ReadableStream)
}

export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends one request, once. Tests swap it for a fake. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>
}

export const USER_AGENT = 'flakehub-push'

/** The real transport. Redirects are followed; retries are left to {@link retrying}. */
export function httpClientTransport(): HttpTransport {
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    keepAlive: true,
    socketTimeout: 5 * 60_000
  })
  return {
    async send({ method, url, headers = {}, body }) {
      const data = body === undefined ? null : typeof body === 'string' ? body : body()
      const response = await client.request(method, url, data, headers)
      return {
        status: response.message.statusCode ?? 0,
        headers: response.message.headers,
        body: await response.readBody()
      }
    }
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** The delay before the first retry; it doubles each time, up to {@link maxDelayMs}. */
  baseDelayMs: number
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  /** In [0, 1): the jitter source. */
  random: () => number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: Math.random
}

/** A 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/** A status worth trying again: too many requests, or a server-side failure. */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/**
 * Run `attempt` until `judge` finds nothing to retry, or attempts run out. `judge` sees a
 * result or an error and returns why it is worth another try (with an optional wait the other
 * side asked for), or undefined to hand it on.
 */
export async function retrying<T>(
  what: string,
  attempt: () => Promise<T>,
  judge: (
    outcome: { value: T } | { error: unknown }
  ) => { reason: string; waitMs?: number } | undefined,
  policy: RetryPolicy = DEFAULT_RETRY
): Promise<T> {
  for (let n = 1; ; n++) {
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await attempt() }
    } catch (error) {
      outcome = { error }
    }
    const verdict = judge(outcome)
    if (verdict === undefined || n >= policy.attempts) {
      if ('error' in outcome) throw outcome.error
      return outcome.value
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1))
    const delay = Math.min(
      policy.maxDelayMs,
      verdict.waitMs ?? Math.round(backoff * (0.5 + policy.random() / 2))
    )
    log.info(
      `${what}: ${verdict.reason}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${policy.attempts}).`
    )
    await policy.sleep(delay)
  }
}

/** Send a request, retrying network errors, 429 and 5xx. The last answer is returned. */
export function sendWithRetries(
  transport: HttpTransport,
  what: string,
  request: HttpRequest,
  policy: RetryPolicy = DEFAULT_RETRY
): Promise<HttpResponse> {
  return retrying(
    what,
    () => transport.send(request),
    outcome => {
      if ('error' in outcome) return { reason: `network error (${errorMessage(outcome.error)})` }
      if (!isRetriableStatus(outcome.value.status)) return undefined
      const retryAfter = Number(outcome.value.headers['retry-after'])
      return {
        reason: `HTTP ${outcome.value.status}`,
        waitMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined
      }
    },
    policy
  )
}
