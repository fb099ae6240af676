import { describe, expect, it, jest } from '@jest/globals'

const info = jest.fn<(message: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({ info, debug: jest.fn(), isDebug: () => false }))
const { sendWithRetries, isRetriableStatus, exchange, DEFAULT_RETRY } =
  await import('../src/http.js')
const { readAnswer, object, string } = await import('../src/answers.js')
const { TimeoutError } = await import('../src/deadline.js')
type HttpResponse = import('../src/http.js').HttpResponse

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: `${status}`
})

/** A transport that plays a script: a status, or 'reset' for a network error. */
function scripted(...script: (number | 'reset')[]) {
  const send = jest.fn(async () => {
    const next = script.shift() ?? 200
    if (next === 'reset') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    return answer(next)
  })
  return { send }
}

const policy = (sleeps: number[] = []) => ({
  attempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  random: () => 0.5,
  sleep: async (ms: number) => {
    sleeps.push(ms)
  }
})

describe('retrying HTTP requests', () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [200, false]
  ])('treats status %i as retriable: %s', (status, retriable) => {
    expect(isRetriableStatus(status)).toBe(retriable)
  })

  it('retries network errors, 502 and 429 until an answer comes, logging each retry', async () => {
    info.mockClear()
    const sleeps: number[] = []
    const transport = scripted('reset', 502, 429, 200)
    const response = await sendWithRetries(
      transport,
      'Test call',
      { method: 'GET', url: 'http://127.0.0.1/x' },
      policy(sleeps)
    )
    expect(response.status).toBe(200)
    expect(transport.send).toHaveBeenCalledTimes(4)
    expect(info.mock.calls.map(c => c[0])).toEqual([
      expect.stringMatching(
        /^Test call: network error \(socket hang up\); retrying in [\d.]+ s \(attempt 2 of 4\)\.$/
      ),
      expect.stringMatching(/^Test call: HTTP 502; retrying in [\d.]+ s \(attempt 3 of 4\)\.$/),
      expect.stringMatching(/^Test call: HTTP 429; retrying in [\d.]+ s \(attempt 4 of 4\)\.$/)
    ])
    // Half the backoff plus half of it again times the jitter (0.5 here): 3/4 of 100, 200, 400.
    expect(sleeps).toEqual([75, 150, 300])
  })

  it('backs off exponentially with jitter, up to the maximum delay', async () => {
    const sleeps: number[] = []
    const transport = scripted(503, 503, 503, 503, 503)
    await sendWithRetries(
      transport,
      'x',
      { method: 'GET', url: 'u' },
      { ...policy(sleeps), attempts: 6, maxDelayMs: 500, random: () => 0.999 }
    )
    // 100, 200, 400, then capped at 500: each between half and all of the backoff.
    expect(sleeps).toEqual([100, 200, 400, 500, 500])
  })

  it('waits as long as Retry-After asks', async () => {
    const sleeps: number[] = []
    const responses = [answer(429, { 'retry-after': '0' }), answer(200)]
    const transport = { send: jest.fn(async () => responses.shift() as HttpResponse) }
    await sendWithRetries(transport, 'x', { method: 'GET', url: 'u' }, policy(sleeps))
    expect(sleeps).toEqual([0])
  })

  it('never retries other 4xx answers', async () => {
    const transport = scripted(400, 200)
    const response = await sendWithRetries(
      transport,
      'x',
      { method: 'POST', url: 'u', body: '{}' },
      policy()
    )
    expect(response.status).toBe(400)
    expect(transport.send).toHaveBeenCalledTimes(1)
  })

  it('hands on the last 5xx once attempts run out', async () => {
    const transport = scripted(502, 502, 502, 502, 200)
    const response = await sendWithRetries(transport, 'x', { method: 'GET', url: 'u' }, policy())
    expect(response.status).toBe(502)
    expect(transport.send).toHaveBeenCalledTimes(4)
  })

  it('throws the last network error once attempts run out', async () => {
    const transport = scripted('reset', 'reset', 'reset', 'reset')
    await expect(
      sendWithRetries(transport, 'x', { method: 'GET', url: 'u' }, policy())
    ).rejects.toThrow('socket hang up')
  })
})

describe('a cancelled call', () => {
  const REQUEST = { method: 'POST' as const, url: 'https://api.test/upload/x' }

  it('makes no further attempt once the transport is aborted, and fails with the reason', async () => {
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const sleeps: number[] = []
    const transport = {
      signal: controller.signal,
      send: jest.fn(async () => {
        controller.abort(reason) // cancelled while the first attempt was failing
        return answer(503)
      })
    }
    await expect(
      exchange(transport, 'FlakeHub stage', REQUEST, r => r, policy(sleeps))
    ).rejects.toBe(reason)
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(sleeps).toEqual([])
  })

  it('ends the wait for a retry when aborted during it', async () => {
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const transport = { signal: controller.signal, send: jest.fn(async () => answer(503)) }
    let sleeping!: () => void
    const asleep = new Promise<void>(resolve => (sleeping = resolve))
    const waiting = {
      ...policy(),
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
      sleep: (ms: number, signal?: AbortSignal) => {
        sleeping()
        return DEFAULT_RETRY.sleep(ms, signal)
      }
    }
    const call = exchange(transport, 'FlakeHub stage', REQUEST, r => r, waiting)
    await asleep
    controller.abort(reason)
    await expect(call).rejects.toBe(reason)
    expect(transport.send).toHaveBeenCalledTimes(1)
  })
})

describe('one call, its answer read', () => {
  const call = { method: 'POST' as const, url: 'https://api.test/upload/x?X-Amz-Signature=s3cr3t' }
  const read = (response: HttpResponse) =>
    readAnswer({ what: 'Test call', ...call }, response, object({ uuid: string }))
  const answers = (...list: [number, string, string][]) => {
    const send = jest.fn(async () => {
      const [status, type, body] = list.shift() ?? [200, 'application/json', '{"uuid":"u"}']
      return { status, headers: { 'content-type': type }, body }
    })
    return { send }
  }

  it('retries an HTML page from a proxy, then reads the real answer', async () => {
    info.mockClear()
    const transport = answers([200, 'text/html', '<html>portal</html>'])
    await expect(exchange(transport, 'Test call', call, read, policy())).resolves.toEqual({
      uuid: 'u'
    })
    expect(transport.send).toHaveBeenCalledTimes(2)
    expect(info.mock.calls[0][0]).toBe(
      'Test call: an HTML page (HTTP 200, text/html, 19 bytes); retrying in 0.1 s (attempt 2 of 4).'
    )
  })

  it('fails a JSON answer of the wrong shape at once, naming the call without its query', async () => {
    const transport = answers([200, 'application/json', '{"id":"u"}'])
    await expect(exchange(transport, 'Test call', call, read, policy())).rejects.toThrow(
      'Test call (POST /upload/x) answered in a shape this action does not read: `uuid` is missing, not a string. ' +
        'The answer: HTTP 200 (application/json): {"id":"u"}.'
    )
    expect(transport.send).toHaveBeenCalledTimes(1)
  })

  it('ends a call that keeps timing out with one error naming it and the last reason', async () => {
    const transport = {
      send: jest.fn(async (): Promise<HttpResponse> => {
        throw new TimeoutError('no answer within 30 s')
      })
    }
    const error = await exchange(transport, 'Test call', call, read, policy()).catch(
      e => e as Error
    )
    expect((error as Error).message).toBe(
      "Test call (POST /upload/x) failed 4 times; the last attempt: no answer within 30 s. Check the runner's connection to api.test."
    )
    expect(transport.send).toHaveBeenCalledTimes(4)
  })

  it('starts no retry past the overall bound, and says which call kept failing', async () => {
    const transport = scripted(503, 503, 503)
    const bounded = { ...call, limits: { connectMs: 1, answerMs: 1, notAfter: Date.now() + 120 } }
    const sleeps: number[] = []
    const slow = {
      ...policy(sleeps),
      baseDelayMs: 100,
      sleep: (ms: number) => new Promise<void>(r => setTimeout(r, ms))
    }
    await expect(exchange(transport, 'Test call', bounded, r => r, slow)).rejects.toThrow(
      /^Test call \(POST \/upload\/x\) was still failing when the overall time bound of the publish ran out; the last attempt: HTTP 503\. The bound is set by FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET/
    )
    expect(transport.send.mock.calls.length).toBeLessThan(4)
  })

  it('redacts what a network error says about the URL', async () => {
    const transport = {
      send: jest.fn(async (): Promise<HttpResponse> => {
        throw new Error('Request timeout: /upload/x?X-Amz-Signature=s3cr3t')
      })
    }
    const error = (await exchange(transport, 'Test call', call, read, policy()).catch(
      e => e
    )) as Error
    expect(error.message).toContain('X-Amz-Signature=***')
    expect(error.message).not.toContain('s3cr3t')
  })
})
