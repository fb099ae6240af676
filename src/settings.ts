/**
 * Reads every input of the action (or flag of the command line) once, validates it, and hands
 * on a typed {@link Settings}.
 * Nothing here runs Nix or touches the network; the only I/O is resolving `directory` on disk.
 */
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import parseSpdx from 'spdx-expression-parse'
import { BINARY_SOURCE_INPUTS, Input } from './action-io.js'
import { InputError, errorMessage } from './errors.js'
import { type Evaluators, readEvaluators } from './evaluate/evaluators.js'
import { splitLabels } from './labels.js'
import { log } from './reporter.js'
import { Timeouts, readTimeouts } from './timeouts.js'
import {
  VersionScheme,
  flakeNameProblem,
  foldRepository,
  namePartsProblem,
  quoted,
  semverOfTag
} from './naming.js'

export type Visibility = 'public' | 'unlisted' | 'private'

/** Everything the run needs to know from its inputs, validated. */
export interface Settings {
  /** Who can see the release (`hidden` is read as `unlisted`). */
  visibility: Visibility
  /** The published name ("upload name"): `name`, else `owner/project` from `repository`. */
  uploadName: string
  /** The repository as `owner/project` (subgroups folded), for GitHub look-ups. */
  repository: string
  /** The `mirror` input: the repository is mirrored by DeterminateSystems. */
  mirror: boolean
  /** Absolute, symlink-free path of the Git checkout. */
  gitRoot: string
  /** Absolute, symlink-free path of the flake's folder (inside {@link gitRoot}). */
  flakeDir: string
  /** The flake folder relative to the Git root, `""` for the root itself. */
  sourceSubdirectory: string
  /** Rolling or tagged version. */
  version: VersionScheme
  /** An explicit revision (`rev` input), else the checked-out `HEAD` is used. */
  rev: string | undefined
  /** The FlakeHub API, e.g. `https://api.flakehub.com`, without a trailing slash. */
  host: string
  /** The OIDC audience: the host name of {@link host}. */
  audience: string
  /** Token for GitHub's GraphQL API (masked as soon as it is read). */
  githubToken: string
  /** Labels from `extra-labels` (or the deprecated `extra-tags`), before merging with topics. */
  extraLabels: string[]
  /** The `spdx-expression` input, already checked to parse; undefined when empty. */
  spdxExpression: string | undefined
  /** Fail, rather than succeed quietly, when the version already exists on FlakeHub. */
  errorOnConflict: boolean
  /** Record the derivation and output paths of each flake output. */
  includeOutputPaths: boolean
  /** Skip the all-systems evaluation and send an empty outputs document. */
  myFlakeIsTooBig: boolean
  /** Dry run: write the release to this absolute folder and contact no service. */
  destDir: string | undefined
  /** The limits of every network call, from the `FLAKEHUB_PUSH_TIMEOUT_*` variables. */
  timeouts: Timeouts
  /** How many `nix` evaluate side by side (FLAKEHUB_PUSH_EVALUATORS); one per core when absent. */
  evaluators?: Evaluators
}

/** Where input values come from; `core.getInput` on a runner, a map in tests. */
export type InputReader = (name: string) => string

/** The runner context the defaults are taken from. */
export interface Defaults {
  /** `GITHUB_REPOSITORY`. */
  repository: string
  /** `GITHUB_REF_NAME`: the default tag. */
  refName: string
  /** The working directory (`GITHUB_WORKSPACE` on a runner), where `git-root` is resolved. */
  workspace: string
  /** The variable {@link repository} came from (`GITHUB_REPOSITORY` unless said; '' for none). */
  repositoryFrom?: string
  /** The variable {@link refName} came from (`GITHUB_REF_NAME` unless said). */
  refNameFrom?: string
  /** The default revision, when the place names the commit it checked out. */
  rev?: string
}

/** How problems name a setting and show what to write: as action inputs, or as flags. */
export interface Spelling {
  /** The setting a problem is about, at the start of the problem: "Input `tag`". */
  setting(name: string): string
  /** The setting mentioned in a sentence: "`tag`". */
  ref(name: string): string
  /** How to set it: "`tag: v1.2.3`" (a boolean's value is `true`). */
  write(name: string, value: string): string
}

export const INPUT_SPELLING: Spelling = {
  setting: name => `Input \`${name}\``,
  ref: name => `\`${name}\``,
  write: (name, value) => `\`${name}: ${value}\``
}

/** Settings only the command line has (the established binary's flags). */
export const CliOnly = { disableRenameSubgroups: 'disable-rename-subgroups' } as const

export function defaultsFromEnv(env: NodeJS.ProcessEnv = process.env): Defaults {
  return {
    repository: env.GITHUB_REPOSITORY ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  }
}

const VISIBILITIES: Record<string, Visibility> = {
  public: 'public',
  unlisted: 'unlisted',
  hidden: 'unlisted',
  private: 'private'
}

/**
 * Read and validate all inputs, and the time limits of `env`. Throws one {@link InputError}
 * listing every problem found, each naming its input (or variable) and saying what to write.
 */
export function readSettings(
  read: InputReader = name => core.getInput(name),
  defaults: Defaults = defaultsFromEnv(),
  spelling: Spelling = INPUT_SPELLING,
  env: NodeJS.ProcessEnv = process.env
): Settings {
  const problems: string[] = []
  const get = (name: string): string => read(name).trim()
  const complain = (name: string, problem: string): void => {
    problems.push(`${spelling.setting(name)}: ${problem}`)
  }
  const { ref, write } = spelling
  const bool = (name: string, fallback: boolean): boolean => {
    const value = get(name)
    if (value === '') return fallback
    if (/^(true|True|TRUE)$/.test(value)) return true
    if (/^(false|False|FALSE)$/.test(value)) return false
    complain(name, `"${value}" is not a boolean; write \`true\` or \`false\`.`)
    return fallback
  }

  const githubToken = read(Input.githubToken)
  if (githubToken !== '') log.secret(githubToken)

  const visibilityInput = get(Input.visibility).toLowerCase()
  const visibility = VISIBILITIES[visibilityInput]
  if (visibility === undefined) {
    complain(
      Input.visibility,
      visibilityInput === ''
        ? 'is required; write `public`, `unlisted` or `private`.'
        : `"${visibilityInput}" is not a visibility; write \`public\`, \`unlisted\` or \`private\`.`
    )
  }

  const repositoryInput = get(Input.repository) || defaults.repository
  const keepSubgroups = bool(CliOnly.disableRenameSubgroups, false)
  const name = get(Input.name)
  const nameProblem = name === '' ? undefined : flakeNameProblem(name)
  if (nameProblem !== undefined) {
    complain(Input.name, `${quoted(name)} ${nameProblem}; write it as \`owner/flake-name\`.`)
  }
  const repositoryFrom = defaults.repositoryFrom ?? 'GITHUB_REPOSITORY'
  const folded = foldRepository(repositoryInput)
  const subgroupsKept = keepSubgroups && folded !== undefined && folded !== repositoryInput
  const repository = subgroupsKept ? repositoryInput : folded
  // Each part (after folding; each segment when folding is off) may become a segment of the
  // upload path, so it must be a name part as `name`'s are.
  const partsProblem = repository === undefined ? undefined : namePartsProblem(repository)
  if (repository === undefined) {
    complain(
      Input.repository,
      repositoryInput === ''
        ? repositoryFrom === ''
          ? `is required here (nothing in the environment names the repository); write it as ${write(Input.repository, 'owner/project')}.`
          : `is empty and ${repositoryFrom} is not set; write the repository as \`owner/project\`.`
        : `${quoted(repositoryInput)} is not \`owner/project\`; write it with a "/" between owner and project.`
    )
  } else if (partsProblem !== undefined) {
    const from = get(Input.repository) === '' ? ` (taken from ${repositoryFrom})` : ''
    complain(
      Input.repository,
      `${quoted(repositoryInput)}${from} ${partsProblem}; write it as ${write(Input.repository, 'owner/project')}.`
    )
  } else if (subgroupsKept && name === '') {
    complain(
      Input.repository,
      `${quoted(repositoryInput)} has subgroups, which ${ref(CliOnly.disableRenameSubgroups)} keeps from being folded into the project name; ` +
        `say the published name with ${write(Input.name, 'owner/flake-name')}, or drop ${ref(CliOnly.disableRenameSubgroups)}.`
    )
  }

  const rolling = bool(Input.rolling, false)
  const rollingMinorInput = get(Input.rollingMinor)
  let version: VersionScheme = { kind: 'rolling', minor: 1 }
  if (rollingMinorInput !== '' && !/^\d+$/.test(rollingMinorInput)) {
    complain(
      Input.rollingMinor,
      `"${rollingMinorInput}" is not a whole number; write e.g. ${write(Input.rollingMinor, '2')}.`
    )
  } else if (!Number.isSafeInteger(Number(rollingMinorInput))) {
    complain(
      Input.rollingMinor,
      `"${rollingMinorInput}" is larger than a version number can be; write e.g. ${write(Input.rollingMinor, '2')}.`
    )
  } else if (rollingMinorInput !== '' && !rolling) {
    complain(
      Input.rollingMinor,
      `is set but ${ref(Input.rolling)} is not; add ${write(Input.rolling, 'true')} or remove it.`
    )
  } else if (rolling) {
    version = { kind: 'rolling', minor: rollingMinorInput === '' ? 1 : Number(rollingMinorInput) }
  }
  if (!rolling) {
    const explicitTag = get(Input.tag)
    const tag = explicitTag || defaults.refName
    const from =
      explicitTag === '' ? ` (taken from ${defaults.refNameFrom ?? 'GITHUB_REF_NAME'})` : ''
    const rollingInstead = write(Input.rolling, 'true')
    if (tag === '') {
      complain(
        Input.tag,
        `is empty; set ${write(Input.tag, 'v1.2.3')} for a tagged release, or ${rollingInstead}.`
      )
    } else if (semverOfTag(tag) === undefined) {
      complain(
        Input.tag,
        `"${tag}"${from} is not a SemVer version; tag the release like \`v1.2.3\`, or set ${rollingInstead}.`
      )
    }
    version = { kind: 'tag', tag }
  }

  const rev = get(Input.rev) || defaults.rev || undefined
  if (rev !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(rev)) {
    complain(Input.rev, `"${rev}" is not a full commit SHA; write all 40 hexadecimal digits.`)
  }

  const hostInput = get(Input.host) || 'https://api.flakehub.com'
  let host = hostInput
  let audience = ''
  try {
    const url = new URL(hostInput)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)')
    host = hostInput.replace(/\/+$/, '')
    audience = url.hostname
  } catch {
    complain(
      Input.host,
      `"${hostInput}" is not a URL; write e.g. ${write(Input.host, 'https://api.flakehub.com')}.`
    )
  }

  const extraLabelsInput = get(Input.extraLabels)
  const extraTagsInput = get(Input.extraTags)
  if (extraLabelsInput === '' && extraTagsInput !== '') {
    log.warning(`${ref(Input.extraTags)} is deprecated; rename it to ${ref(Input.extraLabels)}.`)
  }
  const extraLabels = splitLabels(extraLabelsInput || extraTagsInput)

  const spdxExpression = get(Input.spdxExpression) || undefined
  if (spdxExpression !== undefined) {
    try {
      parseSpdx(spdxExpression)
    } catch (error) {
      complain(
        Input.spdxExpression,
        `"${spdxExpression}" is not an SPDX license expression (${errorMessage(error)}); ` +
          'write an identifier such as `MIT` or an expression such as `MIT OR Apache-2.0`.'
      )
    }
  }

  const gitRootInput = get(Input.gitRoot) || '.'
  const gitRoot = existingDirectory(path.resolve(defaults.workspace, gitRootInput))
  let flakeDir = ''
  let sourceSubdirectory = ''
  if (gitRoot === undefined) {
    complain(
      Input.gitRoot,
      `"${gitRootInput}" is not a folder; write the path of the Git checkout.`
    )
  } else {
    const directory = get(Input.directory)
    const dir = existingDirectory(path.resolve(gitRoot, directory))
    const relative = dir === undefined ? '' : path.relative(gitRoot, dir)
    if (dir === undefined) {
      complain(
        Input.directory,
        `"${directory}" is not a folder under ${ref(Input.gitRoot)} (${gitRoot}).`
      )
    } else if (relative.startsWith('..') || path.isAbsolute(relative)) {
      complain(
        Input.directory,
        `"${directory}" resolves to ${dir}, outside ${ref(Input.gitRoot)} (${gitRoot}); write a path inside the repository.`
      )
    } else if (!fs.existsSync(path.join(dir, 'flake.nix'))) {
      complain(
        Input.directory,
        `there is no flake.nix in ${dir}; point ${ref(Input.directory)} at the folder that holds flake.nix.`
      )
    } else {
      flakeDir = dir
      sourceSubdirectory = relative.split(path.sep).join('/')
    }
  }

  const destDirInput = get(Input.destDir)
  const destDir = destDirInput === '' ? undefined : path.resolve(defaults.workspace, destDirInput)

  const settings = {
    mirror: bool(Input.mirror, false),
    errorOnConflict: bool(Input.errorOnConflict, false),
    includeOutputPaths: bool(Input.includeOutputPaths, false),
    myFlakeIsTooBig: bool(Input.myFlakeIsTooBig, false)
  }
  // Accepted for compatibility: this action never turns an error into a warning, strict or not.
  bool(Input.strictMode, false)

  const limits = readTimeouts(env)
  problems.push(...limits.problems)
  const { evaluators, problems: evaluatorProblems } = readEvaluators(env)
  problems.push(...evaluatorProblems)

  if (problems.length > 0) throw new InputError(problems)

  warnIgnoredInputs(read)
  return {
    ...settings,
    visibility: visibility as Visibility,
    uploadName: name || (repository as string),
    repository: repository as string,
    gitRoot: gitRoot as string,
    flakeDir,
    sourceSubdirectory,
    version,
    rev: rev?.toLowerCase(),
    host,
    audience,
    githubToken,
    extraLabels,
    spdxExpression,
    destDir,
    timeouts: limits.limits,
    evaluators
  }
}

/** The real path of `dir` if it is a folder, else undefined. */
function existingDirectory(dir: string): string | undefined {
  try {
    const real = fs.realpathSync(dir)
    return fs.statSync(real).isDirectory() ? real : undefined
  } catch {
    return undefined
  }
}

/** Inputs that only steered the established action's binary or its logger: one warning. */
function warnIgnoredInputs(read: InputReader): void {
  const ignoredDefaults: Record<string, string> = {
    [Input.logDirectives]: 'flakehub_push=info',
    [Input.logger]: 'full',
    'source-branch': 'main'
  }
  const set = [...BINARY_SOURCE_INPUTS, Input.logDirectives, Input.logger].filter(name => {
    const value = read(name).trim()
    return value !== '' && value !== ignoredDefaults[name]
  })
  if (set.length > 0) {
    log.warning(
      `These inputs are ignored: ${set.join(', ')}. They chose the binary or the log format of ` +
        'the established flakehub-push action; this action runs natively (use step debug logging for detail).'
    )
  }
}
