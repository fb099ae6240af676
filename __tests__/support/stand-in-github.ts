// Test support: the stand-ins' GitHub: its OIDC token endpoint (and the tokens it signs), the
// development JWT issuer FlakeHub's developers run, and the GraphQL API.
import * as crypto from 'node:crypto'
import {
  RawText,
  Refusal,
  b64url,
  isJson,
  isObject,
  must,
  parseJson,
  show
} from './stand-in-http.js'
import type { Handler, Hub, Request } from './stand-in-http.js'
import { DEFAULT_REPOSITORY, DEV_AUDIENCE } from './stand-in-types.js'
import type { GraphqlRepository, StandIns } from './stand-in-types.js'

type Json = Record<string, unknown>

/** Issue tokens (JWTs signed with `hmac`) that live `lifetimeMs`, each recorded in `s`. */
export function tokenIssuer(
  s: StandIns,
  baseUrl: string,
  repository: GraphqlRepository | null,
  lifetimeMs: number,
  hmac: (data: string) => Buffer
): (aud: string, development?: true) => string {
  return (aud, development) => {
    const issuedAt = Date.now()
    const expiresAt = issuedAt + lifetimeMs
    const owner = repository?.owner ?? DEFAULT_REPOSITORY.owner
    const repo = `${owner}/${repository?.name ?? DEFAULT_REPOSITORY.name}`
    const iat = Math.floor(issuedAt / 1000)
    const exp = Math.floor(expiresAt / 1000)
    const sub = `repo:${repo}:ref:refs/heads/main`
    const claims = { repository: repo, repository_owner: owner, nbf: iat, iat, exp }
    const payload = { jti: crypto.randomUUID(), sub, aud, iss: `${baseUrl}/oidc`, ...claims }
    const header = { alg: 'HS256', typ: 'JWT' }
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`
    const token = `${unsigned}.${b64url(hmac(unsigned))}`
    s.issuedTokens.push({ token, audience: aud, issuedAt, expiresAt, development })
    return token
  }
}

/** GitHub's endpoints; the request token and GitHub token are those OIDC and GraphQL want. */
export function githubHandlers(
  hub: Hub,
  requestToken: string,
  githubToken: string
): Record<'oidc' | 'issuer' | 'graphql', Handler> {
  const { s, repository, issueToken } = hub
  function oidc({ req, url }: Request): object {
    const authorized = req.headers.authorization === `Bearer ${requestToken}`
    must(authorized, 401, 'OIDC request without "Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>"')
    const version = url.searchParams.get('api-version')
    must(version === '2.0', 400, 'OIDC request lost the api-version=2.0 of its URL')
    const owner = repository?.owner ?? DEFAULT_REPOSITORY.owner
    return { value: issueToken(url.searchParams.get('audience') ?? `https://github.com/${owner}`) }
  }

  /** The development issuer: checks the claims against the repository and answers with a token. */
  function issuer({ req, body }: Request): object {
    must(isJson(req.headers['content-type']), 400, 'issuer request is not application/json')
    const claims = parseJson(body, 'the development token request')
    must(isObject(claims), 400, `issuer claims are not an object: ${show(claims)}`)
    s.devClaims.push(claims)
    const repo = repository ?? DEFAULT_REPOSITORY
    const expected: Json = {
      aud: DEV_AUDIENCE,
      repository: `${repo.owner}/${repo.name}`,
      repository_owner: repo.owner,
      repository_id: String(repo.databaseId),
      repository_owner_id: String(repo.ownerDatabaseId)
    }
    const wrong = Object.keys(expected).filter(key => claims[key] !== expected[key])
    must(wrong.length === 0, 400, `issuer claims ${wrong.map(k => `${k}=${show(claims[k])}`)}`)
    must(typeof claims.iss === 'string' && claims.iss !== '', 400, 'issuer claims lack iss')
    return new RawText(issueToken(DEV_AUDIENCE, true))
  }

  function graphql({ req, body }: Request): object {
    const token = /^(?:bearer|token) (\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (token !== githubToken) {
      const issue = `GraphQL Authorization ${show(req.headers.authorization)} lacks the GitHub token`
      throw new Refusal(401, [issue], true, { message: 'Bad credentials' })
    }
    const type = req.headers['content-type']
    must(isJson(type), 400, `GraphQL Content-Type is ${show(type)}`)
    const request = parseJson(body, 'the GraphQL request')
    const query = isObject(request) ? request.query : undefined
    must(typeof query === 'string' && query.includes('repository'), 400, `GraphQL without query`)
    const vars = isObject(request) && isObject(request.variables) ? request.variables : {}
    const { owner, name, revision } = vars
    const named = typeof owner === 'string' && typeof name === 'string'
    must(named, 400, `GraphQL variables lack owner and name: ${show(vars)}`)
    const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
    const repo = repository
    if (repo === null || !same(owner, repo.owner) || !same(name, repo.name)) {
      const message = `Could not resolve to a Repository with the name '${owner}/${name}'.`
      const error = { type: 'NOT_FOUND', path: ['repository'], message }
      return { data: { repository: null }, errors: [error] }
    }
    const count = typeof revision === 'string' ? repo.commits[revision] : undefined
    const edges = repo.topics.map(topic => ({ node: { topic: { name: topic } } }))
    return {
      data: {
        repository: {
          databaseId: repo.databaseId,
          owner: { __typename: repo.ownerType, databaseId: repo.ownerDatabaseId },
          licenseInfo: repo.spdxId === null ? null : { spdxId: repo.spdxId },
          object: count === undefined ? null : { history: { totalCount: count } },
          repositoryTopics: { edges }
        }
      }
    }
  }

  return { oidc, issuer, graphql }
}
