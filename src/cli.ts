#!/usr/bin/env node
/**
 * The `flakehub-push` command (bundled into dist/cli.js): the established binary's flags and
 * variables, the place detected once, and the same pipeline as the action.
 */
import * as path from 'node:path'
import packageJson from '../package.json' with { type: 'json' }
import { CommandLine, helpText, parseCommandLine } from './cli/flags.js'
import { cliPlace, detectPlace, placeDefaults } from './cli/places.js'
import { textReporter, withOutputsFile } from './cli/report.js'
import { InputError } from './errors.js'
import { run } from './main.js'
import { githubReporter } from './reporter.js'
import { Defaults, Settings, readSettings } from './settings.js'
import { cancelOnSignals } from './signals.js'

/** The settings the flags and variables give, with the command line's own problems first. */
function readCliSettings(command: CommandLine, defaults: Defaults): Settings {
  let settings: Settings | undefined
  let problems: string[] = []
  try {
    settings = readSettings(command.read, defaults, command.spelling)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems = error.problems
  }
  if (command.problems.length > 0 || settings === undefined) {
    throw new InputError([...command.problems, ...problems])
  }
  return settings
}

const env = process.env
const command = parseCommandLine(process.argv.slice(2), env)
if (command.action === 'help') {
  process.stdout.write(`${helpText(packageJson.version)}\n`)
} else if (command.action === 'version') {
  process.stdout.write(`flakehub-push ${packageJson.version}\n`)
} else {
  const cancelled = cancelOnSignals()
  const kind = detectPlace(env)
  const text = (): ReturnType<typeof textReporter> =>
    textReporter({
      out: process.stdout,
      err: process.stderr,
      gitlab: kind === 'gitlab',
      color: !env.NO_COLOR && (kind === 'gitlab' || process.stderr.isTTY === true),
      progress: process.stderr.isTTY === true && !env.CI,
      debug: env.CI_DEBUG_TRACE === 'true' || env.RUNNER_DEBUG === '1'
    })
  const outputsFile = command.read('outputs-file')
  const reporter = withOutputsFile(
    kind === 'github' ? githubReporter : text(),
    outputsFile === '' ? undefined : path.resolve(outputsFile)
  )
  const place = cliPlace(kind, command.read, env, reporter)
  await run(
    place,
    () => readCliSettings(command, placeDefaults(kind, env, process.cwd())),
    cancelled
  )
}
