#!/usr/bin/env node
/**
 * The `flakehub-push` command (bundled into dist/cli.js): the established binary's flags and
 * variables, the place detected once, and the same pipeline as the action.
 */
import packageJson from '../package.json' with { type: 'json' }
import { run } from './main.js'
import { detectPlace } from './places/list.js'
import { withOutputsFile } from './places/text-reporter.js'
import { cancelOnSignals } from './process/signals.js'
import { realServices } from './real-services.js'
import { helpText, parseCommandLine } from './settings/command-line.js'
import { readSettings, verbosityOf } from './settings/read.js'

const env = process.env
const line = parseCommandLine(process.argv.slice(2), env)
if (line.action === 'help') {
  process.stdout.write(`${helpText(packageJson.version)}\n`)
} else if (line.action === 'version') {
  process.stdout.write(`flakehub-push ${packageJson.version}\n`)
} else {
  const signal = cancelOnSignals()
  const place = detectPlace(env).enter(env, process.cwd())
  const reading = readSettings(line, place.defaults)
  const outputsFile = reading.settings?.outputsFile
  const services = realServices(place, verbosityOf(line), signal, reporter =>
    withOutputsFile(reporter, outputsFile)
  )
  await run(place, reading, services)
}
