/**
 * The pipeline, wherever it runs: settings → checks → repository facts → source → evaluation
 * and tarball → release → dry run, or token and publish → report. The {@link Place} says how
 * each place-bound step is done; nothing below asks where it is.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { processRunner, stoppedBy } from './command.js'
import { nameCommit } from './commit.js'
import { writeRelease } from './dry-run.js'
import { Cancelled, errorMessage } from './errors.js'
import { evaluateAndPack, locateSource } from './flake-source.js'
import { httpClientTransport } from './http.js'
import { Nix } from './nix.js'
import { Place } from './place.js'
import { publishRelease } from './publish.js'
import { makeRelease } from './release.js'
import { log, useReporter } from './reporter.js'
import { Settings } from './settings.js'
import { Timings, phase } from './timing.js'

/**
 * One run. `signal` (the entry point aborts it on SIGINT or SIGTERM) stops every child and
 * the packing, and no service is asked anything after it: the run then reports that it was
 * cancelled, with the signal's exit status.
 */
export async function run(
  place: Place,
  readSettings: () => Settings,
  signal: AbortSignal
): Promise<void> {
  const { reporter } = place
  useReporter(reporter)
  const timings: Timings = new Map()
  let scratch: string | undefined
  const removeScratch = async (): Promise<void> => {
    if (scratch !== undefined) await fs.rm(scratch, { recursive: true, force: true })
    scratch = undefined
  }
  let publishing = false
  // Every nix and git of the run is stopped when it is cancelled.
  const runner = stoppedBy(processRunner, signal)
  for (const secret of place.secrets) log.secret(secret)
  try {
    const settings = readSettings()
    place.check(settings)
    const { commit, facts } = await phase(timings, 'Repository', async log => {
      const wording = { rev: place.settingName('rev'), gitRoot: place.settingName('git-root') }
      const commit = await nameCommit(runner, settings, wording, log)
      return { commit, facts: await place.facts(settings, commit, log, signal) }
    })
    signal.throwIfAborted()
    scratch = await scratchFolder(settings.destDir ?? place.scratchBase)
    const nix = new Nix(runner, scratch)
    const source = await phase(timings, 'Locate flake', log => locateSource(nix, commit, log))
    const flake = await evaluateAndPack(
      nix,
      settings,
      source,
      path.join(scratch, 'source.tar.gz'),
      timings,
      signal
    )
    const release = makeRelease(settings, facts, flake)
    signal.throwIfAborted()

    if (settings.destDir !== undefined) {
      const written = await writeRelease(release, settings.destDir)
      reporter.info(
        `Dry run: wrote ${written.tarball} and ${written.metadata}; nothing was published.`
      )
      await reporter.finished(release, 'dry-run', timings, { destDir: settings.destDir })
      return
    }
    const services = {
      http: httpClientTransport(signal),
      idToken: place.idToken(settings, facts),
      owner: await place.owner(settings),
      signal
    }
    signal.throwIfAborted()
    publishing = true
    const outcome = await phase(timings, 'Upload', () =>
      publishRelease(release, settings, services)
    )
    await reporter.finished(release, outcome, timings, { host: settings.host })
  } catch (error) {
    await removeScratch() // before saying so
    const { reason } = signal
    if (signal.aborted && reason instanceof Cancelled)
      reporter.failed(reason.report(publishing), reason.exitCode)
    else reporter.failed(errorMessage(signal.aborted ? reason : error))
  } finally {
    await removeScratch()
  }
}

/** A fresh folder for the tarball, under `base` (the dry run's folder, or a temporary one). */
async function scratchFolder(base: string): Promise<string> {
  await fs.mkdir(base, { recursive: true })
  return fs.mkdtemp(path.join(base, '.flakehub-push-'))
}
