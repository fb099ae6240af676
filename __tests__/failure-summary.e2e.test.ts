// End to end: the action (`node dist/index.js`) when a run fails: the job summary says what
// failed, what to do and how far the phases got, and the error annotation points at the line
// of the flake where Nix found the error.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/action.js'
import { makeRepo } from './support/nix.js'

const dest = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dest-')), 'out')

/** A flake whose package throws, in `dir` of the repository. */
const throwing = `{
  outputs = { self }: {
    packages.x86_64-linux.broken =
      throw "this package is broken";
  };
}
`

describe('a failed run of the action', () => {
  it('leaves a job summary naming the failed phase, the error with its fix, and the phases', async () => {
    const repo = makeRepo({ 'flake.nix': throwing })
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', 'dest-dir': dest() }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toMatch(/^<h2>Failed: Evaluate \(all systems\)<\/h2>\n<pre><code>/)
    expect(run.summary).toContain(
      'The flake output `packages.x86_64-linux.broken` does not evaluate. Nix says:\nerror: this package is broken'
    )
    const rows = [
      ...run.summary.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><td>[\d.]+<\/td><\/tr>/g)
    ]
    expect(rows.map(([, phase, result]) => `${phase}: ${result}`)).toEqual(
      expect.arrayContaining([
        'Repository: done',
        'Locate flake: done',
        'Evaluate (all systems): failed'
      ])
    )
    expect(run.outputs).toEqual({})
  })

  it('leaves a summary when the settings stop it before any phase', async () => {
    const repo = makeRepo({ 'flake.nix': throwing })
    const run = await runAction({ workspace: repo, inputs: { rolling: 'true' } })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toBe(
      '<h2>Failed before it started</h2>\n' +
        '<pre><code>Input `visibility`: is required; write `public`, `unlisted` or `private`.</code></pre>\n' +
        'No phase ran: nothing was evaluated or published.\n'
    )
  })
})

describe('an evaluation error in the action', () => {
  it("is annotated on the flake's line: the file from the repository's top, the line and the column", async () => {
    const repo = makeRepo({ 'README.md': 'Hi', 'sub/flake.nix': throwing })
    const run = await runAction({
      workspace: repo,
      inputs: { visibility: 'public', rolling: 'true', directory: 'sub', 'dest-dir': dest() }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.annotations.filter(annotation => annotation.level === 'error')
    expect(errors).toHaveLength(1)
    const [error] = errors
    // Nix 2.8 places it at the attribute (line 3), newer Nix at the throw (line 4).
    expect(error.properties).toEqual({
      file: 'sub/flake.nix',
      line: expect.stringMatching(/^[34]$/),
      col: expect.stringMatching(/^\d+$/)
    })
    const { line, col } = error.properties!
    expect(error.message).toMatch(
      new RegExp(
        `^sub/flake\\.nix:${line}:${col}: The flake output \`packages\\.x86_64-linux\\.broken\` does not evaluate\\. Nix says:\\nerror: this package is broken\\n`
      )
    )
    expect(run.summary).toContain(`sub/flake.nix:${line}:${col}: The flake output`)
  })
})
