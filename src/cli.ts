#!/usr/bin/env node
/**
 * The `flakehub-push` command (bundled into dist/cli.js): the established binary's flags and
 * variables, the place detected once, and the same pipeline as the action.
 */
import * as path from 'node:path'
import packageJson from '../package.json' with { type: 'json' }
import { httpClientTransport } from './flakehub/http.js'
import type { Reporter } from './log.js'
import { run } from './main.js'
import { cliPlace, detectPlace, placeDefaults } from './places/command-places.js'
import { githubMask, githubReporter, githubVerbosity } from './places/github-reporter.js'
import { textReporter, withOutputsFile } from './places/text-reporter.js'
import { makeProcessRunner } from './process/command.js'
import { cancelOnSignals } from './process/signals.js'
import { Secrets } from './secrets.js'
import { CommandLine, helpText, parseCommandLine } from './settings/command-line.js'
import { Defaults, Reading, readSettings } from './settings/read.js'

/** The settings the flags and variables give, with the command line's own problems first. */
function readCliSettings(command: CommandLine, defaults: Defaults): Reading {
  const reading = readSettings(command.read, defaults, command.spelling)
  if (command.problems.length === 0) return reading
  const { warnings, secrets } = reading
  return { problems: [...command.problems, ...(reading.problems ?? [])], warnings, secrets }
}

const env = process.env
const command = parseCommandLine(process.argv.slice(2), env)
if (command.action === 'help') {
  process.stdout.write(`${helpText(packageJson.version)}\n`)
} else if (command.action === 'version') {
  process.stdout.write(`flakehub-push ${packageJson.version}\n`)
} else {
  const signal = cancelOnSignals()
  const kind = detectPlace(env)
  const debug = env.CI_DEBUG_TRACE === 'true' || env.RUNNER_DEBUG === '1'
  const secrets = new Secrets(kind === 'github' ? githubMask : undefined)
  const text = (): Reporter =>
    textReporter({
      out: process.stdout,
      err: process.stderr,
      gitlab: kind === 'gitlab',
      color: !env.NO_COLOR && (kind === 'gitlab' || process.stderr.isTTY === true),
      progress: process.stderr.isTTY === true && !env.CI,
      verbosity: debug ? 'debug' : 'normal',
      secrets
    })
  const outputsFile = command.read('outputs-file')
  const reporter = withOutputsFile(
    kind === 'github' ? githubReporter(secrets, githubVerbosity()) : text(),
    outputsFile === '' ? undefined : path.resolve(outputsFile)
  )
  const place = cliPlace(kind, command.read, env)
  await run(place, readCliSettings(command, placeDefaults(kind, env, process.cwd())), {
    reporter,
    secrets,
    runner: makeProcessRunner({ log: reporter }),
    http: httpClientTransport(signal),
    now: Date.now,
    signal
  })
}
