// Reading service answers at the edge: each rule as an example, with the near miss beside it
// and every message written out here.
import { describe, expect, it } from '@jest/globals'
import {
  AnswerError,
  array,
  callLabel,
  callRoute,
  contentType,
  count,
  describeAnswer,
  nullable,
  object,
  optional,
  parseAnswer,
  readAnswer,
  refusePage,
  string,
  type Check
} from '../src/flakehub/answers.js'
import type { HttpResponse } from '../src/flakehub/wire.js'
import { Secrets } from '../src/secrets.js'

/** The secrets of this file's runs: none, so only the patterns redact. */
const secrets = new Secrets()

const CALL = {
  what: 'FlakeHub stage',
  method: 'POST',
  url: 'https://api.test/upload/o/p?X-Amz-Signature=secret#frag'
}
const LABEL = 'FlakeHub stage (POST /upload/o/p)'
const HINT =
  'Something other than the service (a proxy, a captive portal, a firewall) may be answering ' +
  "in its place; check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY)."

function answer(body: string, type?: string | string[], status = 200): HttpResponse {
  return { status, headers: type === undefined ? {} : { 'content-type': type }, body }
}

/** What `read` throws: an AnswerError (anything else fails the test). */
function thrown(read: () => unknown): AnswerError {
  try {
    read()
  } catch (error) {
    if (error instanceof AnswerError) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe('naming a call', () => {
  it('shows the method and the path, never the query', () => {
    expect(callRoute(CALL)).toBe('POST /upload/o/p')
    expect(callLabel(CALL)).toBe(LABEL)
  })
})

describe('contentType', () => {
  it.each<[string | string[] | undefined, string | undefined]>([
    ['application/json', 'application/json'],
    ['  text/html; charset=utf-8 ', 'text/html; charset=utf-8'],
    [['text/plain', 'text/html'], 'text/plain'],
    ['', undefined],
    ['   ', undefined],
    [[], undefined],
    [undefined, undefined]
  ])('reads %j as %j', (header, type) => {
    expect(contentType(answer('', header))).toBe(type)
  })
})

describe('describeAnswer', () => {
  it.each([
    [answer('{"a":1}', 'application/json'), 'HTTP 200 (application/json): {"a":1}'],
    [answer('', undefined, 204), 'HTTP 204 (no content type), empty body'],
    [answer(' \n\t ', 'text/plain', 502), 'HTTP 502 (text/plain), empty body'],
    [answer('line one\n  line two', ' text/plain '), 'HTTP 200 (text/plain): line one line two'],
    [
      answer('token=x X-Amz-Signature=abc', 'text/plain'),
      'HTTP 200 (text/plain): token=x X-Amz-Signature=***'
    ]
  ])('says %j in a few words', (response, text) => {
    expect(describeAnswer(response, secrets)).toBe(text)
  })
})

describe('AnswerError', () => {
  it('is named, says whether to retry, and gives its message as the reason unless told', () => {
    const plain = new AnswerError('it went wrong', false)
    expect(plain).toBeInstanceOf(Error)
    expect(plain.name).toBe('AnswerError')
    expect([plain.message, plain.retriable, plain.reason]).toEqual([
      'it went wrong',
      false,
      'it went wrong'
    ])
    const told = new AnswerError('long message', true, 'short')
    expect([told.retriable, told.reason]).toEqual([true, 'short'])
  })
})

describe('refusePage', () => {
  it('refuses an HTML page by its content type, retriably, with the hint', () => {
    const error = thrown(() =>
      refusePage(CALL, answer('Sign in', 'text/html; charset=utf-8'), secrets)
    )
    expect(error.message).toBe(
      `${LABEL} answered with an HTML page: HTTP 200 (text/html; charset=utf-8): Sign in. ${HINT}`
    )
    expect(error.retriable).toBe(true)
    expect(error.reason).toBe('an HTML page (HTTP 200, text/html; charset=utf-8, 7 bytes)')
  })

  it.each([
    ['<html><body>Portal</body></html>', undefined],
    ['  \n<p>Portal</p>', 'application/json'],
    ['<!doctype html>', 'text/plain']
  ])('refuses %j (content type %j) by the page itself', (body, type) => {
    const error = thrown(() => refusePage(CALL, answer(body, type), secrets))
    expect(error.message.startsWith(`${LABEL} answered with an HTML page: `)).toBe(true)
  })

  it('counts the bytes of the page, not its characters, and says when there is no content type', () => {
    expect(thrown(() => refusePage(CALL, answer('<p>é</p>'), secrets)).reason).toBe(
      'an HTML page (HTTP 200, no content type, 9 bytes)'
    )
  })

  it.each([
    ['', 'text/html'],
    ['  \n ', 'text/html'],
    ['{"ok":true}', 'application/json'],
    ['a < b', 'text/plain'],
    ['x<html>', undefined],
    ['', undefined]
  ])('lets %j (content type %j) through', (body, type) => {
    expect(refusePage(CALL, answer(body, type), secrets)).toBeUndefined()
  })
})

describe('parseAnswer', () => {
  it('reads JSON', () => {
    expect(parseAnswer(CALL, answer('{"a":[1,null]}', 'application/json'), secrets)).toEqual({
      a: [1, null]
    })
  })

  it('calls a page where JSON belongs an HTML page, retriably, with the hint', () => {
    const error = thrown(() =>
      parseAnswer(CALL, answer('<html>Portal</html>', 'text/html'), secrets)
    )
    expect(error.message).toBe(
      `${LABEL} answered with an HTML page where JSON belongs: HTTP 200 (text/html): <html>Portal</html>. ${HINT}`
    )
    expect(error.retriable).toBe(true)
    expect(error.reason).toBe('an HTML page (HTTP 200, text/html, 19 bytes)')
  })

  it('calls anything else that is not JSON a body cut short or not from the service, retriably', () => {
    const error = thrown(() =>
      parseAnswer(CALL, answer('{"uuid":', 'application/json', 201), secrets)
    )
    expect(error.message).toBe(
      `${LABEL} answered with a body that is not JSON (cut short, or not from the service): HTTP 201 (application/json): {"uuid":.`
    )
    expect(error.retriable).toBe(true)
    expect(error.reason).toBe('a body that is not JSON (HTTP 201, application/json, 8 bytes)')
  })
})

describe('count', () => {
  it.each([0, 1, 7, Number.MAX_SAFE_INTEGER])('accepts %d', n => {
    expect(count(n, 'n')).toBe(n)
  })

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity, '3', null, true])(
    'refuses %j as not a whole number',
    value => {
      const error = thrown(() =>
        readAnswer(CALL, answer(JSON.stringify({ n: value })), object({ n: count }), secrets)
      )
      expect(error.message).toContain('`n` is ')
      expect(error.message).toContain(', not a whole number.')
    }
  )
})

describe('readAnswer', () => {
  const shape = object({
    data: object({
      list: array(object({ n: count, name: string })),
      note: optional(nullable(string))
    })
  })
  const read = (body: string): unknown =>
    readAnswer(CALL, answer(body, 'application/json'), shape, secrets)
  const message = (body: string): string => thrown(() => read(body)).message

  it('returns the fields it checked, and only those', () => {
    expect(
      read('{"data":{"list":[{"n":1,"name":"a","extra":true}],"note":null},"more":1}')
    ).toEqual({
      data: { list: [{ n: 1, name: 'a' }], note: null }
    })
    expect(read('{"data":{"list":[]}}')).toEqual({ data: { list: [], note: undefined } })
  })

  it.each([
    ['[]', 'the answer is a list, not an object'],
    ['null', 'the answer is null, not an object'],
    ['"text"', 'the answer is string "text", not an object'],
    ['{}', '`data` is missing, not an object'],
    ['{"data":{"list":{}}}', '`data.list` is an object, not a list'],
    [
      '{"data":{"list":[{"n":1,"name":"a"},{"n":"2","name":"b"}]}}',
      '`data.list[1].n` is string "2", not a whole number'
    ],
    ['{"data":{"list":[{"n":1,"name":5}]}}', '`data.list[0].name` is number 5, not a string'],
    ['{"data":{"list":[],"note":false}}', '`data.note` is boolean false, not a string'],
    ['{"data":{"list":[],"note":[1]}}', '`data.note` is a list, not a string'],
    ['{"data":{"list":[],"note":{"a":1}}}', '`data.note` is an object, not a string']
  ])('says which field of %s is wrong and how: %s', (body, what) => {
    expect(message(body)).toBe(
      `${LABEL} answered in a shape this action does not read: ${what}. ` +
        `The answer: HTTP 200 (application/json): ${body}.`
    )
  })

  it('does not retry an answer of the wrong shape', () => {
    expect(thrown(() => read('{}')).retriable).toBe(false)
  })

  it('cuts a long wrong value short in the message', () => {
    const long = 'x'.repeat(100)
    expect(message(`{"data":{"list":[{"n":"${long}","name":"a"}]}}`)).toContain(
      `\`data.list[0].n\` is string "${'x'.repeat(39)}…, not a whole number.`
    )
  })

  it('reads only own fields: a name the prototype has is missing', () => {
    const error = thrown(() =>
      readAnswer(CALL, answer('{}'), object({ toString: string }), secrets)
    )
    expect(error.message).toContain('`toString` is missing, not a string.')
  })

  it('lets through an error that is not a mismatch, as it is', () => {
    const broken: Check<string> = () => {
      throw new RangeError('the check itself broke')
    }
    let error: unknown
    try {
      readAnswer(CALL, answer('{}'), broken, secrets)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(RangeError)
    expect((error as Error).message).toBe('the check itself broke')
  })
})
