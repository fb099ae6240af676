// Where in the flake's files an evaluation failed, read from Nix's trace in each layout: Nix 2.8
// (message first, positions after), 2.26 (trace first, store paths) and 2.34 (trace first, the
// commit's Git URL); positions in other sources (the inspect flake, inputs) are not the flake's.
import { describe, expect, it } from '@jest/globals'
import { CommandError } from '../src/process/command.js'
import { EvaluationError } from '../src/evaluate/nix-error.js'
import { LocatedError, flakePosition, locateError } from '../src/evaluate/position.js'

const SOURCE = '/nix/store/3q3pky6s12r9fvg0h4hz59pzkaiyigip-source'
const INSPECT = '/nix/store/ipxkcmaz6j98x492hd6r5db8i7gas70y-source'
const REV = '957e0707256762e24336adeb426c568ea6a9c3c1'
const ROOT = { storePath: SOURCE, revision: REV }

const nix28 = [
  'error: this package is broken',
  '',
  `       at ${SOURCE}/sub/flake.nix:3:5:`,
  '',
  '            2|   outputs = { self }: {',
  '       … while evaluating the attribute',
  `       at ${INSPECT}/show-check.nix:46:18:`,
  `       at ${SOURCE}/sub/flake.nix:2:3:`
].join('\n')

const nix226 = [
  'error:',
  '       … while calling the seq builtin',
  `         at ${INSPECT}/flake.nix:27:7:`,
  '       … while evaluating the attribute broken',
  `         at ${SOURCE}/sub/flake.nix:3:5:`,
  '       … while calling the throw builtin',
  `         at ${SOURCE}/sub/flake.nix:4:7:`,
  '            4|       throw "this package is broken";',
  '       error: this package is broken'
].join('\n')

const nix234 = nix226
  .replaceAll(`${SOURCE}/`, `«git+file:///tmp/repo?ref=refs/heads/main&rev=${REV}»/`)
  .replace(
    `${INSPECT}/flake.nix`,
    '«git+file:///elsewhere?rev=0000000000000000000000000000000000000000»/x.nix'
  )

describe("the position of an evaluation error in the flake's files", () => {
  it.each([
    ['Nix 2.8: the first after the message', nix28, { file: 'sub/flake.nix', line: 3, column: 5 }],
    [
      'Nix 2.26: the last before the message',
      nix226,
      { file: 'sub/flake.nix', line: 4, column: 7 }
    ],
    ["Nix 2.34: by the commit's Git URL", nix234, { file: 'sub/flake.nix', line: 4, column: 7 }]
  ])('%s', (_, stderr, position) => {
    expect(flakePosition(stderr, ROOT)).toEqual(position)
  })

  it("is none when Nix names only other sources' files", () => {
    const other = nix226.replaceAll(SOURCE, INSPECT)
    expect(flakePosition(other, ROOT)).toBeUndefined()
    expect(flakePosition(nix234, { storePath: SOURCE })).toBeUndefined()
  })

  it('starts the error with file:line:column and keeps it for the annotation', () => {
    const failed = EvaluationError.from(new CommandError('nix eval …', 1, nix226))
    const located = locateError(failed, ROOT)
    expect(located).toBeInstanceOf(LocatedError)
    expect((located as LocatedError).at).toEqual({ file: 'sub/flake.nix', line: 4, column: 7 })
    expect((located as LocatedError).message).toBe(`sub/flake.nix:4:7: ${failed.message}`)
  })

  it('leaves other errors, and evaluation errors with no position, as they are', () => {
    const plain = new Error('boom')
    expect(locateError(plain, ROOT)).toBe(plain)
    const unplaced = EvaluationError.from(new CommandError('nix eval …', 1, 'error: boom'))
    expect(locateError(unplaced, ROOT)).toBe(unplaced)
  })
})
