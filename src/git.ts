/** The commit being published, and its commit count, from the local Git checkout. */
import * as core from '@actions/core'
import { CommandRunner } from './command.js'

function git(runner: CommandRunner, gitRoot: string, ...args: string[]): Promise<string> {
  return runner.run('git', ['-C', gitRoot, ...args]).then(result => result.stdout.trim())
}

/** The full SHA of `rev`, or of the checked-out `HEAD`. */
export function resolveRevision(
  runner: CommandRunner,
  gitRoot: string,
  rev: string | undefined
): Promise<string> {
  return git(runner, gitRoot, 'rev-parse', '--verify', `${rev ?? 'HEAD'}^{commit}`)
}

/** How many commits lead to `revision` in the local history (warns when the clone is shallow). */
export async function localCommitCount(
  runner: CommandRunner,
  gitRoot: string,
  revision: string
): Promise<number> {
  const count = Number(await git(runner, gitRoot, 'rev-list', '--count', revision))
  if ((await git(runner, gitRoot, 'rev-parse', '--is-shallow-repository')) === 'true') {
    core.warning(
      `The checkout at ${gitRoot} is shallow, so its commit count (${count}) is too low. ` +
        'Use `fetch-depth: 0` with actions/checkout to count every commit.'
    )
  }
  return count
}
