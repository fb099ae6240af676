/**
 * HTTP for every service the action talks to, over `@actions/http-client`, with deadlines on
 * every attempt ({@link bounded}) and one retry policy: network errors, timeouts, 429, 5xx and
 * answers that are not JSON at all are retried with bounded exponential backoff and jitter, a
 * log line each; a call that keeps failing ends in one error naming the call.
 */
import { HttpClient } from '@actions/http-client'
import { setTimeout as wait } from 'node:timers/promises'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { AnswerError, CallName, callLabel } from './answers.js'
import { Limits, TimeoutError, adopt, bounded } from './deadline.js'
import type { HttpRequest, HttpResponse, HttpTransport } from './wire.js'
import { errorMessage } from '../errors.js'
import type { Secrets } from '../secrets.js'
import {
  DEFAULT_TIMEOUTS,
  MAX_ANSWER_BYTES,
  RETRY_ATTEMPTS,
  RETRY_MAX_DELAY_MS,
  Timeouts
} from '../settings/timeouts.js'
import { SETTINGS } from '../settings/table.js'

export const USER_AGENT = 'flakehub-push'

const DEFAULT_LIMITS: Limits = {
  connectMs: DEFAULT_TIMEOUTS.connectMs,
  answerMs: DEFAULT_TIMEOUTS.stageMs
}

/** An answer that stopped before its end: worth another attempt. */
export class CutShort extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CutShort'
  }
}

/** The whole body of an answer; an answer that breaks off is an error, not a short body. */
function readAll(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_ANSWER_BYTES) {
        message.destroy(new CutShort(`the answer is longer than ${MAX_ANSWER_BYTES} bytes`))
      } else chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    message.on('error', error =>
      reject(
        error instanceof CutShort ? error : new CutShort(`the answer broke off after ${size} bytes`)
      )
    )
    message.on('close', () => {
      if (!message.complete) reject(new CutShort(`the answer broke off after ${size} bytes`))
    })
  })
}

/**
 * The real transport. Redirects are followed; retries are left to {@link retrying}; each
 * attempt is bounded by the request's limits, and stopped when `signal` is aborted.
 */
export function httpClientTransport(signal?: AbortSignal): HttpTransport {
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    keepAlive: true,
    // A backstop only: the request's own limits end every attempt long before.
    socketTimeout: 60 * 60_000
  })
  return {
    signal,
    send({ method, url, headers = {}, body, limits = DEFAULT_LIMITS }) {
      let stream: NodeJS.ReadableStream | undefined
      // Each attempt bounded by its limits, and by the run's signal.
      const attempt = <T>(call: () => Promise<T>): Promise<T> =>
        bounded(limits, call, undefined, signal)
      return attempt(async () => {
        stream = typeof body === 'function' ? body() : undefined
        if (stream !== undefined) {
          // The request the body is piped into is watched from the start, on any Node.
          const pipe = stream.pipe.bind(stream)
          stream.pipe = <W extends NodeJS.WritableStream>(
            into: W,
            options?: { end?: boolean }
          ): W => {
            adopt(into as unknown as ClientRequest)
            return pipe(into, options)
          }
        }
        const data = body === undefined ? null : typeof body === 'string' ? body : stream
        const response = await client.request(method, url, data ?? null, headers)
        return {
          status: response.message.statusCode ?? 0,
          headers: response.message.headers,
          body: await readAll(response.message)
        }
      }).finally(() => {
        // A file left half read by a failed attempt is closed; the next one opens it afresh.
        ;(stream as { destroy?: () => void } | undefined)?.destroy?.()
      })
    }
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** The delay before the first retry; it doubles each time, up to {@link maxDelayMs}. */
  baseDelayMs: number
  maxDelayMs: number
  /** Resolves after `ms`, or rejects at once when `signal` is aborted. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** In [0, 1): the jitter source. */
  random: () => number
  /** No retry starts after this time (milliseconds since the epoch): the overall bound. */
  notAfter?: number
  /** Once aborted, no retry starts (a wait for one ends at once): the abort's reason is thrown. */
  signal?: AbortSignal
  /** Where each retry is told, with what went wrong. */
  log: (line: string) => void
}

/** A call's policy: how it is retried, and the secrets kept out of what it says. */
export type CallPolicy = RetryPolicy & { secrets: Secrets }

export const DEFAULT_RETRY: Omit<RetryPolicy, 'log'> = {
  attempts: RETRY_ATTEMPTS,
  baseDelayMs: DEFAULT_TIMEOUTS.retryDelayMs,
  maxDelayMs: RETRY_MAX_DELAY_MS,
  sleep: (ms, signal) => wait(ms, undefined, { signal }),
  random: Math.random
}

/**
 * The policy of a run: the defaults, with the first wait as the run's limits set it, retries
 * told to `log`, and `secrets` kept out of every message.
 */
export function retryPolicy(
  limits: Timeouts,
  log: (line: string) => void,
  secrets: Secrets
): CallPolicy {
  return { ...DEFAULT_RETRY, baseDelayMs: limits.retryDelayMs, log, secrets }
}

/** A 2xx status. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/** A status worth trying again: too many requests, or a server-side failure. */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/** Retries stopped because the overall time bound ran out; `reason` is the last failure's. */
export class OutOfTime extends Error {
  constructor(
    readonly what: string,
    readonly reason: string
  ) {
    super(
      `${what} was still failing when the overall time bound ran out (the last attempt: ${reason})`
    )
    this.name = 'OutOfTime'
  }
}

/**
 * Run `attempt` until `judge` finds nothing to retry, or attempts run out. `judge` sees a
 * result or an error and returns why it is worth another try (with an optional wait the other
 * side asked for), or undefined to hand it on. A retry that would start past the policy's
 * `notAfter` is not made: {@link OutOfTime} is thrown instead.
 */
export async function retrying<T>(
  what: string,
  attempt: () => Promise<T>,
  judge: (
    outcome: { value: T } | { error: unknown }
  ) => { reason: string; waitMs?: number } | undefined,
  policy: RetryPolicy
): Promise<T> {
  const { signal } = policy
  for (let n = 1; ; n++) {
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await attempt() }
    } catch (error) {
      outcome = { error }
    }
    signal?.throwIfAborted()
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
    if (policy.notAfter !== undefined && Date.now() + delay >= policy.notAfter) {
      throw new OutOfTime(what, verdict.reason)
    }
    policy.log(
      `${what}: ${verdict.reason}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${policy.attempts}).`
    )
    await policy.sleep(delay, signal).catch((error: unknown) => {
      throw signal?.aborted ? signal.reason : error
    })
  }
}

type Attempt<T> =
  { response: HttpResponse; read: true; value: T } | { response: HttpResponse; read: false }

/** Why a failed attempt is worth another, or undefined. */
function transportReason(error: unknown, secrets: Secrets): string {
  if (error instanceof TimeoutError || error instanceof CutShort) return error.message
  return `network error (${secrets.redact(errorMessage(error)).replace(/\s+/g, ' ')})`
}

/**
 * One call: send `request`, retrying network errors, timeouts, 429, 5xx and retriable
 * {@link AnswerError}s, and turn the answer into a value with `read` (which also decides what
 * every other status means). A call that keeps failing ends in one error naming it.
 */
export async function exchange<T>(
  transport: HttpTransport,
  what: string,
  request: HttpRequest,
  read: (response: HttpResponse) => T,
  policy: CallPolicy
): Promise<T> {
  const own = new WeakSet<object>()
  const signal = transport.signal ?? policy.signal
  let last: Attempt<T>
  try {
    last = await retrying<Attempt<T>>(
      what,
      async () => {
        const response = await transport.send(request)
        if (isRetriableStatus(response.status)) return { response, read: false }
        try {
          return { response, read: true, value: read(response) }
        } catch (error) {
          if (typeof error === 'object' && error !== null) own.add(error)
          throw error
        }
      },
      outcome => judgeAttempt(outcome, own, policy.secrets),
      { ...policy, notAfter: request.limits?.notAfter ?? policy.notAfter, signal }
    )
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    throw callFailure(error, { what, method: request.method, url: request.url }, own, policy)
  }
  return last.read ? last.value : read(last.response)
}

/**
 * Why an attempt is worth another, or undefined: network errors, timeouts, 429 and 5xx (with
 * the wait the other side asked for), and answers that are not JSON at all; never an error of
 * the call's own reading (`own`).
 */
function judgeAttempt<T>(
  outcome: { value: Attempt<T> } | { error: unknown },
  own: WeakSet<object>,
  secrets: Secrets
): { reason: string; waitMs?: number } | undefined {
  if ('error' in outcome) {
    const { error } = outcome
    if (error instanceof AnswerError) return error.retriable ? { reason: error.reason } : undefined
    if (typeof error === 'object' && error !== null && own.has(error)) return undefined
    return { reason: transportReason(error, secrets) }
  }
  if (outcome.value.read) return undefined
  const { response } = outcome.value
  const retryAfter = Number(response.headers['retry-after'])
  return {
    reason: `HTTP ${response.status}`,
    waitMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined
  }
}

/** The one error a call that kept failing ends in, naming it; its own errors as they are. */
function callFailure(
  error: unknown,
  call: CallName,
  own: WeakSet<object>,
  policy: CallPolicy
): unknown {
  if (error instanceof OutOfTime) {
    return new Error(
      `${callLabel(call)} was still failing when the overall time bound of the publish ran out; ` +
        `the last attempt: ${error.reason}. The bound is set by ${SETTINGS.publishBudget.variable} (seconds).`,
      { cause: error }
    )
  }
  if (error instanceof AnswerError) return error
  if (typeof error === 'object' && error !== null && own.has(error)) return error
  return new Error(
    `${callLabel(call)} failed ${policy.attempts} times; the last attempt: ${transportReason(error, policy.secrets)}. ` +
      `Check the runner's connection to ${hostOf(call.url)}.`,
    { cause: error }
  )
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return 'the service'
  }
}

/** Send a request, retrying network errors, timeouts, 429 and 5xx. The last answer is returned. */
export function sendWithRetries(
  transport: HttpTransport,
  what: string,
  request: HttpRequest,
  policy: CallPolicy
): Promise<HttpResponse> {
  return exchange(transport, what, request, response => response, policy)
}
