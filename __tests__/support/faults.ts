// Test support: the faults the stand-ins inject, and how a spoiled answer is written.
import type * as http from 'node:http'

/**
 * Injected into one request. Instead of handling it: drop the connection (`reset`), answer with
 * a status, never read the request nor answer (`stall`), or answer an HTML page with status 200
 * (`html`, as a proxy or captive portal does). After handling it (so the service did the work):
 * never answer (`hang`), send the answer a byte every 100 ms (`trickle`), close the connection
 * half-way through the answer (`cut`), or answer JSON without a field the client reads
 * (`missing`: `value` of OIDC, `repositoryTopics` of GraphQL, `uuid` of stage; the other
 * answers are read for nothing, so theirs is `{}` as always).
 */
export type Fault =
  'reset' | 429 | 500 | 502 | 503 | 'stall' | 'html' | 'hang' | 'trickle' | 'cut' | 'missing'

/** The page a captive portal shows where JSON belongs. */
export const PORTAL_PAGE =
  '<html><body><h1>Sign in to the network</h1><p>Accept the terms to continue.</p></body></html>'

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The answer of `endpoint` with the field its client reads taken out. */
export function withoutField(endpoint: string, answer: object): object {
  const copy = JSON.parse(JSON.stringify(answer)) as Record<string, unknown>
  if (endpoint === 'oidc') delete copy.value
  if (endpoint === 'stage') delete copy.uuid
  const data = copy.data
  if (endpoint === 'graphql' && isRecord(data) && isRecord(data.repository)) {
    delete data.repository.repositoryTopics
  }
  return copy
}

/**
 * Write a JSON answer cut half-way (then close the connection), or trickled a byte every 100 ms
 * after 4 KiB of leading blanks (valid JSON in the end, far slower than any deadline). Trickle
 * timers go into `timers`, for the server to stop when it closes.
 */
export function writeSpoiled(
  res: http.ServerResponse,
  fault: 'cut' | 'trickle',
  status: number,
  text: string,
  timers: Set<NodeJS.Timeout>
): void {
  const type = 'application/json'
  if (fault === 'cut') {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) })
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy())
    return
  }
  const padded = Buffer.from(`${' '.repeat(4096)}${text}`)
  res.writeHead(status, { 'content-type': type, 'content-length': padded.length })
  let sent = 0
  const timer = setInterval(() => {
    if (sent >= padded.length || res.destroyed) return void clearInterval(timer)
    res.write(padded.subarray(sent, ++sent))
    if (sent === padded.length) res.end()
  }, 100)
  timers.add(timer)
  res.on('close', () => clearInterval(timer))
}
