// End to end: a run cancelled by SIGINT or SIGTERM (a runner's cancel, Ctrl-C), and a run whose
// packing fails, while `nix eval` still runs and ignores SIGTERM (as Nix 2.8 does while it
// evaluates). Both bundles must stop every process of the run, leave no scratch folder, ask no
// service for a token, say so in one line, and exit with the signal's status.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionRun, runAction } from './support/action.js'
import { FLAKE, flakeHubCalls, runCli, tmp } from './support/cli.js'
import { makeRepo, sh } from './support/nix.js'
import { isGone, signalOnceEvaluating, stuckEvaluation } from './support/signals.js'
import { DEFAULT_REPOSITORY, StandIns, actionInputs, startStandIns } from './support/stand-ins.js'

let running: StandIns | undefined
const stuck: ReturnType<typeof stuckEvaluation>[] = []
afterEach(async () => {
  await running?.close()
  running = undefined
  // Should a test fail, what it left running is not left for the next ones.
  for (const pid of stuck.splice(0).flatMap(nix => nix.pids())) {
    if (!isGone(pid)) process.kill(pid, 'SIGKILL')
  }
})

/** A `nix` whose evaluation never ends (see stuckEvaluation), killed after the test. */
function stuckNix(beforeWaiting?: string): ReturnType<typeof stuckEvaluation> {
  const nix = stuckEvaluation(beforeWaiting)
  stuck.push(nix)
  return nix
}

/** A repository with the flake (and `files`), and stand-ins that know its commit. */
async function setUp(files: Record<string, string | Buffer> = {}) {
  const repo = makeRepo({ 'flake.nix': FLAKE, 'README.md': 'Read me' })
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(repo, name), content)
  }
  sh('git', ['add', '-A'], repo)
  sh('git', ['commit', '-q', '--allow-empty', '-m', 'files'], repo)
  const revision = sh('git', ['rev-parse', 'HEAD'], repo).trim()
  running = await startStandIns({
    repository: { ...DEFAULT_REPOSITORY, commits: { [revision]: 5 } }
  })
  return { repo, hub: running }
}

const STATUS = { SIGINT: 130, SIGTERM: 143 } as const

/** Every line of the run's output that says it was cancelled. */
const cancelledLines = (run: { stdout: string; stderr: string }) =>
  `${run.stdout}\n${run.stderr}`.split('\n').filter(line => /cancel/i.test(line))

/** No service was asked for a token, and FlakeHub was not called. */
function expectNoTokenAsked(hub: StandIns): void {
  expect(hub.log.filter(e => e.endpoint === 'oidc' || e.endpoint === 'issuer')).toEqual([])
  expect(hub.issuedTokens).toEqual([])
  expect(flakeHubCalls(hub)).toEqual([])
  expect(hub.problems).toEqual([])
}

/** The stuck evaluation was sent SIGTERM first, then ended by SIGKILL: none of it runs. */
function expectEvaluationGone(nix: ReturnType<typeof stuckEvaluation>): void {
  const pids = nix.pids()
  expect(pids).toHaveLength(2)
  expect(nix.terms().length).toBeGreaterThanOrEqual(1)
  expect(pids.filter(pid => !isGone(pid))).toEqual([])
}

describe('the action, cancelled', () => {
  it.each([
    ['SIGINT', undefined],
    ['SIGTERM', undefined],
    ['SIGINT', 'SIGTERM']
  ] as const)(
    'on %s (then %s while stopping) stops its Nix, removes its scratch folder and exits with the signal’s status',
    async (signal, second) => {
      const { repo, hub } = await setUp()
      const nix = stuckNix()
      const runnerTemp = tmp('runner-temp-')
      const { onStart, sent } = signalOnceEvaluating(nix, signal, second)
      const run: ActionRun = await runAction({
        workspace: repo,
        inputs: actionInputs(hub, { rolling: 'true' }),
        env: { ...hub.env, PATH: nix.path, RUNNER_TEMP: runnerTemp },
        onStart
      })
      await sent
      expect(run.exitCode).toBe(STATUS[signal])
      expect(cancelledLines(run)).toEqual([
        `::error::The run was cancelled (${signal}) before anything was published: its Nix and Git processes are stopped and its scratch folder removed.`
      ])
      expect(run.stdout).toMatch(/^::group::Evaluate \(all systems\) \(stopped in /m)
      expectEvaluationGone(nix)
      expect(fs.readdirSync(runnerTemp)).toEqual([])
      expect(hub.log.filter(e => e.endpoint === 'graphql').length).toBeGreaterThan(0)
      expectNoTokenAsked(hub)
    }
  )
})

describe('the command, cancelled', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s stops its Nix, removes its scratch folder and exits with the signal’s status',
    async signal => {
      const { repo, hub } = await setUp()
      const nix = stuckNix()
      const tmpdir = tmp('cli-tmpdir-')
      const { onStart, sent } = signalOnceEvaluating(nix, signal)
      const run = await runCli({
        cwd: repo,
        args: [
          '--visibility',
          'public',
          '--rolling',
          '--host',
          hub.host,
          '--jwt-issuer-uri',
          hub.baseUrl,
          '--github-graphql-url',
          hub.env.GITHUB_GRAPHQL_URL
        ],
        env: {
          PATH: nix.path,
          TMPDIR: tmpdir,
          FLAKEHUB_PUSH_REPOSITORY: 'owner/project',
          FLAKEHUB_PUSH_GITHUB_TOKEN: hub.githubToken
        },
        onStart
      })
      await sent
      expect(run.exitCode).toBe(STATUS[signal])
      expect(cancelledLines(run)).toEqual([
        `error: The run was cancelled (${signal}) before anything was published: its Nix and Git processes are stopped and its scratch folder removed.`
      ])
      expect(run.stdout).toMatch(/^== Evaluate \(all systems\) \(stopped in /m)
      expectEvaluationGone(nix)
      expect(fs.readdirSync(tmpdir)).toEqual([])
      expectNoTokenAsked(hub)
    }
  )
})

describe('packing that fails while Nix evaluates', () => {
  it('is reported without waiting for the evaluation, which is stopped', async () => {
    // 32 MB that do not compress, on a disk of 48 MB: packing from Git (the tar, then the
    // .tar.gz) runs out of room whatever the timing; packing again from the store path, which
    // starts with the evaluation and takes a second or so, has room until the disk fills up.
    const { repo, hub } = await setUp({ 'data.bin': randomBytes(32 * 1024 * 1024) })
    const runnerTemp = tmp('full-disk-')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', runnerTemp])
    try {
      // Once the evaluation runs (and ignores SIGTERM), the disk fills up under the packing and
      // stays full: whatever is freed (packing from Git giving up) is taken again at once. The
      // filler is in the evaluation's process group, and is stopped with it.
      const filler = `'${runnerTemp}/filler'`
      const nix = stuckNix(
        `(while :; do cat /dev/zero >> ${filler} 2>/dev/null; sleep 0.01; done) &`
      )
      const run = await runAction({
        workspace: repo,
        inputs: actionInputs(hub, { rolling: 'true' }),
        env: { ...hub.env, PATH: nix.path, RUNNER_TEMP: runnerTemp }
      })
      expect(run.exitCode).toBe(1)
      const errors = run.annotations.filter(a => a.level === 'error').map(a => a.message)
      expect(errors).toEqual([expect.stringMatching(/no space left on device/i)])
      expect(errors[0]).toMatch(/tarball/)
      expect(run.stdout).toMatch(/^::group::Package \(failed in /m)
      expect(run.stdout).toMatch(/^::group::Evaluate \(all systems\) \(stopped in /m)
      expect(cancelledLines(run)).toEqual([])
      // The run ended while the evaluation would have gone on: it was stopped, not waited for.
      expectEvaluationGone(nix)
      expect(fs.readdirSync(runnerTemp)).toEqual(['filler'])
      expectNoTokenAsked(hub)
    } finally {
      execFileSync('umount', [runnerTemp])
    }
  })
})
