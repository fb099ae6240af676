/** Names and versions of a release: pure rules, no I/O. */
import * as semver from 'semver'

/** How the version is chosen: a rolling release counted from commits, or a tag. */
export type VersionScheme = { kind: 'rolling'; minor: number } | { kind: 'tag'; tag: string }

/**
 * `owner/project` from a repository path. Extra segments (GitLab subgroups) fold into the
 * project name with `-`: `a/b/c/d` becomes `a/b-c-d`. Returns undefined without a slash or
 * with an empty segment.
 */
export function foldRepository(repository: string): string | undefined {
  const segments = repository.split('/')
  if (segments.length < 2 || segments.some(s => s === '')) return undefined
  const [owner, ...project] = segments
  return `${owner}/${project.join('-')}`
}

/** Characters no name part may hold: they end or escape a URL's path (`?`, `#`, `%`, `\\`). */
const URL_SYNTAX = /[?#%\\]/

/**
 * Why `part` cannot be one part of a published name (an owner, a project), or undefined when
 * it can. Each part becomes a segment of FlakeHub's upload path, so it must be a plain word:
 * printable ASCII, no whitespace, not `.` or `..`, none of `? # % \\`.
 */
export function namePartProblem(part: string): string | undefined {
  if (part === '') return 'has an empty part'
  if (!/^[\x21-\x7e]+$/.test(part)) return 'must be ASCII with no whitespace'
  if (part === '.' || part === '..')
    return `cannot have "${part}" as a part (a URL reads it as a folder step)`
  const bad = URL_SYNTAX.exec(part)?.[0]
  if (bad !== undefined) return `holds "${bad}"; a name may not hold "?", "#", "%" or "\\"`
  return undefined
}

/** The first problem of any part of a `/`-separated name, or undefined when every part is fine. */
export function namePartsProblem(name: string): string | undefined {
  for (const part of name.split('/')) {
    const problem = namePartProblem(part)
    if (problem !== undefined) return problem
  }
  return undefined
}

/** Why `name` cannot be a published flake name, or undefined when it can. */
export function flakeNameProblem(name: string): string | undefined {
  if (!/^[\x21-\x7e]*$/.test(name)) return 'must be ASCII with no whitespace'
  const slashes = name.split('/').length - 1
  if (slashes !== 1) return `must contain exactly one "/" (it has ${slashes})`
  const [owner, project] = name.split('/')
  if (owner === '' || project === '') return 'needs text on both sides of the "/"'
  return namePartsProblem(name)
}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** A value as a problem quotes it: control characters escaped, so that it stays on one line. */
export function quoted(value: string): string {
  const shown = value.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x1f\x7f]/g,
    c => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
  return `"${shown}"`
}

/**
 * The SemVer part of a tag (`v1.2.3` → `1.2.3`), or undefined when the tag, after an optional
 * leading `v`, is not exactly a SemVer version.
 */
export function semverOfTag(tag: string): string | undefined {
  const bare = tag.startsWith('v') ? tag.slice(1) : tag
  // semver also accepts a second `v`, a leading `=` and surrounding blanks: rule those out.
  return /^\d\S*$/.test(bare) && semver.valid(bare) !== null ? bare : undefined
}

/** The version to publish: the tag as it is, or `0.<minor>.<commits>+rev-<revision>`. */
export function releaseVersion(
  scheme: VersionScheme,
  commitCount: number,
  revision: string
): string {
  if (scheme.kind === 'tag') return scheme.tag
  return `0.${scheme.minor}.${commitCount}+rev-${revision}`
}

/** The flake references a user copies: at least this version, and exactly this version. */
export function flakeRefs(uploadName: string, version: string): { atLeast: string; exact: string } {
  return { atLeast: `${uploadName}/${version}`, exact: `${uploadName}/=${version}` }
}
