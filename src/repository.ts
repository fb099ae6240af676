/**
 * What the repository tells about the commit being published: from GitHub's GraphQL API when
 * publishing, from local Git in a dry run (which contacts no service).
 */
import { Git } from './git.js'
import { githubFacts } from './github-context.js'
import { processRunner } from './command.js'
import { httpClientTransport } from './http.js'
import { RepositoryFacts } from './release.js'
import { Settings } from './settings.js'
import { PhaseLog } from './timing.js'

export async function repositoryFacts(settings: Settings, log: PhaseLog): Promise<RepositoryFacts> {
  const git = new Git(processRunner, settings.gitRoot, log)
  if (settings.destDir !== undefined) {
    const revision = await git.resolveRevision(settings.rev)
    return {
      revision,
      commitCount: await git.commitCount(revision),
      topics: [],
      spdxIdentifier: null
    }
  }
  // GitHub confirms the revision; a full SHA given as `rev` need not be in a shallow clone.
  const revision = settings.rev ?? (await git.resolveRevision(undefined))
  const graphqlUrl = process.env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql'
  return githubFacts(
    httpClientTransport(),
    graphqlUrl,
    settings.githubToken,
    settings.repository,
    revision
  )
}
