/**
 * The pipeline, wherever it runs: settings → checks → repository facts → source → evaluation
 * and tarball → release → dry run, or token and publish → report. The {@link Place} says how
 * each place-bound step is done; nothing below asks where it is.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { processRunner } from './command.js'
import { nameCommit } from './commit.js'
import { writeRelease } from './dry-run.js'
import { errorMessage } from './errors.js'
import { evaluateAndPack, locateSource } from './flake-source.js'
import { httpClientTransport } from './http.js'
import { Nix } from './nix.js'
import { Place } from './place.js'
import { publishRelease } from './publish.js'
import { makeRelease } from './release.js'
import { log, useReporter } from './reporter.js'
import { Settings } from './settings.js'
import { Timings, phase } from './timing.js'

export async function run(place: Place, readSettings: () => Settings): Promise<void> {
  const { reporter } = place
  useReporter(reporter)
  const timings: Timings = new Map()
  let scratch: string | undefined
  for (const secret of place.secrets) log.secret(secret)
  try {
    const settings = readSettings()
    place.check(settings)
    const { commit, facts } = await phase(timings, 'Repository', async log => {
      const wording = { rev: place.settingName('rev'), gitRoot: place.settingName('git-root') }
      const commit = await nameCommit(processRunner, settings, wording, log)
      return { commit, facts: await place.facts(settings, commit, log) }
    })
    scratch = await scratchFolder(settings.destDir ?? place.scratchBase)
    const nix = new Nix(processRunner, scratch)
    const source = await phase(timings, 'Locate flake', log => locateSource(nix, commit, log))
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
      reporter.info(
        `Dry run: wrote ${written.tarball} and ${written.metadata}; nothing was published.`
      )
      await reporter.finished(release, 'dry-run', timings, { destDir: settings.destDir })
      return
    }
    const services = {
      http: httpClientTransport(),
      idToken: place.idToken(settings, facts),
      owner: await place.owner(settings)
    }
    const outcome = await phase(timings, 'Upload', () =>
      publishRelease(release, settings, services)
    )
    await reporter.finished(release, outcome, timings, { host: settings.host })
  } catch (error) {
    reporter.failed(errorMessage(error))
  } finally {
    if (scratch !== undefined) await fs.rm(scratch, { recursive: true, force: true })
  }
}

/** A fresh folder for the tarball, under `base` (the dry run's folder, or a temporary one). */
async function scratchFolder(base: string): Promise<string> {
  await fs.mkdir(base, { recursive: true })
  return fs.mkdtemp(path.join(base, '.flakehub-push-'))
}
