/** The commit being published, and its commit count, from the local Git checkout. */
import * as core from '@actions/core'
import { CommandRunner } from './command.js'
import { PhaseLog } from './timing.js'

/** Git in one checkout, logging its commands to a phase. */
export class Git {
  constructor(
    private readonly runner: CommandRunner,
    private readonly gitRoot: string,
    private readonly log: PhaseLog
  ) {}

  private async git(...args: string[]): Promise<string> {
    const { stdout } = await this.runner.run('git', ['-C', this.gitRoot, ...args], {
      log: this.log.info
    })
    return stdout.trim()
  }

  /** The full SHA of `rev`, or of the checked-out `HEAD`. */
  resolveRevision(rev: string | undefined): Promise<string> {
    return this.git('rev-parse', '--verify', `${rev ?? 'HEAD'}^{commit}`)
  }

  /** How many commits lead to `revision` in the local history (warns when the clone is shallow). */
  async commitCount(revision: string): Promise<number> {
    const count = Number(await this.git('rev-list', '--count', revision))
    if ((await this.git('rev-parse', '--is-shallow-repository')) === 'true') {
      core.warning(
        `The checkout at ${this.gitRoot} is shallow, so its commit count (${count}) is too low. ` +
          'Use `fetch-depth: 0` with actions/checkout to count every commit.'
      )
    }
    return count
  }
}
