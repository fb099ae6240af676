/**
 * What every place's report says of a finished run, in the same words: the heading of each
 * outcome, the flake's page on FlakeHub, and the outputs (the action's step outputs, the
 * command's outputs file), named as `action.yml` declares them.
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

/** An output of a run: what `action.yml` says of it, and its value. */
interface Output {
  description: string
  value(release: ShownRelease, outcome: Outcome): string
}

/**
 * The outputs of a run (the action's step outputs, the command's outputs file), each name spelled
 * here only: `action.yml` declares exactly these, with these descriptions (action-yml.test.ts).
 */
export const OUTPUTS: Record<string, Output> = {
  flake_name: {
    description: 'The published flake name, `owner/name`.',
    value: release => release.uploadName
  },
  flake_version: { description: 'The published version.', value: release => release.version },
  flakeref_at_least: {
    description: 'A flake reference to this version or newer, `owner/name/version`.',
    value: release => release.flakeRefs.atLeast
  },
  flakeref_exact: {
    description: 'A flake reference to exactly this version, `owner/name/=version`.',
    value: release => release.flakeRefs.exact
  },
  outcome: {
    description:
      'How the run ended: `published`, `already-published` (FlakeHub had this version; nothing was uploaded) or `dry-run`.',
    value: (_, outcome) => outcome
  }
}

/** The outputs of a run, by name: set on success, after a dry run, and on an accepted conflict. */
export function outputsOf(release: ShownRelease, outcome: Outcome): Record<string, string> {
  return Object.fromEntries(
    Object.entries(OUTPUTS).map(([name, output]) => [name, output.value(release, outcome)])
  )
}
