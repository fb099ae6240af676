/**
 * Reads every setting once, from a {@link SettingSource} (the action's inputs, or the command's
 * flags and variables), through its parser (parse.ts), and hands on a typed {@link Settings} or
 * every problem at once, time limits included, before anything runs. Nothing here prints or
 * registers anything: warnings, notes and secrets come back as data for the caller to act on;
 * the file system is only looked at (through {@link Folders}).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { splitLabels } from '../labels.js'
import type { Verbosity } from '../log.js'
import type { VersionScheme } from '../naming.js'
import {
  type Parsed,
  parseBoolean,
  parseDirectory,
  parseEvaluators,
  parseGitRoot,
  parseHost,
  parseIssuer,
  parseLimit,
  parseName,
  parseOutputsFile,
  parseRepository,
  parseRev,
  parseSpdxExpression,
  parseTag,
  parseVerbosity,
  parseVersionPart,
  parseVisibility,
  rollingTagProblem,
  versionPartProblem
} from './parse.js'
import type { Setting } from './setting.js'
import type { Defaults, Folders, Reading, SettingSource, Settings } from './settings.js'
import { ALL_SETTINGS, SETTINGS, limitSettings } from './table.js'
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts.js'

/** The file system itself. */
export const FILE_SYSTEM: Folders = {
  realFolder(folder) {
    try {
      const real = fs.realpathSync(folder)
      return fs.statSync(real).isDirectory() ? real : undefined
    } catch {
      return undefined
    }
  },
  kind(where) {
    try {
      return fs.statSync(where).isDirectory() ? 'folder' : 'other'
    } catch {
      return 'none'
    }
  },
  exists: where => fs.existsSync(where)
}

/** A source being read: each setting's text, its parser's problems, named as the source names them. */
class Reader {
  readonly problems: string[]

  constructor(readonly source: SettingSource) {
    this.problems = [...source.problems]
  }

  /** What was given for `setting`, without surrounding blanks. */
  text(setting: Setting): string {
    return this.source.value(setting).trim()
  }

  /** The value parsed, or undefined with its problem kept, named after `setting`. */
  take<T>(setting: Setting, parsed: Parsed<T>): T | undefined {
    if (parsed.problem === undefined) return parsed.value
    // Left empty because its name was misspelled: the misspelling's problem says it all.
    if (this.source.misspelled?.has(setting) && this.text(setting) === '') return undefined
    this.problems.push(`${this.source.spelling.setting(setting)}: ${parsed.problem}`)
    return undefined
  }

  /** A boolean setting; false when not given or refused. */
  flag(setting: Setting): boolean {
    return this.take(setting, parseBoolean(this.text(setting))) ?? false
  }
}

/**
 * Read and check every setting `source` gives, with the place's `defaults`: the settings, or
 * every problem found, each naming its setting and saying what to write.
 */
export function readSettings(
  source: SettingSource,
  defaults: Defaults,
  folders: Folders = FILE_SYSTEM
): Reading {
  const reader = new Reader(source)
  const githubToken = source.value(SETTINGS.githubToken)
  const secrets = githubToken === '' ? [] : [githubToken]
  const warnings: string[] = []
  const names = readNames(reader, defaults)
  const version = readVersion(reader, defaults)
  const rev = reader.take(SETTINGS.rev, parseRev(reader.text(SETTINGS.rev), defaults.rev))
  const service = readService(reader, warnings)
  const location = readLocation(reader, defaults, folders)
  const switches = {
    mirror: reader.flag(SETTINGS.mirror),
    errorOnConflict: reader.flag(SETTINGS.errorOnConflict),
    includeOutputPaths: reader.flag(SETTINGS.includeOutputPaths),
    myFlakeIsTooBig: reader.flag(SETTINGS.myFlakeIsTooBig)
  }
  const evaluatorsText = reader.text(SETTINGS.evaluators)
  const evaluators = reader.take(SETTINGS.evaluators, parseEvaluators(evaluatorsText)) ?? 'auto'
  // Accepted for compatibility: this action never turns an error into a warning, strict or not.
  reader.flag(SETTINGS.strictMode)
  const timeouts = readLimits(reader)
  const command = readCommand(reader, folders)
  const { problems } = reader
  if (problems.length > 0 || !names || !version || !service || !location)
    return { problems, warnings, notes: [], secrets }
  const ignored = source.ignored(ignoredSettings(reader))
  const settings: Settings = {
    ...names,
    ...switches,
    ...service,
    ...location,
    ...command,
    version,
    rev,
    githubToken,
    evaluators,
    timeouts,
    spelling: source.spelling
  }
  return { settings, warnings: [...warnings, ...ignored.warnings], notes: ignored.notes, secrets }
}

/** How much the command says, from its `-v` flags or variable (`normal` when refused). */
export function verbosityOf(source: SettingSource): Verbosity {
  const text = source.value(SETTINGS.verbose).trim()
  return parseVerbosity(text, source.spelling).value ?? 'normal'
}

/** Who can see the release, and under which name of which repository it is published. */
function readNames(
  reader: Reader,
  defaults: Defaults
): Pick<Settings, 'visibility' | 'uploadName' | 'repository'> | undefined {
  const visibility = reader.take(
    SETTINGS.visibility,
    parseVisibility(reader.text(SETTINGS.visibility))
  )
  const keepSubgroups = reader.flag(SETTINGS.disableRenameSubgroups)
  const name = reader.take(SETTINGS.name, parseName(reader.text(SETTINGS.name)))
  const nameGiven = reader.text(SETTINGS.name) !== ''
  const context = { defaults, keepSubgroups, nameGiven, spelling: reader.source.spelling }
  const given = reader.text(SETTINGS.repository)
  const repository = reader.take(SETTINGS.repository, parseRepository(given, context))
  if (visibility === undefined || repository === undefined) return undefined
  return { visibility, uploadName: name ?? repository, repository }
}

/** A rolling version (`<major>.<minor>.<commit count>+rev-<sha>`), or a tag. */
function readVersion(reader: Reader, defaults: Defaults): VersionScheme | undefined {
  const { spelling } = reader.source
  const rolling = reader.flag(SETTINGS.rolling)
  const minorText = reader.text(SETTINGS.rollingMinor)
  const given = { rolling, minor: minorText !== '' }
  const part = (setting: Setting): number | undefined => {
    const value = reader.take(setting, parseVersionPart(reader.text(setting), setting, spelling))
    if (value === undefined) return undefined
    const problem = versionPartProblem(setting, given, spelling)
    return problem === undefined ? value : reader.take(setting, { problem })
  }
  const minor = part(SETTINGS.rollingMinor)
  const major = part(SETTINGS.rollingMajor)
  if (rolling) {
    const tag = reader.text(SETTINGS.tag)
    if (tag !== '') return reader.take(SETTINGS.tag, { problem: rollingTagProblem(tag, spelling) })
    return { kind: 'rolling', major: major ?? 0, minor: minor ?? 1 }
  }
  const tag = reader.take(SETTINGS.tag, parseTag(reader.text(SETTINGS.tag), defaults, spelling))
  return tag === undefined ? undefined : { kind: 'tag', tag }
}

/** Where FlakeHub is, and what the release says beside its name: labels and licence. */
function readService(
  reader: Reader,
  warnings: string[]
): Pick<Settings, 'host' | 'audience' | 'extraLabels' | 'spdxExpression'> | undefined {
  const { spelling } = reader.source
  const host = reader.take(SETTINGS.host, parseHost(reader.text(SETTINGS.host), spelling))
  const labels = reader.text(SETTINGS.extraLabels)
  const tags = reader.text(SETTINGS.extraTags)
  if (labels === '' && tags !== '') {
    const [old, current] = [spelling.ref(SETTINGS.extraTags), spelling.ref(SETTINGS.extraLabels)]
    warnings.push(`${old} is deprecated; rename it to ${current}.`)
  }
  const spdx = reader.text(SETTINGS.spdxExpression)
  const spdxExpression = reader.take(SETTINGS.spdxExpression, parseSpdxExpression(spdx))
  if (host === undefined || (spdx !== '' && spdxExpression === undefined)) return undefined
  return { ...host, extraLabels: splitLabels(labels || tags), spdxExpression }
}

/** Where the flake is: the Git checkout, the flake's folder in it, and a dry run's folder. */
function readLocation(
  reader: Reader,
  defaults: Defaults,
  folders: Folders
): Pick<Settings, 'gitRoot' | 'flakeDir' | 'sourceSubdirectory' | 'destDir'> | undefined {
  const { gitRoot, directory, destDir } = SETTINGS
  const { workspace } = defaults
  const givenRoot = reader.text(gitRoot)
  const root = reader.take(gitRoot, parseGitRoot(givenRoot, workspace, folders, defaults.gitRoot))
  if (root === undefined) return undefined
  const { spelling } = reader.source
  const dir = parseDirectory(reader.text(directory), root, folders, spelling, defaults.startFolder)
  const flake = reader.take(directory, dir)
  const dest = reader.text(destDir)
  if (flake === undefined) return undefined
  return {
    gitRoot: root,
    ...flake,
    destDir: dest === '' ? undefined : path.resolve(defaults.workspace, dest)
  }
}

/** The limits of the network calls, each variable that is set applied. */
function readLimits(reader: Reader): Timeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS }
  for (const setting of limitSettings()) {
    const ms = reader.take(setting, parseLimit(reader.source.value(setting), setting.limit))
    if (ms !== undefined) timeouts[setting.limit] = ms
  }
  return timeouts
}

/** The command's own settings: where else the outputs go, the issuer, GitHub's API, the log. */
function readCommand(
  reader: Reader,
  folders: Folders
): Pick<Settings, 'outputsFile' | 'jwtIssuerUri' | 'githubGraphqlUrl'> {
  const { spelling } = reader.source
  const { outputsFile, jwtIssuerUri, githubGraphqlUrl, verbose } = SETTINGS
  const file = parseOutputsFile(reader.text(outputsFile), folders, spelling)
  const issuer = parseIssuer(reader.text(jwtIssuerUri), spelling)
  reader.take(verbose, parseVerbosity(reader.text(verbose), spelling))
  return {
    outputsFile: reader.take(outputsFile, file),
    jwtIssuerUri: reader.take(jwtIssuerUri, issuer) ?? '',
    githubGraphqlUrl: reader.text(githubGraphqlUrl) || undefined
  }
}

/** The settings given that mean nothing here (the established tool's own), with their values. */
function ignoredSettings(reader: Reader): { setting: Setting; value: string }[] {
  return ALL_SETTINGS.flatMap(setting => {
    if (setting.ignored !== true) return []
    const value = reader.text(setting)
    return value === '' || value === setting.ignoredUnless ? [] : [{ setting, value }]
  })
}
