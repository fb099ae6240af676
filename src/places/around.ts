/**
 * The Git repository around the folder a run starts in, for the places outside GitHub Actions:
 * its top (the default `git-root`) and the repository its `origin` remote names (the default
 * `repository`), so that the command gives the same result from any folder of a checkout.
 * Asked once, when the place is entered, before the settings are read; the remote's URL is never
 * shown (it may carry a token, as GitLab's clones do), only the path read from it.
 */
import { execFileSync } from 'node:child_process'
import { childEnvironment } from '../process/child-env.js'
import type { Defaults } from '../settings/settings.js'

/** What the repository around a folder gives the settings. */
export interface Around {
  /** The repository's top folder. */
  top: string
  /** The `origin` remote's URL, if there is one. */
  origin?: string
}

/** Runs `git` with `args`: its stdout, or undefined when it fails (or is missing). */
export type GitQuery = (args: string[]) => string | undefined

/** The real `git`, with no token in its environment, given a few seconds at most. */
const realGit: GitQuery = args => {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      env: childEnvironment(process.env),
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000
    })
  } catch {
    return undefined // not a repository, no such remote, or no git: the settings say so later
  }
}

/** The repository around `folder`, or undefined when it is in none. */
export function repositoryAround(folder: string, git: GitQuery = realGit): Around | undefined {
  const top = git(['-C', folder, 'rev-parse', '--show-toplevel'])?.trim()
  if (!top) return undefined
  const origin = git(['-C', folder, 'remote', 'get-url', 'origin'])?.trim()
  return origin ? { top, origin } : { top }
}

/**
 * The `owner/project` path of a remote's URL (subgroups kept: the settings fold them):
 * `https://github.com/o/p.git`, `git@gitlab.com:g/s/p.git`, `ssh://git@host:22/o/p`; undefined
 * for a URL with no host (a folder), or a path of fewer than two parts.
 */
export function originRepository(url: string): string | undefined {
  let repoPath: string | undefined
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    if (!URL.canParse(url)) return undefined
    const parsed = new URL(url)
    if (parsed.protocol === 'file:' || parsed.hostname === '') return undefined
    repoPath = decodeURIComponent(parsed.pathname)
  } else {
    // scp-like: [user@]host:path, where the host has no slash before the colon.
    repoPath = /^(?:[^@/]+@)?[^:/]+:(?!\/\/)(.+)$/.exec(url)?.[1]
  }
  if (repoPath === undefined) return undefined
  const parts = repoPath
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter(part => part !== '' && part !== '~')
  return parts.length >= 2 ? parts.join('/') : undefined
}

/**
 * The defaults of a run outside GitHub Actions in `cwd`: `git-root` the top of the repository
 * around it, `directory` found from it, and the repository the `origin` remote names.
 */
export function aroundDefaults(
  cwd: string,
  git: GitQuery = realGit
): Pick<Defaults, 'repository' | 'repositoryFrom' | 'gitRoot' | 'startFolder'> {
  const around = repositoryAround(cwd, git)
  const origin = around?.origin === undefined ? undefined : originRepository(around.origin)
  return {
    repository: origin ?? '',
    repositoryFrom: origin === undefined ? '' : 'the `origin` remote',
    ...(around === undefined ? {} : { gitRoot: around.top }),
    startFolder: cwd
  }
}
