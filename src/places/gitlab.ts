/**
 * GitLab CI (`GITLAB_CI=true`): the defaults from GitLab's predefined variables, the log in
 * collapsible sections, the repository facts from local Git (a rolling release from a shallow
 * clone refused, since GitLab clones shallowly by default), and the job's ID token from
 * `GITLAB_JWT_ID_TOKEN`, declared under the job's `id_tokens:`.
 */
import * as os from 'node:os'
import type { Defaults } from '../settings/settings.js'
import { localFacts } from './facts.js'
import { GITLAB_TOKEN, checkGivenToken, idTokensBlock, variableToken } from './given-token.js'
import type { Place, Where } from './place.js'
import { placeTextReporter } from './text-reporter.js'

/**
 * The defaults GitLab's predefined variables give: the tag from CI_COMMIT_TAG first; the flake
 * found from the folder the job runs the command in.
 */
export function gitlabDefaults(env: NodeJS.ProcessEnv, cwd: string): Defaults {
  const tag = env.CI_COMMIT_TAG ?? ''
  return {
    repository: env.CI_PROJECT_PATH ?? '',
    repositoryFrom: 'CI_PROJECT_PATH',
    refName: tag || (env.CI_COMMIT_REF_NAME ?? ''),
    refNameFrom: tag ? 'CI_COMMIT_TAG' : 'CI_COMMIT_REF_NAME',
    workspace: env.CI_PROJECT_DIR || cwd,
    rev: env.CI_COMMIT_SHA || undefined,
    startFolder: cwd
  }
}

function gitlabTokenMissing(audience: string): Error {
  return new Error(
    `GitLab gave this job no ID token (${GITLAB_TOKEN} is not set), and FlakeHub needs one. ` +
      `Add this to the job in .gitlab-ci.yml:\n\n${idTokensBlock(audience)}`
  )
}

export function gitlabPlace(env: NodeJS.ProcessEnv, cwd: string): Place {
  const token = (): string | undefined => env[GITLAB_TOKEN]?.trim() || undefined
  return {
    name: gitlab.name,
    defaults: gitlabDefaults(env, cwd),
    reporter: options => placeTextReporter(options, env, true),
    secrets: [token() ?? []].flat(),
    check(settings, now) {
      if (settings.destDir !== undefined) return
      const given = token()
      if (given === undefined) throw gitlabTokenMissing(settings.audience)
      checkGivenToken(GITLAB_TOKEN, given, settings.audience, now)
    },
    facts: (settings, commit, services) =>
      localFacts(settings, commit, services, {
        deepen:
          "GitLab clones shallowly by default: set `GIT_DEPTH: 0` in the job's `variables:` to fetch every commit.",
        refuseRolling: true
      }),
    idToken: () => variableToken(env, GITLAB_TOKEN, gitlabTokenMissing),
    owner: async settings => settings.repository.split('/')[0],
    scratchBase: os.tmpdir()
  }
}

export const gitlab: Where = {
  name: 'GitLab CI',
  // GitLab sets `true`; a script, or gitlab-ci-local outside a job, may set `false`.
  detect: env => env.GITLAB_CI === 'true',
  enter: gitlabPlace
}
