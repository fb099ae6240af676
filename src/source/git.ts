/** Git in the checkout: the questions the run asks of the repository, each one `git` call. */
import { CommandError, CommandRunner } from '../process/command.js'
import type { PhaseLog } from '../log.js'

/** Git in one repository, logging its commands to a phase. */
export class Git {
  constructor(
    private readonly runner: CommandRunner,
    /** Any folder inside the repository; `git -C` runs there. */
    private readonly folder: string,
    private readonly log: PhaseLog
  ) {}

  private async git(args: string[], env?: Record<string, string>): Promise<string> {
    const { stdout } = await this.runner.run('git', ['-C', this.folder, ...args], {
      log: this.log.info,
      env
    })
    return stdout
  }

  /**
   * The repository's top folder and whether it is a shallow clone, or undefined when the
   * folder is not inside a Git repository at all.
   */
  async repository(): Promise<{ top: string; shallow: boolean } | undefined> {
    let lines: string[]
    try {
      lines = (await this.git(['rev-parse', '--show-toplevel', '--is-shallow-repository']))
        .trim()
        .split('\n')
    } catch (error) {
      if (error instanceof CommandError && /not a git repository/i.test(error.stderr))
        return undefined
      throw untrustedOwner(error) ?? error
    }
    return { top: lines[0], shallow: lines[1] === 'true' }
  }

  /** The full SHA of the commit `name` (a SHA, `HEAD`…) names, or undefined if the clone lacks it. */
  async commit(name: string): Promise<string | undefined> {
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`])).trim()
    } catch (error) {
      // --verify --quiet: a name that resolves to no commit exits 1 and prints nothing.
      if (error instanceof CommandError && error.exitCode === 1) return undefined
      throw error
    }
  }

  /** Which of `paths` (relative to the top) the commit's tree holds. */
  async filesInCommit(revision: string, paths: string[]): Promise<Set<string>> {
    const out = await this.git([
      'ls-tree',
      '-z',
      '--name-only',
      '--full-tree',
      revision,
      '--',
      ...paths
    ])
    return new Set(out.split('\0').filter(name => name !== ''))
  }

  /**
   * Tracked files whose content in the working tree (or index) differs from `HEAD`, relative to
   * the top. Untracked files are not listed: no commit holds them. `GIT_OPTIONAL_LOCKS=0` keeps
   * `git status` from refreshing the index: the run never writes to the repository.
   */
  async changedFiles(): Promise<string[]> {
    const out = await this.git(['status', '--porcelain=v1', '-z', '--untracked-files=no'], {
      GIT_OPTIONAL_LOCKS: '0'
    })
    // Entries are `XY path`, NUL-terminated; a rename is followed by its old path as an entry
    // of its own, which is skipped.
    const entries = out.split('\0')
    const changed: string[] = []
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]
      if (entry.length < 4) continue
      changed.push(entry.slice(3))
      if (/[RC]/.test(entry.slice(0, 2))) i++
    }
    return changed
  }

  /** How many commits lead to `revision` in the local history (too few in a shallow clone). */
  async commitCount(revision: string): Promise<number> {
    return Number((await this.git(['rev-list', '--count', revision])).trim())
  }
}

/**
 * Git refused a repository another user owns (its `safe.directory` check, common in containers
 * whose checkout belongs to the runner's user): one sentence with the fix, Git's words below.
 */
function untrustedOwner(error: unknown): Error | undefined {
  if (!(error instanceof CommandError)) return undefined
  const match = /dubious ownership in repository at '([^']*)'/.exec(error.stderr)
  if (match === null) return undefined
  return new Error(
    `Git refuses to read the repository at ${match[1]}: it belongs to another user. If you trust it, ` +
      `run \`git config --global --add safe.directory ${match[1]}\` (in a job, as an earlier step), and run again.\n\n${error.message}`
  )
}
