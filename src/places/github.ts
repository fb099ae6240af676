/**
 * GitHub Actions (`GITHUB_ACTIONS=true`): the defaults from the runner's variables, workflow
 * commands and the job summary (github-reporter.ts), the repository facts from GraphQL
 * (github-graphql.ts; local Git in a dry run), and the job's OIDC token (github-token.ts). A run
 * triggered by a pull request is refused, unless it is a dry run.
 */
import * as os from 'node:os'
import { inputOf } from '../settings/setting.js'
import type { Defaults, Settings } from '../settings/settings.js'
import { SETTINGS } from '../settings/table.js'
import { graphqlFacts, localFacts } from './facts.js'
import { githubMask, githubReporter, githubVerbosity } from './github-reporter.js'
import { githubIdToken } from './github-token.js'
import type { Place, Where } from './place.js'

/** Events a release is never published from: a pull request's code is not the repository's. */
const REFUSED_EVENTS = ['pull_request', 'pull_request_target']

/** Refuse to publish from a pull request, before anything else is done. */
export function refusePullRequest(eventName: string | undefined): void {
  if (eventName !== undefined && REFUSED_EVENTS.includes(eventName)) {
    throw new Error(
      `This run was triggered by a \`${eventName}\` event; FlakeHub releases are not published from pull requests. ` +
        `Run the action on \`push\` (tags or branches) or \`workflow_dispatch\`, or set \`${inputOf(SETTINGS.destDir)}\` for a dry run that publishes nothing.`
    )
  }
}

/** The defaults a GitHub runner's variables give; the workspace is `cwd` where none is set. */
export function githubDefaults(env: NodeJS.ProcessEnv, cwd: string): Defaults {
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    workspace: env.GITHUB_WORKSPACE || cwd
  }
}

/** GitHub's GraphQL API: the one the setting names, else the runner's. */
function graphqlUrl(settings: Settings, env: NodeJS.ProcessEnv): string {
  return settings.githubGraphqlUrl || env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql'
}

/**
 * GitHub Actions, for a run in `env`. `eventOwner` says who owns the repository the event names
 * (the action reads the event; the command takes `GITHUB_REPOSITORY_OWNER`).
 */
export function githubPlace(
  env: NodeJS.ProcessEnv,
  cwd: string,
  eventOwner: () => Promise<string | undefined> = async () => env.GITHUB_REPOSITORY_OWNER
): Place {
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim()
  return {
    name: github.name,
    defaults: githubDefaults(env, cwd),
    mask: githubMask,
    reporter: ({ secrets, verbosity }) =>
      githubReporter(secrets, githubVerbosity() === 'debug' ? 'debug' : verbosity),
    secrets: requestToken ? [requestToken] : [],
    check(settings) {
      if (settings.destDir === undefined) refusePullRequest(env.GITHUB_EVENT_NAME)
    },
    facts: (settings, commit, services) =>
      settings.destDir !== undefined
        ? localFacts(settings, commit, services)
        : graphqlFacts(settings, commit, graphqlUrl(settings, env), services),
    idToken: (settings, _facts, services) =>
      githubIdToken(settings.timeouts, services.log, services.secrets),
    owner: async settings => (await eventOwner()) ?? settings.repository.split('/')[0],
    scratchBase: env.RUNNER_TEMP ?? os.tmpdir()
  }
}

export const github: Where = {
  name: 'GitHub Actions',
  // The runner sets `true`; `false` (or anything else) is a run outside Actions.
  detect: env => env.GITHUB_ACTIONS === 'true',
  enter: (env, cwd) => githubPlace(env, cwd)
}
