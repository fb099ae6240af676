/**
 * The pipeline, wherever it runs: settings → checks → repository facts → source → evaluation
 * and tarball → release → dry run, or token and publish → report. The {@link Place} says how
 * each place-bound step is done, and the {@link Services} (built by the entry point) how the run
 * reaches the world; nothing below asks where it is.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { writeRelease } from './dry-run.js'
import { Cancelled, InputError, errorMessage } from './errors.js'
import { evaluate } from './evaluate/evaluate.js'
import { Evaluator } from './evaluate/evaluator.js'
import { type FlakeRoot, LocatedError, locateError } from './evaluate/position.js'
import type { Log, PhaseLog } from './log.js'
import { type CommandRunner, stoppedBy } from './process/command.js'
import { PackingPriority } from './process/priority.js'
import type { Place } from './places/place.js'
import { publishRelease, uploadSizeProblem } from './flakehub/publish.js'
import { type EvaluatedFlake, type Release, type RepositoryFacts, makeRelease } from './release.js'
import type { Services } from './services.js'
import type { Reading, Settings } from './settings/settings.js'
import { SETTINGS } from './settings/table.js'
import { type NamedCommit, nameCommit } from './source/commit.js'
import { packWhileLocating } from './source/early-pack.js'
import { useFastTmpdir } from './source/fast-tmpdir.js'
import { type FlakeSource, findReadme, locateSource } from './source/locate.js'
import { Nix } from './source/nix.js'
import type { VerifiedTarball } from './source/verify.js'
import { Phases, allOrStop, untilStopped } from './timing.js'

/**
 * One run. Cancelling it (`services.signal`, aborted by the entry point on SIGINT or SIGTERM)
 * stops every child and the packing, and no service is asked anything after it: the run then
 * reports that it was cancelled, with the signal's exit status.
 */
export async function run(place: Place, reading: Reading, services: Services): Promise<void> {
  const { reporter, signal } = services
  const scratch = new Scratch()
  const phases = new Phases(reporter)
  const state = { publishing: false }
  try {
    const settings = accept(place, reading, services)
    const { release, facts } = await prepare(place, settings, services, phases, scratch)
    signal.throwIfAborted()
    if (settings.destDir !== undefined) {
      const tooBig = uploadSizeProblem(release, settings.spelling)
      if (tooBig !== undefined) reporter.warning(`FlakeHub would refuse this release. ${tooBig}`)
      const written = await writeRelease(release, settings.destDir)
      reporter.info(
        `Dry run: wrote ${written.tarball} and ${written.metadata}; nothing was published.`
      )
      await reporter.finished(release, 'dry-run', phases.timings, { destDir: settings.destDir })
      return
    }
    const outcome = await publish(place, settings, release, facts, services, phases, state)
    await reporter.finished(release, outcome, phases.timings, { host: settings.host })
  } catch (error) {
    await scratch.remove() // before saying so
    const { reason } = signal
    if (signal.aborted && reason instanceof Cancelled)
      await reporter.failed(reason.report(state.publishing), reason.exitCode)
    else {
      const failure = signal.aborted ? reason : error
      const at = failure instanceof LocatedError ? failure.at : undefined
      await reporter.failed(errorMessage(failure), undefined, at)
    }
  } finally {
    await scratch.remove()
  }
}

/**
 * The settings, once their secrets are kept out of the log (the place's first: the runner
 * ignores a mask that comes after the text it should hide), their warnings shown, and both
 * they and the place found fit for a run; else the one error that says what to change.
 */
function accept(place: Place, reading: Reading, services: Services): Settings {
  for (const secret of [...place.secrets, ...reading.secrets]) services.secrets.add(secret)
  for (const warning of reading.warnings) services.reporter.warning(warning)
  for (const note of reading.notes) services.reporter.info(note)
  if (reading.problems !== undefined) throw new InputError(reading.problems)
  place.check(reading.settings, services.now())
  services.signal.throwIfAborted()
  return reading.settings
}

/** Everything before any token: the commit, its facts, the evaluation and the tarball. */
async function prepare(
  place: Place,
  settings: Settings,
  services: Services,
  phases: Phases,
  scratch: Scratch
): Promise<{ release: Release; facts: RepositoryFacts }> {
  const { reporter: log, signal } = services
  // Every nix and git of the run is stopped when it is cancelled.
  const runner = stoppedBy(services.runner, signal)
  const nix = new Nix(runner, log)
  await nix.require({ log: line => log.debug(line) })
  const { commit, facts } = await phases.run('Repository', async phaseLog => {
    const { ref } = settings.spelling
    const wording = { rev: ref(SETTINGS.rev), gitRoot: ref(SETTINGS.gitRoot) }
    const commit = await nameCommit(runner, settings, wording, phaseLog)
    return { commit, facts: await place.facts(settings, commit, { ...services, log }) }
  })
  signal.throwIfAborted()
  const folder = await scratch.create(settings.destDir ?? place.scratchBase)
  const packing = new PackingPriority(services.priority, message => log.debug(message))
  const evaluator = new Evaluator(nix, folder)
  const work = { runner, nix, evaluator, phases, log, signal, packing }
  const tarballPath = path.join(folder, 'source.tar.gz')
  const flake = await locateEvaluateAndPack(work, settings, commit, scratch, tarballPath)
  return { release: makeRelease(settings, facts, flake), facts }
}

/** What locating, evaluating and packing work with. */
interface Work {
  runner: CommandRunner
  nix: Nix
  evaluator: Evaluator
  phases: Phases
  log: Log
  signal: AbortSignal
  /** Packing's priority: its runner, and the step back once `nix` evaluates. */
  packing: PackingPriority
}

/**
 * Two lines side by side, from the moment the commit is known: Nix locates the flake (with a
 * fast TMPDIR where one helps), then the evaluation and the README follow; beside it, the
 * tarball is packed from Git and, once Nix has located the flake, confirmed against it (or
 * packed again from the store path). The first failure stops the rest, and so does aborting
 * `signal`.
 */
async function locateEvaluateAndPack(
  work: Work,
  settings: Settings,
  commit: NamedCommit,
  scratch: Scratch,
  tarballPath: string
): Promise<EvaluatedFlake> {
  const { runner, nix, evaluator, phases, log, signal, packing } = work
  let found!: (source: FlakeSource) => void
  const located = new Promise<FlakeSource>(resolve => (found = resolve))
  const [[source, outputs, readme], tarball] = await allOrStop(
    [
      async stop => {
        const source = await phases.run('Locate flake', async phaseLog => {
          // Written now, off the evaluation's path; an error is told as detail here, and comes
          // again, as the run's failure, with the evaluation.
          if (!settings.myFlakeIsTooBig)
            void evaluator.prepare().catch((error: unknown) => {
              log.debug(`Could not write the inspect flake yet: ${errorMessage(error)}`)
            })
          scratch.alsoRemove(await useFastTmpdir(runner, nix, commit, phaseLog, { signal: stop }))
          return locateSource(nix, commit, phaseLog)
        })
        found(source)
        const [outputs, readme] = await allOrStop(
          [
            stop =>
              evaluate(evaluator, source.flakeRef, settings, phases, stop, packing).catch(
                (error: unknown) => {
                  throw locateError(error, rootOf(source))
                }
              ),
            stop => findReadme(source.sourceDir, stop)
          ] as const,
          stop
        )
        return [source, outputs, readme] as const
      },
      stop => phases.run('Package', log => pack(work, commit, located, tarballPath, log, stop))
    ] as const,
    signal
  )
  return { source, outputs, readme, tarball }
}

/**
 * How Nix names the flake's source in a trace: its store path (its folder, less the subflake's
 * path in it), and the commit of its locked URL.
 */
function rootOf(source: FlakeSource): FlakeRoot {
  const dir = source.metadata.resolved?.dir ?? ''
  const storePath =
    dir === '' ? source.sourceDir : path.join(source.sourceDir, ...dir.split('/').map(() => '..'))
  const revision = /[?&]rev=([0-9a-f]+)/.exec(source.flakeRef)?.[1]
  return revision === undefined ? { storePath } : { storePath, revision }
}

/** The tarball, packed from Git while Nix locates the flake, and checked against Nix's source. */
async function pack(
  work: Work,
  commit: NamedCommit,
  located: Promise<FlakeSource>,
  tarballPath: string,
  log: PhaseLog,
  stop: AbortSignal
): Promise<VerifiedTarball> {
  const source = untilStopped(located, stop)
  const tarball = await packWhileLocating(
    work.packing.runner(work.runner),
    work.nix,
    commit,
    source,
    tarballPath,
    log,
    stop
  )
  log.info(`Tarball: ${tarball.size} bytes, ${tarball.entries} entries, sha256 ${tarball.sha256}`)
  return tarball
}

/** The late token, then FlakeHub: only with a finished release in hand. */
async function publish(
  place: Place,
  settings: Settings,
  release: Release,
  facts: RepositoryFacts,
  services: Services,
  phases: Phases,
  state: { publishing: boolean }
): ReturnType<typeof publishRelease> {
  const { reporter: log, signal } = services
  const calls = { ...services, log }
  const publishing = {
    ...calls,
    idToken: place.idToken(settings, facts, calls),
    owner: await place.owner(settings)
  }
  signal.throwIfAborted()
  state.publishing = true
  return phases.run('Upload', () => publishRelease(release, settings, publishing))
}

/** The run's scratch folder for the tarball, removed at the end whatever happens. */
class Scratch {
  private folder: string | undefined
  private others: string[] = []

  /** A fresh folder under `base` (the dry run's folder, or a temporary one). */
  async create(base: string): Promise<string> {
    await fs.mkdir(base, { recursive: true })
    this.folder = await fs.mkdtemp(path.join(base, '.flakehub-push-'))
    return this.folder
  }

  /** Remove `folder` too, at the end (Nix's fast TMPDIR). */
  alsoRemove(folder: string | undefined): void {
    if (folder !== undefined) this.others.push(folder)
  }

  async remove(): Promise<void> {
    const folders = [...(this.folder === undefined ? [] : [this.folder]), ...this.others]
    this.folder = undefined
    this.others = []
    await Promise.all(folders.map(folder => fs.rm(folder, { recursive: true, force: true })))
  }
}
