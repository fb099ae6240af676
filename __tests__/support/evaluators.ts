// Test support: one flake evaluated by one `nix` (Evaluator.outputs) and by several side by side
// (evaluateOutputs), which must agree to the byte, or fail alike.
import { expect } from '@jest/globals'
import { processRunner } from '../../src/process/command.js'
import { evaluateOutputs } from '../../src/evaluate/workers.js'
import { EvaluationError } from '../../src/evaluate/nix-error.js'
import { Evaluator, type Outputs } from '../../src/evaluate/evaluator.js'
import { Nix } from '../../src/source/nix.js'

const nix = new Evaluator(new Nix(processRunner))
const quiet = { log: () => {} }

/** How the evaluation ended: its document and counts (keys in order), or its failure. */
export type Outcome =
  | { json: string; counts: [string, number][] }
  | { failed: string; output?: string; message: string }

function outcome(result: Promise<Outputs>): Promise<Outcome> {
  return result.then(
    ({ json, counts }) => ({ json, counts: Object.entries(counts) }),
    (error: unknown) =>
      error instanceof EvaluationError
        ? { failed: error.name, ...error.failure }
        : { failed: String(error), message: '' }
  )
}

/**
 * The flake `url` evaluated once by one evaluator and then by `workers` evaluators for each
 * count given (a count above what the flake can be dealt into gives one evaluator per system
 * and entry): every outcome must be the single evaluation's. Returns the single evaluation's,
 * and how many evaluators ran side by side for each count given.
 *
 * A flake broken in several places may be named by whichever worker fails first: `brokenAt`
 * lists those places (output paths), and then any of them may be named, with its own message.
 */
export async function evaluateEveryWay(
  url: string,
  includeOutputPaths = false,
  { workers = [2, 64], brokenAt = [] }: { workers?: number[]; brokenAt?: string[] } = {}
): Promise<{ single: Outcome; used: number[] }> {
  const single = await outcome(nix.outputs(url, includeOutputPaths, quiet))
  const used: number[] = []
  for (const evaluators of workers) {
    const lines: string[] = []
    const parallel = await outcome(
      evaluateOutputs(nix, url, includeOutputPaths, { evaluators, log: line => lines.push(line) })
    )
    const sideBySide = lines.map(line => /^(\d+) evaluators side by side/.exec(line)).find(Boolean)
    used.push(sideBySide ? Number(sideBySide[1]) : 1)
    if ('failed' in single && 'output' in parallel && brokenAt.includes(parallel.output ?? '')) {
      expect(brokenAt).toContain(single.output)
      expect(parallel.failed).toBe(single.failed)
      continue
    }
    expect({ evaluators, ...parallel }).toEqual({ evaluators, ...single })
  }
  return { single, used }
}
