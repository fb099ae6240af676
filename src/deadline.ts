/**
 * Deadlines for HTTP calls, whichever library makes them. `core.getIDToken` offers no timeout
 * and no way to cancel, so a deadline cannot be passed in: instead every request and socket
 * that Node creates inside {@link bounded} is seen on Node's diagnostics channels (an
 * `AsyncLocalStorage` context tells whose it is), and when the deadline passes they are
 * destroyed. The library's promise then fails on its own, no socket is left open to keep the
 * process alive, and no `process.exit` is needed.
 *
 * Node 22.14 and later announce each request as it is created (`http.client.request.created`);
 * older ones only once its body is sent (`http.client.request.start`), so there the new socket
 * (`net.client.socket`) covers the connection and {@link adopt} a request a body streams into.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe } from 'node:diagnostics_channel'
import type { ClientRequest, IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { seconds } from './timeouts.js'

export interface Limits {
  /** A TCP connection must be made within this long. */
  connectMs: number
  /**
   * The whole answer must have arrived this long after the start; with {@link stallMs}, this
   * long after the request's last byte was sent.
   */
  answerMs: number
  /** While the request is sent, bytes must move at least this often (for uploads). */
  stallMs?: number
  /** An absolute bound (milliseconds since the epoch), such as the publish's overall bound. */
  notAfter?: number
}

/** A call that ran out of time. Always worth another attempt. */
export class TimeoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TimeoutError'
  }
}

/** The status and content type of an answer that arrived, as seen on the wire. */
export interface AnswerSeen {
  status: number
  contentType: string | undefined
}

interface Watch {
  add(request: ClientRequest): void
  addSocket(socket: Socket): void
}

const current = new AsyncLocalStorage<Watch>()
let subscribed = false

function watchRequests(): void {
  if (subscribed) return
  subscribed = true
  const request = (message: unknown): void =>
    current.getStore()?.add((message as { request: ClientRequest }).request)
  subscribe('http.client.request.created', request)
  subscribe('http.client.request.start', request)
  subscribe('net.client.socket', message => {
    current.getStore()?.addSocket((message as { socket: Socket }).socket)
  })
}

/** Watch a request under the current deadline (one a body is piped into, for older Node). */
export function adopt(request: ClientRequest): void {
  current.getStore()?.add(request)
}

/** Bytes moved so far on a socket, both ways. */
const moved = (socket: Socket | null): number =>
  socket === null ? 0 : socket.bytesWritten + socket.bytesRead

/**
 * Run `call`, failing with a {@link TimeoutError} when a limit passes, or with the reason of
 * `signal` when it is aborted (the run was cancelled); every HTTP request it started is
 * destroyed then, and any it starts afterwards is destroyed at once. With `signal` aborted
 * already, `call` is not made.
 */
export function bounded<T>(
  limits: Limits,
  call: () => Promise<T>,
  onAnswer?: (answer: AnswerSeen) => void,
  signal?: AbortSignal
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  watchRequests()
  const requests = new Set<ClientRequest>()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let failure: Error | undefined
  let settled = false

  return new Promise<T>((resolve, reject) => {
    const later = (ms: number, what: () => void): NodeJS.Timeout | undefined => {
      // An event of the request after the call settled (its body's `finish` may come after
      // the answer) must start no timer: one left running would hold the process open.
      if (settled) return undefined
      const timer = setTimeout(what, Math.max(0, ms))
      timers.add(timer)
      return timer
    }
    const finish = (): void => {
      settled = true
      for (const timer of timers) clearTimeout(timer)
      clearInterval(poll)
      signal?.removeEventListener('abort', cancel)
    }
    const stop = (error: Error, reason: unknown = error): void => {
      if (settled) return
      failure = error
      finish()
      for (const request of requests) request.destroy(failure)
      for (const socket of sockets) socket.destroy(failure)
      reject(reason)
    }
    const fail = (message: string): void => stop(new TimeoutError(message))
    const cancel = (): void => {
      const reason: unknown = signal?.reason
      stop(reason instanceof Error ? reason : new Error(String(reason)), reason)
    }
    signal?.addEventListener('abort', cancel, { once: true })
    const connecting = new WeakSet<Socket>()
    /** A socket still connecting must connect within connectMs. */
    const connectBy = (socket: Socket): void => {
      if (!socket.connecting || connecting.has(socket)) return
      connecting.add(socket)
      const timer = later(limits.connectMs, () =>
        fail(`no connection within ${seconds(limits.connectMs)}`)
      )
      socket.once('connect', () => clearTimeout(timer))
    }
    const answerBy = (): void => {
      later(limits.answerMs, () => fail(`no answer within ${seconds(limits.answerMs)}`))
    }

    const watch: Watch = {
      addSocket(socket) {
        if (failure !== undefined) return void socket.destroy(failure)
        if (settled) return
        sockets.add(socket)
        connectBy(socket)
      },
      add(request) {
        if (failure !== undefined) return void request.destroy(failure)
        if (settled || requests.has(request)) return
        requests.add(request)
        request.once('socket', connectBy)
        request.once('response', (response: IncomingMessage) => {
          const type = response.headers['content-type']
          onAnswer?.({ status: response.statusCode ?? 0, contentType: type })
        })
        if (limits.stallMs !== undefined) {
          // All sent: now the other side works (checks the upload) before it answers.
          request.once('finish', () => {
            clearInterval(poll)
            answerBy()
          })
        }
      }
    }

    // Stall detection: sample the bytes moved; no change for stallMs is a stall.
    let lastMoved = -1
    let lastMoveAt = Date.now()
    const stallMs = limits.stallMs
    const poll =
      stallMs === undefined
        ? undefined
        : setInterval(
            () => {
              let total = 0
              const all = new Set([...sockets, ...[...requests].map(r => r.socket)])
              for (const socket of all) total += moved(socket)
              if (total !== lastMoved) {
                lastMoved = total
                lastMoveAt = Date.now()
              } else if (Date.now() - lastMoveAt >= stallMs) {
                fail(`no progress for ${seconds(stallMs)} (${total} bytes moved)`)
              }
            },
            Math.max(10, Math.min(1000, stallMs / 5))
          )
    if (stallMs === undefined) answerBy()
    if (limits.notAfter !== undefined) {
      later(limits.notAfter - Date.now(), () => fail('the overall time bound ran out'))
    }

    current.run(watch, call).then(
      value => {
        if (settled) return
        finish()
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        finish()
        reject(error)
      }
    )
  })
}
