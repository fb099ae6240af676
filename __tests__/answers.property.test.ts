// Property tests of every reader of service answers: for any status, content type and body,
// the reader returns a value or throws the project's own clear error naming the service and
// the call, and no error text carries a token or a signature.
import { describe, expect, it, jest } from '@jest/globals'
import { amzSignatureName, fc } from './support/fast-check.js'

jest.unstable_mockModule('@actions/core', () => ({
  info: jest.fn(),
  debug: jest.fn(),
  setSecret: jest.fn(),
  isDebug: () => false
}))
const { AnswerError, readAnswer, object, string, count, array, nullable, optional } =
  await import('../src/flakehub/answers.js')
const { readStageAnswer, FlakeHubError } = await import('../src/flakehub/client.js')
const { readFacts } = await import('../src/places/github-graphql.js')
const { Secrets, redactUrl } = await import('../src/secrets.js')
const { tokenExpiry } = await import('../src/flakehub/token.js')
type HttpResponse = import('../src/flakehub/wire.js').HttpResponse

/** The secrets of this file's runs. */
const secrets = new Secrets()

const STAGE = { what: 'FlakeHub stage', method: 'POST', url: 'https://api.test/upload/o/p/1/2/h' }
const GRAPHQL = { what: 'GitHub GraphQL', method: 'POST', url: 'https://api.test/graphql' }
const REVISION = 'a'.repeat(40)

/** Any text, ASCII or not, lone surrogates included. */
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))
const contentTypes = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('application/json', 'text/html; charset=utf-8', 'text/plain', ''),
  fc.string()
)
const statuses = fc.oneof(
  fc.constantFrom(200, 400, 401, 404, 409, 500),
  fc.integer({ min: 0, max: 999 })
)

/** A JWT-shaped token, as an OIDC endpoint issues and a server may echo. */
const jwt = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/)
  )
  .map(([a, b, c]) => `eyJ${a}.${b}.${c}`)

/** A body: any text, any JSON, a valid answer with a field changed, or one echoing a token. */
function bodies(valid: unknown): fc.Arbitrary<string> {
  const mutated = fc
    .tuple(fc.jsonValue(), fc.nat())
    .map(([value, n]) => mutate(valid, value, n))
    .map(v => JSON.stringify(v))
  const echo = fc.tuple(jwt, text).map(([token, around]) => `${around}${token}${around}`)
  return fc.oneof(text, fc.json(), mutated, echo, fc.constant(JSON.stringify(valid)))
}

/** `valid` with the n-th field (depth first) replaced by `value`, or deleted if `value` is null. */
function mutate(valid: unknown, value: unknown, n: number): unknown {
  let i = 0
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v
    if (Array.isArray(v)) return v.map(walk)
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(v)) {
      if (i++ === n) {
        if (value !== null) out[key] = value
      } else out[key] = walk(field)
    }
    return out
  }
  return walk(valid)
}

function response(status: number, type: string | undefined, body: string): HttpResponse {
  return { status, headers: type === undefined ? {} : { 'content-type': type }, body }
}

/** Run `read`: a value, or an error it was allowed to throw (checked by `isOwn`). */
function outcome<T>(read: () => T): { value: T } | { error: Error } {
  try {
    return { value: read() }
  } catch (error) {
    return { error: error as Error }
  }
}

const VALID_STAGE = { s3_upload_url: 'https://s3.test/put?X-Amz-Signature=abc', uuid: 'u-1' }
const VALID_FACTS = {
  data: {
    repository: {
      databaseId: 1,
      owner: { databaseId: 2 },
      licenseInfo: { spdxId: 'MIT' },
      object: { history: { totalCount: 3 } },
      repositoryTopics: { edges: [{ node: { topic: { name: 'nix' } } }] }
    }
  }
}

describe('reading service answers', () => {
  it('reads any stage answer as a result, or as one error naming FlakeHub and the call', () => {
    fc.assert(
      fc.property(statuses, contentTypes, bodies(VALID_STAGE), (status, type, body) => {
        const got = outcome(() => readStageAnswer(response(status, type, body), STAGE, secrets))
        if ('value' in got) {
          if (got.value.kind === 'staged') {
            expect(typeof got.value.uploadUrl).toBe('string')
            expect(typeof got.value.uuid).toBe('string')
          } else expect(status).toBe(409)
          return
        }
        const { error } = got
        expect(error instanceof AnswerError || error instanceof FlakeHubError).toBe(true)
        expect(error.message).toMatch(/FlakeHub/)
        expect(error.message).toContain('POST /upload/o/p/1/2/h')
        expect(error.message).toContain(`HTTP ${status} (`)
        expect(error.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/)
        expect(error.message).not.toContain('X-Amz-Signature=abc')
      }),
      { numRuns: 500 }
    )
  })

  it('reads any GraphQL answer as facts, or as one error naming GitHub', () => {
    fc.assert(
      fc.property(statuses, contentTypes, bodies(VALID_FACTS), (status, type, body) => {
        const got = outcome(() =>
          readFacts(response(status, type, body), GRAPHQL, 'owner/project', REVISION, secrets)
        )
        if ('value' in got) {
          expect(Number.isSafeInteger(got.value.commitCount)).toBe(true)
          expect(got.value.topics.every(t => typeof t === 'string')).toBe(true)
          const spdx = got.value.spdxIdentifier
          expect(spdx === null || typeof spdx === 'string').toBe(true)
          return
        }
        expect(got.error).toBeInstanceOf(Error)
        expect(got.error.message).toMatch(/^GitHub/)
        expect(got.error.message).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/)
      }),
      { numRuns: 500 }
    )
  })

  it('retries only answers that are not JSON, and fails a JSON answer of the wrong shape at once', () => {
    const check = object({ list: array(object({ n: count })), maybe: optional(nullable(string)) })
    fc.assert(
      fc.property(contentTypes, fc.oneof(text, fc.json()), (type, body) => {
        const got = outcome(() => readAnswer(STAGE, response(200, type, body), check, secrets))
        if ('value' in got) return
        expect(got.error).toBeInstanceOf(AnswerError)
        let json = true
        try {
          JSON.parse(body)
        } catch {
          json = false
        }
        expect((got.error as InstanceType<typeof AnswerError>).retriable).toBe(!json)
        expect(
          got.error.message.startsWith('FlakeHub stage (POST /upload/o/p/1/2/h) answered ')
        ).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('reads the expiry of any string as a time or as unknown, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(text, jwt), token => {
        const expiry = tokenExpiry(token)
        expect(expiry === undefined || Number.isFinite(expiry)).toBe(true)
      })
    )
  })
})

describe('redaction', () => {
  const secretValue = fc.stringMatching(/^[A-Za-z0-9%/+=]{12,40}$/)

  it('replaces every X-Amz-* value of a presigned URL, keeping the names and the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z]{1,20}$/), secretValue), { minLength: 1 }),
        fc.stringMatching(/^(\/[a-z0-9-]{1,12}){1,4}$/),
        (params, path) => {
          const query = params.map(([name, value]) => `X-Amz-${name}=${value}`).join('&')
          const out = redactUrl(`https://bucket.s3.test${path}?${query}&keep=1`)
          expect(out.startsWith(`https://bucket.s3.test${path}?`)).toBe(true)
          for (const [name, value] of params) {
            expect(out).toContain(`X-Amz-${name}=***`)
            expect(out).not.toContain(value)
          }
          expect(out.endsWith('&keep=1')).toBe(true)
        }
      )
    )
  })

  it('replaces the signature whatever the case of its name, in a URL and in any text', () => {
    fc.assert(
      fc.property(amzSignatureName, secretValue, text, (name, value, around) => {
        const url = `https://bucket.s3.test/o?${name}=${value}&keep=1`
        expect(redactUrl(url)).toBe(`https://bucket.s3.test/o?${name}=***&keep=1`)
        const out = secrets.redact(`${around} ${url} ${around}`)
        expect(out).toContain(`${name}=***&keep=1`)
        expect(out).not.toContain(value)
      })
    )
  })

  it('keeps tokens and signatures out of any text, wherever they sit in it', () => {
    fc.assert(
      fc.property(text, text, jwt, secretValue, (before, after, token, signature) => {
        const ghs = `ghs_${signature.replace(/[^A-Za-z0-9]/g, 'x')}`
        const body = `${before}${token} ${after}X-Amz-Signature=${signature}&${before} ${ghs}`
        const out = secrets.redact(body)
        expect(out).not.toContain(token)
        expect(out).not.toContain(`X-Amz-Signature=${signature}`)
        expect(out).not.toContain(ghs)
        expect(secrets.bodyStart(body, 1000)).not.toContain(token)
      })
    )
  })

  it('keeps a remembered secret out of any text', () => {
    secrets.add('remembered-secret-1234')
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(secrets.redact(`${before}remembered-secret-1234${after}`)).not.toContain(
          'remembered-secret-1234'
        )
      })
    )
  })
})
