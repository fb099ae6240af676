/** The commit being published, and its commit count, from the local Git checkout. */
import { CommandRunner } from './command.js'
import { log } from './reporter.js'
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

  /**
   * How many commits lead to `revision` in the local history. A shallow clone gives too low a
   * count: that is warned about, with `deepen` saying how to fetch the whole history.
   */
  async commitCount(
    revision: string,
    deepen = 'Use `fetch-depth: 0` with actions/checkout to count every commit.'
  ): Promise<number> {
    const count = Number(await this.git('rev-list', '--count', revision))
    if ((await this.git('rev-parse', '--is-shallow-repository')) === 'true') {
      log.warning(
        `The checkout at ${this.gitRoot} is shallow, so its commit count (${count}) is too low. ${deepen}`
      )
    }
    return count
  }
}
