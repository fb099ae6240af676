// Test support: one small HTTP server on 127.0.0.1 that stands in for GitHub's OIDC token
// endpoint, GitHub's GraphQL API, FlakeHub's API, the S3 presigned upload and a development JWT
// issuer (`POST /token`, as FlakeHub's developers run one). It speaks the real
// protocols, checks what it receives and records every violation in `problems`.
import * as crypto from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Fault, PORTAL_PAGE, withoutField, writeSpoiled } from './faults.js'

export type Endpoint = 'oidc' | 'graphql' | 'status' | 'stage' | 'upload' | 'publish' | 'issuer'
export type { Fault } from './faults.js'
export { PORTAL_PAGE } from './faults.js'

export interface GraphqlRepository {
  owner: string
  name: string
  databaseId: number
  ownerDatabaseId: number
  ownerType: 'User' | 'Organization'
  spdxId: string | null
  topics: string[]
  commits: Record<string, number> // sha → the commit's history totalCount
}

export interface StandInOptions {
  tokenLifetimeSeconds?: number // exp - iat of issued OIDC tokens; may be fractional (default 300)
  registered?: boolean // false → GET /token/status answers 401 (default true)
  existing?: string[] // "<name>/<version>" already on FlakeHub: staging them answers 409
  faults?: Partial<Record<Endpoint, Fault[]>> // one per request to that endpoint, in order
  repository?: GraphqlRepository | null // what GraphQL answers; null → NOT_FOUND (default below)
  githubToken?: string // the token GraphQL requests must carry (default `ghs_test_token`)
  acceptTokensForMs?: number // FlakeHub calls a token expired this long after issue, whatever its exp says
  uploadDelayMs?: number // the S3 stand-in holds each upload's answer this long
}

export interface LogEntry {
  at: number // Date.now() when the request arrived
  endpoint: Endpoint | 'unknown'
  method: string
  path: string // without the query
  status: number | 'reset' | 'stall' | 'hang'
  detail?: string
  token?: string // the bearer token a FlakeHub API request carried
}

export interface IssuedToken {
  token: string
  audience: string
  issuedAt: number // ms
  expiresAt: number // ms
  development?: true // issued by the development issuer (audience flakehub-localhost)
}

type Staged = { uuid: string; name: string; version: string; size: number; sha256: string }
type Published = { name: string; version: string; uuid: string; tarball: Buffer }

export interface StandIns {
  baseUrl: string // http://127.0.0.1:<port>
  env: Record<string, string> // ACTIONS_ID_TOKEN_REQUEST_*, GITHUB_{GRAPHQL,API,SERVER}_URL
  host: string // the FlakeHub API, for the action's `host` input: `${baseUrl}/api`
  githubToken: string // what GraphQL expects: pass it as the `github-token` input
  log: LogEntry[]
  issuedTokens: IssuedToken[]
  staged: (Staged & { metadata: unknown })[]
  uploads: { uuid: string; body: Buffer }[]
  published: (Published & { metadata: unknown })[]
  devClaims: Json[] // the claims each development token request sent
  /** A token FlakeHub accepts, as a CI outside GitHub would hand it over (e.g. GitLab's). */
  mintToken(audience?: string): string
  problems: string[] // every protocol violation noticed; tests assert it is empty
  close(): Promise<void>
}

/** What GraphQL answers when no `repository` option is given. */
export const DEFAULT_REPOSITORY: GraphqlRepository = {
  owner: 'owner',
  name: 'project',
  databaseId: 1001,
  ownerDatabaseId: 2002,
  ownerType: 'User',
  spdxId: 'MIT',
  topics: [],
  commits: {}
}

/** The audience of development tokens (section 13 of the protocol). */
export const DEV_AUDIENCE = 'flakehub-localhost'

/** An answer sent as text, not JSON (the development issuer's token). */
class RawText {
  constructor(readonly text: string) {}
}

/** A refused request: answered with `status`, and recorded as a problem unless `problem` is false. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly issues: string[],
    readonly problem = true,
    readonly body?: object
  ) {
    super(issues.join('; '))
  }
}
const refuse = (status: number, issue: string): Refusal => new Refusal(status, [issue])
/** Refuse the request with `status` and record `issue` as a problem unless `ok`. */
function must(ok: unknown, status: number, issue: string): asserts ok {
  if (!ok) throw refuse(status, issue)
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const isString = (v: unknown): boolean => typeof v === 'string'
const stringOrNull = (v: unknown): boolean => v === null || typeof v === 'string'
const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')
const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('base64')
const show = (v: unknown): string => (JSON.stringify(v) ?? String(v)).slice(0, 80)
const isJson = (type: string | undefined): boolean => (type ?? '').startsWith('application/json')

const ROUTES: [Endpoint, string, RegExp][] = [
  ['oidc', 'GET', /^\/oidc\/token$/],
  ['graphql', 'POST', /^\/graphql$/],
  ['status', 'GET', /^\/api\/token\/status$/],
  ['stage', 'POST', /^\/api\/upload\//],
  ['publish', 'POST', /^\/api\/publish\//],
  ['upload', 'PUT', /^\/s3\//],
  ['issuer', 'POST', /^\/token$/]
]

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('aborted', () => reject(new Error('client aborted')))
  })
}

function parseJson(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw refuse(400, `${what} is not JSON: ${show(body.toString('utf8'))}`)
  }
}

/** What is wrong with a stage request's release metadata. */
export function metadataIssues(m: unknown, name: string): string[] {
  if (!isObject(m)) return [`release metadata is not a JSON object: ${show(m)}`]
  const issues: string[] = []
  const need = (key: string, ok: (v: unknown) => boolean, what: string): void => {
    if (!(key in m)) issues.push(`release metadata lacks "${key}"`)
    else if (!ok(m[key])) issues.push(`release metadata "${key}" is ${show(m[key])}, not ${what}`)
  }
  need('commit_count', v => Number.isInteger(v) && (v as number) >= 0, 'a count')
  need('description', stringOrNull, 'a string or null')
  const outputs = (v: unknown): boolean =>
    isObject(v) && typeof v.version === 'number' && isObject(v.docs) && isObject(v.inventory)
  need('outputs', outputs, 'an object with version, docs and inventory')
  need('raw_flake_metadata', isObject, 'an object')
  need('readme', stringOrNull, 'a string or null')
  need('repo', v => v === name, `"${name}", the name in the upload path`)
  need('revision', v => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v), '40 hex digits')
  need('visibility', v => ['public', 'unlisted', 'private'].includes(v as string), 'a visibility')
  need('mirrored', v => typeof v === 'boolean', 'a boolean')
  need('source_subdirectory', isString, 'a string')
  need('spdx_identifier', stringOrNull, 'a string or null')
  need('labels', v => Array.isArray(v) && v.every(isString), 'an array of strings')
  return issues
}

type UploadPath = { name: string; version: string; size: number; sha: string }

/**
 * Split the path after `/api/upload/` from its end: the hash is 44 characters of base64, sent
 * unescaped as the reference client sends it (it may hold `/`). Each other part is one
 * percent-encoded path segment, decoded on its own.
 */
function parseUploadPath(raw: string): UploadPath {
  const sha = raw.slice(-44)
  const hashed = raw[raw.length - 45] === '/' && /^[A-Za-z0-9+/]{43}=$/.test(sha)
  must(hashed, 400, `upload path "${raw}" does not end with /<base64 SHA-256>`)
  const segments = raw.slice(0, -45).split('/')
  let parts: string[] = []
  try {
    parts = segments.map(segment => decodeURIComponent(segment))
  } catch {
    must(false, 400, `upload path "${raw}" has a bad percent-escape`)
  }
  const shaped = parts.length === 4 && parts.every(part => part !== '')
  must(shaped, 400, `upload path "${raw}" is not <owner>/<project>/<version>/<size>/<sha256>`)
  const [owner, project, version, size] = parts
  must(/^\d+$/.test(size), 400, `upload size "${size}" is not a whole number`)
  return { name: `${owner}/${project}`, version, size: Number(size), sha }
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export async function startStandIns(options: StandInOptions = {}): Promise<StandIns> {
  const secret = crypto.randomBytes(32)
  const requestToken = crypto.randomBytes(24).toString('hex')
  const githubToken = options.githubToken ?? 'ghs_test_token'
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 300) * 1000
  const repository = options.repository === undefined ? DEFAULT_REPOSITORY : options.repository
  const faults: Partial<Record<Endpoint, Fault[]>> = {}
  for (const [k, v] of Object.entries(options.faults ?? {})) faults[k as Endpoint] = [...v]
  const existing = new Set(options.existing ?? [])
  const lostPublishes = new Set<string>() // uuids whose publish succeeded but whose answer was lost
  const trickles = new Set<NodeJS.Timeout>()
  const server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  const audience = '127.0.0.1'
  const hmac = (data: string): Buffer => crypto.createHmac('sha256', secret).update(data).digest()
  const s3Signature = (uuid: string): string => hmac(`s3:${uuid}`).toString('hex')

  type Request = { req: http.IncomingMessage; url: URL; body: Buffer; entry: LogEntry }
  type Handler = (request: Request) => object
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

  function issueToken(aud: string, development?: true): string {
    const issuedAt = Date.now()
    const expiresAt = issuedAt + lifetimeMs
    const owner = repository?.owner ?? DEFAULT_REPOSITORY.owner
    const repo = `${owner}/${repository?.name ?? DEFAULT_REPOSITORY.name}`
    const iat = Math.floor(issuedAt / 1000)
    const exp = Math.floor(expiresAt / 1000)
    const sub = `repo:${repo}:ref:refs/heads/main`
    const claims = { repository: repo, repository_owner: owner, nbf: iat, iat, exp }
    const payload = { jti: crypto.randomUUID(), sub, aud, iss: `${baseUrl}/oidc`, ...claims }
    const header = { alg: 'HS256', typ: 'JWT' }
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
    const token = `${unsigned}.${b64url(hmac(unsigned))}`
    s.issuedTokens.push({ token, audience: aud, issuedAt, expiresAt, development })
    return token
  }

  /** Check a FlakeHub API request's token (as of its arrival) and User-Agent. */
  function checkFlakeHub(req: http.IncomingMessage, entry: LogEntry): void {
    const at = entry.at
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
    must(token, 401, `no "Bearer <token>" Authorization: ${show(req.headers.authorization)}`)
    entry.token = token
    const [head, payload, signature] = token.split('.')
    const signed = signature !== undefined && signature === b64url(hmac(`${head}.${payload}`))
    must(signed, 401, 'the bearer token is not a JWT signed by the OIDC stand-in')
    const issued = s.issuedTokens.find(t => t.token === token)
    must(issued, 401, 'the bearer token was never issued')
    const aud = issued.audience
    const wanted = issued.development ? DEV_AUDIENCE : audience
    must(aud === wanted, 401, `the token's audience is "${aud}", not "${wanted}"`)
    const acceptedUntil = issued.issuedAt + (options.acceptTokensForMs ?? Infinity)
    const expiry = Math.min(issued.expiresAt, acceptedUntil)
    if (at >= expiry) {
      const detail = `token expired ${at - expiry} ms before the request`
      throw new Refusal(401, [detail], false, { message: 'token expired' })
    }
    const agent = req.headers['user-agent'] ?? ''
    must(agent.includes('flakehub-push'), 400, `User-Agent ${show(agent)} lacks "flakehub-push"`)
  }

  function oidc({ req, url }: Request): object {
    const authorized = req.headers.authorization === `Bearer ${requestToken}`
    must(authorized, 401, 'OIDC request without "Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>"')
    const version = url.searchParams.get('api-version')
    must(version === '2.0', 400, 'OIDC request lost the api-version=2.0 of its URL')
    const owner = repository?.owner ?? DEFAULT_REPOSITORY.owner
    return { value: issueToken(url.searchParams.get('audience') ?? `https://github.com/${owner}`) }
  }

  /** The development issuer: checks the claims against the repository and answers with a token. */
  function issuer({ req, body }: Request): object {
    must(isJson(req.headers['content-type']), 400, 'issuer request is not application/json')
    const claims = parseJson(body, 'the development token request')
    must(isObject(claims), 400, `issuer claims are not an object: ${show(claims)}`)
    s.devClaims.push(claims)
    const repo = repository ?? DEFAULT_REPOSITORY
    const expected: Json = {
      aud: DEV_AUDIENCE,
      repository: `${repo.owner}/${repo.name}`,
      repository_owner: repo.owner,
      repository_id: String(repo.databaseId),
      repository_owner_id: String(repo.ownerDatabaseId)
    }
    const wrong = Object.keys(expected).filter(key => claims[key] !== expected[key])
    must(wrong.length === 0, 400, `issuer claims ${wrong.map(k => `${k}=${show(claims[k])}`)}`)
    must(typeof claims.iss === 'string' && claims.iss !== '', 400, 'issuer claims lack iss')
    return new RawText(issueToken(DEV_AUDIENCE, true))
  }

  function graphql({ req, body }: Request): object {
    const token = /^(?:bearer|token) (\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (token !== githubToken) {
      const issue = `GraphQL Authorization ${show(req.headers.authorization)} lacks the GitHub token`
      throw new Refusal(401, [issue], true, { message: 'Bad credentials' })
    }
    const type = req.headers['content-type']
    must(isJson(type), 400, `GraphQL Content-Type is ${show(type)}`)
    const request = parseJson(body, 'the GraphQL request')
    const query = isObject(request) ? request.query : undefined
    must(typeof query === 'string' && query.includes('repository'), 400, `GraphQL without query`)
    const vars = isObject(request) && isObject(request.variables) ? request.variables : {}
    const { owner, name, revision } = vars
    const named = typeof owner === 'string' && typeof name === 'string'
    must(named, 400, `GraphQL variables lack owner and name: ${show(vars)}`)
    const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
    const repo = repository
    if (repo === null || !same(owner, repo.owner) || !same(name, repo.name)) {
      const message = `Could not resolve to a Repository with the name '${owner}/${name}'.`
      const error = { type: 'NOT_FOUND', path: ['repository'], message }
      return { data: { repository: null }, errors: [error] }
    }
    const count = typeof revision === 'string' ? repo.commits[revision] : undefined
    const edges = repo.topics.map(topic => ({ node: { topic: { name: topic } } }))
    return {
      data: {
        repository: {
          databaseId: repo.databaseId,
          owner: { __typename: repo.ownerType, databaseId: repo.ownerDatabaseId },
          licenseInfo: repo.spdxId === null ? null : { spdxId: repo.spdxId },
          object: count === undefined ? null : { history: { totalCount: count } },
          repositoryTopics: { edges }
        }
      }
    }
  }

  function stage({ req, url, body, entry }: Request): object {
    const { name, version, size, sha } = parseUploadPath(url.pathname.slice('/api/upload/'.length))
    const key = `${name}/${version}`
    entry.detail = key
    const type = req.headers['content-type']
    must(isJson(type), 400, `stage Content-Type is ${show(type)}, not application/json`)
    const metadata = parseJson(body, 'the release metadata')
    const issues = metadataIssues(metadata, name)
    if (issues.length > 0) throw new Refusal(400, issues)
    if (existing.has(key) || s.published.some(p => `${p.name}/${p.version}` === key)) {
      throw new Refusal(409, [`${key} exists`], false, { message: 'release already exists' })
    }
    const uuid = crypto.randomUUID()
    s.staged.push({ uuid, name, version, size, sha256: sha, metadata })
    const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${s3Signature(uuid)}`
    return { s3_upload_url: `${baseUrl}/s3/${uuid}?${query}`, uuid }
  }

  function upload({ req, url, body }: Request): object {
    const uuid = url.pathname.slice('/s3/'.length)
    const staged = s.staged.find(st => st.uuid === uuid)
    must(staged, 404, `upload to ${uuid}, which was never staged`)
    const signed = url.searchParams.get('X-Amz-Signature') === s3Signature(uuid)
    must(signed, 403, 'upload URL is not the presigned URL that stage returned')
    const h = req.headers
    const issues: string[] = []
    const check = (ok: boolean, issue: string): number => (ok ? 0 : issues.push(issue))
    check(h.authorization === undefined, 'upload carries an Authorization header')
    const type = h['content-type']
    check(type === 'application/gzip', `upload Content-Type is ${show(type)}, not application/gzip`)
    const length = h['content-length']
    const sizes = `Content-Length ${show(length)}, body ${body.length} B, staged ${staged.size} B`
    check(length === String(staged.size) && body.length === staged.size, `upload ${sizes}`)
    const sum = h['x-amz-checksum-sha256']
    const header = `x-amz-checksum-sha256 ${show(sum)}`
    check(sum === staged.sha256, `${header} is not the staged ${staged.sha256}`)
    check(sum === sha256(body), `${header} is not the body's ${sha256(body)}`)
    check(body[0] === 0x1f && body[1] === 0x8b, 'upload body is not gzip')
    check(!s.published.some(p => p.uuid === uuid), `upload to ${uuid} after it was published`)
    if (issues.length > 0) throw new Refusal(400, issues)
    s.uploads.push({ uuid, body })
    return {}
  }

  function publish({ url, entry }: Request): object {
    const uuid = url.pathname.slice('/api/publish/'.length)
    const staged = s.staged.find(st => st.uuid === uuid)
    must(staged, 404, `publish of ${uuid}, which was never staged`)
    const { name, version, metadata } = staged
    entry.detail = `${name}/${version}`
    if (s.published.some(p => p.uuid === uuid || (p.name === name && p.version === version))) {
      const issue = `${name}/${version} (${uuid}) published twice`
      // Asking again after the answer was lost on the way is what a client must do.
      throw new Refusal(409, [issue], !lostPublishes.has(uuid), { message: 'already published' })
    }
    const uploaded = s.uploads.filter(u => u.uuid === uuid).at(-1)
    must(uploaded, 400, `publish of ${uuid} before its upload completed`)
    s.published.push({ name, version, uuid, metadata, tarball: uploaded.body })
    return {}
  }

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

  function status(): object {
    if (options.registered !== false) return { ok: true }
    throw new Refusal(401, ['not registered'], false, { message: 'not registered' })
  }

  const handlers: Record<Endpoint, Handler> = {
    oidc,
    graphql,
    status,
    stage,
    upload,
    publish,
    issuer
  }

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
