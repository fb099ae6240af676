/**
 * The commit being published: the one `rev` names, else the checked-out `HEAD`. What is
 * published under `rev-<sha>` is that commit's tree, so the flake is located, evaluated and
 * packed from Git itself (`git+file://<top>?rev=<sha>`, with `dir=` for a subflake), never
 * from the working tree. Everything here is checked before any evaluation: that there is a
 * repository, that the clone holds the commit, that the commit holds `flake.nix`, and that the
 * working tree does not differ from the commit it is named after.
 */
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { CommandRunner } from './command.js'
import { Git } from './git.js'
import { PhaseLog } from './timing.js'

/** The commit, and how Nix reads the flake in it. */
export interface NamedCommit {
  /** The repository's top folder. */
  top: string
  /** The commit's full SHA. */
  revision: string
  /** The flake's folder relative to {@link top}, `/`-separated; `''` for the top itself. */
  dir: string
  /** The clone is shallow: Nix must be told (`shallow=1`), and local commit counts are too low. */
  shallow: boolean
  /** The commit holds a `flake.lock` beside `flake.nix`. */
  hasLock: boolean
  /** The flake reference Nix reads the commit's flake through. */
  flakeRef: string
  /** Git in this repository, for the questions asked later (the commit count). */
  git: Git
}

/** What names the commit: the settings' parts this step reads. */
export interface CommitSettings {
  /** The Git checkout (any folder of the repository). */
  gitRoot: string
  /** The flake's folder, inside it. */
  flakeDir: string
  /** The `rev` asked for; undefined for the checked-out commit. */
  rev: string | undefined
}

/** How the user names the settings in messages: `rev` for the action, `--rev` for the command. */
export interface CommitWording {
  rev: string
  gitRoot: string
}

const MAX_LISTED = 10

/** The flake reference of `dir` in `revision` of the repository at `top`. */
export function gitFlakeRef(top: string, revision: string, dir: string, shallow: boolean): string {
  // Percent-encoded as Nix decodes a query (it reads `+` as a plus, not a space); `/` kept.
  const value = (text: string): string => encodeURIComponent(text).replace(/%2F/g, '/')
  const params = [
    ...(dir === '' ? [] : [`dir=${value(dir)}`]),
    `rev=${revision}`,
    ...(shallow ? ['shallow=1'] : [])
  ]
  return `git+${pathToFileURL(top).href}?${params.join('&')}`
}

/** Find and check the commit to publish, before anything is evaluated. */
export async function nameCommit(
  runner: CommandRunner,
  settings: CommitSettings,
  wording: CommitWording,
  log: PhaseLog
): Promise<NamedCommit> {
  const repository = await new Git(runner, settings.gitRoot, log).repository()
  if (repository === undefined) {
    throw new Error(
      `${settings.gitRoot} is not in a Git repository. FlakeHub releases are made from a commit: ` +
        `check the repository out first (actions/checkout in a workflow), or point ${wording.gitRoot} at the checkout.`
    )
  }
  const { top, shallow } = repository
  const git = new Git(runner, top, log)
  const revision = await namedRevision(git, settings.rev, wording)
  const dir = path.relative(top, settings.flakeDir).split(path.sep).join('/')
  const inDir = (name: string): string => (dir === '' ? name : `${dir}/${name}`)
  const files = await git.filesInCommit(revision, [inDir('flake.nix'), inDir('flake.lock')])
  if (!files.has(inDir('flake.nix'))) {
    throw new Error(
      `Commit ${revision} has no ${inDir('flake.nix')}: it is not committed (Nix, and FlakeHub, ` +
        `only see what Git holds). Add it with \`git add ${inDir('flake.nix')}\`, commit, and run again.`
    )
  }
  if (settings.rev === undefined || revision === (await git.commit('HEAD'))) {
    await refuseChanges(git, revision)
  }
  log.info(`Commit ${revision}${shallow ? ' (a shallow clone)' : ''}`)
  return {
    top,
    revision,
    dir,
    shallow,
    hasLock: files.has(inDir('flake.lock')),
    flakeRef: gitFlakeRef(top, revision, dir, shallow),
    git
  }
}

/** The SHA of `rev`, else of `HEAD`; one clear error when the clone does not hold it. */
async function namedRevision(
  git: Git,
  rev: string | undefined,
  wording: CommitWording
): Promise<string> {
  const revision = await git.commit(rev ?? 'HEAD')
  if (revision !== undefined) return revision
  if (rev === undefined) {
    throw new Error(
      'The repository has no commits yet: commit the flake (`git add -A && git commit`) and run again.'
    )
  }
  throw new Error(
    `Commit ${rev} (${wording.rev}) is not in this clone, so its tree cannot be read. Fetch it ` +
      `(\`git fetch --depth=1 origin ${rev}\`, or \`fetch-depth: 0\` with actions/checkout), ` +
      `or check it out (actions/checkout with \`ref: ${rev}\`) in an earlier step.`
  )
}

/**
 * Refuse a working tree whose tracked files differ from the commit: what would be published is
 * the commit, which is not what is checked out. Nothing has been evaluated or staged yet.
 */
async function refuseChanges(git: Git, revision: string): Promise<void> {
  const changed = await git.changedFiles()
  if (changed.length === 0) return
  const listed = changed.slice(0, MAX_LISTED).map(file => `  ${file}`)
  if (changed.length > MAX_LISTED) listed.push(`  … and ${changed.length - MAX_LISTED} more`)
  throw new Error(
    `The checkout has uncommitted changes to ${changed.length === 1 ? 'a tracked file' : `${changed.length} tracked files`}, ` +
      `and a release holds exactly the commit it is named after (${revision}), never changes made on top of it:\n` +
      `${listed.join('\n')}\n` +
      'Commit them (in an earlier step of the job, and push), or undo them (`git stash`, or ' +
      '`git checkout -- <file>`) to publish the commit as it is.'
  )
}
