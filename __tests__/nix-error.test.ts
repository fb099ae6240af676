// Reading a failed evaluation's stderr: the flake output it names and Nix's own message, in the
// layouts of Nix 2.8 (message first) and of newer Nix (message last).
import { describe, expect, it } from '@jest/globals'
import { readEvaluationFailure } from '../src/evaluate/nix-error.js'

const NIX_2_8 = `error: boom on darwin

       … while evaluating the attribute 'b'

       at /nix/store/x-source/flake.nix:4:58:

            3|
            4|   in { packages.aarch64-darwin.b = throw "boom on darwin"; };
             |                                    ^

       … while evaluating the flake output 'packages.aarch64-darwin.b'

       … while evaluating the flake output 'packages.aarch64-darwin'

       … while evaluating the flake output 'packages'
`

const NIX_2_26 = `error:
       … while calling the 'seq' builtin
         at «string»:1:139:
       … while evaluating the flake output 'packages'

       … while evaluating the flake output 'packages.aarch64-darwin'

       … while evaluating the flake output 'packages.aarch64-darwin.b'

       (stack trace truncated; use '--show-trace' to show the full, detailed trace)

       error: boom on darwin
`

const MISSING = `error:
       … while evaluating the flake output 'templates.a'

       error: attribute 'description' missing
       at /nix/store/x/show-check.nix:70:75:
           69|
           70|   template = path: value: within path (value.description);
`

describe('reading why an evaluation failed', () => {
  it.each([
    ['Nix 2.8, message first', NIX_2_8, 'packages.aarch64-darwin.b', 'boom on darwin'],
    ['newer Nix, message last', NIX_2_26, 'packages.aarch64-darwin.b', 'boom on darwin'],
    [
      'a message followed by its position',
      MISSING,
      'templates.a',
      "attribute 'description' missing"
    ],
    [
      'an error before any output (a syntax error)',
      "error: syntax error, unexpected '}'\n\n       at /nix/store/x/flake.nix:3:1:\n",
      undefined,
      "syntax error, unexpected '}'"
    ],
    [
      'a message of several lines',
      'error: builder for foo.drv failed with exit code 1;\n       last 2 log lines:\n       > no\n\n',
      undefined,
      'builder for foo.drv failed with exit code 1;\nlast 2 log lines:\n> no'
    ]
  ])('%s', (_, stderr, output, message) => {
    expect(readEvaluationFailure(stderr)).toEqual(
      output === undefined ? { message } : { output, message }
    )
  })

  it('falls back to the last lines when there is no error line', () => {
    expect(readEvaluationFailure('warning: a\nKilled\n')).toEqual({ message: 'warning: a\nKilled' })
  })

  it('says so when Nix printed nothing', () => {
    expect(readEvaluationFailure('')).toEqual({ message: '(Nix printed nothing on stderr)' })
  })
})
