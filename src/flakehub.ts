/**
 * The FlakeHub API: token status, stage, upload to the presigned URL, publish. Every call but
 * the upload carries the bearer token; a call answered 401 because the token expired is
 * repeated once with a fresh token. Every answer is read here, in one place per call, and
 * every call is bounded (see timeouts.ts): each attempt by its own limits, all of them
 * together by the publish's overall bound.
 */
import * as fs from 'node:fs'
import {
  CallName,
  callRoute,
  describeAnswer,
  object,
  readAnswer,
  refusePage,
  string
} from './answers.js'
import { Limits } from './deadline.js'
import {
  HttpRequest,
  HttpResponse,
  HttpTransport,
  RetryPolicy,
  exchange,
  isSuccess,
  retryPolicy
} from './http.js'
import { redactUrl } from './redact.js'
import { Release, metadataJson } from './release.js'
import { Timeouts } from './timeouts.js'
import { log } from './reporter.js'
import { Credential } from './token.js'

/** What staging a release gave: where to upload, or that the version exists already. */
export type StageResult = { kind: 'staged'; uploadUrl: string; uuid: string } | { kind: 'exists' }

export class FlakeHubError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FlakeHubError'
  }
}

/** What the stage answer must hold: the code reads these two fields and nothing else. */
const STAGED = object({ s3_upload_url: string, uuid: string })

/** Marks a 401 that says the token expired, so that the call is repeated with a fresh one. */
const EXPIRED = Symbol('expired')

type Read<T> = (response: HttpResponse, call: CallName) => T

export class FlakeHubClient {
  /** No retry of any call starts after this (milliseconds since the epoch). */
  private readonly notAfter: number
  /** How failed calls are retried: the first wait as the run's limits set it. */
  private readonly retry: RetryPolicy

  constructor(
    private readonly host: string,
    private readonly http: HttpTransport,
    private readonly credential: Credential,
    private readonly limits: Timeouts
  ) {
    this.notAfter = Date.now() + limits.publishBudgetMs
    this.retry = retryPolicy(limits)
  }

  private bound(answerMs: number, stallMs?: number): Limits {
    const { connectMs } = this.limits
    return { connectMs, answerMs, stallMs, notAfter: this.notAfter }
  }

  /** A call with the bearer token, refreshed once if FlakeHub says it expired. */
  private async call<T>(
    what: string,
    request: Omit<HttpRequest, 'headers'> & { headers?: Record<string, string | number> },
    read: Read<T>
  ): Promise<T> {
    const call: CallName = { what, method: request.method, url: request.url }
    const send = (token: string, retried: boolean): Promise<T | typeof EXPIRED> =>
      exchange(
        this.http,
        what,
        { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } },
        response => {
          const expired = this.credential.expired || /expired/i.test(response.body)
          if (response.status === 401 && expired && !retried) return EXPIRED
          return read(response, call)
        },
        this.retry
      )
    const first = await send(await this.credential.fresh(), false)
    if (first !== EXPIRED) return first
    const token = await this.credential.refresh(
      `FlakeHub answered 401 to ${what}: the token expired`
    )
    return (await send(token, true)) as T
  }

  /** Check that FlakeHub accepts the token, i.e. that the owner is registered there. */
  async checkToken(owner: string): Promise<void> {
    const url = `${this.host}/token/status`
    const request = { method: 'GET' as const, url, limits: this.bound(this.limits.statusMs) }
    await this.call('FlakeHub token status', request, (response, call) => {
      if (response.status === 401 || response.status === 403) {
        throw new FlakeHubError(
          `FlakeHub registration required: FlakeHub does not accept a token for \`${owner}\` (${answered(call, response)}). ` +
            `If ${owner} is you, sign up at https://flakehub.com/signup; if it is an organization, create the ` +
            'organization on FlakeHub first. Then run this job again.'
        )
      }
      if (!isSuccess(response.status)) {
        throw new FlakeHubError(
          `FlakeHub's token status check failed: ${answered(call, response)}.`
        )
      }
      refusePage(call, response)
    })
  }

  /** Stage the release: send its metadata, receive the upload URL. */
  async stage(release: Release): Promise<StageResult> {
    const { tarball } = release
    const [owner, project] = release.uploadName.split('/')
    const parts = [owner, project, release.version, String(tarball.size)].map(pathPart)
    // The reference client puts the base64 hash into the path as it is: `/`, `+`, `=` unescaped.
    const url = `${this.host}/upload/${parts.join('/')}/${tarball.sha256}`
    const request = {
      method: 'POST' as const,
      url,
      headers: { 'Content-Type': 'application/json' },
      body: metadataJson(release.metadata),
      limits: this.bound(this.limits.stageMs)
    }
    return this.call('FlakeHub stage', request, readStageAnswer)
  }

  /**
   * Upload the tarball to the presigned URL, streamed from disk (no bearer token). Bounded by
   * a stall limit, not a total one; a stalled attempt is retried from the start of the file.
   */
  async upload(uploadUrl: string, release: Release): Promise<void> {
    const { tarball } = release
    log.info(`The upload goes to ${redactUrl(uploadUrl)}.`)
    const request = {
      method: 'PUT' as const,
      url: uploadUrl,
      headers: {
        'Content-Length': tarball.size,
        'Content-Type': 'application/gzip',
        'x-amz-checksum-sha256': tarball.sha256
      },
      body: () => fs.createReadStream(tarball.path, { highWaterMark: 1024 * 1024 }),
      limits: this.bound(this.limits.uploadAnswerMs, this.limits.uploadStallMs)
    }
    const call = { what: 'Tarball upload', method: request.method, url: uploadUrl }
    const read = (response: HttpResponse): void => {
      if (!isSuccess(response.status)) {
        throw new FlakeHubError(`Uploading the tarball failed: ${answered(call, response)}.`)
      }
      refusePage(call, response)
    }
    await exchange(this.http, call.what, request, read, this.retry)
  }

  /**
   * Publish the staged release. The uuid is this run's own, so a 409 can only mean that an
   * attempt whose answer was lost on the way (or timed out) did publish it.
   */
  async publish(uuid: string): Promise<void> {
    const url = `${this.host}/publish/${pathPart(uuid)}`
    const request = { method: 'POST' as const, url, limits: this.bound(this.limits.publishMs) }
    await this.call('FlakeHub publish', request, (response, call) => {
      if (response.status === 409) {
        log.info(
          `FlakeHub says upload ${uuid} is published already: an earlier attempt got through.`
        )
        return
      }
      if (response.status !== 200)
        throw new FlakeHubError(
          `FlakeHub could not publish the release: ${answered(call, response)}.`
        )
      refusePage(call, response)
    })
  }
}

/** The characters RFC 3986 allows in a path segment as they are (`pchar`, less `%`). */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/

/**
 * One segment of a URL path, percent-encoded where RFC 3986 requires it: a valid name or a
 * version such as `0.1.5+rev-<sha>` goes over the wire as it is (as the established client
 * sends it), while `/ ? # %`, blanks and anything not ASCII are escaped. `.` and `..` are
 * refused: a URL reads them as folder steps however they are written.
 */
export function pathPart(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new FlakeHubError(`"${value}" cannot be a part of a FlakeHub URL.`)
  }
  let out = ''
  for (const char of value) {
    if (PCHAR.test(char)) out += char
    else
      for (const byte of Buffer.from(char, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** What a (non-retriable) answer to stage means: where to upload, "exists", or an error. */
export function readStageAnswer(response: HttpResponse, call: CallName): StageResult {
  if (response.status === 409) return { kind: 'exists' }
  if (response.status === 401)
    throw new FlakeHubError(
      `FlakeHub refused the release as unauthorized: ${answered(call, response)}.`
    )
  if (response.status === 400)
    throw new FlakeHubError(
      `FlakeHub refused the release as a bad request: ${answered(call, response)}.`
    )
  if (response.status !== 200)
    throw new FlakeHubError(`FlakeHub could not stage the release: ${answered(call, response)}.`)
  const staged = readAnswer(call, response, STAGED)
  return { kind: 'staged', uploadUrl: staged.s3_upload_url, uuid: staged.uuid }
}

/** `POST /upload/… answered HTTP 400 (text/plain): bad label`. */
function answered(call: CallName, response: HttpResponse): string {
  return `${callRoute(call)} answered ${describeAnswer(response)}`
}
