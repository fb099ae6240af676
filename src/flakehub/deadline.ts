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
import { seconds } from '../settings/timeouts.js'

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
  return new Promise<T>((resolve, reject) => {
    const bound = new Bound(limits, reject, onAnswer, signal)
    bound.start()
    current.run(bound, call).then(
      value => {
        if (bound.settle()) resolve(value)
      },
      (error: unknown) => {
        if (bound.settle()) reject(error)
      }
    )
  })
}

/**
 * One call's deadlines: the requests and sockets made within it, the timers of its limits, and
 * the stall watch of an upload. The first limit to pass, or the signal, ends it: every request
 * and socket is destroyed and the call's promise rejected.
 */
class Bound implements Watch {
  private readonly requests = new Set<ClientRequest>()
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly connecting = new WeakSet<Socket>()
  private failure: Error | undefined
  private settled = false
  private poll: NodeJS.Timeout | undefined

  constructor(
    private readonly limits: Limits,
    private readonly reject: (reason: unknown) => void,
    private readonly onAnswer?: (answer: AnswerSeen) => void,
    private readonly signal?: AbortSignal
  ) {}

  /** Set the limits going: the answer's (or the stall watch), the overall bound, the signal. */
  start(): void {
    const { limits } = this
    this.signal?.addEventListener('abort', this.cancel, { once: true })
    if (limits.stallMs === undefined) this.answerBy()
    else this.watchStalls(limits.stallMs)
    if (limits.notAfter !== undefined) {
      this.later(limits.notAfter - Date.now(), () => this.fail('the overall time bound ran out'))
    }
  }

  /** The call ended on its own: true if no limit ended it first (its outcome then stands). */
  settle(): boolean {
    if (this.settled) return false
    this.finish()
    return true
  }

  addSocket(socket: Socket): void {
    if (this.failure !== undefined) return void socket.destroy(this.failure)
    if (this.settled) return
    this.sockets.add(socket)
    this.connectBy(socket)
  }

  add(request: ClientRequest): void {
    if (this.failure !== undefined) return void request.destroy(this.failure)
    if (this.settled || this.requests.has(request)) return
    this.requests.add(request)
    request.once('socket', socket => this.connectBy(socket))
    request.once('response', (response: IncomingMessage) => {
      const type = response.headers['content-type']
      this.onAnswer?.({ status: response.statusCode ?? 0, contentType: type })
    })
    if (this.limits.stallMs !== undefined) {
      // All sent: now the other side works (checks the upload) before it answers.
      request.once('finish', () => {
        clearInterval(this.poll)
        this.answerBy()
      })
    }
  }

  private readonly cancel = (): void => {
    const reason: unknown = this.signal?.reason
    this.stop(reason instanceof Error ? reason : new Error(String(reason)), reason)
  }

  private later(ms: number, what: () => void): NodeJS.Timeout | undefined {
    // An event of the request after the call settled (its body's `finish` may come after the
    // answer) must start no timer: one left running would hold the process open.
    if (this.settled) return undefined
    const timer = setTimeout(what, Math.max(0, ms))
    this.timers.add(timer)
    return timer
  }

  private finish(): void {
    this.settled = true
    for (const timer of this.timers) clearTimeout(timer)
    clearInterval(this.poll)
    this.signal?.removeEventListener('abort', this.cancel)
  }

  private stop(error: Error, reason: unknown = error): void {
    if (this.settled) return
    this.failure = error
    this.finish()
    for (const request of this.requests) request.destroy(error)
    for (const socket of this.sockets) socket.destroy(error)
    this.reject(reason)
  }

  private fail(message: string): void {
    this.stop(new TimeoutError(message))
  }

  /** A socket still connecting must connect within connectMs. */
  private connectBy(socket: Socket): void {
    if (!socket.connecting || this.connecting.has(socket)) return
    this.connecting.add(socket)
    const { connectMs } = this.limits
    const timer = this.later(connectMs, () =>
      this.fail(`no connection within ${seconds(connectMs)}`)
    )
    socket.once('connect', () => clearTimeout(timer))
  }

  private answerBy(): void {
    const { answerMs } = this.limits
    this.later(answerMs, () => this.fail(`no answer within ${seconds(answerMs)}`))
  }

  /** Stall detection: sample the bytes moved; no change for `stallMs` is a stall. */
  private watchStalls(stallMs: number): void {
    let lastMoved = -1
    let lastMoveAt = Date.now()
    const sample = (): void => {
      let total = 0
      const all = new Set([...this.sockets, ...[...this.requests].map(r => r.socket)])
      for (const socket of all) total += moved(socket)
      if (total !== lastMoved) {
        lastMoved = total
        lastMoveAt = Date.now()
      } else if (Date.now() - lastMoveAt >= stallMs) {
        this.fail(`no progress for ${seconds(stallMs)} (${total} bytes moved)`)
      }
    }
    this.poll = setInterval(sample, Math.max(10, Math.min(1000, stallMs / 5)))
  }
}
