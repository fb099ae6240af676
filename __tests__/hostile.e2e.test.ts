// End to end: `node dist/index.js` against loopback stand-ins that misbehave as real networks
// and services do: calls that hang, stall, trickle, break off, answer an HTML page with status
// 200, or answer JSON without a field. Short limits come in through FLAKEHUB_PUSH_TIMEOUT_*.
import { afterEach, describe, expect, it } from '@jest/globals'
import { ActionRun, nixCommandsIn, runAction } from './support/action.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { makeRepo, nixWrapper, sh, trivialDerivation } from './support/nix.js'
import {
  DEFAULT_REPOSITORY,
  Endpoint,
  Fault,
  PORTAL_PAGE,
  StandInOptions,
  StandIns,
  actionInputs,
  startStandIns
} from './support/stand-ins.js'

const FLAKE = `{
  description = "A flake to publish";
  outputs = { self }: {
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
  };
}`

/** Every limit one second (a loopback call takes milliseconds, a spoiled one never ends), retries soon. */
const SHORT: Record<string, string> = {
  FLAKEHUB_PUSH_RETRY_DELAY: '0.1',
  FLAKEHUB_PUSH_TIMEOUT_CONNECT: '1',
  FLAKEHUB_PUSH_TIMEOUT_OIDC: '1',
  FLAKEHUB_PUSH_TIMEOUT_GRAPHQL: '1',
  FLAKEHUB_PUSH_TIMEOUT_STATUS: '1',
  FLAKEHUB_PUSH_TIMEOUT_STAGE: '1',
  FLAKEHUB_PUSH_TIMEOUT_PUBLISH: '1',
  FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL: '1',
  FLAKEHUB_PUSH_TIMEOUT_UPLOAD_ANSWER: '1'
}

const ENDPOINTS: Exclude<Endpoint, 'issuer'>[] = [
  'oidc',
  'graphql',
  'status',
  'stage',
  'upload',
  'publish'
]
const WHAT: Record<Exclude<Endpoint, 'issuer'>, string> = {
  oidc: 'GitHub OIDC token',
  graphql: 'GitHub GraphQL',
  status: 'FlakeHub token status',
  stage: 'FlakeHub stage',
  upload: 'Tarball upload',
  publish: 'FlakeHub publish'
}

let running: StandIns | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function attempt(
  options: StandInOptions,
  env: Record<string, string> = {}
): Promise<{ run: ActionRun; hub: StandIns }> {
  const repo = makeRepo({ 'flake.nix': FLAKE })
  const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
  const repository = { ...DEFAULT_REPOSITORY, topics: ['nix'], commits: { [revision]: 7 } }
  running = await startStandIns({ repository, ...options })
  const hub = running
  const run = await runAction({
    workspace: repo,
    inputs: actionInputs(hub, { rolling: 'true' }),
    env: { ...hub.env, ...SHORT, ...env },
    timeoutMs: 90_000
  })
  return { run, hub }
}

const errorsOf = (run: ActionRun): string[] =>
  run.annotations.filter(a => a.level === 'error').map(a => a.message)
const calls = (hub: StandIns, endpoint: Endpoint) => hub.log.filter(e => e.endpoint === endpoint)
const everywhere = (fault: Fault, times = 1): Partial<Record<Endpoint, Fault[]>> =>
  Object.fromEntries(ENDPOINTS.map(endpoint => [endpoint, Array<Fault>(times).fill(fault)]))

/** The retry lines the run logged for one call: attempt number, reason and announced wait. */
function retries(
  run: ActionRun,
  what: string
): { attempt: number; reason: string; waitS: number }[] {
  const line = new RegExp(`^${what}: (.*); retrying in ([\\d.]+) s \\(attempt (\\d) of 5\\)\\.$`)
  return run.stdout.split('\n').flatMap(l => {
    const m = line.exec(l)
    return m === null ? [] : [{ attempt: Number(m[3]), reason: m[1], waitS: Number(m[2]) }]
  })
}

/** No signature, credential or token the stand-ins handed out shows up in what the run printed. */
function expectNoSecrets(run: ActionRun, hub: StandIns): void {
  const lines = (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::'))
  const log = lines.join('\n')
  for (const { token } of hub.issuedTokens) expect(log).not.toContain(token)
  expect(log).not.toContain(hub.githubToken)
  expect(log).not.toMatch(/X-Amz-Signature=(?!\*\*\*)/)
}

describe('a hostile network', () => {
  it.each([
    ['hang', /no answer within 1 s/],
    ['trickle', /no answer within 1 s/],
    ['cut', /^[^:]+: the answer broke off after \d+ bytes; retrying/],
    ['html', /an HTML page \(HTTP 200, text\/html/],
    ['stall', /no answer within 1 s|no progress for 1 s/]
  ] as [Fault, RegExp][])(
    'survives one "%s" on every endpoint, publishing exactly once',
    async (fault, reason) => {
      const { run, hub } = await attempt({ faults: everywhere(fault) })
      expect(errorsOf(run)).toEqual([])
      expect(run.exitCode).toBe(0)
      expect(hub.published).toHaveLength(1)
      expect(hub.problems).toEqual([])
      for (const endpoint of ENDPOINTS) {
        // One retry, and the second attempt got through: two calls, no more.
        expect(retries(run, WHAT[endpoint]).map(r => r.attempt)).toEqual([2])
        expect(calls(hub, endpoint)).toHaveLength(2)
      }
      // Every retry line of the FlakeHub calls says what went wrong: the limit that ended a
      // spoiled answer, or the break or the page that ended it at once.
      for (const endpoint of ['status', 'stage', 'publish'] as const) {
        const line = run.stdout.split('\n').find(l => l.startsWith(`${WHAT[endpoint]}: `))
        expect(line).toMatch(reason)
      }
      expectNoSecrets(run, hub)
    }
  )

  it('prints the presigned upload URL with its X-Amz-* values redacted', async () => {
    const { run, hub } = await attempt({})
    expect(run.exitCode).toBe(0)
    const [staged] = hub.staged
    expect(run.stdout).toContain(
      `The upload goes to ${hub.baseUrl}/s3/${staged.uuid}?X-Amz-Algorithm=***&X-Amz-Signature=***.`
    )
    expectNoSecrets(run, hub)
  })

  it('treats a publish whose answer was lost, then answered 409, as published once', async () => {
    const { run, hub } = await attempt({ faults: { publish: ['hang'] } })
    expect(run.exitCode).toBe(0)
    expect(calls(hub, 'publish').map(e => e.status)).toEqual(['hang', 409])
    expect(run.stdout).toContain('is published already: an earlier attempt got through.')
    expect(hub.published).toHaveLength(1)
    expect(hub.problems).toEqual([])
  })

  it('survives answers without a field where the action reads none, and retries OIDC', async () => {
    const faults = {
      oidc: ['missing'],
      status: ['missing'],
      upload: ['missing'],
      publish: ['missing']
    }
    const { run, hub } = await attempt({ faults: faults as StandInOptions['faults'] })
    expect(errorsOf(run)).toEqual([])
    expect(hub.published).toHaveLength(1)
    expect(calls(hub, 'oidc')).toHaveLength(2)
  })

  it('fails with one clear error when the GraphQL answer lacks a field, before evaluating', async () => {
    const { run, hub } = await attempt({ faults: { graphql: ['missing'] } })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^GitHub GraphQL \(POST \/graphql\) answered in a shape this action does not read: `data\.repository\.repositoryTopics` is missing, not an object\. The answer: HTTP 200 \(application\/json\): \{"data":/
      )
    ])
    expect(calls(hub, 'graphql')).toHaveLength(1)
    expect(nixCommandsIn(run.stdout)).toEqual([])
    expect(calls(hub, 'oidc')).toEqual([])
  })

  it('fails with one clear error when the stage answer lacks the uuid, echoing it redacted', async () => {
    const { run, hub } = await attempt({ faults: { stage: ['missing'] } })
    expect(run.exitCode).toBe(1)
    const errors = errorsOf(run)
    expect(errors).toEqual([
      expect.stringMatching(
        /^FlakeHub stage \(POST \/api\/upload\/owner\/project\/0\.1\.7\+rev-[0-9a-f]{40}\/\d+\/\S+\) answered in a shape this action does not read: `uuid` is missing, not a string\. The answer: HTTP 200 \(application\/json\): \{"s3_upload_url":"http:\/\/127\.0\.0\.1:\d+\/s3\/[\w-]+\?X-Amz-Algorithm=\*\*\*&X-Amz-Signature=\*\*\*"\}\.$/
      )
    ])
    expect(calls(hub, 'upload')).toEqual([])
    expect(hub.published).toEqual([])
    expectNoSecrets(run, hub)
  })

  it('ends with one error naming GraphQL, the status, the content type and the page when a portal always answers', async () => {
    const { run, hub } = await attempt({ faults: { graphql: Array<Fault>(5).fill('html') } })
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      `GitHub GraphQL (POST /graphql) answered with an HTML page where JSON belongs: HTTP 200 (text/html; charset=utf-8): ${PORTAL_PAGE}. ` +
        "Something other than the service (a proxy, a captive portal, a firewall) may be answering in its place; check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY)."
    ])
    expect(calls(hub, 'graphql')).toHaveLength(5)
  })

  it.each([
    [
      'stage',
      /^FlakeHub stage \(POST \/api\/upload\/\S+\) failed 5 times; the last attempt: no answer within 1 s\. Check the runner's connection to 127\.0\.0\.1:\d+\.$/
    ],
    [
      'oidc',
      /^GitHub OIDC token \(GET \/oidc\/token\) failed 5 times; the last attempt: no answer within 1 s\.$/
    ]
  ] as [keyof typeof WHAT, RegExp][])(
    'ends with one error naming the call when %s never answers, and the process exits',
    async (endpoint, message) => {
      const { run, hub } = await attempt({
        faults: { [endpoint]: Array<Fault>(5).fill('hang') }
      })
      expect(run.exitCode).toBe(1)
      expect(errorsOf(run)).toEqual([expect.stringMatching(message)])
      expect(hub.published).toEqual([])
      // Five attempts, each ended by its one-second limit, with a backoff of 0.1 s doubling
      // (jittered down to half) between them: what the log says and the stand-in saw.
      const seen = retries(run, WHAT[endpoint])
      expect(seen.map(r => [r.attempt, r.reason])).toEqual(
        [2, 3, 4, 5].map(n => [n, 'no answer within 1 s'])
      )
      // 0.1, 0.2, 0.4, 0.8 s, each between half and all of it, shown to a tenth (0.05 as 0.1).
      const shown = [
        [0.1, 0.1],
        [0.1, 0.2],
        [0.2, 0.4],
        [0.4, 0.8]
      ]
      seen.forEach(({ waitS }, i) => {
        expect(waitS).toBeGreaterThanOrEqual(shown[i][0])
        expect(waitS).toBeLessThanOrEqual(shown[i][1])
      })
      const arrivals = calls(hub, endpoint).map(entry => entry.at)
      expect(arrivals).toHaveLength(5)
      // Each attempt came after the one before it had run out its limit and the wait.
      arrivals.slice(1).forEach((at, i) => {
        expect(at - arrivals[i]).toBeGreaterThanOrEqual(seen[i].waitS * 1000)
      })
    }
  )

  it('stops at the overall bound of the publish, naming the call that kept failing', async () => {
    const { run, hub } = await attempt(
      { faults: { stage: Array<Fault>(5).fill('hang') } },
      { FLAKEHUB_PUSH_TIMEOUT_STAGE: '2', FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET: '3' }
    )
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^FlakeHub stage \(POST \/api\/upload\/\S+\) was still failing when the overall time bound of the publish ran out; the last attempt: .*\. The bound is set by FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET \(seconds\)\.$/
      )
    ])
    // The bound, not the count of attempts, ended it: fewer than five, each ended by the
    // 2 s limit, and nothing asked after it.
    const stages = calls(hub, 'stage').length
    expect(stages).toBeGreaterThanOrEqual(1)
    expect(stages).toBeLessThan(5)
    expect(retries(run, WHAT.stage)).toEqual(
      Array.from({ length: stages - 1 }, (_, i) => ({
        attempt: i + 2,
        reason: 'no answer within 2 s',
        waitS: expect.any(Number)
      }))
    )
    expect(calls(hub, 'upload')).toEqual([])
    expect(calls(hub, 'publish')).toEqual([])
    expect(hub.published).toEqual([])
  })

  it('names the variable when a limit in the environment is not a number of seconds, before running Nix', async () => {
    const nix = nixWrapper('touch "$DIR/called"\nexec "$REAL_NIX" "$@"')
    const { run, hub } = await attempt(
      {},
      { FLAKEHUB_PUSH_TIMEOUT_STAGE: 'soon', FLAKEHUB_PUSH_RETRY_DELAY: '-1', PATH: nix.path }
    )
    expect(run.exitCode).toBe(1)
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(
        /^Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`: "soon" is not a number of seconds.*\nEnvironment variable `FLAKEHUB_PUSH_RETRY_DELAY`: "-1" is not a number of seconds/s
      )
    ])
    expect(hub.log).toEqual([])
    expect(fs.existsSync(path.join(nix.dir, 'called'))).toBe(false)
  })
})
