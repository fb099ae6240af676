// Test support: the stand-ins' FlakeHub: token status, stage (the release metadata checked
// against section 9 of the protocol), the presigned S3 upload, and publish.
import * as crypto from 'node:crypto'
import type * as http from 'node:http'
import {
  Refusal,
  isJson,
  isObject,
  isString,
  must,
  parseJson,
  b64url,
  sha256,
  show,
  stringOrNull
} from './stand-in-http.js'
import type { Handler, Hub, Request } from './stand-in-http.js'
import { DEV_AUDIENCE, type LogEntry } from './stand-in-types.js'

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

/** FlakeHub's endpoints, and the check of every FlakeHub API request's token. */
export function flakehubHandlers(hub: Hub): Record<
  'status' | 'stage' | 'upload' | 'publish',
  Handler
> & {
  checkFlakeHub(req: http.IncomingMessage, entry: LogEntry): void
} {
  const { s, options, baseUrl, audience, hmac } = hub
  const { lostPublishes } = hub
  const existing = new Set(options.existing ?? [])
  const s3Signature = (uuid: string): string => hmac(`s3:${uuid}`).toString('hex')

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

  function status(): object {
    if (options.registered !== false) return { ok: true }
    throw new Refusal(401, ['not registered'], false, { message: 'not registered' })
  }

  return { checkFlakeHub, status, stage, upload, publish }
}
