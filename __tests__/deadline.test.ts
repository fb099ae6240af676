// The real transport against loopback servers that misbehave: every attempt ends within its
// limits, a stall is told from a slow upload, and nothing is left open behind a timeout.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'

jest.unstable_mockModule('@actions/core', () => ({
  info: jest.fn(),
  debug: jest.fn(),
  isDebug: () => false
}))
const { adopt, bounded, TimeoutError } = await import('../src/flakehub/deadline.js')
const { httpClientTransport, CutShort } = await import('../src/flakehub/http.js')

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void
const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
})

/** A loopback server; `sockets` tells when each connection closed. */
async function serve(handler: Handler) {
  const server = http.createServer(handler)
  servers.push(server)
  const closed: Promise<void>[] = []
  server.on('connection', (socket: Socket) => {
    closed.push(new Promise(resolve => socket.on('close', () => resolve())))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/x?X-Amz-Signature=secret`, closed }
}

const LIMITS = { connectMs: 1000, answerMs: 300 }

/**
 * Run a call beside timers of `early` milliseconds, started just before it, and of `late`
 * milliseconds, started just after it: which had fired when the call settled. Node fires due
 * timers in the order they are due, and settles a promise a timer rejects before it fires the
 * next; an early mark starts no later than the call's own timers and a late one no earlier, so
 * "after the 0.2 s mark and before the 2 s mark" is an order of events, which a loaded machine
 * delays but does not change (a bound on the elapsed time does not hold there).
 */
async function timed<T>(
  call: () => Promise<T>,
  early: number[] = [],
  late: number[] = []
): Promise<{ error: unknown; fired: number[] }> {
  const fired: number[] = []
  const mark = (ms: number) => setTimeout(() => fired.push(ms), ms)
  const timers = early.map(mark)
  const settled = call()
  timers.push(...late.map(mark))
  try {
    await settled
    return { error: undefined, fired: [...fired] }
  } catch (error) {
    return { error, fired: [...fired] }
  } finally {
    for (const timer of timers) clearTimeout(timer)
  }
}

describe('a bounded attempt', () => {
  it('gives up on a server that accepts and never answers, and closes the connection', async () => {
    const server = await serve(() => {})
    const { fired, error } = await timed(
      () => httpClientTransport().send({ method: 'GET', url: server.url, limits: LIMITS }),
      [200],
      [2000]
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as Error).message).toBe('no answer within 0.3 s')
    expect(fired).toEqual([200]) // ended by its 0.3 s limit: not before 0.2 s, not at 2 s
    await Promise.all(server.closed) // the client's side is destroyed, not left to linger
  })

  it('gives up on an answer that trickles in slower than the limit', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 })
      const timer = setInterval(() => res.write(' '), 50)
      res.on('close', () => clearInterval(timer))
    })
    const { error, fired } = await timed(
      () => httpClientTransport().send({ method: 'GET', url: server.url, limits: LIMITS }),
      [200],
      [2000]
    )
    expect((error as Error).message).toBe('no answer within 0.3 s')
    expect(fired).toEqual([200])
  })

  it('reports an answer that breaks off half-way as cut short, not as a short body', async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 })
      res.write('{"uuid":', () => res.socket?.destroy())
    })
    const { error } = await timed(() =>
      httpClientTransport().send({ method: 'GET', url: server.url, limits: LIMITS })
    )
    expect(error).toBeInstanceOf(CutShort)
    expect((error as Error).message).toBe('the answer broke off after 8 bytes')
  })

  it('fails an upload the other side stops reading, by its stall limit', async () => {
    const server = await serve(req => req.pause())
    const opened: Readable[] = []
    const body = () => {
      const chunk = Buffer.alloc(1024 * 1024)
      const stream = new Readable({ read: () => void stream.push(chunk) })
      opened.push(stream)
      return stream
    }
    const limits = { connectMs: 1000, answerMs: 300, stallMs: 400 }
    const { error, fired } = await timed(
      () => httpClientTransport().send({ method: 'PUT', url: server.url, body, limits }),
      [300],
      [3000]
    )
    expect((error as Error).message).toMatch(/^no progress for 0\.4 s \(\d+ bytes moved\)$/)
    expect(fired).toEqual([300]) // the stall limit, not the answer limit, ended it
    expect(opened.map(stream => stream.destroyed)).toEqual([true]) // the next attempt opens afresh
  })

  it('lets a slow upload that keeps moving run past its limits, then waits for the answer', async () => {
    // The server reads 512 KiB every 50 ms (about 10 MB/s): 24 MiB take over two seconds.
    const server = await serve((req, res) => {
      let budget = 512 * 1024
      req.on('data', (chunk: Buffer) => {
        budget -= chunk.length
        if (budget <= 0) req.pause()
      })
      const timer = setInterval(() => {
        budget = 512 * 1024
        req.resume()
      }, 50)
      req.on('end', () => {
        clearInterval(timer)
        setTimeout(() => res.end('{}'), 200) // checking the upload takes a while
      })
    })
    const total = 24 * 1024 * 1024
    const body = () => {
      let sent = 0
      return new Readable({
        read() {
          const size = Math.min(256 * 1024, total - sent)
          sent += size
          this.push(size > 0 ? Buffer.alloc(size) : null)
        }
      })
    }
    const limits = { connectMs: 1000, answerMs: 2000, stallMs: 500 }
    let status = 0
    const { error, fired } = await timed(async () => {
      const response = await httpClientTransport().send({
        method: 'PUT',
        url: server.url,
        headers: { 'Content-Length': total },
        body,
        limits
      })
      status = response.status
    }, [limits.stallMs, limits.answerMs])
    expect(error).toBeUndefined()
    expect(status).toBe(200)
    // Answered after both limits had passed: neither bounds an upload whose bytes keep moving.
    expect(fired).toEqual([limits.stallMs, limits.answerMs])
  })

  it('destroys requests another library started, so that no socket outlives the deadline', async () => {
    const server = await serve(() => {})
    // As core.getIDToken does: a request of its own, on its own agent, with no timeout.
    const foreign = () =>
      new Promise<void>((resolve, reject) => {
        http
          .get(server.url, { agent: new http.Agent({ keepAlive: true }) }, () => resolve())
          .on('error', reject)
      })
    const { error, fired } = await timed(() => bounded(LIMITS, foreign), [200], [2000])
    expect(error).toBeInstanceOf(TimeoutError)
    expect(fired).toEqual([200])
    await Promise.all(server.closed)
  })

  it('gives up on a connection that is never made, by its connect limit', async () => {
    // A socket that stays "connecting", as one to a host that drops every packet does.
    const socket = new net.Socket()
    Object.defineProperty(socket, 'connecting', { value: true })
    const never = () =>
      new Promise<void>((_, reject) => {
        const request = http.request({ createConnection: () => socket, host: '127.0.0.1' })
        adopt(request) // what Node 22.14+ announces by itself
        request.on('error', reject).end()
      })
    const { error, fired } = await timed(
      () => bounded({ connectMs: 200, answerMs: 5000 }, never),
      [100],
      [2000]
    )
    expect((error as Error).message).toBe('no connection within 0.2 s')
    expect(fired).toEqual([100])
    expect(socket.destroyed).toBe(true)
  })

  it('starts no timer for events that come after the call settled', async () => {
    const request = Object.assign(new EventEmitter(), { destroy: () => undefined, socket: null })
    const limits = { connectMs: 1000, answerMs: 60_000, stallMs: 60_000 }
    await bounded(limits, async () => adopt(request as unknown as http.ClientRequest))
    const timers = () => process.getActiveResourcesInfo().filter(r => r === 'Timeout').length
    const before = timers()
    request.emit('finish') // the body's last byte flushed after the answer came
    request.emit('socket', Object.assign(new EventEmitter(), { connecting: true }))
    expect(timers()).toBe(before)
  })

  it('returns an answer that arrives in time, whole', async () => {
    const server = await serve((_, res) => res.end('{"ok":true}'))
    const response = await httpClientTransport().send({
      method: 'GET',
      url: server.url,
      limits: { connectMs: 1000, answerMs: 5000 }
    })
    expect(response).toMatchObject({ status: 200, body: '{"ok":true}' })
  })

  it('stops at an absolute bound, however long the answer limit is', async () => {
    const server = await serve(() => {})
    const limits = { connectMs: 1000, answerMs: 60_000, notAfter: Date.now() + 200 }
    const { error, fired } = await timed(
      () => httpClientTransport().send({ method: 'GET', url: server.url, limits }),
      [100],
      [2000]
    )
    expect((error as Error).message).toBe('the overall time bound ran out')
    expect(fired).toEqual([100])
  })
})

describe('a cancelled attempt', () => {
  it('destroys the request in flight and fails with the reason', async () => {
    let arrived!: () => void
    const arrival = new Promise<void>(resolve => (arrived = resolve))
    const server = await serve(() => arrived())
    const controller = new AbortController()
    const transport = httpClientTransport(controller.signal)
    const sending = transport.send({ method: 'GET', url: server.url, limits: LIMITS })
    await arrival
    const reason = new Error('cancelled')
    controller.abort(reason)
    await expect(sending).rejects.toBe(reason)
    await Promise.all(server.closed) // the connection was closed, not left open
  })

  it('sends nothing once the signal is aborted', async () => {
    let requests = 0
    const server = await serve((_, res) => {
      requests++
      res.end('{}')
    })
    const controller = new AbortController()
    const reason = new Error('cancelled before')
    controller.abort(reason)
    const call = jest.fn(async () => 'made')
    await expect(bounded(LIMITS, call, undefined, controller.signal)).rejects.toBe(reason)
    await expect(
      httpClientTransport(controller.signal).send({ method: 'GET', url: server.url })
    ).rejects.toBe(reason)
    expect(call).not.toHaveBeenCalled()
    expect(requests).toBe(0)
  })
})
