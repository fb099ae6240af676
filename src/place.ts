/**
 * Where a run happens, decided once by the entry point: how it is reported, what is checked
 * before any Nix call, where the repository facts come from, and where the token comes from.
 * The pipeline in main.ts takes one {@link Place} and never asks where it is.
 */
import * as os from 'node:os'
import { processRunner } from './command.js'
import { Git } from './git.js'
import { githubFacts, refusePullRequest } from './github-context.js'
import { httpClientTransport } from './http.js'
import { RepositoryFacts } from './release.js'
import { Reporter, githubReporter } from './reporter.js'
import { Settings } from './settings.js'
import { PhaseLog } from './timing.js'
import { IdTokenSource, githubIdToken } from './token.js'

export interface Place {
  reporter: Reporter
  /** Refuse, before any Nix call, a run that cannot succeed here (e.g. no way to get a token). */
  check(settings: Settings): void
  facts(settings: Settings, log: PhaseLog): Promise<RepositoryFacts>
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

/** Facts from local Git alone: no topics and no licence (`spdx-expression` says it). */
export async function localFacts(
  settings: Settings,
  log: PhaseLog,
  deepen?: string
): Promise<RepositoryFacts> {
  const git = new Git(processRunner, settings.gitRoot, log)
  const revision = await git.resolveRevision(settings.rev)
  return {
    revision,
    commitCount: await git.commitCount(revision, deepen),
    topics: [],
    spdxIdentifier: null
  }
}

/** Facts from GitHub's GraphQL API, for the checked-out commit or the `rev` given. */
export async function graphqlFacts(
  settings: Settings,
  log: PhaseLog,
  graphqlUrl: string
): Promise<RepositoryFacts> {
  // GitHub confirms the revision; a full SHA given as `rev` need not be in a shallow clone.
  const git = new Git(processRunner, settings.gitRoot, log)
  const revision = settings.rev ?? (await git.resolveRevision(undefined))
  return githubFacts(
    httpClientTransport(),
    graphqlUrl,
    settings.githubToken,
    settings.repository,
    revision,
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
  return {
    reporter: githubReporter,
    check(settings) {
      if (settings.destDir === undefined) refusePullRequest(env.GITHUB_EVENT_NAME)
    },
    facts: (settings, log) =>
      settings.destDir !== undefined
        ? localFacts(settings, log)
        : graphqlFacts(settings, log, graphqlUrl),
    idToken: settings => githubIdToken(settings.timeouts),
    owner: async settings => (await options.eventOwner?.()) ?? settings.repository.split('/')[0],
    scratchBase: env.RUNNER_TEMP ?? os.tmpdir()
  }
}
