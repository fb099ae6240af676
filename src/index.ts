/** The entry point the runner executes (bundled into dist/index.js): the action's inputs, on GitHub. */
import { run } from './main.js'
import { githubPlace } from './place.js'
import { readSettings } from './settings.js'
import { cancelOnSignals } from './signals.js'

/** The repository owner named in the event that started the workflow. */
async function eventOwner(): Promise<string | undefined> {
  const { context } = await import('@actions/github')
  return context.payload.repository?.owner?.login
}

const cancelled = cancelOnSignals()
await run(githubPlace({ eventOwner }), () => readSettings(), cancelled)
