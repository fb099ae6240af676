// Outside GitHub, a workflow command (`::warning::`, `::add-mask::` …) shows up raw, and a mask
// would even print the token. So only the GitHub reporter may speak the toolkit's log calls;
// everything else logs through `log` from the reporter.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'

const SRC = new URL('../src/', import.meta.url)
/** The files that are GitHub's side of reporting, and the toolkit calls that print nothing. */
const GITHUB_SIDE = ['places/github-reporter.ts', 'places/github-summary.ts']
const QUIET = new Set(['getInput', 'getIDToken'])

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

describe('log lines', () => {
  it('reach @actions/core only through the GitHub reporter', () => {
    const root = SRC.pathname
    const offending = sources(root)
      .filter(file => !GITHUB_SIDE.includes(path.relative(root, file)))
      .flatMap(file =>
        // `core.` in code, not in a quoted string (Git's `core.*` settings, in git-tree.ts).
        [...fs.readFileSync(file, 'utf8').matchAll(/(?<!['"`])\bcore\.(\w+)/g)]
          .filter(([, call]) => !QUIET.has(call))
          .map(([text]) => `${path.relative(root, file)}: ${text}`)
      )
    expect(offending).toEqual([])
  })
})
