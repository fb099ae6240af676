// The rules of src/secrets.ts as examples: for each pattern the text that must be redacted
// (whole, to its last character) and the near miss that must be left alone; the URL rules; the
// edges of remembering a secret (4 characters, 12 characters, twice) and of quoting a body.
// Every expected text is written out here, never computed by the code under test.
import { describe, expect, it, jest } from '@jest/globals'
import { amzSignatureName, fc } from './support/fast-check.js'
import { PIECE, Secrets, pathOf, redactPatterns, redactUrl } from '../src/secrets.js'

describe('the patterns: each credential redacted to its last character, near misses kept', () => {
  it.each([
    // JSON Web Tokens: all three parts, whatever characters of base64url they hold.
    ['id eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2ln-bmF0_dXJl done', 'id *** done'],
    ['a eyJh.eyJz.sig1 and eyJi.eyJy.sig2 b', 'a *** and *** b'],
    // GitHub tokens: the prefix kept, every character after it gone.
    ['t=ghp_AbCdEf0123456789 x', 't=ghp_*** x'],
    ['gho_abc gHu_x ghu_abcdef ghs_AB12 ghr_zz99', 'gho_*** gHu_x ghu_*** ghs_*** ghr_***'],
    ['github_pat_11ABCDEFG_xyz0123 end', 'github_pat_*** end'],
    ['ghx_abcdef1234 and ghp- and ghp_', 'ghx_abcdef1234 and ghp- and ghp_'],
    // Bearer and basic credentials, in any case, 8 characters or more of a token's alphabet.
    ['Authorization: Bearer abcdefghijklmnop', 'Authorization: Bearer ***'],
    ['authorization: basic  dXNlcjpwYXNzd29yZA==', 'authorization: basic  ***'],
    ['BEARER\tab.c~d+e/f=g-h_i end', 'BEARER\t*** end'],
    ['Bearer abcdefgh', 'Bearer ***'],
    ['Bearer abcdefg (seven)', 'Bearer abcdefg (seven)'],
    ['unbearer abcdefghij and bearerabcdefghij', 'unbearer abcdefghij and bearerabcdefghij'],
    // Presigned parameters, in a URL or a form body: the whole value, up to its end.
    [
      'PUT https://s3.example/k?X-Amz-Date=20250301T101500Z&X-Amz-Signature=0123456789abcdef0123456789abcdef failed',
      'PUT https://s3.example/k?X-Amz-Date=***&X-Amz-Signature=*** failed'
    ],
    [
      'x-amz-credential=AKID%2F2025 x-AMZ-security-token=FwoG',
      'x-amz-credential=*** x-AMZ-security-token=***'
    ],
    [
      '"X-Amz-Signature=abc123" \'X-Amz-Signature=def\'',
      '"X-Amz-Signature=***" \'X-Amz-Signature=***\''
    ],
    ['<X-Amz-Signature=abc>X-Amz-Signature=def\\n', '<X-Amz-Signature=***>X-Amz-Signature=***\\n'],
    ['X-Amz-=abc X-Amz-Signature abc', 'X-Amz-=abc X-Amz-Signature abc'],
    // JSON fields that carry credentials: the value, whatever the spacing around the colon.
    ['{"token":"abc.def","x":1}', '{"token":"***","x":1}'],
    [
      '{"value" : "s3cr3t", "access_token":\t"tok", "PASSWORD":"pw", "secret":""}',
      '{"value" : "***", "access_token":\t"***", "PASSWORD":"***", "secret":"***"}'
    ],
    ['{"tokens":"abc","my_token":"def","token":1}', '{"tokens":"abc","my_token":"def","token":1}'],
    // S3's XML: an element with attributes too; a longer element name is another element.
    ['<Credential xmlns="s3">AKID/2025</Credential>', '<Credential xmlns="s3">***</Credential>'],
    [
      '<CredentialHint>AKID</CredentialHint><StringToSignX>a</StringToSignX>',
      '<CredentialHint>AKID</CredentialHint><StringToSignX>a</StringToSignX>'
    ],
    [
      '<AWSAccessKeyId>AKIA1</AWSAccessKeyId><AWSAccessKeyId>AKIA2</AWSAccessKeyId>',
      '<AWSAccessKeyId>***</AWSAccessKeyId><AWSAccessKeyId>***</AWSAccessKeyId>'
    ],
    [
      '<CanonicalRequestBytes>50 55</CanonicalRequestBytes><StringToSignBytes>41</StringToSignBytes>',
      '<CanonicalRequestBytes>***</CanonicalRequestBytes><StringToSignBytes>***</StringToSignBytes>'
    ]
  ])('%j becomes %j', (text, redacted) => {
    expect(redactPatterns(text)).toBe(redacted)
    expect(new Secrets().redact(text)).toBe(redacted)
  })

  it('redacts a presigned signature of 64 hex digits in any case of its name, keeping nothing of it', () => {
    const name = fc.mixedCase(fc.constantFrom('x-amz-signature', 'x-amz-credential', 'x-amz-date'))
    const value = fc.stringMatching(/^[0-9a-f]{1,64}$/)
    const end = fc.constantFrom('', '&next=1', ' ', '"', "'", '<', '>', '\\', '\n')
    fc.assert(
      fc.property(name, value, end, (n, v, e) => {
        expect(redactPatterns(`${n}=${v}${e}`)).toBe(`${n}=***${e}`)
      })
    )
  })
})

describe('redactUrl: credential parameters and user information', () => {
  it.each([
    ['https://h.example/p?token=abc&page=2', 'https://h.example/p?token=***&page=2'],
    [
      'https://h.example/p?a=1&sig=xyz&code=42&key=k&signature=s&access_token=t',
      'https://h.example/p?a=1&sig=***&code=***&key=***&signature=***&access_token=***'
    ],
    [
      'https://h.example/p?X-Amz-Date=2025&x-amz-signature=abc',
      'https://h.example/p?X-Amz-Date=***&x-amz-signature=***'
    ],
    ['https://h.example/p?TOKEN=abc&Code=1', 'https://h.example/p?TOKEN=***&Code=***'],
    // Near misses: other names, a name that only contains one, a parameter with no value.
    [
      'https://h.example/p?tokens=1&mytoken=2&sigma=3&keys=4&codec=5&x-amz=6',
      'https://h.example/p?tokens=1&mytoken=2&sigma=3&keys=4&codec=5&x-amz=6'
    ],
    ['https://h.example/p?token&page=2', 'https://h.example/p?token&page=2'],
    // A percent-encoded name is read as it decodes, and shown as it came.
    [
      'https://h.example/p?X%2DAmz%2DSignature=abc&%74oken=d',
      'https://h.example/p?X%2DAmz%2DSignature=***&%74oken=***'
    ],
    ['https://h.example/p?%E0%A4%A=1&token=2', 'https://h.example/p?%E0%A4%A=1&token=***'],
    // Empty pairs dropped; no query, or an empty one, gives no `?`.
    ['https://h.example/p?a=1&&token=2&', 'https://h.example/p?a=1&token=***'],
    ['https://h.example/p', 'https://h.example/p'],
    ['https://h.example/p?', 'https://h.example/p'],
    // User information: user and password each replaced, none added where there was none.
    ['https://user:pa55@h.example/p', 'https://***:***@h.example/p'],
    ['https://user@h.example/p', 'https://***@h.example/p'],
    ['https://:pa55@h.example/p', 'https://:***@h.example/p']
  ])('%s is shown as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown)
  })

  it('redacts a credential parameter named in any case, and keeps a name one letter longer', () => {
    const secretName = fc.oneof(
      amzSignatureName,
      fc.mixedCase(fc.constantFrom('signature', 'sig', 'token', 'access_token', 'key', 'code'))
    )
    const value = fc.stringMatching(/^[A-Za-z0-9%._~-]{0,40}$/)
    const extra = fc.constantFrom('s', 'x', '_', '1')
    fc.assert(
      fc.property(secretName, value, extra, (name, v, letter) => {
        const url = `https://h.example/p?a=1&${name}=${v}&b=2`
        expect(redactUrl(url)).toBe(`https://h.example/p?a=1&${name}=***&b=2`)
        // A letter before the name makes it another parameter, shown as it came.
        const before = `https://h.example/p?${letter}${name}=${v}`
        expect(redactUrl(before)).toBe(before)
      })
    )
  })

  it('redacts by the patterns what is not a URL', () => {
    expect(redactUrl('not a url X-Amz-Signature=abc&b=1 ghp_abc')).toBe(
      'not a url X-Amz-Signature=***&b=1 ghp_***'
    )
  })
})

describe('pathOf: what a message names of a call', () => {
  it.each([
    ['https://h.example/a/b?token=x#f', '/a/b'],
    ['https://h.example', '/'],
    ['/a/b?token=x', '/a/b'],
    ['/a/b#f?x', '/a/b'],
    ['/a/b?token=x\nsecond line', '/a/b'],
    ['/a/b', '/a/b']
  ])('%j → %j', (url, path) => {
    expect(pathOf(url)).toBe(path)
  })
})

describe('Secrets: remembering, masking, hiding', () => {
  it('ignores a value shorter than 4 characters and remembers one of 4', () => {
    const mask = jest.fn<(value: string) => void>()
    const secrets = new Secrets(mask)
    secrets.add('abc')
    secrets.add('wxyz')
    expect(mask.mock.calls).toEqual([['wxyz']])
    expect(secrets.hide('abc wxyz abc')).toBe('abc *** abc')
  })

  it('masks a value once, however often it is added', () => {
    const mask = jest.fn<(value: string) => void>()
    const secrets = new Secrets(mask)
    secrets.add('s3cr3t-value')
    secrets.add('s3cr3t-value')
    expect(mask.mock.calls).toEqual([['s3cr3t-value']])
  })

  it('hides a short secret wherever it appears, and only a whole one', () => {
    const secrets = new Secrets()
    secrets.add('pw-42')
    expect(secrets.hide('pw-42,pw-42 pw-4 w-42')).toBe('***,*** pw-4 w-42')
  })

  it(`finds a secret of exactly ${PIECE} characters as one run, even when it overlaps itself`, () => {
    const secrets = new Secrets()
    secrets.add('abcabcabcabc')
    expect(secrets.hide('abcabcabcabc')).toBe('***')
    // The text's characters 3 to 15 are the secret again: one run from 0 to 15.
    expect(secrets.hide('abcabcabcabcabc!')).toBe('***!')
  })

  it('merges two pieces that touch into one run, and keeps what lies between two that do not', () => {
    const secrets = new Secrets()
    const secret = 'Q7vLm2Xp9RtK4wZs8NbYc3Hd6JfG1aUe' // 32 characters
    secrets.add(secret)
    const first = secret.slice(0, 12)
    const later = secret.slice(20, 32)
    expect(secrets.hide(`${first}${later}`)).toBe('***')
    expect(secrets.hide(`${first}-${later}`)).toBe('***-***')
    expect(secrets.hide(`<${secret.slice(3, 15)}>`)).toBe('<***>')
    expect(secrets.hide(secret.slice(0, 11))).toBe(secret.slice(0, 11))
  })

  it('hides only remembered secrets; redact also applies the patterns', () => {
    const secrets = new Secrets()
    secrets.add('remembered-secret-123')
    const text = 'remembered-secret-123 Bearer abcdefghijk'
    expect(secrets.hide(text)).toBe('*** Bearer abcdefghijk')
    expect(secrets.redact(text)).toBe('*** Bearer ***')
  })
})

describe('bodyStart: what an error may quote of an answer', () => {
  const secrets = new Secrets()

  it('puts the body on one line: each run of blanks one space, none at either end', () => {
    expect(secrets.bodyStart('\n  {"error":\t\t"bad",\r\n  "status": 400}  \n')).toBe(
      '{"error": "bad", "status": 400}'
    )
  })

  it('cuts after 200 characters by default, marking the cut', () => {
    const body = 'abcdefghij'.repeat(25) // 250 characters
    expect(secrets.bodyStart(body)).toBe(`${'abcdefghij'.repeat(20)}…`)
    expect(secrets.bodyStart(body.slice(0, 200))).toBe('abcdefghij'.repeat(20))
  })

  it('cuts at the limit given: a body of exactly that length is whole', () => {
    expect(secrets.bodyStart('0123456789', 10)).toBe('0123456789')
    expect(secrets.bodyStart('0123456789A', 10)).toBe('0123456789…')
  })

  it('redacts before it cuts, and counts the limit on the redacted text', () => {
    expect(secrets.bodyStart('{"token":"0123456789abcdef0123456789"}', 16)).toBe('{"token":"***"}')
  })
})
