import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fc } from './support/fast-check.js'

/** How the place masks a secret: the mask each new token must reach. */
const setSecret = jest.fn<(secret: string) => void>()
const { FlakeHubClient, pathPart } = await import('../src/flakehub/client.js')
const { Credential, tokenExpiry } = await import('../src/flakehub/token.js')
const { checkUploadSize, MAX_TARBALL_BYTES } = await import('../src/flakehub/publish.js')
const { DEFAULT_TIMEOUTS } = await import('../src/settings/timeouts.js')
type HttpRequest = import('../src/flakehub/wire.js').HttpRequest
type HttpResponse = import('../src/flakehub/wire.js').HttpResponse
const { Secrets } = await import('../src/secrets.js')
const { SILENT } = await import('../src/log.js')
type Release = import('../src/release.js').Release

/** An unsigned JWT that expires `secondsLeft` from now. */
function jwt(secondsLeft: number, id: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + secondsLeft, jti: id })}.sig`
}

let tarballFile: string
beforeAll(() => {
  tarballFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fh-')), 'source.tar.gz')
  fs.writeFileSync(tarballFile, Buffer.from('\x1f\x8bfake tarball bytes'))
})

function release(overrides: Partial<Release['tarball']> = {}): Release {
  return {
    uploadName: 'owner/flake',
    version: '0.1.5+rev-abc',
    flakeRefs: { atLeast: 'owner/flake/0.1.5+rev-abc', exact: 'owner/flake/=0.1.5+rev-abc' },
    metadata: {
      repo: 'owner/flake',
      outputs: { json: '{"version":1}', counts: {} }
    } as unknown as Release['metadata'],
    tarball: {
      path: tarballFile,
      sha256: 'ab/cd+ef==',
      size: 20,
      narHash: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      narHashVerifiedBy: "Nix's locked.narHash",
      entries: 3,
      largestFiles: [],
      ...overrides
    }
  }
}

/** A FlakeHub that answers from a list and remembers every request. */
function fakeHub(...answers: [number, string][]) {
  const requests: HttpRequest[] = []
  const transport = {
    send: jest.fn(async (request: HttpRequest): Promise<HttpResponse> => {
      requests.push(request)
      const [status, body] = answers.shift() ?? [200, '{}']
      return { status, headers: {}, body }
    })
  }
  return { transport, requests }
}

async function clientWith(hub: ReturnType<typeof fakeHub>, secondsLeft = 300) {
  let n = 0
  const idToken = jest.fn(async () => jwt(secondsLeft, `t${++n}`))
  const secrets = new Secrets(setSecret)
  const credential = await Credential.forRelease(release(), 'api.flakehub.test', idToken, {
    log: SILENT,
    secrets
  })
  return {
    client: new FlakeHubClient(
      'https://api.flakehub.test',
      hub.transport,
      credential,
      DEFAULT_TIMEOUTS,
      SILENT,
      secrets
    ),
    idToken
  }
}

const bearer = (request: HttpRequest) => String(request.headers?.Authorization ?? '')

describe('the FlakeHub client', () => {
  it('stages at /upload/<name>/<version>/<size>/<sha256> with the hash unescaped and the metadata as JSON', async () => {
    const hub = fakeHub([200, '{"s3_upload_url":"https://s3.test/put?sig=1","uuid":"u-1"}'])
    const { client } = await clientWith(hub)
    const staged = await client.stage(release())
    expect(staged).toEqual({ kind: 'staged', uploadUrl: 'https://s3.test/put?sig=1', uuid: 'u-1' })
    expect(hub.requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.flakehub.test/upload/owner/flake/0.1.5+rev-abc/20/ab/cd+ef==',
      headers: { 'Content-Type': 'application/json' },
      body: '{"outputs":{"version":1},"repo":"owner/flake"}'
    })
    expect(bearer(hub.requests[0])).toMatch(/^Bearer .+\..+\.sig$/)
  })

  it('reads 409 at stage as "the version exists"', async () => {
    const { client } = await clientWith(fakeHub([409, 'exists']))
    await expect(client.stage(release())).resolves.toEqual({ kind: 'exists' })
  })

  it.each([
    [
      400,
      'bad request',
      /^FlakeHub refused the release as a bad request: POST \/upload\/owner\/flake\/0\.1\.5\+rev-abc\/20\/ab\/cd\+ef== answered HTTP 400 \(no content type\): bad label\.$/
    ],
    [
      401,
      'unauthorized',
      /FlakeHub refused the release as unauthorized: POST .* HTTP 401 .*: nope/
    ],
    [404, 'other', /FlakeHub could not stage the release: POST .* answered HTTP 404 .*: gone/]
  ])('fails a %i at stage as %s, showing the body', async (status, _, message) => {
    const body = { 400: 'bad label', 401: 'nope', 404: 'gone' }[status] as string
    const { client } = await clientWith(fakeHub([status, body]))
    await expect(client.stage(release())).rejects.toThrow(message)
  })

  it('says registration is required, naming the owner, when token status is 401', async () => {
    const { client } = await clientWith(fakeHub([401, 'unknown user']))
    await expect(client.checkToken('someone')).rejects.toThrow(
      /^FlakeHub registration required: FlakeHub does not accept a token for `someone` \(GET \/token\/status answered HTTP 401 \(no content type\): unknown user\)\. .*sign up.*create the organization on FlakeHub/
    )
  })

  it('uploads the file with length, type and checksum headers and no bearer token', async () => {
    const hub = fakeHub([200, ''])
    const { client } = await clientWith(hub)
    await client.upload('https://s3.test/put?sig=1', release())
    const put = hub.requests[0]
    expect(put).toMatchObject({
      method: 'PUT',
      url: 'https://s3.test/put?sig=1',
      headers: {
        'Content-Length': 20,
        'Content-Type': 'application/gzip',
        'x-amz-checksum-sha256': 'ab/cd+ef=='
      }
    })
    expect(put.headers).not.toHaveProperty('Authorization')
    const chunks: Buffer[] = []
    for await (const chunk of (put.body as () => NodeJS.ReadableStream)())
      chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks)).toEqual(fs.readFileSync(tarballFile))
  })

  it('treats 409 at publish as published by an earlier attempt of its own', async () => {
    const { client } = await clientWith(fakeHub([409, 'already published']))
    await expect(client.publish('u-1')).resolves.toBeUndefined()
  })

  it('fails publish on other answers with status and body', async () => {
    const { client } = await clientWith(fakeHub([400, 'not uploaded']))
    await expect(client.publish('u-1')).rejects.toThrow(
      'FlakeHub could not publish the release: POST /publish/u-1 answered HTTP 400 (no content type): not uploaded.'
    )
  })
})

describe('the URL path parts', () => {
  it.each([
    ['acme', 'acme'],
    ['0.1.5+rev-0123456789abcdef', '0.1.5+rev-0123456789abcdef'],
    ["a-b_c.d~e!f$g&h'i(j)k*l+m,n;o=p:q@r", "a-b_c.d~e!f$g&h'i(j)k*l+m,n;o=p:q@r"],
    ['flake.', 'flake.'],
    ['...', '...'],
    ['a/b', 'a%2Fb'],
    ['w?x=1', 'w%3Fx=1'],
    ['b#c', 'b%23c'],
    ['a%2F', 'a%252F'],
    ['a\\b', 'a%5Cb'],
    ['a b\tc', 'a%20b%09c'],
    ['"<>`{}|^[]', '%22%3C%3E%60%7B%7D%7C%5E%5B%5D'],
    ['flåke', 'fl%C3%A5ke']
  ])('sends %j as %j', (value, sent) => {
    expect(pathPart(value)).toBe(sent)
  })

  it.each([[''], ['.'], ['..']])(
    'refuses %j, which a URL reads as no part or a folder step',
    value => {
      expect(() => pathPart(value)).toThrow(`"${value}" cannot be a part of a FlakeHub URL.`)
    }
  )

  it('keeps any other value one path segment that decodes back to it', () => {
    const hostile = fc.string({
      unit: fc.constantFrom(
        'a',
        '.',
        '/',
        '?',
        '#',
        '%',
        '\\',
        ' ',
        '+',
        '=',
        ':',
        '@',
        'é',
        '\n',
        '2F'
      )
    })
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'grapheme' })), value => {
        fc.pre(value !== '' && value !== '.' && value !== '..')
        const part = pathPart(value)
        const url = new URL(`https://api.flakehub.test/upload/${part}/next`)
        expect(url.pathname).toBe(`/upload/${part}/next`)
        expect(url.search + url.hash).toBe('')
        expect(decodeURIComponent(part)).toBe(value)
      })
    )
  })

  it('builds the stage and publish URLs from encoded parts, the hash as the reference client sends it', async () => {
    const hub = fakeHub([200, '{"s3_upload_url":"https://s3.test/put","uuid":"u/1?x"}'], [200, ''])
    const { client } = await clientWith(hub)
    const odd = { ...release(), uploadName: 'acme/fla:ke', version: '1.0.0-rc.1+build.5' }
    const staged = await client.stage(odd)
    expect(hub.requests[0].url).toBe(
      'https://api.flakehub.test/upload/acme/fla:ke/1.0.0-rc.1+build.5/20/ab/cd+ef=='
    )
    if (staged.kind !== 'staged') throw new Error('expected a staged release')
    await client.publish(staged.uuid)
    expect(hub.requests[1].url).toBe('https://api.flakehub.test/publish/u%2F1%3Fx')
  })
})

describe('the token', () => {
  it('reads the expiry of a JWT', () => {
    const token = jwt(100, 'x')
    expect(tokenExpiry(token)).toBe((Math.floor(Date.now() / 1000) + 100) * 1000)
    expect(tokenExpiry('not a jwt')).toBeUndefined()
  })

  it('is masked the moment it arrives, and so is every refreshed one', async () => {
    setSecret.mockClear()
    const hub = fakeHub([200, '{}'])
    const { client, idToken } = await clientWith(hub, 30)
    await client.checkToken('o')
    const issued = await Promise.all(idToken.mock.results.map(r => r.value))
    expect(issued).toHaveLength(2)
    expect(setSecret.mock.calls.map(c => c[0])).toEqual(issued)
  })

  it('is refreshed before a call when it expires within a minute', async () => {
    const hub = fakeHub([200, '{}'])
    const { client, idToken } = await clientWith(hub, 30)
    await client.checkToken('o')
    expect(idToken).toHaveBeenCalledTimes(2)
    expect(bearer(hub.requests[0])).toBe(`Bearer ${await idToken.mock.results[1].value}`)
  })

  it('is not refreshed while it has more than a minute left', async () => {
    const hub = fakeHub([200, '{}'], [200, '{}'])
    const { client, idToken } = await clientWith(hub, 300)
    await client.checkToken('o')
    await client.checkToken('o')
    expect(idToken).toHaveBeenCalledTimes(1)
  })

  it('is refreshed once, and the call repeated, when FlakeHub answers 401 because it expired', async () => {
    const hub = fakeHub([401, '{"message":"token expired"}'], [200, '{}'])
    const { client, idToken } = await clientWith(hub, 300)
    await client.publish('u-1')
    expect(idToken).toHaveBeenCalledTimes(2)
    expect(hub.requests).toHaveLength(2)
    expect(bearer(hub.requests[1])).not.toBe(bearer(hub.requests[0]))
  })

  it('is not refreshed on a 401 that is not about expiry', async () => {
    const hub = fakeHub([401, 'not registered'])
    const { client, idToken } = await clientWith(hub, 300)
    await expect(client.checkToken('o')).rejects.toThrow('registration required')
    expect(idToken).toHaveBeenCalledTimes(1)
  })

  it('is refreshed only once per call even if FlakeHub keeps saying it expired', async () => {
    const hub = fakeHub([401, 'token expired'], [401, 'token expired'], [200, '{}'])
    const { client, idToken } = await clientWith(hub, 300)
    await expect(client.publish('u-1')).rejects.toThrow(
      'answered HTTP 401 (no content type): token expired'
    )
    expect(idToken).toHaveBeenCalledTimes(2)
  })
})

describe('the upload limit', () => {
  it('lets a tarball of exactly 50,000,000 bytes through', () => {
    expect(() => checkUploadSize(release({ size: MAX_TARBALL_BYTES }))).not.toThrow()
  })

  it('refuses a bigger one with its size, the limit and the largest files', () => {
    const largestFiles = [
      { path: 'data/big.bin', size: 60_000_000 },
      { path: 'flake.nix', size: 120 }
    ]
    expect(() => checkUploadSize(release({ size: 50_000_001, largestFiles }))).toThrow(
      /^The tarball is 50,000,001 bytes; FlakeHub accepts at most 50,000,000\..*\n +60,000,000 {2}data\/big\.bin\n +120 {2}flake\.nix\n/
    )
  })
})
