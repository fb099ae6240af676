/**
 * The FlakeHub API: token status, stage, upload to the presigned URL, publish. Every call but
 * the upload carries the bearer token; a call answered 401 because the token expired is
 * repeated once with a fresh token.
 */
import * as fs from 'node:fs'
import { HttpRequest, HttpResponse, HttpTransport, isSuccess, sendWithRetries } from './http.js'
import { Release, metadataJson } from './release.js'
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

function describe(response: HttpResponse): string {
  return `HTTP ${response.status}${response.body.trim() === '' ? '' : `: ${response.body.trim()}`}`
}

export class FlakeHubClient {
  constructor(
    private readonly host: string,
    private readonly http: HttpTransport,
    private readonly credential: Credential
  ) {}

  /** A call with the bearer token, refreshed once if FlakeHub says it expired. */
  private async call(
    what: string,
    request: Omit<HttpRequest, 'headers'> & { headers?: Record<string, string | number> }
  ): Promise<HttpResponse> {
    const send = (token: string): Promise<HttpResponse> =>
      sendWithRetries(this.http, what, {
        ...request,
        headers: { ...request.headers, Authorization: `Bearer ${token}` }
      })
    const response = await send(await this.credential.fresh())
    if (response.status === 401 && (this.credential.expired || /expired/i.test(response.body))) {
      return send(
        await this.credential.refresh(`FlakeHub answered 401 to ${what}: the token expired`)
      )
    }
    return response
  }

  /** Check that FlakeHub accepts the token, i.e. that the owner is registered there. */
  async checkToken(owner: string): Promise<void> {
    const response = await this.call('FlakeHub token status', {
      method: 'GET',
      url: `${this.host}/token/status`
    })
    if (response.status === 401 || response.status === 403) {
      throw new FlakeHubError(
        `FlakeHub registration required: FlakeHub does not accept a token for \`${owner}\` (${describe(response)}). ` +
          `If ${owner} is you, sign up at https://flakehub.com/signup; if it is an organization, create the ` +
          'organization on FlakeHub first. Then run this job again.'
      )
    }
    if (!isSuccess(response.status)) {
      throw new FlakeHubError(`FlakeHub's token status check failed with ${describe(response)}.`)
    }
  }

  /** Stage the release: send its metadata, receive the upload URL. */
  async stage(release: Release): Promise<StageResult> {
    const { tarball } = release
    // The reference client puts the base64 hash into the path as it is: `/`, `+`, `=` unescaped.
    const url = `${this.host}/upload/${release.uploadName}/${release.version}/${tarball.size}/${tarball.sha256}`
    const response = await this.call('FlakeHub stage', {
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json' },
      body: metadataJson(release.metadata)
    })
    if (response.status === 409) return { kind: 'exists' }
    if (response.status === 401)
      throw new FlakeHubError(
        `FlakeHub refused the release as unauthorized (${describe(response)}).`
      )
    if (response.status === 400)
      throw new FlakeHubError(
        `FlakeHub refused the release as a bad request (${describe(response)}).`
      )
    if (response.status !== 200)
      throw new FlakeHubError(`FlakeHub could not stage the release: ${describe(response)}.`)
    const body = JSON.parse(response.body) as { s3_upload_url?: unknown; uuid?: unknown }
    if (typeof body.s3_upload_url !== 'string' || typeof body.uuid !== 'string') {
      throw new FlakeHubError(`FlakeHub's stage answer has no upload URL or uuid: ${response.body}`)
    }
    return { kind: 'staged', uploadUrl: body.s3_upload_url, uuid: body.uuid }
  }

  /** Upload the tarball to the presigned URL, streamed from disk (no bearer token). */
  async upload(uploadUrl: string, release: Release): Promise<void> {
    const { tarball } = release
    const response = await sendWithRetries(this.http, 'Tarball upload', {
      method: 'PUT',
      url: uploadUrl,
      headers: {
        'Content-Length': tarball.size,
        'Content-Type': 'application/gzip',
        'x-amz-checksum-sha256': tarball.sha256
      },
      body: () => fs.createReadStream(tarball.path, { highWaterMark: 1024 * 1024 })
    })
    if (!isSuccess(response.status)) {
      throw new FlakeHubError(`Uploading the tarball failed with ${describe(response)}.`)
    }
  }

  /**
   * Publish the staged release. The uuid is this run's own, so a 409 can only mean that an
   * attempt whose answer was lost on the way did publish it.
   */
  async publish(uuid: string): Promise<void> {
    const response = await this.call('FlakeHub publish', {
      method: 'POST',
      url: `${this.host}/publish/${uuid}`
    })
    if (response.status === 409) {
      log.info(`FlakeHub says upload ${uuid} is published already: an earlier attempt got through.`)
      return
    }
    if (response.status !== 200)
      throw new FlakeHubError(`FlakeHub could not publish the release: ${describe(response)}.`)
  }
}
