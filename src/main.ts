/**
 * The action: settings → repository facts → source → evaluation and tarball → release →
 * dry run, or token and publish → outputs and summary.
 */
import * as core from '@actions/core'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { processRunner } from './command.js'
import { writeRelease } from './dry-run.js'
import { errorMessage } from './errors.js'
import { evaluateAndPack, locateSource } from './flake-source.js'
import { refusePullRequest } from './github-context.js'
import { httpClientTransport } from './http.js'
import { Nix } from './nix.js'
import { publishRelease } from './publish.js'
import { makeRelease } from './release.js'
import { repositoryFacts } from './repository.js'
import { Settings, readSettings } from './settings.js'
import { setOutputs, writeSummary } from './summary.js'
import { Timings, phase } from './timing.js'
import { githubIdToken } from './token.js'

export async function run(): Promise<void> {
  const timings: Timings = new Map()
  let scratch: string | undefined
  try {
    const settings = readSettings()
    if (settings.destDir === undefined) refusePullRequest(process.env.GITHUB_EVENT_NAME)
    const facts = await phase(timings, 'Repository', log => repositoryFacts(settings, log))
    scratch = await scratchFolder(settings)
    const nix = new Nix(processRunner)
    const source = await phase(timings, 'Locate flake', log => locateSource(nix, settings, log))
    const flake = await evaluateAndPack(
      nix,
      settings,
      source,
      path.join(scratch, 'source.tar.gz'),
      timings
    )
    const release = makeRelease(settings, facts, flake)

    if (settings.destDir !== undefined) {
      const written = await writeRelease(release, settings.destDir)
      core.info(`Dry run: wrote ${written.tarball} and ${written.metadata}; nothing was published.`)
      setOutputs(release)
      await writeSummary(release, 'dry-run', timings, { destDir: settings.destDir })
      return
    }
    const { context } = await import('@actions/github')
    const owner: string =
      context.payload.repository?.owner?.login ?? settings.repository.split('/')[0]
    const services = { http: httpClientTransport(), idToken: githubIdToken, owner }
    const outcome = await phase(timings, 'Upload', () =>
      publishRelease(release, settings, services)
    )
    setOutputs(release)
    await writeSummary(release, outcome, timings, { host: settings.host })
  } catch (error) {
    core.setFailed(errorMessage(error))
  } finally {
    if (scratch !== undefined) await fs.rm(scratch, { recursive: true, force: true })
  }
}

/** A fresh folder for the tarball: beside the dry run's files, else under RUNNER_TEMP. */
async function scratchFolder(settings: Settings): Promise<string> {
  const base = settings.destDir ?? process.env.RUNNER_TEMP ?? os.tmpdir()
  await fs.mkdir(base, { recursive: true })
  return fs.mkdtemp(path.join(base, '.flakehub-push-'))
}
