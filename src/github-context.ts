/**
 * What GitHub knows about the repository, in one GraphQL query: commit count, topics, licence
 * and ids. Only used when publishing; a dry run asks local Git instead.
 */
import { HttpTransport, isSuccess, sendWithRetries } from './http.js'
import { RepositoryFacts } from './release.js'

const QUERY = `query ($owner: String!, $name: String!, $revision: String!) {
  repository(owner: $owner, name: $name) {
    databaseId
    owner {
      __typename
      ... on User { databaseId }
      ... on Organization { databaseId }
    }
    licenseInfo { spdxId }
    object(expression: $revision) {
      ... on Commit { history { totalCount } }
    }
    repositoryTopics(first: 20) { edges { node { topic { name } } } }
  }
}`

interface QueryResult {
  data?: {
    repository: {
      databaseId: number
      owner: { __typename: string; databaseId?: number }
      licenseInfo: { spdxId: string | null } | null
      object: { history?: { totalCount: number } } | null
      repositoryTopics: { edges: { node: { topic: { name: string } } }[] }
    } | null
  }
  errors?: { message: string }[]
}

export async function githubFacts(
  http: HttpTransport,
  graphqlUrl: string,
  token: string,
  repository: string,
  revision: string
): Promise<RepositoryFacts> {
  const [owner, name] = repository.split('/')
  const response = await sendWithRetries(http, 'GitHub GraphQL', {
    method: 'POST',
    url: graphqlUrl,
    headers: { Authorization: `bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { owner, name, revision } })
  })
  if (!isSuccess(response.status)) {
    throw new Error(
      `GitHub's GraphQL API answered ${response.status} for ${repository}: ${response.body}`
    )
  }
  const result = JSON.parse(response.body) as QueryResult
  const repo = result.data?.repository
  if (repo == null) {
    const why = result.errors?.map(e => e.message).join('; ') ?? 'no repository in the answer'
    throw new Error(
      `GitHub has no repository ${repository} that this token can see (${why}). ` +
        'Check that the repository exists and that `github-token` can read it.'
    )
  }
  const count = repo.object?.history?.totalCount
  if (count === undefined) {
    throw new Error(`GitHub does not know commit ${revision} in ${repository}. Was it pushed?`)
  }
  return {
    revision,
    commitCount: count,
    topics: repo.repositoryTopics.edges.map(edge => edge.node.topic.name),
    // GitHub says NOASSERTION for a licence it could not identify: that is no licence id.
    spdxIdentifier:
      repo.licenseInfo?.spdxId === 'NOASSERTION' ? null : (repo.licenseInfo?.spdxId ?? null),
    githubIds: { repository: repo.databaseId, owner: repo.owner.databaseId }
  }
}

/** Events a release is never published from: a pull request's code is not the repository's. */
const REFUSED_EVENTS = ['pull_request', 'pull_request_target']

/** Refuse to publish from a pull request, before anything else is done. */
export function refusePullRequest(eventName: string | undefined): void {
  if (eventName !== undefined && REFUSED_EVENTS.includes(eventName)) {
    throw new Error(
      `This run was triggered by a \`${eventName}\` event; FlakeHub releases are not published from pull requests. ` +
        'Run the action on `push` (tags or branches) or `workflow_dispatch`, or set `dest-dir` for a dry run that publishes nothing.'
    )
  }
}
