#!/usr/bin/env node
/**
 * The `flakehub-push` command (bundled into dist/cli.js): the established binary's flags and
 * variables, the place detected once, and the same pipeline as the action.
 */
import packageJson from '../package.json' with { type: 'json' }
import { httpClientTransport } from './flakehub/http.js'
import type { Reporter } from './log.js'
import { run } from './main.js'
import { cliPlace, detectPlace, placeDefaults } from './places/command-places.js'
import { githubMask, githubReporter } from './places/github-reporter.js'
import { textReporter, withOutputsFile } from './places/text-reporter.js'
import { makeProcessRunner } from './process/command.js'
import { cancelOnSignals } from './process/signals.js'
import { Secrets } from './secrets.js'
import { helpText, parseCommandLine } from './settings/command-line.js'
import { readSettings, verbosityOf } from './settings/read.js'

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
  const verbosity = debug ? 'debug' : verbosityOf(command)
  const secrets = new Secrets(kind === 'github' ? githubMask : undefined)
  const text = (): Reporter =>
    textReporter({
      out: process.stdout,
      err: process.stderr,
      gitlab: kind === 'gitlab',
      color: !env.NO_COLOR && (kind === 'gitlab' || process.stderr.isTTY === true),
      progress: process.stderr.isTTY === true && !env.CI,
      verbosity,
      secrets
    })
  const reading = readSettings(command, placeDefaults(kind, env, process.cwd()))
  const reporter = withOutputsFile(
    kind === 'github' ? githubReporter(secrets, verbosity) : text(),
    reading.settings?.outputsFile
  )
  const place = cliPlace(kind, env)
  await run(place, reading, {
    reporter,
    secrets,
    runner: makeProcessRunner({ log: reporter }),
    http: httpClientTransport(signal),
    now: Date.now,
    signal
  })
}
