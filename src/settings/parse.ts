/**
 * One small parser per setting: the text given (and what the rule needs beside it) in, a value
 * or one problem out. A problem says what is wrong and what to write instead; the reader
 * (read.ts) puts the setting's name before it. Nothing here reads the environment or prints.
 */
import * as path from 'node:path'
import parseSpdx from 'spdx-expression-parse'
import { errorMessage } from '../errors.js'
import type { Verbosity } from '../log.js'
import {
  flakeNameProblem,
  foldRepository,
  namePartsProblem,
  quoted,
  semverOfTag
} from '../naming.js'
import type { Setting } from './setting.js'
import type { Defaults, Evaluators, Folders, Spelling, Visibility } from './settings.js'
import { SETTINGS } from './table.js'
import { DEFAULT_TIMEOUTS, MAX_SECONDS, type Timeouts, parseSeconds } from './timeouts.js'

/** A value, or the problem that keeps the text from being one. */
export type Parsed<T> = { value: T; problem?: undefined } | { problem: string; value?: undefined }

const ok = <T>(value: T): Parsed<T> => ({ value })
const fail = <T>(problem: string): Parsed<T> => ({ problem })

/** `true` or `false` (as YAML spells them); empty is not given. */
export function parseBoolean(text: string): Parsed<boolean | undefined> {
  if (text === '') return ok(undefined)
  if (/^(true|True|TRUE)$/.test(text)) return ok(true)
  if (/^(false|False|FALSE)$/.test(text)) return ok(false)
  return fail(`"${text}" is not a boolean; write \`true\` or \`false\`.`)
}

const VISIBILITIES: Record<string, Visibility> = {
  public: 'public',
  unlisted: 'unlisted',
  hidden: 'unlisted',
  private: 'private'
}

/** `public`, `unlisted` (or `hidden`) or `private`, in any case; required. */
export function parseVisibility(text: string): Parsed<Visibility> {
  const lower = text.toLowerCase()
  const visibility = Object.hasOwn(VISIBILITIES, lower) ? VISIBILITIES[lower] : undefined
  if (visibility !== undefined) return ok(visibility)
  return fail(
    lower === ''
      ? 'is required; write `public`, `unlisted` or `private`.'
      : `"${lower}" is not a visibility; write \`public\`, \`unlisted\` or \`private\`.`
  )
}

/** The published name, `owner/flake`; empty is not given. */
export function parseName(text: string): Parsed<string | undefined> {
  if (text === '') return ok(undefined)
  const problem = flakeNameProblem(text)
  if (problem === undefined) return ok(text)
  return fail(`${quoted(text)} ${problem}; write it as \`owner/flake-name\`.`)
}

/** What the repository's rule needs beside its own text. */
export interface RepositoryContext {
  /** The place's repository, for when none is given, and the variable it came from. */
  defaults: Pick<Defaults, 'repository' | 'repositoryFrom'>
  /** `disable-rename-subgroups`: keep `a/b/c` as it is. */
  keepSubgroups: boolean
  /** Whether `name` is given (needed when subgroups are kept). */
  nameGiven: boolean
  spelling: Spelling
}

/**
 * The repository, `owner/project`, with extra segments (GitLab's subgroups) folded into the
 * project name unless they are kept; each part must be a name part, as `name`'s are.
 */
export function parseRepository(text: string, context: RepositoryContext): Parsed<string> {
  const { defaults, keepSubgroups, spelling } = context
  const given = text || defaults.repository
  const from = defaults.repositoryFrom ?? 'GITHUB_REPOSITORY'
  const write = spelling.write(SETTINGS.repository, 'owner/project')
  const folded = foldRepository(given)
  if (folded === undefined) {
    if (given !== '')
      return fail(
        `${quoted(given)} is not \`owner/project\`; write it with a "/" between owner and project.`
      )
    return fail(
      from === ''
        ? `is required here (nothing in the environment names the repository); write it as ${write}.`
        : `is empty and ${from} is not set; write the repository as \`owner/project\`.`
    )
  }
  const kept = keepSubgroups && folded !== given
  const repository = kept ? given : folded
  // Each part (after folding; each segment when folding is off) may become a segment of the
  // upload path, so it must be a name part as `name`'s are.
  const partsProblem = namePartsProblem(repository)
  if (partsProblem !== undefined) {
    const taken = text === '' ? ` (taken from ${from})` : ''
    return fail(`${quoted(given)}${taken} ${partsProblem}; write it as ${write}.`)
  }
  if (kept && !context.nameGiven) {
    const keep = spelling.ref(SETTINGS.disableRenameSubgroups)
    return fail(
      `${quoted(given)} has subgroups, which ${keep} keeps from being folded into the project name; ` +
        `say the published name with ${spelling.write(SETTINGS.name, 'owner/flake-name')}, or drop ${keep}.`
    )
  }
  return ok(repository)
}

/** A part of a rolling version (`rolling-minor`, `rolling-major`): a whole number; empty is none. */
export function parseVersionPart(
  text: string,
  setting: Setting,
  spelling: Spelling
): Parsed<number | undefined> {
  if (text === '') return ok(undefined)
  const example = spelling.write(setting, '2')
  if (!/^\d+$/.test(text)) return fail(`"${text}" is not a whole number; write e.g. ${example}.`)
  if (!Number.isSafeInteger(Number(text)))
    return fail(`"${text}" is larger than a version number can be; write e.g. ${example}.`)
  return ok(Number(text))
}

/**
 * Why a part of a rolling version cannot be given here, or undefined: `rolling-major` needs
 * `rolling-minor` (the established tool's rule and words), and either needs `rolling`.
 */
export function versionPartProblem(
  setting: Setting,
  given: { rolling: boolean; minor: boolean },
  spelling: Spelling
): string | undefined {
  if (setting === SETTINGS.rollingMajor && !given.minor) {
    const major = spelling.ref(SETTINGS.rollingMajor)
    return `You cannot set ${major} without ${spelling.ref(SETTINGS.rollingMinor)}.`
  }
  if (given.rolling) return undefined
  const rolling = spelling.ref(SETTINGS.rolling)
  return `is set but ${rolling} is not; add ${spelling.write(SETTINGS.rolling, 'true')} or remove it.`
}

/** A tag given with `rolling`: a release is one or the other, never both. */
export function rollingTagProblem(tag: string, spelling: Spelling): string {
  const rolling = spelling.ref(SETTINGS.rolling)
  return (
    `"${tag}" is given together with ${rolling}, which versions the release by its commit count and would ignore the tag; ` +
    `drop ${spelling.ref(SETTINGS.tag)} for a rolling release, or ${rolling} to publish ${tag}.`
  )
}

/** The tag of a release that is not rolling: SemVer after an optional `v`; the ref name if not given. */
export function parseTag(
  text: string,
  defaults: Pick<Defaults, 'refName' | 'refNameFrom'>,
  spelling: Spelling
): Parsed<string> {
  const tag = text || defaults.refName
  const rollingInstead = spelling.write(SETTINGS.rolling, 'true')
  if (tag === '')
    return fail(
      `is empty; set ${spelling.write(SETTINGS.tag, 'v1.2.3')} for a tagged release, or ${rollingInstead}.`
    )
  if (semverOfTag(tag) !== undefined) return ok(tag)
  const from = text === '' ? ` (taken from ${defaults.refNameFrom ?? 'GITHUB_REF_NAME'})` : ''
  return fail(
    `"${tag}"${from} is not a SemVer version; tag the release like \`v1.2.3\`, or set ${rollingInstead}.`
  )
}

/** A full commit SHA (40 or 64 hexadecimal digits), in lower case; the place's if not given. */
export function parseRev(text: string, fallback: string | undefined): Parsed<string | undefined> {
  const rev = text || fallback || undefined
  if (rev === undefined) return ok(undefined)
  if (/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(rev)) return ok(rev.toLowerCase())
  return fail(`"${rev}" is not a full commit SHA; write all 40 hexadecimal digits.`)
}

/** The FlakeHub API (http or https), without a trailing slash, and its host name: the audience. */
export function parseHost(
  text: string,
  spelling: Spelling
): Parsed<{ host: string; audience: string }> {
  const given = text || SETTINGS.host.default
  const url = URL.canParse(given) ? new URL(given) : undefined
  if (url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:'))
    return ok({ host: given.replace(/\/+$/, ''), audience: url.hostname })
  const example = spelling.write(SETTINGS.host, SETTINGS.host.default)
  return fail(`"${given}" is not a URL; write e.g. ${example}.`)
}

/** An SPDX license expression; empty is none. */
export function parseSpdxExpression(text: string): Parsed<string | undefined> {
  if (text === '') return ok(undefined)
  try {
    parseSpdx(text)
    return ok(text)
  } catch (error) {
    return fail(
      `"${text}" is not an SPDX license expression (${errorMessage(error)}); ` +
        'write an identifier such as `MIT` or an expression such as `MIT OR Apache-2.0`.'
    )
  }
}

/**
 * The Git checkout, a folder, resolved against the workspace; if not given, the place's
 * (`placeRoot`: the repository's top outside Actions), else `.`.
 */
export function parseGitRoot(
  text: string,
  workspace: string,
  folders: Folders,
  placeRoot?: string
): Parsed<string> {
  const given = text || placeRoot || SETTINGS.gitRoot.default
  const gitRoot = folders.realFolder(path.resolve(workspace, given))
  if (gitRoot !== undefined) return ok(gitRoot)
  return fail(`"${given}" is not a folder; write the path of the Git checkout.`)
}

/** The flake's folder: inside the Git checkout, holding flake.nix; the checkout if not given. */
export function parseDirectory(
  text: string,
  gitRoot: string,
  folders: Folders,
  spelling: Spelling,
  startFolder?: string
): Parsed<{ flakeDir: string; sourceSubdirectory: string }> {
  const root = spelling.ref(SETTINGS.gitRoot)
  const found = text === '' ? nearestFlake(startFolder, gitRoot, folders) : undefined
  const dir = found ?? folders.realFolder(path.resolve(gitRoot, text))
  if (dir === undefined) return fail(`"${text}" is not a folder under ${root} (${gitRoot}).`)
  const relative = path.relative(gitRoot, dir)
  if (outside(relative))
    return fail(
      `"${text}" resolves to ${dir}, outside ${root} (${gitRoot}); write a path inside the repository.`
    )
  if (!folders.exists(path.join(dir, 'flake.nix')))
    return fail(
      `there is no flake.nix in ${dir}; point ${spelling.ref(SETTINGS.directory)} at the folder that holds flake.nix.`
    )
  return ok({ flakeDir: dir, sourceSubdirectory: relative.split(path.sep).join('/') })
}

/**
 * Whether a path relative to the Git root leads out of it: `..` or a path through it, or another
 * root; `..flake` is a folder's name, inside.
 */
function outside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
}

/** The nearest folder at or above `start`, inside `gitRoot`, that holds flake.nix. */
function nearestFlake(
  start: string | undefined,
  gitRoot: string,
  folders: Folders
): string | undefined {
  let folder = start === undefined ? undefined : folders.realFolder(start)
  while (folder !== undefined) {
    const relative = path.relative(gitRoot, folder)
    if (outside(relative)) return undefined
    if (folders.exists(path.join(folder, 'flake.nix'))) return folder
    folder = relative === '' ? undefined : path.dirname(folder)
  }
  return undefined
}

/** The most evaluators a run may be given: far more than any runner has cores. */
export const MOST_EVALUATORS = 64

/** How many `nix` evaluate side by side, 1 to {@link MOST_EVALUATORS}; empty: one per core. */
export function parseEvaluators(text: string): Parsed<Evaluators> {
  if (text === '') return ok('auto')
  const count = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN
  if (count >= 1 && count <= MOST_EVALUATORS) return ok(count)
  return fail(
    `"${text}" is not a number of evaluators; write a whole number from 1 to ${MOST_EVALUATORS} ` +
      '(`1`: one `nix` evaluates everything), or leave it empty for one per core.'
  )
}

/** A limit on the network calls, in seconds, as milliseconds; empty is the default. */
export function parseLimit(text: string, limit: keyof Timeouts): Parsed<number | undefined> {
  if (text.trim() === '') return ok(undefined)
  const ms = parseSeconds(text)
  if (ms !== undefined) return ok(ms)
  return fail(
    `"${text}" is not a number of seconds above 0 and up to ${MAX_SECONDS}; write e.g. \`30\` or \`0.5\`, ` +
      `or unset it for the default (${DEFAULT_TIMEOUTS[limit] / 1000}).`
  )
}

/**
 * The outputs file, an absolute path (resolved in the current folder); empty is none. Its
 * folder must exist, so that a publish does not end in a failure after the release is out.
 */
export function parseOutputsFile(
  text: string,
  folders: Folders,
  spelling: Spelling
): Parsed<string | undefined> {
  if (text === '') return ok(undefined)
  const file = path.resolve(text)
  const folder = path.dirname(file)
  const example = spelling.write(SETTINGS.outputsFile, 'flakehub.env')
  const what = `write a file path in an existing folder, e.g. ${example}.`
  const kind = folders.kind(folder)
  if (kind === 'none')
    return fail(`the folder ${folder} does not exist; create it first, or ${what}`)
  if (kind === 'other') return fail(`${folder} is not a folder; ${what}`)
  if (folders.kind(file) === 'folder') return fail(`${file} is a folder; ${what}`)
  return ok(file)
}

/** The development JWT issuer, an http(s) URL; empty is none. */
export function parseIssuer(text: string, spelling: Spelling): Parsed<string> {
  if (text === '' || (URL.canParse(text) && /^https?:$/.test(new URL(text).protocol)))
    return ok(text)
  const example = spelling.write(SETTINGS.jwtIssuerUri, 'http://localhost:8081')
  return fail(`"${text}" is not a URL; write e.g. ${example}.`)
}

/** How much the command says: a count (`-v` given so many times, or the variable's number). */
export function parseVerbosity(text: string, spelling: Spelling): Parsed<Verbosity> {
  if (text === '') return ok('normal')
  if (!/^\d{1,3}$/.test(text))
    return fail(
      `"${text}" is not a count; write e.g. \`1\` for more detail, or give ${spelling.ref(SETTINGS.verbose)} once for each step.`
    )
  const count = Number(text)
  return ok(count === 0 ? 'normal' : count === 1 ? 'verbose' : 'debug')
}
