// The command line as the established binary's scripts write it: every flag and variable it
// takes (section 13 of the protocol), the short flags, the counted `-v`, the logging flags it
// accepts with a note, the old misspelled variable, and `--rolling-major`.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { helpText, parseCommandLine } from '../src/settings/command-line.js'
import { readSettings, verbosityOf } from '../src/settings/read.js'
import { SETTINGS } from '../src/settings/table.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'command-line-'))
fs.writeFileSync(path.join(workspace, 'flake.nix'), '{ outputs = _: {}; }')

/** What the command reads from these flags and variables, in a repository `o/p` with `v1.0.0`. */
function read(args: string[], env: NodeJS.ProcessEnv = {}) {
  const line = parseCommandLine(['--visibility', 'public', ...args], env)
  return readSettings(line, { repository: 'o/p', refName: 'v1.0.0', workspace })
}

describe('the established flags', () => {
  it('counts -v and --verbose: once verbose, twice debug; the variable gives the count', () => {
    const verbosity = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      verbosityOf(parseCommandLine(args, env))
    expect(verbosity([])).toBe('normal')
    expect(verbosity(['-v'])).toBe('verbose')
    expect(verbosity(['--verbose'])).toBe('verbose')
    expect(verbosity(['-vv'])).toBe('debug')
    expect(verbosity(['-v', '--verbose'])).toBe('debug')
    expect(verbosity([], { FLAKEHUB_PUSH_VERBOSITY: '1' })).toBe('verbose')
    expect(verbosity(['-v'], { FLAKEHUB_PUSH_VERBOSITY: '0' })).toBe('verbose')
  })

  it('refuses a verbosity variable that is no count, with the other problems', () => {
    expect(read([], { FLAKEHUB_PUSH_VERBOSITY: 'loud' }).problems).toEqual([
      '`--verbose` (from FLAKEHUB_PUSH_VERBOSITY): "loud" is not a count; write e.g. `1` for more detail, or give `--verbose` once for each step.'
    ])
    expect(read(['--verbose=2']).problems).toEqual([
      '`--verbose`: is a bare flag; write `--verbose` alone, without "=2".'
    ])
  })

  it('reads the number of evaluators from --evaluators, else FLAKEHUB_PUSH_EVALUATORS', () => {
    expect(read([]).settings?.evaluators).toBe('auto')
    expect(read(['--evaluators', '3']).settings?.evaluators).toBe(3)
    expect(read([], { FLAKEHUB_PUSH_EVALUATORS: '1' }).settings?.evaluators).toBe(1)
    expect(read(['--evaluators=2'], { FLAKEHUB_PUSH_EVALUATORS: '1' }).settings?.evaluators).toBe(2)
    expect(read([], { FLAKEHUB_PUSH_EVALUATORS: 'many' }).problems).toEqual([
      '`--evaluators` (from FLAKEHUB_PUSH_EVALUATORS): "many" is not a number of evaluators; write a whole number from 1 to 64 (`1`: one `nix` evaluates everything), or leave it empty for one per core.'
    ])
  })

  it('takes -l and -t as the label flags, repeated or comma separated', () => {
    expect(read(['-l', 'a', '-l', 'b,c']).settings?.extraLabels).toEqual(['a', 'b', 'c'])
    expect(read(['--extra-labels', 'a', '--extra-labels', 'b']).settings?.extraLabels).toEqual([
      'a',
      'b'
    ])
    const tags = read(['-t', 'old'])
    expect(tags.settings?.extraLabels).toEqual(['old'])
    expect(tags.warnings).toEqual(['`--extra-tags` is deprecated; rename it to `--extra-labels`.'])
    expect(read(['-l', 'new', '-t', 'old']).settings?.extraLabels).toEqual(['new'])
  })

  it('accepts --logger and --log-directive (and their variables), saying once each that they change nothing', () => {
    const reading = read(['--logger', 'json', '--log-directive', 'a=debug', '--log-directive', 'b'])
    expect(reading.problems).toBeUndefined()
    expect(reading.warnings).toEqual([])
    expect(reading.notes).toEqual([
      "`--log-directive a=debug,b` changes nothing here (the established binary's logging): this command has one log; give `-v` for more detail.",
      "`--logger json` changes nothing here (the established binary's logging): this command has one log; give `-v` for more detail."
    ])
    const variables = read([], {
      FLAKEHUB_PUSH_LOGGER: 'pretty',
      FLAKEHUB_PUSH_LOG_DIRECTIVES: 'x'
    })
    expect(variables.notes).toHaveLength(2)
    // Their usual values are nothing to note.
    expect(read(['--logger', 'full', '--log-directive', 'flakehub_push=info']).notes).toEqual([])
  })

  it('reads the old misspelled FLAKEHUB_PUSH_VISIBLITY, after the right spelling', () => {
    const line = (env: NodeJS.ProcessEnv) => parseCommandLine([], env)
    const visibility = SETTINGS.visibility
    expect(line({ FLAKEHUB_PUSH_VISIBLITY: 'private' }).value(visibility)).toBe('private')
    expect(
      line({ FLAKEHUB_PUSH_VISIBLITY: 'private', FLAKEHUB_PUSH_VISIBILITY: 'public' }).value(
        visibility
      )
    ).toBe('public')
    expect(line({ FLAKEHUB_PUSH_VISIBLITY: 'secret' }).spelling.setting(visibility)).toBe(
      '`--visibility` (from FLAKEHUB_PUSH_VISIBLITY)'
    )
    const reading = readSettings(
      parseCommandLine(['--tag', 'v1.0.0'], {
        FLAKEHUB_PUSH_VISIBLITY: 'unlisted'
      }),
      { repository: 'o/p', refName: '', workspace }
    )
    expect(reading.settings?.visibility).toBe('unlisted')
  })

  it('gives no flag to what only the action has', () => {
    expect(parseCommandLine(['--source-tag=v1']).problems).toEqual([
      '`--source-tag`: unknown flag; `flakehub-push --help` lists them all.'
    ])
    expect(parseCommandLine(['-x']).problems).toEqual([
      '`-x`: unknown flag; `flakehub-push --help` lists them all.'
    ])
  })
})

describe('a misspelled flag', () => {
  it('is one problem naming the flag meant, its value taken with it, not as a stray word', () => {
    const line = parseCommandLine(['--visiblity', 'public', '--tag', 'v1.0.0'])
    expect(line.problems).toEqual(['`--visiblity`: unknown flag; did you mean `--visibility`?'])
    expect([...(line.misspelled ?? [])]).toEqual([SETTINGS.visibility])
    // The setting it left empty is not reported a second time.
    const reading = readSettings(line, { repository: 'o/p', refName: 'v1.0.0', workspace })
    expect(reading.problems).toEqual(['`--visiblity`: unknown flag; did you mean `--visibility`?'])
  })

  it('takes no word after it when the flag meant is bare, or when it came with =value', () => {
    expect(parseCommandLine(['--rollng', 'stray']).problems).toEqual([
      '`--rollng`: unknown flag; did you mean `--rolling`?',
      '`stray`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.'
    ])
    expect(parseCommandLine(['--visiblity=public', 'stray']).problems).toEqual([
      '`--visiblity`: unknown flag; did you mean `--visibility`?',
      '`stray`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.'
    ])
  })

  it('leaves the flag after it alone when no value came between', () => {
    const line = parseCommandLine(['--visiblity', '--tag', 'v1.0.0'])
    expect(line.problems).toEqual(['`--visiblity`: unknown flag; did you mean `--visibility`?'])
    expect(line.value(SETTINGS.tag)).toBe('v1.0.0')
  })

  it('leaves the right spelling checked when it is given as well', () => {
    const line = parseCommandLine(['--visiblity', 'public', '--visibility', 'everyone'])
    const reading = readSettings(line, { repository: 'o/p', refName: 'v1.0.0', workspace })
    expect(reading.problems).toEqual([
      '`--visiblity`: unknown flag; did you mean `--visibility`?',
      '`--visibility`: "everyone" is not a visibility; write `public`, `unlisted` or `private`.'
    ])
  })

  it('is told apart from an unknown flag far from every other', () => {
    expect(parseCommandLine(['--colour', 'x']).problems).toEqual([
      '`--colour`: unknown flag; `flakehub-push --help` lists them all.',
      '`x`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.'
    ])
  })
})

describe('--rolling with --tag', () => {
  it('is refused, naming both, where the tag would have been ignored', () => {
    expect(read(['--rolling', '--tag', 'v2.0.0']).problems).toEqual([
      '`--tag`: "v2.0.0" is given together with `--rolling`, which versions the release by its commit count and would ignore the tag; drop `--tag` for a rolling release, or `--rolling` to publish v2.0.0.'
    ])
  })
})

describe('--rolling-major', () => {
  it('versions a rolling release <major>.<minor>.<count>, with --rolling-minor', () => {
    expect(
      read(['--rolling', '--rolling-minor', '2', '--rolling-major', '3']).settings?.version
    ).toEqual({ kind: 'rolling', major: 3, minor: 2 })
    expect(
      read([], {
        FLAKEHUB_PUSH_ROLLING: 'true',
        FLAKEHUB_PUSH_ROLLING_MINOR: '0',
        FLAKEHUB_PUSH_ROLLING_MAJOR: '1'
      }).settings?.version
    ).toEqual({ kind: 'rolling', major: 1, minor: 0 })
    expect(read(['--rolling']).settings?.version).toEqual({ kind: 'rolling', major: 0, minor: 1 })
  })

  it('is refused without --rolling-minor, in the established words, and without --rolling', () => {
    expect(read(['--rolling', '--rolling-major', '3']).problems).toEqual([
      '`--rolling-major`: You cannot set `--rolling-major` without `--rolling-minor`.'
    ])
    expect(read(['--rolling-minor', '2', '--rolling-major', '3']).problems).toEqual([
      '`--rolling-minor`: is set but `--rolling` is not; add `--rolling` or remove it.',
      '`--rolling-major`: is set but `--rolling` is not; add `--rolling` or remove it.'
    ])
    expect(read(['--rolling', '--rolling-minor', '1', '--rolling-major', 'x']).problems).toEqual([
      '`--rolling-major`: "x" is not a whole number; write e.g. `--rolling-major 2`.'
    ])
  })
})

describe('--help', () => {
  const help = helpText('9.9.9')

  it('lists every flag of the table, with its short flag, variable, old spellings and default', () => {
    expect(help).toContain(
      '  --extra-labels <a,b>, -l <a,b>\n' +
        "      Extra labels, comma separated, added before the repository's topics. Alphanumerics and `-`, at most 50 characters each; at most 25 labels in all.\n" +
        '      variable: FLAKEHUB_PUSH_EXTRA_LABELS; default: (none)\n'
    )
    expect(help).toContain(
      '  --verbose, -v\n' +
        "      Say more: once for the detail (such as Nix's messages as they come), twice for everything. The variable takes the count.\n" +
        '      variable: FLAKEHUB_PUSH_VERBOSITY; default: 0\n'
    )
    expect(help).toContain(
      '      variable: FLAKEHUB_PUSH_VISIBILITY; default: (required); also read from FLAKEHUB_PUSH_VISIBLITY\n'
    )
    expect(help).toContain('  --rolling-major <n>\n')
    expect(help).toContain('  --log-directive <directives>\n')
    expect(help).toContain('  --jwt-issuer-uri <uri>\n')
    expect(help).toContain('      variable: (none); default: (none)\n')
    expect(help).not.toContain('--source-tag')
    expect(help).toMatch(/^ {2}FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET +default 900$/m)
    expect(help).toMatch(/^ {2}FLAKEHUB_PUSH_RETRY_DELAY +default 1$/m)
  })

  it('starts with the usage, spelled from the table', () => {
    expect(help.split('\n').slice(0, 4)).toEqual([
      'flakehub-push 9.9.9: evaluate a Nix flake, pack its source and publish it to FlakeHub.',
      '',
      'Usage: flakehub-push --visibility public (--tag v1.2.3 | --rolling) [flags]',
      '       flakehub-push --visibility public --rolling --dest-dir out   (a dry run: no token, no network)'
    ])
  })
})

describe('flags and variables', () => {
  it('lets a flag win over its variable, reads booleans from either, and names where a value came from', () => {
    const line = parseCommandLine(['--tag', 'v1.0.0', '--mirror'], {
      FLAKEHUB_PUSH_TAG: 'v9.9.9',
      FLAKEHUB_PUSH_ROLLING: 'true',
      FLAKEHUB_PUSH_NAME: 'a/b'
    })
    expect(line.problems).toEqual([])
    const { tag, mirror, rolling, name, host } = SETTINGS
    expect([tag, mirror, rolling, name, host].map(line.value)).toEqual([
      'v1.0.0',
      'true',
      'true',
      'a/b',
      ''
    ])
    expect(line.spelling.setting(tag)).toBe('`--tag`')
    expect(line.spelling.setting(rolling)).toBe('`--rolling` (from FLAKEHUB_PUSH_ROLLING)')
    expect(line.spelling.write(rolling, 'true')).toBe('`--rolling`')
    expect(line.spelling.write(tag, 'v1.2.3')).toBe('`--tag v1.2.3`')
  })

  it('has no variable for --jwt-issuer-uri, and knows --help and --version', () => {
    expect(parseCommandLine([], { JWT_ISSUER_URI: 'x' }).value(SETTINGS.jwtIssuerUri)).toBe('')
    expect(parseCommandLine(['--visibility', 'public', '-h']).action).toBe('help')
    expect(parseCommandLine(['--version']).action).toBe('version')
  })
})

describe('--outputs-file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-file-'))
  fs.writeFileSync(path.join(dir, 'plain'), '')
  const hint = 'write a file path in an existing folder, e.g. `--outputs-file flakehub.env`.'
  const problems = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    (
      readSettings(parseCommandLine(['--visibility', 'public', '--rolling', ...args], env), {
        repository: 'o/p',
        refName: '',
        workspace: dir
      }).problems ?? []
    ).filter(problem => problem.startsWith('`--outputs-file`'))

  it('is fine in an existing folder, new or overwritten, and when not given', () => {
    expect(problems(['--outputs-file', path.join(dir, 'out.env')])).toEqual([])
    expect(problems(['--outputs-file', path.join(dir, 'plain')])).toEqual([])
    expect(problems([])).toEqual([])
  })

  it('names the flag and the folder that does not exist', () => {
    const file = path.join(dir, 'missing', 'out.env')
    expect(problems(['--outputs-file', file])).toEqual([
      `\`--outputs-file\`: the folder ${path.join(dir, 'missing')} does not exist; create it first, or ${hint}`
    ])
  })

  it('names the variable it came from, and refuses a folder or a file as the folder', () => {
    const env = { FLAKEHUB_PUSH_OUTPUTS_FILE: dir }
    expect(problems([], env)).toEqual([
      `\`--outputs-file\` (from FLAKEHUB_PUSH_OUTPUTS_FILE): ${dir} is a folder; ${hint}`
    ])
    expect(problems(['--outputs-file', path.join(dir, 'plain', 'out.env')])).toEqual([
      `\`--outputs-file\`: ${path.join(dir, 'plain')} is not a folder; ${hint}`
    ])
  })
})

describe('--disable-rename-subgroups', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'subgroups-'))
  fs.writeFileSync(path.join(workspace, 'flake.nix'), '{ outputs = _: {}; }')
  const reading = (...args: string[]) => {
    const line = parseCommandLine(['--visibility', 'public', '--tag', 'v1.0.0', ...args], {})
    return readSettings(line, { repository: '', refName: '', workspace })
  }
  const settings = (...args: string[]) => reading(...args).settings
  const problems = (...args: string[]) => reading(...args).problems

  it('folds subgroups into the project name unless told not to', () => {
    expect(settings('--repository', 'a/b/c')).toMatchObject({ uploadName: 'a/b-c' })
  })

  it('keeps them, and then wants --name', () => {
    expect(problems('--repository', 'a/b/c', '--disable-rename-subgroups')).toEqual([
      '`--repository`: "a/b/c" has subgroups, which `--disable-rename-subgroups` keeps from being folded into the project name; say the published name with `--name owner/flake-name`, or drop `--disable-rename-subgroups`.'
    ])
    expect(
      settings('--repository', 'a/b/c', '--disable-rename-subgroups', '--name', 'a/c')
    ).toMatchObject({ uploadName: 'a/c', repository: 'a/b/c' })
  })

  it('checks each kept segment as a name part, naming the flag', () => {
    const kept = ['--disable-rename-subgroups', '--name', 'a/c']
    expect(problems('--repository', 'a/../c', ...kept)).toEqual([
      '`--repository`: "a/../c" cannot have ".." as a part (a URL reads it as a folder step); write it as `--repository owner/project`.'
    ])
    // Folded, the same segments make one harmless project name.
    expect(settings('--repository', 'a/../c')).toMatchObject({ uploadName: 'a/..-c' })
    expect(problems('--repository', 'a/b/c', '--name', 'a/b#c')).toEqual([
      '`--name`: "a/b#c" holds "#"; a name may not hold "?", "#", "%" or "\\"; write it as `owner/flake-name`.'
    ])
  })
})

describe('mistakes on the command line, each said once, all together', () => {
  it('refuses a stray word, naming it and showing a flag instead', () => {
    expect(parseCommandLine(['--visibility', 'public', 'v1.2.3']).problems).toEqual([
      '`v1.2.3`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.'
    ])
  })

  it('wants a value after a flag that takes one: not the end, not another flag', () => {
    expect(parseCommandLine(['--tag']).problems).toEqual([
      '`--tag`: needs a value; write `--tag v1.2.3`.'
    ])
    const line = parseCommandLine(['--name', '--rolling'])
    expect(line.problems).toEqual(['`--name`: needs a value; write `--name owner/flake`.'])
    // Written with `=`, a value may start with dashes.
    expect(parseCommandLine(['--name=--odd']).value(SETTINGS.name)).toBe('--odd')
  })

  it('refuses a value given to a bare flag', () => {
    expect(parseCommandLine(['--mirror=true']).problems).toEqual([
      '`--mirror`: is a bare flag; write `--mirror` alone, without "=true".'
    ])
  })

  it('lists every mistake, in the order written', () => {
    expect(parseCommandLine(['stray', '--nope', '--rolling=yes', '--host']).problems).toEqual([
      '`stray`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.',
      '`--nope`: unknown flag; `flakehub-push --help` lists them all.',
      '`--rolling`: is a bare flag; write `--rolling` alone, without "=yes".',
      '`--host`: needs a value; write `--host url`.'
    ])
  })

  it('keeps the last of a text flag given twice, and counts a counted one', () => {
    const line = parseCommandLine(['--tag', 'v1.0.0', '--tag', 'v2.0.0', '-v', '-v', '-v'])
    expect(line.value(SETTINGS.tag)).toBe('v2.0.0')
    expect(line.value(SETTINGS.verbose)).toBe('3')
    expect(line.problems).toEqual([])
  })

  it('takes a bare -- as the end of the flags, and what follows it as stray words', () => {
    expect(parseCommandLine(['--visibility', 'public', '--']).problems).toEqual([])
    expect(parseCommandLine(['--', '--tag']).problems).toEqual([
      '`--tag`: unexpected argument; every setting is a flag, such as `--tag v1.2.3`.'
    ])
  })

  it('takes the first of --help and --version', () => {
    expect(parseCommandLine(['--help', '--version']).action).toBe('help')
    expect(parseCommandLine(['--version', '-h']).action).toBe('version')
    expect(parseCommandLine(['--visibility', 'public']).action).toBe('run')
  })

  it("reads nothing for the action's own inputs, nor from their variables", () => {
    expect(parseCommandLine([], { FLAKEHUB_PUSH_SOURCE_TAG: 'v1' }).value(SETTINGS.sourceTag)).toBe(
      ''
    )
  })

  it('names a limit by its variable, and a flag by its flag', () => {
    const { spelling } = parseCommandLine([], { FLAKEHUB_PUSH_TIMEOUT_STAGE: '5' })
    expect(spelling.setting(SETTINGS.stageTimeout)).toBe(
      'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`'
    )
    expect(spelling.ref(SETTINGS.stageTimeout)).toBe('`FLAKEHUB_PUSH_TIMEOUT_STAGE`')
    expect(spelling.ref(SETTINGS.rolling)).toBe('`--rolling`')
    expect(spelling.setting(SETTINGS.tag)).toBe('`--tag`')
  })
})

describe("--help's fixed lines", () => {
  const lines = helpText('1.0.0').split('\n')

  it('leaves a blank line after the usage, and names no setting that has no flag', () => {
    expect(lines.slice(4, 6)).toEqual([
      '',
      'Where it runs decides where the token comes from (read only after evaluation and packing):'
    ])
    expect(lines.join('\n')).not.toContain('undefined')
    expect(lines.join('\n')).not.toContain("chose the established action's binary")
  })

  it('says where the token comes from in each place', () => {
    const start = lines.indexOf(
      'Where it runs decides where the token comes from (read only after evaluation and packing):'
    )
    expect(lines.slice(start + 1, start + 7)).toEqual([
      "  GitHub Actions (GITHUB_ACTIONS)   the job's OIDC token (permissions: id-token: write)",
      '  GitLab CI (GITLAB_CI)             GITLAB_JWT_ID_TOKEN, declared with id_tokens: in the job',
      '  any other CI                      FLAKEHUB_PUSH_OIDC_TOKEN',
      "  a developer's machine             --jwt-issuer-uri, or only a dry run with --dest-dir",
      '',
      'Flags (a flag wins over its variable; booleans are bare flags, true/false in variables):'
    ])
  })

  it('ends the flags with --help and --version, then the limits', () => {
    const help = lines.indexOf('  -h, --help       Show this text.')
    expect(lines.slice(help, help + 4)).toEqual([
      '  -h, --help       Show this text.',
      '  --version        Show the version.',
      '',
      'Limits on the calls to GitHub and FlakeHub (variables only, in seconds):'
    ])
    expect(lines.at(-1)).toMatch(/^ {2}FLAKEHUB_PUSH_RETRY_DELAY {14}default 1$/)
  })

  it('shows a flag without a short one or old spellings on its three lines', () => {
    const at = lines.indexOf('  --tag <v1.2.3>')
    expect(lines.slice(at, at + 3)).toEqual([
      '  --tag <v1.2.3>',
      '      The tag of a non-rolling release, `v` followed by a SemVer version such as `v1.2.3`. Defaults to the ref name.',
      '      variable: FLAKEHUB_PUSH_TAG; default: GITHUB_REF_NAME, or CI_COMMIT_TAG / CI_COMMIT_REF_NAME on GitLab'
    ])
    expect(lines).toContain('  --mirror')
  })
})

describe("the command's own settings, read", () => {
  it('takes the issuer and the GraphQL URL as given, and none when not given', () => {
    const given = read([
      '--jwt-issuer-uri',
      'http://localhost:8081',
      '--github-graphql-url',
      'https://ghe.example/api/graphql'
    ]).settings
    expect(given?.jwtIssuerUri).toBe('http://localhost:8081')
    expect(given?.githubGraphqlUrl).toBe('https://ghe.example/api/graphql')
    const none = read([]).settings
    expect(none?.jwtIssuerUri).toBe('')
    expect(none?.githubGraphqlUrl).toBeUndefined()
  })

  it('reads a verbosity variable with blanks around it, and a refused one as normal', () => {
    expect(verbosityOf(parseCommandLine([], { FLAKEHUB_PUSH_VERBOSITY: ' 2 ' }))).toBe('debug')
    expect(verbosityOf(parseCommandLine([], { FLAKEHUB_PUSH_VERBOSITY: 'loud' }))).toBe('normal')
  })
})
