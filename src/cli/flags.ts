/**
 * The command line's flags: the established binary's, each with its environment variable
 * (section 13 of the protocol). A flag wins over its variable; booleans are bare flags, and
 * `true` / `false` in variables. Parsed with Node's `util.parseArgs`; every mistake is collected
 * so that all of them are reported together.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { InputReader, Spelling } from '../settings.js'
import { DEFAULT_TIMEOUTS, Timeouts, VARIABLES } from '../timeouts.js'

export interface Flag {
  name: string
  /** The environment variable that sets it when the flag is not given. */
  variable?: string
  boolean?: true
  /** What it means when neither is given, for `--help`. */
  fallback?: string
  /** The value shown in `--help`, e.g. `owner/project`. */
  value?: string
  help: string
}

export const FLAGS: readonly Flag[] = [
  {
    name: 'visibility',
    variable: 'FLAKEHUB_PUSH_VISIBILITY',
    value: 'public|unlisted|private',
    fallback: '(required)',
    help: 'Who can see the release.'
  },
  {
    name: 'name',
    variable: 'FLAKEHUB_PUSH_NAME',
    value: 'owner/flake',
    fallback: 'the repository',
    help: 'The published name.'
  },
  {
    name: 'repository',
    variable: 'FLAKEHUB_PUSH_REPOSITORY',
    value: 'owner/project',
    fallback: 'GITHUB_REPOSITORY, or CI_PROJECT_PATH on GitLab',
    help: 'The repository; GitLab subgroups fold into the project name.'
  },
  {
    name: 'mirror',
    variable: 'FLAKEHUB_PUSH_MIRROR',
    boolean: true,
    fallback: 'false',
    help: 'The repository is a mirror.'
  },
  {
    name: 'directory',
    variable: 'FLAKEHUB_PUSH_DIRECTORY',
    value: 'path',
    fallback: 'the Git root',
    help: "The flake's folder, relative to the Git root."
  },
  {
    name: 'git-root',
    variable: 'FLAKEHUB_PUSH_GIT_ROOT',
    value: 'path',
    fallback: '., or CI_PROJECT_DIR on GitLab',
    help: 'The Git checkout.'
  },
  {
    name: 'tag',
    variable: 'FLAKEHUB_PUSH_TAG',
    value: 'v1.2.3',
    fallback: 'GITHUB_REF_NAME, or CI_COMMIT_TAG / CI_COMMIT_REF_NAME on GitLab',
    help: 'The version of a tagged release (SemVer, optional leading v).'
  },
  {
    name: 'rev',
    variable: 'FLAKEHUB_PUSH_REV',
    value: 'sha',
    fallback: 'HEAD, or CI_COMMIT_SHA on GitLab',
    help: 'The full commit SHA to publish.'
  },
  {
    name: 'rolling-minor',
    variable: 'FLAKEHUB_PUSH_ROLLING_MINOR',
    value: 'n',
    fallback: '1',
    help: 'The minor version of rolling releases (with --rolling).'
  },
  {
    name: 'rolling',
    variable: 'FLAKEHUB_PUSH_ROLLING',
    boolean: true,
    fallback: 'false',
    help: 'Publish 0.<minor>.<commit count>+rev-<sha> instead of a tag.'
  },
  {
    name: 'host',
    variable: 'FLAKEHUB_PUSH_HOST',
    value: 'url',
    fallback: 'https://api.flakehub.com',
    help: 'The FlakeHub API.'
  },
  {
    name: 'extra-labels',
    variable: 'FLAKEHUB_PUSH_EXTRA_LABELS',
    value: 'a,b',
    fallback: '(none)',
    help: 'Labels, comma separated.'
  },
  {
    name: 'extra-tags',
    variable: 'FLAKEHUB_PUSH_EXTRA_TAGS',
    value: 'a,b',
    fallback: '(none)',
    help: 'Deprecated name of --extra-labels.'
  },
  {
    name: 'spdx-expression',
    variable: 'FLAKEHUB_PUSH_SPDX_EXPRESSION',
    value: 'expr',
    fallback: "GitHub's licence id, else none",
    help: 'The licence, as an SPDX expression.'
  },
  {
    name: 'error-on-conflict',
    variable: 'FLAKEHUB_PUSH_ERROR_ON_CONFLICT',
    boolean: true,
    fallback: 'false',
    help: 'Fail when the version exists already.'
  },
  {
    name: 'include-output-paths',
    variable: 'FLAKEHUB_PUSH_INCLUDE_OUTPUT_PATHS',
    boolean: true,
    fallback: 'false',
    help: 'Record derivations and output paths.'
  },
  {
    name: 'my-flake-is-too-big',
    variable: 'FLAKEHUB_PUSH_MY_FLAKE_IS_TOO_BIG',
    boolean: true,
    fallback: 'false',
    help: 'Skip the all-systems evaluation and the outputs document.'
  },
  {
    name: 'disable-rename-subgroups',
    variable: 'FLAKEHUB_PUSH_DISABLE_RENAME_SUBGROUPS',
    boolean: true,
    fallback: 'false',
    help: 'Do not fold subgroups (a/b/c) into the project name.'
  },
  {
    name: 'dest-dir',
    variable: 'FLAKEHUB_DEST_DIR',
    value: 'path',
    fallback: '(publish)',
    help: 'Dry run: write <version>.tar.gz and <version>.json here, contact no service.'
  },
  {
    name: 'github-graphql-url',
    variable: 'FLAKEHUB_GITHUB_GRAPHQL_URL',
    value: 'url',
    fallback: 'GITHUB_GRAPHQL_URL, else https://api.github.com/graphql',
    help: "GitHub's GraphQL API."
  },
  {
    name: 'jwt-issuer-uri',
    value: 'uri',
    fallback: '(none)',
    help: 'Development only: get the token from this issuer (for a local FlakeHub).'
  },
  {
    name: 'github-token',
    variable: 'FLAKEHUB_PUSH_GITHUB_TOKEN',
    value: 'token',
    fallback: '(none)',
    help: 'A GitHub token, for repository facts from GraphQL.'
  },
  {
    name: 'outputs-file',
    variable: 'FLAKEHUB_PUSH_OUTPUTS_FILE',
    value: 'path',
    fallback: '(none)',
    help: 'Also write the four outputs here, as NAME=value lines (dotenv).'
  }
]

const BY_NAME = new Map(FLAGS.map(flag => [flag.name, flag]))

/** What the command line says, before the settings are checked. */
export interface CommandLine {
  /** `--help` or `--version` was given. */
  action: 'run' | 'help' | 'version'
  /** A flag's value, else its variable's, else ''. Booleans read `true` when given as flags. */
  read: InputReader
  /** Names problems as flags, saying where a value came from when it was a variable. */
  spelling: Spelling
  /** Unknown flags, missing values, stray arguments, an outputs file in no folder. */
  problems: string[]
}

export function parseCommandLine(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): CommandLine {
  const options = Object.fromEntries(
    FLAGS.map(flag => [flag.name, { type: flag.boolean ? 'boolean' : 'string' } as const])
  )
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const problems: string[] = []
  const given = new Map<string, string>()
  let action: CommandLine['action'] = 'run'
  for (const token of tokens) {
    if (token.kind === 'positional') {
      problems.push(
        `\`${token.value}\`: unexpected argument; every setting is a flag, such as \`--tag v1.2.3\`.`
      )
      continue
    }
    if (token.kind !== 'option') continue
    if (token.name === 'help' || token.name === 'version') {
      if (action === 'run') action = token.name
      continue
    }
    const flag = BY_NAME.get(token.name)
    if (flag === undefined) {
      problems.push(`\`${token.rawName}\`: unknown flag; \`flakehub-push --help\` lists them all.`)
    } else if (flag.boolean) {
      if (token.inlineValue) {
        problems.push(
          `\`--${flag.name}\`: is a bare flag; write \`--${flag.name}\` alone, without "=${token.value}".`
        )
      } else given.set(flag.name, 'true')
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      problems.push(`\`--${flag.name}\`: needs a value; write \`--${flag.name} ${flag.value}\`.`)
    } else given.set(flag.name, token.value)
  }

  const fromVariable = (name: string): string | undefined => {
    const variable = BY_NAME.get(name)?.variable
    return given.has(name) || variable === undefined ? undefined : env[variable]
  }
  const read: InputReader = name => given.get(name) ?? fromVariable(name) ?? ''
  const spelling: Spelling = {
    setting(name) {
      const variable = BY_NAME.get(name)?.variable
      const from = fromVariable(name) !== undefined ? ` (from ${variable})` : ''
      return `\`--${name}\`${from}`
    },
    ref: name => `\`--${name}\``,
    write: (name, value) =>
      BY_NAME.get(name)?.boolean ? `\`--${name}\`` : `\`--${name} ${value}\``
  }
  const outputsFile = outputsFileProblem(read('outputs-file'))
  if (outputsFile !== undefined)
    problems.push(`${spelling.setting('outputs-file')}: ${outputsFile}`)
  return { action, problems, read, spelling }
}

/**
 * Why the outputs file could not be written at the end of a run, or undefined: its folder must
 * exist, so that a publish does not end in a failure after the release is out.
 */
function outputsFileProblem(value: string): string | undefined {
  if (value === '') return undefined
  const file = path.resolve(value)
  const folder = path.dirname(file)
  const kind = (where: string): 'folder' | 'other' | 'none' => {
    try {
      return fs.statSync(where).isDirectory() ? 'folder' : 'other'
    } catch {
      return 'none'
    }
  }
  const what = 'write a file path in an existing folder, e.g. `--outputs-file flakehub.env`.'
  if (kind(folder) === 'none')
    return `the folder ${folder} does not exist; create it first, or ${what}`
  if (kind(folder) === 'other') return `${folder} is not a folder; ${what}`
  if (kind(file) === 'folder') return `${file} is a folder; ${what}`
  return undefined
}

/** `--help`: every flag with its variable and default. */
export function helpText(version: string): string {
  const lines = [
    `flakehub-push ${version}: evaluate a Nix flake, pack its source and publish it to FlakeHub.`,
    '',
    'Usage: flakehub-push --visibility public (--tag v1.2.3 | --rolling) [flags]',
    '       flakehub-push --visibility public --rolling --dest-dir out   (a dry run: no token, no network)',
    '',
    'Where it runs decides where the token comes from (read only after evaluation and packing):',
    "  GitHub Actions (GITHUB_ACTIONS)   the job's OIDC token (permissions: id-token: write)",
    '  GitLab CI (GITLAB_CI)             GITLAB_JWT_ID_TOKEN, declared with id_tokens: in the job',
    '  any other CI                      FLAKEHUB_PUSH_OIDC_TOKEN',
    "  a developer's machine             --jwt-issuer-uri, or only a dry run with --dest-dir",
    '',
    'Flags (a flag wins over its variable; booleans are bare flags, true/false in variables):'
  ]
  for (const flag of FLAGS) {
    const left = flag.boolean ? `--${flag.name}` : `--${flag.name} <${flag.value}>`
    lines.push(`  ${left}`)
    lines.push(`      ${flag.help}`)
    lines.push(`      variable: ${flag.variable ?? '(none)'}; default: ${flag.fallback}`)
  }
  lines.push('  -h, --help       Show this text.', '  --version        Show the version.')
  lines.push('', 'Limits on the calls to GitHub and FlakeHub (variables only, in seconds):')
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof Timeouts, string][])
    lines.push(`  ${variable.padEnd(38)} default ${DEFAULT_TIMEOUTS[key] / 1000}`)
  return lines.join('\n')
}
