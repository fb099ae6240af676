/**
 * The places a run can happen in, in the order they are recognised (section 13 of the
 * protocol): GitHub Actions, GitLab CI, any other CI that hands over a token, and a developer's
 * machine, which is every other. A new place is one module and one line here.
 */
import { ci } from './ci.js'
import { github } from './github.js'
import { gitlab } from './gitlab.js'
import { local } from './local.js'
import type { Where } from './place.js'

export const PLACES: readonly Where[] = [github, gitlab, ci, local]

/** The first place that recognises `env` (a developer's machine recognises any). */
export function detectPlace(env: NodeJS.ProcessEnv): Where {
  return PLACES.find(place => place.detect(env)) ?? local
}
