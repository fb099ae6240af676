/**
 * What every place's report says of a finished run, in the same words: the heading of each
 * outcome, the flake's page on FlakeHub, and the four outputs (the action's step outputs,
 * the command's outputs file), named as `action.yml` declares them.
 */
import type { Outcome, ShownRelease } from './log.js'

export const HEADINGS: Record<Outcome, string> = {
  published: 'Published',
  'already-published': 'Already published',
  'dry-run': 'Dry run: packed, not published'
}

/** The flake's page on the FlakeHub website, for an API host such as `https://api.flakehub.com`. */
export function flakePage(host: string, release: ShownRelease): string {
  const web = new URL(host)
  web.hostname = web.hostname.replace(/^api\./, '')
  const base = web.origin
  return `${base}/flake/${release.uploadName}/${encodeURIComponent(release.version)}`
}

/** The outputs of a run, by name: set on success, after a dry run, and on an accepted conflict. */
export function outputsOf(release: ShownRelease): Record<string, string> {
  return {
    flake_name: release.uploadName,
    flake_version: release.version,
    flakeref_at_least: release.flakeRefs.atLeast,
    flakeref_exact: release.flakeRefs.exact
  }
}
