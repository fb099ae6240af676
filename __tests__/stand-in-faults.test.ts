// The stand-ins' spoiled answers, checked with a plain HTTP client: each fault misbehaves as
// its name says, and only for the one request it is meant for.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import { PORTAL_PAGE, StandInOptions, StandIns, startStandIns } from './support/stand-ins.js'

const started: StandIns[] = []
async function standIns(options?: StandInOptions): Promise<StandIns> {
  const s = await startStandIns(options)
  started.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(started.splice(0).map(s => s.close()))
})

const oidcUrl = (s: StandIns): string => `${s.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=127.0.0.1`
const oidcHeaders = (s: StandIns) => ({
  authorization: `Bearer ${s.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`
})

interface Raw {
  status: number
  type: string | undefined
  body: string
  complete: boolean
  firstByteMs: number
}

/** A GET that records what arrives by when; gives up (destroying the request) after `ms`. */
function get(url: string, headers: Record<string, string>, ms: number): Promise<Raw | 'no answer'> {
  return new Promise(resolve => {
    const started = Date.now()
    const request = http.get(url, { headers }, response => {
      const chunks: Buffer[] = []
      let firstByteMs = -1
      response.on('data', (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = Date.now() - started
        chunks.push(chunk)
      })
      const done = () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
          complete: response.complete,
          firstByteMs
        })
      response.on('end', done)
      response.on('error', done)
      response.on('aborted', done)
    })
    request.on('error', () => undefined)
    setTimeout(() => {
      request.destroy()
      resolve('no answer')
    }, ms)
  })
}

describe('spoiled answers', () => {
  it('html: a portal page with status 200, and the service never sees the request', async () => {
    const s = await standIns({ faults: { oidc: ['html'] } })
    const got = await get(oidcUrl(s), oidcHeaders(s), 2000)
    expect(got).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: PORTAL_PAGE })
    expect(s.issuedTokens).toEqual([])
  })

  it('missing: the answer without the field the client reads, after doing the work', async () => {
    const s = await standIns({ faults: { oidc: ['missing'] } })
    const got = await get(oidcUrl(s), oidcHeaders(s), 2000)
    expect(got).toMatchObject({ status: 200, body: '{}' })
    expect(s.issuedTokens).toHaveLength(1)
  })

  it('cut: half the answer, then the connection closes', async () => {
    const s = await standIns({ faults: { oidc: ['cut'] } })
    const got = (await get(oidcUrl(s), oidcHeaders(s), 2000)) as Raw
    expect(got.complete).toBe(false)
    expect(got.body.startsWith('{"value":"eyJ')).toBe(true)
    expect(() => JSON.parse(got.body)).toThrow()
  })

  it('trickle: an answer that starts at once and is far from done a second later', async () => {
    const s = await standIns({ faults: { oidc: ['trickle'] } })
    const got = await get(oidcUrl(s), oidcHeaders(s), 1000)
    expect(got).toBe('no answer')
    expect(s.log.map(e => e.status)).toEqual([200])
    expect(s.issuedTokens).toHaveLength(1)
  })

  it.each(['hang', 'stall'] as const)('%s: no answer at all, then normal service', async fault => {
    const s = await standIns({ faults: { oidc: [fault] } })
    expect(await get(oidcUrl(s), oidcHeaders(s), 500)).toBe('no answer')
    expect(s.issuedTokens).toHaveLength(fault === 'hang' ? 1 : 0)
    expect(await get(oidcUrl(s), oidcHeaders(s), 2000)).toMatchObject({ status: 200 })
    expect(s.log.map(e => e.status)).toEqual([fault, 200])
    expect(s.problems).toEqual([])
  })
})
