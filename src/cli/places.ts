/**
 * The places the command runs in, detected once in the order of section 13 of the protocol:
 * GitHub Actions, GitLab CI, any other CI with FLAKEHUB_PUSH_OIDC_TOKEN, a developer's machine.
 * Each says where the defaults, the repository facts and the (late) token come from.
 */
import * as os from 'node:os'
import { InputError } from '../errors.js'
import { refusePage } from '../answers.js'
import { HttpResponse, exchange, httpClientTransport, isSuccess, retryPolicy } from '../http.js'
import { Place, githubPlace, graphqlFacts, localFacts } from '../place.js'
import { RepositoryFacts } from '../release.js'
import { Reporter } from '../reporter.js'
import { Defaults, InputReader, Settings, defaultsFromEnv } from '../settings.js'
import { bodyStart } from '../redact.js'
import { IdTokenSource, givenTokenProblem } from '../token.js'

export type PlaceKind = 'github' | 'gitlab' | 'ci' | 'local'

export const PLACE_NAMES: Record<PlaceKind, string> = {
  github: 'GitHub Actions',
  gitlab: 'GitLab CI',
  ci: 'CI (FLAKEHUB_PUSH_OIDC_TOKEN)',
  local: "a developer's machine"
}

export function detectPlace(env: NodeJS.ProcessEnv): PlaceKind {
  if (env.GITHUB_ACTIONS) return 'github'
  if (env.GITLAB_CI) return 'gitlab'
  if (env.FLAKEHUB_PUSH_OIDC_TOKEN) return 'ci'
  return 'local'
}

/** The defaults the place's own variables give. */
export function placeDefaults(kind: PlaceKind, env: NodeJS.ProcessEnv, cwd: string): Defaults {
  if (kind === 'github') return defaultsFromEnv(env)
  if (kind === 'gitlab') {
    const tag = env.CI_COMMIT_TAG ?? ''
    return {
      repository: env.CI_PROJECT_PATH ?? '',
      repositoryFrom: 'CI_PROJECT_PATH',
      refName: tag || (env.CI_COMMIT_REF_NAME ?? ''),
      refNameFrom: tag ? 'CI_COMMIT_TAG' : 'CI_COMMIT_REF_NAME',
      workspace: env.CI_PROJECT_DIR || cwd,
      rev: env.CI_COMMIT_SHA || undefined
    }
  }
  return { repository: '', repositoryFrom: '', refName: '', workspace: cwd }
}

export const GITLAB_TOKEN = 'GITLAB_JWT_ID_TOKEN'
export const CI_TOKEN = 'FLAKEHUB_PUSH_OIDC_TOKEN'

const idTokensBlock = (audience: string): string =>
  `id_tokens:\n  ${GITLAB_TOKEN}:\n    aud: ${audience}`

function gitlabTokenMissing(audience: string): Error {
  return new Error(
    `GitLab gave this job no ID token (${GITLAB_TOKEN} is not set), and FlakeHub needs one. ` +
      `Add this to the job in .gitlab-ci.yml:\n\n${idTokensBlock(audience)}`
  )
}

/**
 * Refuse, before the evaluation, a given token that FlakeHub would refuse after it: one that
 * is not a JWT, or that has expired already. The message names the variable, never the token.
 */
function checkGivenToken(variable: string, token: string, audience: string): void {
  const problem = givenTokenProblem(token, Date.now())
  if (problem === undefined) return
  if (variable === GITLAB_TOKEN) {
    throw new Error(
      `${GITLAB_TOKEN} ${problem}. GitLab makes this token for each job from the job's \`id_tokens:\`, and it ` +
        "lives as long as the job's timeout: declare it there (not as a variable of your own) and run the job again.\n\n" +
        idTokensBlock(audience)
    )
  }
  throw new Error(
    `${variable} ${problem}. Put a fresh OIDC token (a JWT) for the audience ${audience} into ${variable}, ` +
      'made by your CI in the same job, right before this command.'
  )
}

function noTokenSource(audience: string): Error {
  return new Error(
    `There is no way to get a FlakeHub token here: this is neither GitHub Actions nor GitLab CI, and ${CI_TOKEN} is not set. Either:\n` +
      '- run it in GitHub Actions, with `permissions: id-token: write`;\n' +
      `- run it in GitLab CI, with \`id_tokens: { ${GITLAB_TOKEN}: { aud: ${audience} } }\` in the job;\n` +
      `- in another CI, put an OIDC token for the audience ${audience} into ${CI_TOKEN};\n` +
      '- against a local FlakeHub, give `--jwt-issuer-uri <uri>` (and `--github-token`) for a development token;\n' +
      '- or make a dry run with `--dest-dir <folder>`, which needs no token.'
  )
}

/** A token the environment holds, read only when it is asked for. */
function variableToken(
  env: NodeJS.ProcessEnv,
  name: string,
  missing: (audience: string) => Error
): IdTokenSource {
  return async audience => {
    const token = env[name]?.trim()
    if (!token) throw missing(audience)
    return token
  }
}

/** GitHub-style OIDC claims for a development token (section 13 of the protocol). */
export function developmentClaims(
  issuer: string,
  settings: Settings,
  facts: RepositoryFacts,
  now = Date.now()
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
  facts: RepositoryFacts
): IdTokenSource {
  return async (_audience, signal) => {
    const url = new URL('/token', issuer).toString()
    const { connectMs, oidcMs } = settings.timeouts
    const request = {
      method: 'POST' as const,
      url,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(developmentClaims(issuer, settings, facts)),
      limits: { connectMs, answerMs: oidcMs }
    }
    const call = { what: 'Development JWT issuer', method: request.method, url }
    const read = (response: HttpResponse): string => {
      const token = response.body.trim()
      if (!isSuccess(response.status) || token === '') {
        throw new Error(
          `The development JWT issuer at ${url} answered ${response.status} with ${token === '' ? 'no token' : `"${bodyStart(token)}"`}.`
        )
      }
      refusePage(call, response) // a proxy's page is no token
      return token
    }
    return exchange(
      httpClientTransport(signal),
      call.what,
      request,
      read,
      retryPolicy(settings.timeouts)
    )
  }
}

/** How the command names a setting in messages: its flag. */
const flagName = (name: string): string => `\`--${name}\``

/** The command's place of a kind, given its flags (read) and the environment. */
export function cliPlace(
  kind: PlaceKind,
  read: InputReader,
  env: NodeJS.ProcessEnv,
  reporter: Reporter
): Place {
  const graphqlUrl = read('github-graphql-url') || undefined
  if (kind === 'github') {
    const eventOwner = async (): Promise<string | undefined> => env.GITHUB_REPOSITORY_OWNER
    return { ...githubPlace({ env, graphqlUrl, eventOwner }), reporter, settingName: flagName }
  }
  const common = {
    reporter,
    secrets: [GITLAB_TOKEN, CI_TOKEN].flatMap(name => env[name]?.trim() || []),
    settingName: flagName,
    owner: async (settings: Settings) => settings.repository.split('/')[0],
    scratchBase: os.tmpdir()
  }
  if (kind === 'gitlab') {
    return {
      ...common,
      check(settings) {
        if (settings.destDir !== undefined) return
        const token = env[GITLAB_TOKEN]?.trim()
        if (!token) throw gitlabTokenMissing(settings.audience)
        checkGivenToken(GITLAB_TOKEN, token, settings.audience)
      },
      facts: (settings, commit) =>
        localFacts(settings, commit, {
          deepen:
            "GitLab clones shallowly by default: set `GIT_DEPTH: 0` in the job's `variables:` to fetch every commit.",
          refuseRolling: true
        }),
      idToken: () => variableToken(env, GITLAB_TOKEN, gitlabTokenMissing)
    }
  }
  const shallow = {
    deepen: 'Fetch the whole history first (`git fetch --unshallow`).',
    refuseRolling: true
  }
  if (kind === 'ci') {
    return {
      ...common,
      check(settings) {
        if (settings.destDir !== undefined) return
        const token = env[CI_TOKEN]?.trim()
        if (!token) throw noTokenSource(settings.audience)
        checkGivenToken(CI_TOKEN, token, settings.audience)
      },
      facts: (settings, commit) => localFacts(settings, commit, shallow),
      idToken: () => variableToken(env, CI_TOKEN, noTokenSource)
    }
  }
  const issuer = read('jwt-issuer-uri')
  return {
    ...common,
    check(settings) {
      if (settings.destDir !== undefined) return
      if (issuer === '') throw noTokenSource(settings.audience)
      if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol))
        throw new InputError([
          `\`--jwt-issuer-uri\`: "${issuer}" is not a URL; write e.g. \`--jwt-issuer-uri http://localhost:8081\`.`
        ])
      if (settings.githubToken === '')
        throw new Error(
          '`--jwt-issuer-uri` needs `--github-token` (or FLAKEHUB_PUSH_GITHUB_TOKEN): the development token carries the repository ids that GitHub gives.'
        )
    },
    facts: (settings, commit, _log, signal) =>
      settings.destDir === undefined && settings.githubToken !== ''
        ? graphqlFacts(settings, commit, graphqlUrl ?? 'https://api.github.com/graphql', signal)
        : localFacts(settings, commit, shallow),
    idToken: (settings, facts) => developmentToken(issuer, settings, facts)
  }
}
