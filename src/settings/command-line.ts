/**
 * The command line's flags: the established binary's, each with its environment variable
 * (section 13 of the protocol), all from the table of settings. A flag wins over its variable,
 * and the variable over its older spellings; booleans are bare flags, and `true` / `false` in
 * variables. Parsed with Node's `util.parseArgs`; every mistake is collected so that all of them
 * are reported together.
 */
import { parseArgs } from 'node:util'
import { type Setting, flagOf } from './setting.js'
import type { SettingSource, Spelling } from './settings.js'
import { nearest } from './suggest.js'
import { ALL_SETTINGS, SETTINGS, limitSettings } from './table.js'
import { DEFAULT_TIMEOUTS } from './timeouts.js'

/** What the command line says, before the settings are checked. */
export interface CommandLine extends SettingSource {
  /** `--help` or `--version` was given. */
  action: 'run' | 'help' | 'version'
}

/** The settings the command has a flag for, by the flag's name. */
const BY_FLAG = new Map(
  ALL_SETTINGS.flatMap(setting => {
    const flag = flagOf(setting)
    return flag === undefined ? [] : [[flag, setting] as const]
  })
)

const bare = (setting: Setting): boolean => setting.kind === 'boolean' || setting.kind === 'count'
const flagText = (setting: Setting): string => `\`--${flagOf(setting)}\``

/** What the flags themselves say: the values given, and what was wrong with them. */
interface Given {
  values: Map<Setting, string>
  problems: string[]
  action: CommandLine['action']
  /** The settings a misspelled flag was meant for. */
  misspelled: Set<Setting>
}

/** The flags of `args`, each checked against its row: a value where one belongs, and no stray words. */
function readFlags(args: readonly string[]): Given {
  const options = Object.fromEntries(
    [...BY_FLAG].map(([flag, setting]) => [
      flag,
      {
        type: bare(setting) ? ('boolean' as const) : ('string' as const),
        ...(setting.short === undefined ? {} : { short: setting.short })
      }
    ])
  )
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const given: Given = { values: new Map(), problems: [], action: 'run', misspelled: new Set() }
  // The index a misspelled flag's value would be at, when it took one: that word is its value.
  let valueOfMisspelled = -1
  for (const token of tokens) {
    if (token.kind === 'positional' && token.index === valueOfMisspelled) continue
    if (token.kind === 'positional') {
      const example = `\`--${flagOf(SETTINGS.tag)} v1.2.3\``
      given.problems.push(
        `\`${token.value}\`: unexpected argument; every setting is a flag, such as ${example}.`
      )
    } else if (token.kind === 'option') {
      if (token.name === 'help' || token.name === 'version') {
        if (given.action === 'run') given.action = token.name
        continue
      }
      const meant = readOption(token, given)
      if (meant !== undefined && !bare(meant) && !token.inlineValue)
        valueOfMisspelled = token.index + 1
    }
  }
  return given
}

/**
 * One flag as parseArgs found it: its value kept, or its problem. An unknown flag near a known
 * one is taken for a misspelling of it: the setting meant is returned.
 */
function readOption(
  token: { name: string; rawName: string; value?: string; inlineValue?: boolean },
  given: Given
): Setting | undefined {
  const setting = BY_FLAG.get(token.name)
  const { values, problems } = given
  if (setting === undefined) {
    const meant = token.rawName.startsWith('--') ? nearest(token.name, BY_FLAG.keys()) : undefined
    if (meant === undefined) {
      problems.push(`\`${token.rawName}\`: unknown flag; \`flakehub-push --help\` lists them all.`)
      return undefined
    }
    problems.push(`\`${token.rawName}\`: unknown flag; did you mean \`--${meant}\`?`)
    given.misspelled.add(BY_FLAG.get(meant)!)
    return BY_FLAG.get(meant)
  } else if (bare(setting)) {
    if (token.inlineValue) {
      const flag = flagText(setting)
      problems.push(`${flag}: is a bare flag; write ${flag} alone, without "=${token.value}".`)
    } else if (setting.kind === 'count') {
      values.set(setting, String(Number(values.get(setting) ?? '0') + 1))
    } else values.set(setting, 'true')
  } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
    const flag = flagOf(setting)
    problems.push(`\`--${flag}\`: needs a value; write \`--${flag} ${setting.value}\`.`)
  } else {
    const before = values.get(setting)
    const list = setting.kind === 'list' && before !== undefined
    values.set(setting, list ? `${before},${token.value}` : token.value)
  }
  return undefined
}

/** The variable a setting was read from (its own or an older spelling), if one was. */
function variableOf(setting: Setting, env: NodeJS.ProcessEnv): string | undefined {
  const names = setting.variable === undefined ? [] : [setting.variable, ...(setting.aliases ?? [])]
  return names.find(name => env[name] !== undefined)
}

export function parseCommandLine(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): CommandLine {
  const { values, problems, action, misspelled } = readFlags(args)
  const fromVariable = (setting: Setting): string | undefined =>
    values.has(setting) ? undefined : variableOf(setting, env)
  const spelling: Spelling = {
    setting(setting) {
      if (setting.scope === 'environment') return `Environment variable \`${setting.variable}\``
      const variable = fromVariable(setting)
      return `${flagText(setting)}${variable === undefined ? '' : ` (from ${variable})`}`
    },
    ref: setting =>
      setting.scope === 'environment' ? `\`${setting.variable}\`` : flagText(setting),
    write: (setting, value) =>
      bare(setting) ? flagText(setting) : `\`--${flagOf(setting)} ${value}\``
  }
  return {
    action,
    problems,
    misspelled,
    spelling,
    value(setting) {
      if (setting.scope === 'action') return ''
      const variable = fromVariable(setting)
      return values.get(setting) ?? (variable === undefined ? '' : (env[variable] ?? ''))
    },
    ignored: given => ({
      warnings: [],
      notes: given.map(
        ({ setting, value }) =>
          `\`--${flagOf(setting)} ${value}\` changes nothing here (the established binary's logging): ` +
          `this command has one log; give \`-v\` for more detail.`
      )
    })
  }
}

/** `--help`: every flag with its variable and default. */
export function helpText(version: string): string {
  const flag = (setting: Setting, value: string): string => `--${flagOf(setting)} ${value}`
  const { visibility, tag, rolling, destDir, jwtIssuerUri } = SETTINGS
  const usage = `${flag(visibility, 'public')} (${flag(tag, 'v1.2.3')} | --${flagOf(rolling)})`
  const lines = [
    `flakehub-push ${version}: evaluate a Nix flake, pack its source and publish it to FlakeHub.`,
    '',
    `Usage: flakehub-push ${usage} [flags]`,
    `       flakehub-push ${flag(visibility, 'public')} --${flagOf(rolling)} ${flag(destDir, 'out')}   (a dry run: no token, no network)`,
    '',
    'Where it runs decides where the token comes from (read only after evaluation and packing):',
    "  GitHub Actions (GITHUB_ACTIONS)   the job's OIDC token (permissions: id-token: write)",
    '  GitLab CI (GITLAB_CI)             GITLAB_JWT_ID_TOKEN, declared with id_tokens: in the job',
    '  any other CI                      FLAKEHUB_PUSH_OIDC_TOKEN',
    `  a developer's machine             --${flagOf(jwtIssuerUri)}, or only a dry run with --${flagOf(destDir)}`,
    '',
    'Flags (a flag wins over its variable; booleans are bare flags, true/false in variables):'
  ]
  for (const setting of BY_FLAG.values()) lines.push(...flagHelp(setting))
  lines.push('  -h, --help       Show this text.', '  --version        Show the version.')
  lines.push('', 'Limits on the calls to GitHub and FlakeHub (variables only, in seconds):')
  for (const setting of limitSettings())
    lines.push(`  ${setting.variable.padEnd(38)} default ${DEFAULT_TIMEOUTS[setting.limit] / 1000}`)
  return lines.join('\n')
}

/** A flag's three lines in `--help`. */
function flagHelp(setting: Setting): string[] {
  const value = bare(setting) ? '' : ` <${setting.value}>`
  const short = setting.short === undefined ? '' : `, -${setting.short}${value}`
  const aliases = (setting.aliases ?? []).map(alias => `; also read from ${alias}`).join('')
  return [
    `  --${flagOf(setting)}${value}${short}`,
    `      ${setting.help}`,
    `      variable: ${setting.variable ?? '(none)'}; default: ${setting.fallback}${aliases}`
  ]
}
