/**
 * Where the repository facts (the commit count, topics, licence) come from: local Git, or
 * GitHub's GraphQL API. The places choose.
 */
import type { RepositoryFacts } from '../release.js'
import type { CallServices } from '../services.js'
import type { Settings } from '../settings/settings.js'
import type { NamedCommit } from '../source/commit.js'
import { githubFacts } from './github-graphql.js'

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
  services: Pick<CallServices, 'log'>,
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
    services.log.warning(
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
  services: CallServices
): Promise<RepositoryFacts> {
  return githubFacts(
    services,
    graphqlUrl,
    settings.githubToken,
    settings.repository,
    commit.revision,
    settings.timeouts
  )
}
