// The runner context the settings fall back on: GITHUB_REPOSITORY, GITHUB_REF_NAME and
// GITHUB_WORKSPACE, each read as the runner sets it, by GitHub's place (a file of its own:
// settings.test.ts is about the inputs).
import { afterEach, describe, expect, it } from '@jest/globals'
import { github } from '../src/places/github.js'

/** The defaults of GitHub's place, entered with `env` (this process's by default) in the current folder. */
const defaultsFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  github.enter(env, process.cwd()).defaults

const NAMES = ['GITHUB_REPOSITORY', 'GITHUB_REF_NAME', 'GITHUB_WORKSPACE'] as const
const saved = Object.fromEntries(NAMES.map(name => [name, process.env[name]]))
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

describe('defaultsFromEnv', () => {
  it("takes the repository, the tag and the workspace from the runner's variables", () => {
    expect(
      defaultsFromEnv({
        GITHUB_REPOSITORY: 'owner/project',
        GITHUB_REF_NAME: 'v1.2.3',
        GITHUB_WORKSPACE: '/home/runner/work/project',
        GITHUB_SHA: 'a'.repeat(40)
      })
    ).toEqual({
      repository: 'owner/project',
      refName: 'v1.2.3',
      workspace: '/home/runner/work/project'
    })
  })

  it('leaves the repository and the tag empty when unset, and works in the current directory', () => {
    expect(defaultsFromEnv({})).toEqual({ repository: '', refName: '', workspace: process.cwd() })
  })

  it('keeps an empty repository or tag empty, and takes an empty workspace as unset', () => {
    expect(
      defaultsFromEnv({ GITHUB_REPOSITORY: '', GITHUB_REF_NAME: '', GITHUB_WORKSPACE: '' })
    ).toEqual({ repository: '', refName: '', workspace: process.cwd() })
  })

  it("reads this process's environment when given none", () => {
    process.env.GITHUB_REPOSITORY = 'someone/else'
    process.env.GITHUB_REF_NAME = 'main'
    process.env.GITHUB_WORKSPACE = '/tmp/checkout'
    expect(defaultsFromEnv()).toEqual({
      repository: 'someone/else',
      refName: 'main',
      workspace: '/tmp/checkout'
    })
  })
})
