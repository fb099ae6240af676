/**
 * What GitHub knows about the repository, in one GraphQL query: commit count, topics, licence
 * and ids. Only used when publishing; a dry run asks local Git instead.
 */
import {
  CallName,
  array,
  callRoute,
  count,
  describeAnswer,
  nullable,
  object,
  optional,
  readAnswer,
  string
} from '../flakehub/answers.js'
import { exchange, isSuccess, retryPolicy } from '../flakehub/http.js'
import type { HttpResponse, HttpTransport } from '../flakehub/wire.js'
import type { Log } from '../log.js'
import type { Secrets } from '../secrets.js'
import { RepositoryFacts } from '../release.js'
import { Timeouts } from '../settings/timeouts.js'
import { inputOf } from '../settings/setting.js'
import { SETTINGS } from '../settings/table.js'

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

/**
 * What the code reads of the answer, and nothing more: a missing repository comes with
 * `errors`; `object` is null for an unknown revision and has no `history` for a non-commit.
 */
const ANSWER = object({
  data: optional(
    nullable(
      object({
        repository: nullable(
          object({
            databaseId: count,
            owner: object({ databaseId: optional(count) }),
            licenseInfo: nullable(object({ spdxId: nullable(string) })),
            object: nullable(object({ history: optional(object({ totalCount: count })) })),
            repositoryTopics: object({
              edges: array(object({ node: object({ topic: object({ name: string }) }) }))
            })
          })
        )
      })
    )
  ),
  errors: optional(array(object({ message: string })))
})

/** Where a GraphQL call goes and how it is told: retries to `log`, `secrets` kept out. */
export interface GraphqlServices {
  http: HttpTransport
  log: Log
  secrets: Secrets
}

export async function githubFacts(
  services: GraphqlServices,
  graphqlUrl: string,
  token: string,
  repository: string,
  revision: string,
  limits: Timeouts
): Promise<RepositoryFacts> {
  const { http, log, secrets } = services
  const [owner, name] = repository.split('/')
  const request = {
    method: 'POST' as const,
    url: graphqlUrl,
    headers: { Authorization: `bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { owner, name, revision } }),
    limits: { connectMs: limits.connectMs, answerMs: limits.graphqlMs }
  }
  const call = { what: 'GitHub GraphQL', method: request.method, url: graphqlUrl }
  return exchange(
    http,
    call.what,
    request,
    response => readFacts(response, call, repository, revision, secrets),
    retryPolicy(limits, line => log.info(line), secrets)
  )
}

/** What GitHub's answer says about the commit, or one error that says what is wrong. */
export function readFacts(
  response: HttpResponse,
  call: CallName,
  repository: string,
  revision: string,
  secrets: Secrets
): RepositoryFacts {
  if (!isSuccess(response.status)) {
    throw new Error(
      `GitHub's GraphQL API could not be asked about ${repository}: ${callRoute(call)} answered ${describeAnswer(response, secrets)}.`
    )
  }
  const result = readAnswer(call, response, ANSWER, secrets)
  const repo = result.data?.repository
  if (repo == null) {
    const why =
      result.errors?.map(e => secrets.redact(e.message)).join('; ') ?? 'no repository in the answer'
    throw new Error(
      `GitHub has no repository ${repository} that this token can see (${why}). ` +
        `Check that the repository exists and that \`${inputOf(SETTINGS.githubToken)}\` can read it.`
    )
  }
  const commits = repo.object?.history?.totalCount
  if (commits === undefined) {
    throw new Error(`GitHub does not know commit ${revision} in ${repository}. Was it pushed?`)
  }
  return {
    revision,
    commitCount: commits,
    topics: repo.repositoryTopics.edges.map(edge => edge.node.topic.name),
    // GitHub says NOASSERTION for a licence it could not identify: that is no licence id.
    spdxIdentifier:
      repo.licenseInfo?.spdxId === 'NOASSERTION' ? null : (repo.licenseInfo?.spdxId ?? null),
    githubIds: { repository: repo.databaseId, owner: repo.owner.databaseId }
  }
}
