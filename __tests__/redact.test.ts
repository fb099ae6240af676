// Redaction of what services echo: S3's XML error bodies, and a run's secrets also when a
// service quotes only part of one.
import { describe, expect, it, jest } from '@jest/globals'
import * as crypto from 'node:crypto'
import { fc } from './support/fast-check.js'

const { Secrets, PIECE } = await import('../src/secrets.js')

/** The place's mask, which every secret added must reach. */
const setSecret = jest.fn<(secret: string) => void>()
/** This file's secrets: the one object a run keeps them in. */
const secrets = new Secrets(setSecret)
const redactText = (text: string): string => secrets.redact(text)
const bodyStart = (body: string, max?: number): string => secrets.bodyStart(body, max)

/** A long opaque token (not a JWT, no known prefix), the same in every run. */
function opaqueToken(seed: string, length: number): string {
  let out = ''
  for (let i = 0; out.length < length; i++)
    out += crypto.createHash('sha512').update(`${seed}${i}`).digest('base64url')
  return out.slice(0, length)
}

/** S3's answer to an upload whose presigned URL does not match its signature. */
const S3_SIGNATURE_DOES_NOT_MATCH = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>ASIAZ7EXAMPLEKEY4XQ2</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256
20250301T101500Z
20250301/us-east-2/s3/aws4_request
c1f8a2d94e0b6a7c3d5e9f1b2a4c6e8d0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c</StringToSign><SignatureProvided>9b2e4c6a8f0d1e3b5a7c9e1f3b5d7f9a1c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1f</SignatureProvided><StringToSignBytes>41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36 0a 32 30 32 35</StringToSignBytes><CanonicalRequest>PUT
/flakehub-uploads/acme/flake/0.1.5.tar.gz
X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=ASIAZ7EXAMPLEKEY4XQ2%2F20250301%2Fus-east-2%2Fs3%2Faws4_request&amp;X-Amz-Date=20250301T101500Z&amp;X-Amz-Expires=3600&amp;X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENIQoJb3JpZ2lu&amp;X-Amz-SignedHeaders=host
host:flakehub-uploads.s3.us-east-2.amazonaws.com

host
UNSIGNED-PAYLOAD</CanonicalRequest><CanonicalRequestBytes>50 55 54 0a 2f 66 6c 61 6b 65 68 75 62</CanonicalRequestBytes><RequestId>4442587FB7D0A2F9</RequestId><HostId>Y2FsbGVkIGhvc3QgaWQ=</HostId></Error>`

/** What S3 echoes that must never reach the log. */
const S3_SECRETS = [
  'ASIAZ7EXAMPLEKEY4XQ2',
  'c1f8a2d94e0b6a7c3d5e9f1b2a4c6e8d0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c',
  '9b2e4c6a8f0d1e3b5a7c9e1f3b5d7f9a1c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1f',
  '41 57 53 34 2d 48',
  'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENIQoJb3JpZ2lu',
  '/flakehub-uploads/acme/flake/0.1.5.tar.gz',
  '50 55 54 0a 2f'
]

describe("redacting S3's XML error bodies", () => {
  it('replaces what was signed, the signature, the key id and the session token, keeping the rest', () => {
    const out = redactText(S3_SIGNATURE_DOES_NOT_MATCH)
    for (const secret of S3_SECRETS) expect(out).not.toContain(secret)
    for (const element of [
      'AWSAccessKeyId',
      'StringToSign',
      'SignatureProvided',
      'StringToSignBytes',
      'CanonicalRequest',
      'CanonicalRequestBytes'
    ])
      expect(out).toContain(`<${element}>***</${element}>`)
    expect(out).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(out).toContain('<Message>The request signature we calculated does not match')
    expect(out).toContain('<RequestId>4442587FB7D0A2F9</RequestId>')
    expect(out).toContain('<HostId>Y2FsbGVkIGhvc3QgaWQ=</HostId>')
  })

  it.each([
    ['<Credential>AKIDEXAMPLE/20250301/us-east-2/s3/aws4_request</Credential>', 'Credential'],
    ['<X-Amz-Security-Token>FwoGZXIvYXdzEXAMPLE</X-Amz-Security-Token>', 'X-Amz-Security-Token'],
    ['<SecurityToken>FwoGZXIvYXdzEXAMPLE</SecurityToken>', 'SecurityToken'],
    ['<signatureprovided>deadbeefcafe</signatureprovided>', 'signatureprovided'],
    ['<SIGNATUREPROVIDED>deadbeefcafe</SIGNATUREPROVIDED>', 'SIGNATUREPROVIDED']
  ])('redacts %s in any case', (xml, element) => {
    expect(redactText(`<Error>${xml}</Error>`)).toBe(`<Error><${element}>***</${element}></Error>`)
  })

  it('redacts an element whose body was cut before its end tag', () => {
    const cut = S3_SIGNATURE_DOES_NOT_MATCH.slice(
      0,
      S3_SIGNATURE_DOES_NOT_MATCH.indexOf('<SignatureProvided>') + 40
    )
    expect(redactText(cut).endsWith('<SignatureProvided>***')).toBe(true)
  })

  it('quotes the start of such a body on one line with nothing of the secrets', () => {
    const start = bodyStart(S3_SIGNATURE_DOES_NOT_MATCH, 2000)
    expect(start).not.toContain('\n')
    for (const secret of S3_SECRETS) expect(start).not.toContain(secret.replace(/\s+/g, ' '))
    expect(start).toContain('<SignatureProvided>***</SignatureProvided>')
  })
})

describe('redacting remembered secrets, also when cut', () => {
  const token = opaqueToken('opaque', 300)
  secrets.add(token)

  it('redacts a 300-character opaque token that a service echoes cut at 200 characters', () => {
    const body = `{"error":"invalid token ${token.slice(0, 200)}","status":401}`
    expect(redactText(body)).toBe('{"error":"invalid token ***","status":401}')
  })

  it('redacts the last 60 characters of it, and a run from its middle', () => {
    expect(redactText(`token ending in ${token.slice(-60)}.`)).toBe('token ending in ***.')
    expect(redactText(`[${token.slice(117, 117 + PIECE)}]`)).toBe('[***]')
  })

  it('leaves a fragment of 11 characters alone: the boundary', () => {
    const fragment = token.slice(40, 40 + PIECE - 1)
    expect(redactText(`around ${fragment} here`)).toBe(`around ${fragment} here`)
  })

  it('redacts two cut pieces in one text, keeping what lies between them', () => {
    const text = `a=${token.slice(0, 30)}; b=${token.slice(250)}; end`
    expect(redactText(text)).toBe('a=***; b=***; end')
  })

  it('finds a cut token at the end of a large body', () => {
    const body = `${'ordinary log text, '.repeat(20_000)}${token.slice(0, 150)}`
    const out = redactText(body)
    expect(out.endsWith('ordinary log text, ***')).toBe(true)
    expect(out.length).toBe(body.length - 150 + 3)
  })

  it('leaves unrelated text untouched', () => {
    const words = fc.stringMatching(/^[a-z ,.]{0,400}$/)
    fc.assert(
      fc.property(words, text => {
        expect(redactText(text)).toBe(text)
      })
    )
  })

  it('matches a secret shorter than the piece length whole, as before', () => {
    secrets.add('pw-1234567') // ten characters
    expect(redactText('login pw-1234567 ok')).toBe('login *** ok')
    expect(redactText('login pw-12345 ok')).toBe('login pw-12345 ok')
  })

  it('redacts the whole body before cutting its start, so no cut leaves a piece behind', () => {
    const body = `${'x '.repeat(95)}${token}`
    const start = bodyStart(body, 200)
    expect(start).toBe(`${'x '.repeat(95)}***`)
    expect(start).not.toContain(token.slice(0, 8))
  })

  it('masks what it is given where the run happens, and redacts it from then on', () => {
    const gitlabToken = opaqueToken('gitlab', 120)
    secrets.add(gitlabToken)
    expect(setSecret).toHaveBeenCalledWith(gitlabToken)
    expect(bodyStart(`echo: ${gitlabToken.slice(0, 100)}`)).toBe('echo: ***')
  })
})
