/**
 * What a call sends and receives, and the transport that carries it: the types the HTTP layer,
 * the answer checks and the clients share (a module of its own, so that none of them imports
 * another for a type).
 */
import type { Limits } from './deadline.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers?: Record<string, string | number>
  /** A string, or a function that opens the body afresh for every attempt (for files). */
  body?: string | (() => NodeJS.ReadableStream)
  /** The deadlines of each attempt (default: 10 s to connect, 30 s for the answer). */
  limits?: Limits
}

export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends one request, once. Tests swap it for a fake. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>
  /**
   * Once aborted (the run was cancelled), no request is sent, the one in flight is destroyed,
   * and the retries (http.ts) make no further attempt: each fails with the abort's reason.
   */
  signal?: AbortSignal
}
