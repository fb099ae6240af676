/** The entry point the runner executes (bundled into dist/index.js): the action's inputs, on GitHub. */
import * as core from '@actions/core'
import { httpClientTransport } from './flakehub/http.js'
import { run } from './main.js'
import { githubMask, githubReporter, githubVerbosity } from './places/github-reporter.js'
import { defaultsFromEnv, githubPlace } from './places/place.js'
import { makeProcessRunner } from './process/command.js'
import { cancelOnSignals } from './process/signals.js'
import { Secrets } from './secrets.js'
import { actionSource } from './settings/action.js'
import { readSettings } from './settings/read.js'

/** The repository owner named in the event that started the workflow. */
async function eventOwner(): Promise<string | undefined> {
  const { context } = await import('@actions/github')
  return context.payload.repository?.owner?.login
}

const signal = cancelOnSignals()
const secrets = new Secrets(githubMask)
const reporter = githubReporter(secrets, githubVerbosity())
const reading = readSettings(
  actionSource(name => core.getInput(name), process.env),
  defaultsFromEnv()
)
await run(githubPlace({ eventOwner }), reading, {
  reporter,
  secrets,
  runner: makeProcessRunner({ log: reporter }),
  http: httpClientTransport(signal),
  now: Date.now,
  signal
})
