// The repository around the folder a run starts in (outside GitHub Actions): its top and the
// repository its `origin` remote names, in every URL form Git takes, asked of the real Git.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { aroundDefaults, originRepository, repositoryAround } from '../src/places/around.js'
import { makeRepo, sh } from './support/nix.js'

describe("the origin remote's repository", () => {
  it.each([
    ['https://github.com/my-org/my-flake', 'my-org/my-flake'],
    ['https://github.com/my-org/my-flake.git', 'my-org/my-flake'],
    ['https://github.com/my-org/my-flake/', 'my-org/my-flake'],
    ['http://gitlab.example.com:8080/group/sub/project.git', 'group/sub/project'],
    [
      'https://oauth2:glpat-secret@gitlab.com/group/sub/deeper/project.git',
      'group/sub/deeper/project'
    ],
    ['git@github.com:my-org/my-flake.git', 'my-org/my-flake'],
    ['github.com:my-org/my-flake', 'my-org/my-flake'],
    ['git@gitlab.com:group/subgroup/project.git', 'group/subgroup/project'],
    ['ssh://git@gitlab.com/group/subgroup/project.git', 'group/subgroup/project'],
    ['ssh://git@github.com:22/my-org/my-flake', 'my-org/my-flake'],
    ['git+ssh://git@github.com/my-org/my-flake.git', 'my-org/my-flake'],
    ['https://github.com/my%20org/flake', 'my org/flake']
  ])('reads %j as %j', (url, repository) => {
    expect(originRepository(url)).toBe(repository)
  })

  it.each([
    '/srv/git/flake.git',
    '../flake',
    'file:///srv/git/org/flake.git',
    'https://github.com/only-owner',
    'git@github.com:only-owner.git',
    'not a url at all'
  ])('finds no repository in %j', url => {
    expect(originRepository(url)).toBeUndefined()
  })
})

describe('the repository around a folder', () => {
  it('is the top of the checkout from any folder in it, with the repository origin names', () => {
    const repo = makeRepo({ 'flake.nix': '{ outputs = _: {}; }', 'tools/deep/x': '' })
    sh('git', ['remote', 'add', 'origin', 'git@gitlab.com:group/sub/project.git'], repo)
    const top = fs.realpathSync(repo)
    expect(repositoryAround(path.join(repo, 'tools', 'deep'))).toEqual({
      top,
      origin: 'git@gitlab.com:group/sub/project.git'
    })
    expect(aroundDefaults(path.join(repo, 'tools'))).toEqual({
      repository: 'group/sub/project',
      repositoryFrom: 'the `origin` remote',
      gitRoot: top,
      startFolder: path.join(repo, 'tools')
    })
  })

  it('has no origin in a repository without one, and no top outside any repository', () => {
    const repo = makeRepo({ 'flake.nix': '{ outputs = _: {}; }' })
    expect(repositoryAround(repo)).toEqual({ top: fs.realpathSync(repo) })
    expect(aroundDefaults(repo)).toMatchObject({ repository: '', repositoryFrom: '' })
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'no-repo-'))
    expect(repositoryAround(outside)).toBeUndefined()
    expect(aroundDefaults(outside)).toEqual({
      repository: '',
      repositoryFrom: '',
      startFolder: outside
    })
  })
})
