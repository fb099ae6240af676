// Test support: what the stand-ins (stand-ins.ts) share: the shape of a handled request, the
// refusals that answer a request and record a problem, and small readers of what arrives.
import * as crypto from 'node:crypto'
import type * as http from 'node:http'
import type { LogEntry, StandIns, StandInOptions, GraphqlRepository } from './stand-in-types.js'

/** A request as a handler sees it, its body read. */
export type Request = { req: http.IncomingMessage; url: URL; body: Buffer; entry: LogEntry }
/** A stand-in endpoint: the answer to a request, or a {@link Refusal} thrown. */
export type Handler = (request: Request) => object

/** What the handlers share: the record of the run, its options, and how tokens are signed. */
export interface Hub {
  s: StandIns
  options: StandInOptions
  baseUrl: string
  /** The audience of the OIDC tokens FlakeHub accepts. */
  audience: string
  /** What GraphQL answers about; null for none. */
  repository: GraphqlRepository | null
  /** HMAC-SHA-256 with the stand-ins' own key: token signatures and presigned URLs. */
  hmac(data: string): Buffer
  /** Issue a token for `aud` (a development one from the issuer). */
  issueToken(aud: string, development?: true): string
  /** Uploads whose publish succeeded but whose answer was lost (asking again is right then). */
  lostPublishes: Set<string>
}

/** An answer sent as text, not JSON (the development issuer's token). */
export class RawText {
  constructor(readonly text: string) {}
}

/** A refused request: answered with `status`, and recorded as a problem unless `problem` is false. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly issues: string[],
    readonly problem = true,
    readonly body?: object
  ) {
    super(issues.join('; '))
  }
}
export const refuse = (status: number, issue: string): Refusal => new Refusal(status, [issue])
/** Refuse the request with `status` and record `issue` as a problem unless `ok`. */
export function must(ok: unknown, status: number, issue: string): asserts ok {
  if (!ok) throw refuse(status, issue)
}

export type Json = Record<string, unknown>
export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
export const isString = (v: unknown): boolean => typeof v === 'string'
export const stringOrNull = (v: unknown): boolean => v === null || typeof v === 'string'
export const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')
export const sha256 = (data: Buffer): string =>
  crypto.createHash('sha256').update(data).digest('base64')
export const show = (v: unknown): string => (JSON.stringify(v) ?? String(v)).slice(0, 80)
export const isJson = (type: string | undefined): boolean =>
  (type ?? '').startsWith('application/json')

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('aborted', () => reject(new Error('client aborted')))
  })
}

export function parseJson(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw refuse(400, `${what} is not JSON: ${show(body.toString('utf8'))}`)
  }
}
