// Test support: one small HTTP server on 127.0.0.1 that stands in for GitHub's OIDC token
// endpoint, GitHub's GraphQL API, FlakeHub's API, the S3 presigned upload and a development JWT
// issuer (`POST /token`, as FlakeHub's developers run one). It speaks the real
// protocols, checks what it receives and records every violation in `problems`. The endpoints
// are in stand-in-github.ts and stand-in-flakehub.ts, what they share in stand-in-http.ts.
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Fault, PORTAL_PAGE, withoutField, writeSpoiled } from './faults.js'
import { flakehubHandlers } from './stand-in-flakehub.js'
import { githubHandlers, tokenIssuer } from './stand-in-github.js'
import { type Handler, type Hub, RawText, Refusal, must, readBody } from './stand-in-http.js'
import { DEFAULT_REPOSITORY } from './stand-in-types.js'
import type { Endpoint, LogEntry, StandInOptions, StandIns } from './stand-in-types.js'

export type { Fault } from './faults.js'
export { PORTAL_PAGE } from './faults.js'
export { DEFAULT_REPOSITORY, DEV_AUDIENCE } from './stand-in-types.js'
export type * from './stand-in-types.js'

/** The inputs of the action for a publish to these stand-ins: public, their host and GitHub token. */
export function actionInputs(
  hub: StandIns,
  inputs: Record<string, string> = {}
): Record<string, string> {
  return { visibility: 'public', host: hub.host, 'github-token': hub.githubToken, ...inputs }
}

const ROUTES: [Endpoint, string, RegExp][] = [
  ['oidc', 'GET', /^\/oidc\/token$/],
  ['graphql', 'POST', /^\/graphql$/],
  ['status', 'GET', /^\/api\/token\/status$/],
  ['stage', 'POST', /^\/api\/upload\//],
  ['publish', 'POST', /^\/api\/publish\//],
  ['upload', 'PUT', /^\/s3\//],
  ['issuer', 'POST', /^\/token$/]
]

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export async function startStandIns(options: StandInOptions = {}): Promise<StandIns> {
  const secret = crypto.randomBytes(32)
  const requestToken = crypto.randomBytes(24).toString('hex')
  const githubToken = options.githubToken ?? 'ghs_test_token'
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 300) * 1000
  const repository = options.repository === undefined ? DEFAULT_REPOSITORY : options.repository
  const faults: Partial<Record<Endpoint, Fault[]>> = {}
  for (const [k, v] of Object.entries(options.faults ?? {})) faults[k as Endpoint] = [...v]
  const lostPublishes = new Set<string>() // uuids whose publish succeeded but whose answer was lost
  const trickles = new Set<NodeJS.Timeout>()
  const server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  const audience = '127.0.0.1'
  const hmac = (data: string): Buffer => crypto.createHmac('sha256', secret).update(data).digest()
  // Assigned below, once `s` exists: the tokens it issues are recorded there.
  let issueToken: (aud: string, development?: true) => string = () => ''
  const s: StandIns = {
    baseUrl,
    host: `${baseUrl}/api`,
    githubToken,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${baseUrl}/oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      GITHUB_GRAPHQL_URL: `${baseUrl}/graphql`,
      GITHUB_API_URL: baseUrl,
      GITHUB_SERVER_URL: baseUrl
    },
    log: [],
    issuedTokens: [],
    staged: [],
    uploads: [],
    published: [],
    devClaims: [],
    mintToken: aud => issueToken(aud ?? audience),
    problems: [],
    close: async () => {
      for (const timer of trickles) clearInterval(timer)
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }

  issueToken = tokenIssuer(s, baseUrl, repository, lifetimeMs, hmac)

  function send(res: http.ServerResponse, entry: LogEntry, status: number, body: object): void {
    entry.status = status
    const raw = body instanceof RawText
    const text = raw ? body.text : JSON.stringify(body)
    const type = { 'content-type': raw ? 'text/plain' : 'application/json' }
    const retry = status === 429 ? { 'retry-after': '0' } : {}
    res.writeHead(status, { ...type, 'content-length': Buffer.byteLength(text), ...retry })
    res.end(text)
  }

  /** Deliver a handled request's answer the way `fault` spoils it (see {@link Fault}). */
  function spoil(
    res: http.ServerResponse,
    entry: LogEntry,
    fault: 'hang' | 'trickle' | 'cut' | 'missing',
    status: number,
    answer: object
  ): void {
    entry.detail =
      entry.detail === undefined ? `fault: ${fault}` : `${entry.detail}; fault: ${fault}`
    if (fault === 'hang') {
      entry.status = 'hang'
      return
    }
    if (fault === 'missing') return send(res, entry, status, withoutField(entry.endpoint, answer))
    entry.status = status
    writeSpoiled(res, fault, status, JSON.stringify(answer), trickles)
  }

  const hub: Hub = { s, options, baseUrl, audience, repository, hmac, issueToken, lostPublishes }
  const flakehub = flakehubHandlers(hub)
  const handlers: Record<Endpoint, Handler> = {
    ...githubHandlers(hub, requestToken, githubToken),
    ...flakehub
  }
  const { checkFlakeHub } = flakehub

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = req.method ?? ''
    const [endpoint, expected] = ROUTES.find(([, , re]) => re.test(url.pathname)) ?? ['unknown']
    const entry: LogEntry = { at: Date.now(), endpoint, method, path: url.pathname, status: 0 }
    s.log.push(entry)
    const fault = endpoint === 'unknown' ? undefined : faults[endpoint]?.shift()
    if (fault === 'reset') {
      Object.assign(entry, { status: 'reset', detail: 'fault: reset' })
      req.socket.destroy()
      return
    }
    if (fault === 'stall') {
      Object.assign(entry, { status: 'stall', detail: 'fault: stall' })
      req.pause()
      return
    }
    let body: Buffer
    try {
      body = await readBody(req)
    } catch {
      Object.assign(entry, { status: 'reset', detail: 'the client closed the connection' })
      return
    }
    if (fault === 'html') {
      Object.assign(entry, { status: 200, detail: 'fault: html' })
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(PORTAL_PAGE)
      return
    }
    if (typeof fault === 'number') {
      entry.detail = `fault: ${fault}`
      return send(res, entry, fault, { message: `injected ${fault}` })
    }
    const deliver = (status: number, answer: object): void =>
      fault === undefined
        ? send(res, entry, status, answer)
        : spoil(res, entry, fault, status, answer)
    try {
      must(endpoint !== 'unknown', 404, `no stand-in serves ${method} ${url.pathname}`)
      must(method === expected, 405, `${method} ${url.pathname}: the method should be ${expected}`)
      if (endpoint === 'status' || endpoint === 'stage' || endpoint === 'publish') {
        checkFlakeHub(req, entry)
      }
      const answer = handlers[endpoint]({ req, url, body, entry })
      if (endpoint === 'upload' && options.uploadDelayMs !== undefined)
        await sleep(options.uploadDelayMs)
      if (endpoint === 'publish' && fault !== undefined && fault !== 'missing') {
        lostPublishes.add(url.pathname.slice('/api/publish/'.length))
      }
      deliver(200, answer)
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      const where = `${method} ${url.pathname}`
      if (error.problem) s.problems.push(...error.issues.map(issue => `${where}: ${issue}`))
      entry.detail =
        entry.detail === undefined ? error.message : `${entry.detail}: ${error.message}`
      deliver(error.status, error.body ?? { message: error.message })
    }
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      s.problems.push(`stand-in crashed on ${req.method} ${req.url}: ${String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  return s
}
