import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { gzipSync } from 'node:zlib'
import { parseOutputFile, runAction } from './support/action.js'
import { makeRepo, sh } from './support/nix.js'
import { StandInOptions, StandIns, startStandIns } from './support/stand-ins.js'

const started: StandIns[] = []
async function standIns(options?: StandInOptions): Promise<StandIns> {
  const s = await startStandIns(options)
  started.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(started.splice(0).map(s => s.close()))
})

const sha256 = (body: Buffer): string => crypto.createHash('sha256').update(body).digest('base64')
const USER_AGENT = 'flakehub-push-test/1.0'
const REVISION = 'a'.repeat(40)

async function oidcToken(s: StandIns, audience = '127.0.0.1'): Promise<string> {
  const url = `${s.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`
  const headers = { authorization: `Bearer ${s.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  const response = await fetch(url, { headers })
  expect(response.status).toBe(200)
  return ((await response.json()) as { value: string }).value
}

function flakeHub(
  s: StandIns,
  token: string,
  route: string,
  init: RequestInit = {}
): Promise<Response> {
  const headers = { authorization: `Bearer ${token}`, 'user-agent': USER_AGENT, ...init.headers }
  return fetch(`${s.host}${route}`, { ...init, headers })
}

/** A gzip body whose base64 SHA-256 contains `/`, to prove the upload path is parsed from its end. */
function tarball(): { body: Buffer; sha: string } {
  for (let i = 0; ; i++) {
    const body = gzipSync(`flake source ${i}`)
    if (sha256(body).includes('/')) return { body, sha: sha256(body) }
  }
}

const metadata = (overrides: object = {}): object => ({
  commit_count: 3,
  description: 'A flake',
  outputs: { version: 1, docs: {}, inventory: {} },
  raw_flake_metadata: { lastModified: 1 },
  readme: null,
  repo: 'owner/project',
  revision: REVISION,
  visibility: 'public',
  mirrored: false,
  source_subdirectory: '',
  spdx_identifier: 'MIT',
  labels: ['nix'],
  ...overrides
})

async function stage(s: StandIns, token: string, version: string, body: Buffer, meta = metadata()) {
  const route = `/upload/owner/project/${version}/${body.length}/${sha256(body)}`
  const headers = { 'content-type': 'application/json' }
  return flakeHub(s, token, route, { method: 'POST', headers, body: JSON.stringify(meta) })
}

async function put(
  url: string,
  body: Buffer,
  headers: Record<string, string> = {}
): Promise<Response> {
  const all = {
    'content-type': 'application/gzip',
    'x-amz-checksum-sha256': sha256(body),
    ...headers
  }
  return fetch(url, { method: 'PUT', headers: all, body })
}

describe('the OIDC stand-in', () => {
  it('issues a signed JWT for the audience asked for, valid for the configured lifetime', async () => {
    const s = await standIns()
    const token = await oidcToken(s)
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString())
    const [head, payload] = token.split('.').slice(0, 2).map(decode)
    expect(head).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toMatchObject({ aud: '127.0.0.1', repository_owner: 'owner' })
    expect(payload.exp - payload.iat).toBe(300)
    expect(s.issuedTokens).toEqual([expect.objectContaining({ token, audience: '127.0.0.1' })])
    expect(s.problems).toEqual([])
  })

  it('refuses an OIDC request without the request token', async () => {
    const s = await standIns()
    expect((await fetch(`${s.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`)).status).toBe(401)
    expect(s.problems).toHaveLength(1)
  })
})

describe('the FlakeHub stand-in', () => {
  it('accepts a fresh token for its own host at /token/status', async () => {
    const s = await standIns()
    const response = await flakeHub(s, await oidcToken(s), '/token/status')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
    expect(s.problems).toEqual([])
  })

  it('refuses at /token/status a token issued for the wrong audience', async () => {
    const s = await standIns()
    const response = await flakeHub(s, await oidcToken(s, 'api.flakehub.com'), '/token/status')
    expect(response.status).toBe(401)
    expect(s.problems).toEqual([expect.stringContaining('audience is "api.flakehub.com"')])
  })

  it('refuses a token it did not sign, and a request without its User-Agent', async () => {
    const s = await standIns()
    const token = await oidcToken(s)
    expect((await flakeHub(s, `${token}x`, '/token/status')).status).toBe(401)
    const anonymous = await fetch(`${s.host}/token/status`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(anonymous.status).toBe(400)
    expect(s.problems).toEqual([
      expect.stringContaining('signed'),
      expect.stringContaining('User-Agent')
    ])
  })

  it('answers 401 "token expired" to an expired token without calling it a problem', async () => {
    const s = await standIns({ tokenLifetimeSeconds: 1 })
    const token = await oidcToken(s)
    await new Promise(resolve => setTimeout(resolve, 1100))
    const response = await flakeHub(s, token, '/token/status')
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ message: 'token expired' })
    expect(s.problems).toEqual([])
    expect(s.log.at(-1)?.detail).toMatch(/token expired/)
  })

  it('answers 401 at /token/status when the owner is not registered', async () => {
    const s = await standIns({ registered: false })
    expect((await flakeHub(s, await oidcToken(s), '/token/status')).status).toBe(401)
    expect(s.problems).toEqual([])
  })

  it('records a publish after stage, upload and publish, and refuses that version again', async () => {
    const s = await standIns()
    const token = await oidcToken(s)
    const { body, sha } = tarball()
    const staged = await stage(s, token, '0.1.3+rev-abc', body)
    expect(staged.status).toBe(200)
    const { s3_upload_url, uuid } = (await staged.json()) as { s3_upload_url: string; uuid: string }
    expect(s3_upload_url).toMatch(new RegExp(`^${s.baseUrl}/s3/${uuid}\\?`))
    expect(s.staged).toEqual([
      expect.objectContaining({ uuid, name: 'owner/project', sha256: sha })
    ])
    expect((await put(s3_upload_url, body)).status).toBe(200)
    expect((await flakeHub(s, token, `/publish/${uuid}`, { method: 'POST' })).status).toBe(200)
    expect(s.published).toEqual([
      { name: 'owner/project', version: '0.1.3+rev-abc', uuid, metadata: metadata(), tarball: body }
    ])
    const again = await stage(s, token, '0.1.3+rev-abc', body)
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({ message: 'release already exists' })
    expect(s.problems).toEqual([])

    expect((await flakeHub(s, token, `/publish/${uuid}`, { method: 'POST' })).status).toBe(409)
    expect(s.problems).toEqual([expect.stringContaining('published twice')])
  })

  it('answers 409 to staging a version that already exists', async () => {
    const s = await standIns({ existing: ['owner/project/1.0.0'] })
    expect((await stage(s, await oidcToken(s), '1.0.0', gzipSync('x'))).status).toBe(409)
    expect(s.problems).toEqual([])
  })

  it('refuses release metadata that lacks fields or names another flake', async () => {
    const s = await standIns()
    const meta = { ...metadata({ repo: 'other/flake', revision: 'HEAD' }), labels: undefined }
    expect((await stage(s, await oidcToken(s), '1.0.0', gzipSync('x'), meta)).status).toBe(400)
    expect(s.problems).toEqual([
      expect.stringContaining('"repo"'),
      expect.stringContaining('"revision"'),
      expect.stringContaining('lacks "labels"')
    ])
  })

  it('refuses an upload whose checksum header does not match the body', async () => {
    const s = await standIns()
    const body = gzipSync('source')
    const staged = await stage(s, await oidcToken(s), '1.0.0', body)
    const { s3_upload_url } = (await staged.json()) as { s3_upload_url: string }
    const forged = sha256(gzipSync('other'))
    expect((await put(s3_upload_url, body, { 'x-amz-checksum-sha256': forged })).status).toBe(400)
    expect(s.uploads).toEqual([])
    expect(s.problems.join('\n')).toMatch(/x-amz-checksum-sha256 .* is not the staged/)
  })

  it('flags an upload that carries an Authorization header', async () => {
    const s = await standIns()
    const token = await oidcToken(s)
    const body = gzipSync('source')
    const { s3_upload_url } = (await (await stage(s, token, '1.0.0', body)).json()) as {
      s3_upload_url: string
    }
    expect((await put(s3_upload_url, body, { authorization: `Bearer ${token}` })).status).toBe(400)
    expect(s.problems).toEqual([expect.stringContaining('Authorization')])
  })

  it('refuses a publish before the upload, and any request nobody serves', async () => {
    const s = await standIns()
    const token = await oidcToken(s)
    const { uuid } = (await (await stage(s, token, '1.0.0', gzipSync('x'))).json()) as {
      uuid: string
    }
    expect((await flakeHub(s, token, `/publish/${uuid}`, { method: 'POST' })).status).toBe(400)
    expect((await fetch(`${s.baseUrl}/repos/owner/project`)).status).toBe(404)
    expect(s.problems).toEqual([
      expect.stringContaining('before its upload'),
      expect.stringContaining('no stand-in')
    ])
  })
})

describe('faults', () => {
  it('are served in order, then normal handling resumes', async () => {
    const s = await standIns({ faults: { status: [503, 429] } })
    const token = await oidcToken(s)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      const response = await flakeHub(s, token, '/token/status')
      statuses.push(response.status)
      if (response.status === 429) expect(response.headers.get('retry-after')).toBe('0')
    }
    expect(statuses).toEqual([503, 429, 200])
    expect(s.log.filter(e => e.endpoint === 'status').map(e => e.status)).toEqual([503, 429, 200])
    expect(s.problems).toEqual([])
  })

  it('a reset fault makes fetch fail', async () => {
    const s = await standIns({ faults: { oidc: ['reset'] } })
    await expect(fetch(`${s.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`)).rejects.toThrow()
    expect(s.log.map(e => e.status)).toEqual(['reset'])
    await oidcToken(s)
  })
})

describe('the GraphQL stand-in', () => {
  const repository = {
    owner: 'owner',
    name: 'project',
    databaseId: 11,
    ownerDatabaseId: 22,
    ownerType: 'Organization' as const,
    spdxId: 'Apache-2.0',
    topics: ['nix', 'flakes'],
    commits: { [REVISION]: 42 }
  }
  const ask = (s: StandIns, variables: object, authorization = 'bearer ghs_test_token') =>
    fetch(s.env.GITHUB_GRAPHQL_URL, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify({
        query: 'query($owner: String!) { repository(...) { ... } }',
        variables
      })
    })

  it("answers commit count, topics and licence in GitHub's shape", async () => {
    const s = await standIns({ repository })
    const response = await ask(
      s,
      { owner: 'Owner', name: 'project', revision: REVISION },
      'Bearer ghs_test_token'
    )
    expect(await response.json()).toEqual({
      data: {
        repository: {
          databaseId: 11,
          owner: { __typename: 'Organization', databaseId: 22 },
          licenseInfo: { spdxId: 'Apache-2.0' },
          object: { history: { totalCount: 42 } },
          repositoryTopics: {
            edges: [{ node: { topic: { name: 'nix' } } }, { node: { topic: { name: 'flakes' } } }]
          }
        }
      }
    })
    const unknown = await (
      await ask(s, { owner: 'owner', name: 'project', revision: 'b'.repeat(40) })
    ).json()
    expect(unknown).toMatchObject({ data: { repository: { object: null } } })
    expect(s.problems).toEqual([])
  })

  it('answers NOT_FOUND for another repository, or when there is none', async () => {
    const notFound = {
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          message: "Could not resolve to a Repository with the name 'owner/other'."
        }
      ]
    }
    for (const s of [await standIns({ repository }), await standIns({ repository: null })]) {
      const response = await ask(s, { owner: 'owner', name: 'other', revision: REVISION })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual(notFound)
      expect(s.problems).toEqual([])
    }
  })

  it('refuses a request without the GitHub token', async () => {
    const s = await standIns({ repository })
    expect((await ask(s, { owner: 'owner', name: 'project' }, 'bearer wrong')).status).toBe(401)
    expect(s.problems).toEqual([expect.stringContaining('GitHub token')])
  })
})

describe('runAction', () => {
  let dir: string
  let script: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-action-test-'))
    script = path.join(dir, 'script.mjs')
    fs.writeFileSync(
      script,
      `import * as fs from 'node:fs'
const output = text => fs.appendFileSync(process.env.GITHUB_OUTPUT, text)
if (process.env.INPUT_MODE === 'hang') setInterval(() => {}, 1000)
else {
  console.log('plain line')
  console.log('::warning title=careful::watch out')
  console.log('::error file=flake.nix,line=3::first line%0Asecond line%0D%0Aat 100%25')
  console.log('::notice::fyi')
  console.log('::debug::not an annotation')
  output('flake_name<<ghadelimiter_1234\\nowner/project\\nghadelimiter_1234\\n')
  output('multi<<EOF\\na\\nb\\nEOF\\n')
  output('plain=x=y\\n')
  const seen = { env: process.env, cwd: process.cwd(), event: fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8') }
  output('seen<<EOF\\n' + JSON.stringify(seen) + '\\nEOF\\n')
  fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Summary\\n')
  process.exitCode = 2
}
`
    )
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('returns the exit code, parsed outputs, summary and annotations', async () => {
    const workspace = makeRepo({ 'README.md': 'hello' })
    const run = await runAction({
      workspace,
      script,
      inputs: { 'git-root': '.', visibility: 'public', 'extra labels': 'a' },
      env: { GITHUB_REF_NAME: 'v1.2.3', GITHUB_RUN_ID: '' }
    })
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toContain('plain line')
    expect(run.summary).toBe('## Summary\n')
    expect(run.annotations).toEqual([
      { level: 'warning', message: 'watch out', properties: { title: 'careful' } },
      {
        level: 'error',
        message: 'first line\nsecond line\r\nat 100%',
        properties: { file: 'flake.nix', line: '3' }
      },
      { level: 'notice', message: 'fyi' }
    ])
    const { seen, ...outputs } = run.outputs
    expect(outputs).toEqual({ flake_name: 'owner/project', multi: 'a\nb', plain: 'x=y' })
    const { env, cwd, event } = JSON.parse(seen) as {
      env: Record<string, string>
      cwd: string
      event: string
    }
    expect(cwd).toBe(workspace)
    expect(env).toMatchObject({
      'INPUT_GIT-ROOT': '.',
      INPUT_VISIBILITY: 'public',
      INPUT_EXTRA_LABELS: 'a',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'owner/project',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_SHA: sh('git', ['rev-parse', 'HEAD'], workspace).trim(),
      GITHUB_EVENT_NAME: 'push'
    })
    expect(env.GITHUB_RUN_ID).toBeUndefined()
    expect(env.JEST_WORKER_ID).toBeUndefined()
    expect(JSON.parse(event)).toEqual({
      repository: { owner: { login: 'owner' }, name: 'project', full_name: 'owner/project' }
    })
    fs.rmSync(workspace, { recursive: true, force: true })
  })

  it('kills the action and rejects when it runs past the timeout', async () => {
    const run = runAction({ workspace: dir, script, inputs: { mode: 'hang' }, timeoutMs: 300 })
    await expect(run).rejects.toThrow(/did not finish in 300 ms/)
  })

  it('reads name=value lines and heredocs alike, and refuses an unclosed heredoc', () => {
    expect(parseOutputFile('a=1\nb<<X\n\nline\nX\n')).toEqual({ a: '1', b: '\nline' })
    expect(() => parseOutputFile('b<<X\nline\n')).toThrow(/never closed/)
  })
})
