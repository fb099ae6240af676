/**
 * Where a run happens, decided once by the entry point: how it is reported, what is checked
 * before any Nix call, where the repository facts come from, and where the token comes from.
 * The pipeline in main.ts takes one {@link Place} and never asks where it is.
 */
import * as os from 'node:os'
import { NamedCommit } from './commit.js'
import { githubFacts, refusePullRequest } from './github-context.js'
import { httpClientTransport } from './http.js'
import { RepositoryFacts } from './release.js'
import { Reporter, githubReporter } from './reporter.js'
import { Settings } from './settings.js'
import { log as reporterLog } from './reporter.js'
import { PhaseLog } from './timing.js'
import { IdTokenSource, githubIdToken } from './token.js'

export interface Place {
  reporter: Reporter
  /**
   * Tokens this place holds from the start (in its environment): masked before anything is
   * printed, since the runner ignores a mask that comes after a text it should hide.
   */
  secrets: string[]
  /** Refuse, before any Nix call, a run that cannot succeed here (e.g. no way to get a token). */
  check(settings: Settings): void
  /** How messages name a setting: `rev` (an action input), `--rev` (a flag). */
  settingName(name: string): string
  /**
   * What the repository says of the commit being published (see commit.ts); its HTTP calls are
   * broken off when `signal` is aborted.
   */
  facts(
    settings: Settings,
    commit: NamedCommit,
    log: PhaseLog,
    signal?: AbortSignal
  ): Promise<RepositoryFacts>
  /**
   * The late token source. Only {@link Credential.forRelease} calls it, with a finished
   * release in hand; building it reads no token.
   */
  idToken(settings: Settings, facts: RepositoryFacts): IdTokenSource
  /** The owner to name when FlakeHub does not know it. */
  owner(settings: Settings): Promise<string>
  /** Where the scratch folder for the tarball goes when there is no dry-run folder. */
  scratchBase: string
}

/** How a local history that is too short is treated. */
export interface ShallowHistory {
  /** How to fetch the whole history here. */
  deepen: string
  /**
   * Refuse a rolling release from a shallow clone (its version counts the commits, and would
   * sort before the last one published) instead of warning.
   */
  refuseRolling: boolean
}

/** Facts from local Git alone: no topics and no licence (`spdx-expression` says it). */
export async function localFacts(
  settings: Settings,
  commit: NamedCommit,
  shallow: ShallowHistory = {
    deepen: 'Use `fetch-depth: 0` with actions/checkout to count every commit.',
    refuseRolling: false
  }
): Promise<RepositoryFacts> {
  const { revision } = commit
  if (commit.shallow && settings.version.kind === 'rolling' && shallow.refuseRolling) {
    throw new Error(
      `The checkout at ${commit.top} is a shallow clone, so it cannot count the commits that lead to ` +
        `${revision}, and a rolling version is made of that count: it would be too low, and sort ` +
        `before the releases already published. ${shallow.deepen}`
    )
  }
  const commitCount = await commit.git.commitCount(revision)
  if (commit.shallow) {
    reporterLog.warning(
      `The checkout at ${commit.top} is shallow, so its commit count (${commitCount}) is too low. ${shallow.deepen}`
    )
  }
  return { revision, commitCount, topics: [], spdxIdentifier: null }
}

/** Facts from GitHub's GraphQL API, for the commit being published. */
export function graphqlFacts(
  settings: Settings,
  commit: NamedCommit,
  graphqlUrl: string,
  signal?: AbortSignal
): Promise<RepositoryFacts> {
  return githubFacts(
    httpClientTransport(signal),
    graphqlUrl,
    settings.githubToken,
    settings.repository,
    commit.revision,
    settings.timeouts
  )
}

/** GitHub Actions: GraphQL facts (local Git in a dry run), the job's OIDC token, workflow commands. */
export function githubPlace(
  options: {
    env?: NodeJS.ProcessEnv
    graphqlUrl?: string
    /** The owner named in the event; the repository's owner by default. */
    eventOwner?: () => Promise<string | undefined>
  } = {}
): Place {
  const env = options.env ?? process.env
  const graphqlUrl =
    options.graphqlUrl || env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql'
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim()
  return {
    reporter: githubReporter,
    secrets: requestToken ? [requestToken] : [],
    check(settings) {
      if (settings.destDir === undefined) refusePullRequest(env.GITHUB_EVENT_NAME)
    },
    settingName: name => `\`${name}\``,
    facts: (settings, commit, _log, signal) =>
      settings.destDir !== undefined
        ? localFacts(settings, commit)
        : graphqlFacts(settings, commit, graphqlUrl, signal),
    idToken: settings => githubIdToken(settings.timeouts),
    owner: async settings => (await options.eventOwner?.()) ?? settings.repository.split('/')[0],
    scratchBase: env.RUNNER_TEMP ?? os.tmpdir()
  }
}
