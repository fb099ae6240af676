/** The entry point the runner executes (bundled into dist/index.js): the action's inputs, on GitHub. */
import * as core from '@actions/core'
import { run } from './main.js'
import { githubPlace } from './places/github.js'
import { cancelOnSignals } from './process/signals.js'
import { realServices } from './real-services.js'
import { actionSource } from './settings/action.js'
import { readSettings } from './settings/read.js'

/** The repository owner named in the event that started the workflow. */
async function eventOwner(): Promise<string | undefined> {
  const { context } = await import('@actions/github')
  return context.payload.repository?.owner?.login
}

const signal = cancelOnSignals()
const place = githubPlace(process.env, process.cwd(), eventOwner)
const reading = readSettings(
  actionSource(name => core.getInput(name), process.env),
  place.defaults
)
await run(place, reading, realServices(place, 'normal', signal))
