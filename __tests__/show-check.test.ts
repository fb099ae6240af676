// One evaluation instead of two: the action's `nix eval` (show-check.nix beside inspect.nix)
// must fail exactly where the established publisher fails, that is where the real
// `nix flake show --all-systems` fails or where its inspect evaluation fails, and pass
// everywhere else. Each row states what `nix flake show` does with the flake on the Nix
// versions the project tests (2.8 here, 2.26 and 2.34 in CI's chroots); the test runs that
// `nix flake show` and checks the row, then runs the action's evaluation and checks it agrees.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { processRunner } from '../src/process/command.js'
import { Evaluator } from '../src/evaluate/evaluator.js'
import { Nix } from '../src/source/nix.js'
import { ROWS, type Row, fails } from './support/broken-flakes.js'
import { makeRepo, nixJson, sh } from './support/nix.js'

const evaluator = new Evaluator(new Nix(processRunner))
const quiet = { log: () => {} }

function nixVersion(): [number, number] {
  const [, major, minor] = /(\d+)\.(\d+)/.exec(sh('nix', ['--version']))!
  return [Number(major), Number(minor)]
}

/** Run the real `nix flake show` as the established publisher does; true when it fails. */
function showFails(url: string, version: [number, number]): boolean {
  const allSystems = version[0] > 2 || version[1] >= 14 ? ['--all-systems'] : []
  try {
    sh('nix', ['flake', 'show', '--json', '--no-write-lock-file', ...allSystems, url])
    return false
  } catch {
    return true
  }
}

describe('the all-systems check inside the outputs evaluation', () => {
  const version = nixVersion()
  const urls = new Map<Row, string>()

  beforeAll(() => {
    for (const row of ROWS) {
      const flakeNix = `{\n  outputs = { self }: ${row.outputs};\n}\n`
      const dir = makeRepo({ 'flake.nix': flakeNix })
      urls.set(row, nixJson<{ url: string }>(['flake', 'metadata', '--json', dir]).url)
    }
  })

  it.each(ROWS)('agrees with nix flake show on $what', async row => {
    const url = urls.get(row)!
    const expected = fails(row.show, version)
    expect({ nixFlakeShowFails: showFails(url, version) }).toEqual({ nixFlakeShowFails: expected })

    const evaluation = evaluator.outputs(url, false, quiet)
    if (!expected && !row.inspectFails) {
      await expect(evaluation).resolves.toHaveProperty('json')
      return
    }
    const error = await evaluation.then(
      () => new Error('the evaluation passed'),
      (e: unknown) => e as Error
    )
    expect(error.name).toBe('EvaluationError')
    if (row.output !== undefined)
      expect(error.message).toMatch(`The flake output \`${row.output}\` does not evaluate`)
    if (row.message !== undefined) expect(error.message).toMatch(row.message)
  })
})
