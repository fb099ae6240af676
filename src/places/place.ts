/**
 * Where a run happens. Each place (src/places/: GitHub Actions, GitLab CI, any other CI, a
 * developer's machine) is one module that says how it is recognised ({@link Where}) and, once
 * entered, everything that differs there ({@link Place}): the defaults of the settings, how a
 * secret is masked and a run reported, the tokens its environment holds, what is checked before
 * any Nix call, where the repository facts and the late token come from. The one list of places
 * is list.ts; the pipeline in main.ts takes one {@link Place} and never asks where it is.
 */
import type { IdTokenSource } from '../flakehub/token.js'
import type { Reporter, Verbosity } from '../log.js'
import type { RepositoryFacts } from '../release.js'
import type { Secrets } from '../secrets.js'
import type { CallServices } from '../services.js'
import type { Defaults, Settings } from '../settings/settings.js'
import type { NamedCommit } from '../source/commit.js'

/** The part of a stream a reporter writes to. */
export interface Sink {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** What a place's reporter is made with: where it writes, the run's secrets, how much to say. */
export interface ReporterOptions {
  out: Sink
  err: Sink
  secrets: Secrets
  /** As the settings ask (`-v`); a place may say more (its runner's debug mode). */
  verbosity: Verbosity
}

/** A place a run can happen in. */
export interface Where {
  /** As a person names it: `GitLab CI`. */
  readonly name: string
  /** Whether `env` is this place's (places are asked in the order of the list). */
  detect(env: NodeJS.ProcessEnv): boolean
  /** The place for a run in `env`, started in the folder `cwd`. */
  enter(env: NodeJS.ProcessEnv, cwd: string): Place
}

/** Everything that differs where a run happens, decided once by the entry point. */
export interface Place {
  readonly name: string
  /** What settings that are not given default to here. */
  defaults: Defaults
  /** How a secret is hidden from this place's log (GitHub: a mask the runner applies). */
  mask?: (value: string) => void
  /** How a run is reported here. */
  reporter(options: ReporterOptions): Reporter
  /**
   * Tokens this place holds from the start (in its environment): masked before anything is
   * printed, since the runner ignores a mask that comes after a text it should hide.
   */
  secrets: string[]
  /**
   * Refuse, before any Nix call, a run that cannot succeed here (e.g. no way to get a token);
   * `now` is the time a given token's expiry is judged by.
   */
  check(settings: Settings, now: number): void
  /** What the repository says of the commit being published (see commit.ts). */
  facts(settings: Settings, commit: NamedCommit, services: CallServices): Promise<RepositoryFacts>
  /**
   * The late token source. Only {@link Credential.forRelease} calls it, with a finished
   * release in hand; building it reads no token.
   */
  idToken(settings: Settings, facts: RepositoryFacts, services: CallServices): IdTokenSource
  /** The owner to name when FlakeHub does not know it. */
  owner(settings: Settings): Promise<string>
  /** Where the scratch folder for the tarball goes when there is no dry-run folder. */
  scratchBase: string
}
