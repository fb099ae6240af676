/**
 * Service answers, checked at the edge: parsed as JSON and checked against exactly the fields
 * the code reads, so that an odd answer is one error naming the service, the call (method and
 * path, never the query), the status, the content type and the start of the body, redacted.
 *
 * The checks are a few hand-written combinators rather than a schema library: the action reads
 * a dozen fields from two services, and this file costs the bundle nothing at start-up, where
 * a library would add tens of kilobytes to load on every run for no check it could do better.
 *
 * Which odd answers are retried: a body that is not JSON at all (an HTML page from a proxy or
 * captive portal, an error page from a load balancer, a body cut short) comes from something
 * between the action and the service, and such things are usually passing; it is retried. A
 * JSON document of the wrong shape comes from the service itself and will not change on a
 * retry; it fails at once.
 */
import { type Secrets, pathOf } from '../secrets.js'
import type { HttpResponse } from './wire.js'

/** A call, as messages name it: `FlakeHub stage (POST /upload/…)`. */
export interface CallName {
  what: string
  method: string
  url: string
}

/** `POST /upload/…`: the method and the path, never the query. */
export function callRoute(call: CallName): string {
  return `${call.method} ${pathOf(call.url)}`
}

export function callLabel(call: CallName): string {
  return `${call.what} (${callRoute(call)})`
}

export function contentType(response: HttpResponse): string | undefined {
  const type = response.headers['content-type']
  const first = Array.isArray(type) ? type[0] : type
  return first === undefined || first.trim() === '' ? undefined : first.trim()
}

/** `HTTP 200 (text/html): <html>…`, the body's start redacted. */
export function describeAnswer(response: HttpResponse, secrets: Secrets): string {
  const type = contentType(response) ?? 'no content type'
  const start = secrets.bodyStart(response.body)
  return `HTTP ${response.status} (${type})${start === '' ? ', empty body' : `: ${start}`}`
}

/** An answer the action cannot use. `retriable` says whether another attempt may get a good one. */
export class AnswerError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    /** What went wrong, in a few words, for the log line of a retry. */
    readonly reason: string = message
  ) {
    super(message)
    this.name = 'AnswerError'
  }
}

/** `HTTP 200, text/html, 412 bytes`: an answer in a few words. */
const brief = (response: HttpResponse): string =>
  `HTTP ${response.status}, ${contentType(response) ?? 'no content type'}, ${Buffer.byteLength(response.body)} bytes`

const looksLikeHtml = (response: HttpResponse): boolean =>
  /html/i.test(contentType(response) ?? '') || /^\s*</.test(response.body)

const PROXY_HINT =
  'Something other than the service (a proxy, a captive portal, a firewall) may be answering in its place; ' +
  "check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY)."

/** Refuse an HTML page where the service's own answer belongs (for answers without a body to read). */
export function refusePage(call: CallName, response: HttpResponse, secrets: Secrets): void {
  if (looksLikeHtml(response) && response.body.trim() !== '') {
    throw new AnswerError(
      `${callLabel(call)} answered with an HTML page: ${describeAnswer(response, secrets)}. ${PROXY_HINT}`,
      true,
      `an HTML page (${brief(response)})`
    )
  }
}

/** The JSON document of an answer; one that is not JSON is a retriable {@link AnswerError}. */
export function parseAnswer(call: CallName, response: HttpResponse, secrets: Secrets): unknown {
  try {
    return JSON.parse(response.body) as unknown
  } catch {
    const html = looksLikeHtml(response)
    const message = html
      ? `answered with an HTML page where JSON belongs: ${describeAnswer(response, secrets)}. ${PROXY_HINT}`
      : `answered with a body that is not JSON (cut short, or not from the service): ${describeAnswer(response, secrets)}.`
    const reason = `${html ? 'an HTML page' : 'a body that is not JSON'} (${brief(response)})`
    throw new AnswerError(`${callLabel(call)} ${message}`, true, reason)
  }
}

/** A value not of the expected shape, at `path`. */
class Mismatch extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: unknown
  ) {
    super(`${path}: expected ${expected}`)
  }
}

/** Reads a value of type T at a path, or throws a Mismatch. */
export type Check<T> = (value: unknown, path: string) => T
type Checked<S> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never }

const typed =
  <T>(expected: string, ok: (value: unknown) => boolean): Check<T> =>
  (value, path) => {
    if (!ok(value)) throw new Mismatch(path, expected, value)
    return value as T
  }

export const string: Check<string> = typed('a string', v => typeof v === 'string')
export const count: Check<number> = typed(
  'a whole number',
  v => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
)

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null ? null : check(value, path)

/** A field that may be missing (undefined), as GraphQL leaves fields out of other types. */
export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : check(value, path)

export const array =
  <T>(check: Check<T>): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new Mismatch(path, 'a list', value)
    return value.map((item, i) => check(item, `${path}[${i}]`))
  }

export const object =
  <S extends Record<string, Check<unknown>>>(shape: S): Check<Checked<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Mismatch(path, 'an object', value)
    }
    const record = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(shape)) {
      const own = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
      out[key] = check(own, path === '' ? key : `${path}.${key}`)
    }
    return out as Checked<S>
  }

function shown(value: unknown, secrets: Secrets): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${secrets.bodyStart(JSON.stringify(value), 40)}`
}

/**
 * The answer, parsed and checked; an answer of another shape is one {@link AnswerError} (not
 * retried) that says which field is wrong and quotes the start of the body.
 */
export function readAnswer<T>(
  call: CallName,
  response: HttpResponse,
  check: Check<T>,
  secrets: Secrets
): T {
  const document = parseAnswer(call, response, secrets)
  try {
    return check(document, '')
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error
    const where = error.path === '' ? 'the answer' : `\`${error.path}\``
    throw new AnswerError(
      `${callLabel(call)} answered in a shape this action does not read: ${where} is ` +
        `${shown(error.actual, secrets)}, not ${error.expected}. The answer: ${describeAnswer(response, secrets)}.`,
      false
    )
  }
}
