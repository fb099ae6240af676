/**
 * Any other CI, recognised by the OIDC token it hands over in `FLAKEHUB_PUSH_OIDC_TOKEN`: plain
 * text, the repository facts from local Git (a rolling release from a shallow clone refused),
 * and the defaults of the repository around the current folder (around.ts), as on a developer's
 * machine.
 */
import * as os from 'node:os'
import { aroundDefaults } from './around.js'
import { localFacts } from './facts.js'
import { CI_TOKEN, checkGivenToken, noTokenSource, variableToken } from './given-token.js'
import type { Place, Where } from './place.js'
import { placeTextReporter } from './text-reporter.js'

/** How a shallow clone is deepened outside GitHub and GitLab. */
export const UNSHALLOW = {
  deepen: 'Fetch the whole history first (`git fetch --unshallow`).',
  refuseRolling: true
}

export function ciPlace(env: NodeJS.ProcessEnv, cwd: string): Place {
  const token = (): string | undefined => env[CI_TOKEN]?.trim() || undefined
  return {
    name: ci.name,
    defaults: { ...aroundDefaults(cwd), refName: '', workspace: cwd },
    reporter: options => placeTextReporter(options, env, false),
    secrets: [token() ?? []].flat(),
    check(settings, now) {
      if (settings.destDir !== undefined) return
      const given = token()
      if (given === undefined) throw noTokenSource(settings.audience)
      checkGivenToken(CI_TOKEN, given, settings.audience, now)
    },
    facts: (settings, commit, services) => localFacts(settings, commit, services, UNSHALLOW),
    idToken: () => variableToken(env, CI_TOKEN, noTokenSource),
    owner: async settings => settings.repository.split('/')[0],
    scratchBase: os.tmpdir()
  }
}

export const ci: Where = {
  name: `CI (${CI_TOKEN})`,
  detect: env => Boolean(env[CI_TOKEN]?.trim()),
  enter: ciPlace
}
