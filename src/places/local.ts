/**
 * A developer's machine (none of the other places): the settings' defaults from the repository
 * around the current folder (around.ts), plain text with a status line on a terminal, the repository facts from local Git (or GraphQL with a GitHub token), and a token
 * only from a development issuer (`--jwt-issuer-uri`, for FlakeHub's own developers against a
 * local FlakeHub); otherwise only a dry run can work, which needs none.
 */
import * as os from 'node:os'
import { refusePage } from '../flakehub/answers.js'
import { exchange, isSuccess, retryPolicy } from '../flakehub/http.js'
import type { IdTokenSource } from '../flakehub/token.js'
import type { HttpResponse } from '../flakehub/wire.js'
import type { RepositoryFacts } from '../release.js'
import type { CallServices } from '../services.js'
import type { Settings } from '../settings/settings.js'
import { SETTINGS } from '../settings/table.js'
import { aroundDefaults } from './around.js'
import { UNSHALLOW } from './ci.js'
import { graphqlFacts, localFacts } from './facts.js'
import { noTokenSource } from './given-token.js'
import type { Place, Where } from './place.js'
import { placeTextReporter } from './text-reporter.js'

/** GitHub-style OIDC claims for a development token (section 13 of the protocol). */
export function developmentClaims(
  issuer: string,
  settings: Settings,
  facts: RepositoryFacts,
  now: number
): Record<string, string | number> {
  const [owner] = settings.repository.split('/')
  const iat = Math.floor(now / 1000)
  return {
    aud: 'flakehub-localhost',
    iss: issuer,
    sub: `repo:${settings.repository}:ref:refs/heads/main`,
    repository: settings.repository,
    repository_owner: owner,
    repository_id: String(facts.githubIds?.repository ?? ''),
    repository_owner_id: String(facts.githubIds?.owner ?? ''),
    sha: facts.revision,
    event_name: 'push',
    iat,
    nbf: iat,
    exp: iat + 300
  }
}

/** A development token: POST the claims to `<issuer origin>/token`; the body is the token. */
function developmentToken(
  issuer: string,
  settings: Settings,
  facts: RepositoryFacts,
  services: CallServices
): IdTokenSource {
  const { log, secrets } = services
  return async () => {
    const url = new URL('/token', issuer).toString()
    const { connectMs, oidcMs } = settings.timeouts
    const request = {
      method: 'POST' as const,
      url,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(developmentClaims(issuer, settings, facts, services.now())),
      limits: { connectMs, answerMs: oidcMs }
    }
    const call = { what: 'Development JWT issuer', method: request.method, url }
    const read = (response: HttpResponse): string => {
      const token = response.body.trim()
      if (!isSuccess(response.status) || token === '') {
        throw new Error(
          `The development JWT issuer at ${url} answered ${response.status} with ${token === '' ? 'no token' : `"${secrets.bodyStart(token)}"`}.`
        )
      }
      refusePage(call, response, secrets) // a proxy's page is no token
      return token
    }
    return exchange(
      services.http,
      call.what,
      request,
      read,
      retryPolicy(settings.timeouts, line => log.info(line), secrets)
    )
  }
}

/** Refuse a publish that has no token source, or a development token without its GitHub ids. */
function checkIssuer(settings: Settings): void {
  if (settings.destDir !== undefined) return
  if (settings.jwtIssuerUri === '') throw noTokenSource(settings.audience)
  if (settings.githubToken !== '') return
  const { ref } = settings.spelling
  const { jwtIssuerUri, githubToken } = SETTINGS
  throw new Error(
    `${ref(jwtIssuerUri)} needs ${ref(githubToken)} (or ${githubToken.variable}): the development token carries the repository ids that GitHub gives.`
  )
}

export function localPlace(env: NodeJS.ProcessEnv, cwd: string): Place {
  return {
    name: local.name,
    defaults: { ...aroundDefaults(cwd), refName: '', workspace: cwd },
    reporter: options => placeTextReporter(options, env, false),
    secrets: [],
    check: checkIssuer,
    facts: (settings, commit, services) =>
      settings.destDir === undefined && settings.githubToken !== ''
        ? graphqlFacts(
            settings,
            commit,
            settings.githubGraphqlUrl ?? 'https://api.github.com/graphql',
            services
          )
        : localFacts(settings, commit, services, UNSHALLOW),
    idToken: (settings, facts, services) =>
      developmentToken(settings.jwtIssuerUri, settings, facts, services),
    owner: async settings => settings.repository.split('/')[0],
    scratchBase: os.tmpdir()
  }
}

export const local: Where = {
  name: "a developer's machine",
  detect: () => true,
  enter: localPlace
}
