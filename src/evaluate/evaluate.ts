/**
 * The evaluation as a phase of the run: the all-systems check and the outputs document from one
 * `nix` process or several side by side (workers.ts), or, for a flake that is too big, only
 * `nix flake show` for the current system.
 */
import type { Evaluators } from '../settings/settings.js'
import type { Phases } from '../timing.js'
import { type Evaluator, NO_OUTPUTS, type Outputs } from './evaluator.js'
import { evaluateOutputs } from './workers.js'

/** What the evaluation is asked to do. */
export interface EvaluationSettings {
  /** Record the derivation and output paths of each flake output. */
  includeOutputPaths: boolean
  /** Skip the all-systems evaluation and send an empty outputs document. */
  myFlakeIsTooBig: boolean
  /** How many `nix` processes evaluate side by side ('auto': one per core). */
  evaluators: Evaluators
}

/**
 * The all-systems check and the outputs document of `flakeRef`, from one evaluation or several
 * side by side (`settings.evaluators`); for a flake that is too big (`my-flake-is-too-big`),
 * only `nix flake show` for the current system and no document. Once `nix` runs, packing steps
 * back (`packing.stepBack()`), so that it does not slow the evaluators down.
 */
export function evaluate(
  evaluator: Evaluator,
  flakeRef: string,
  settings: EvaluationSettings,
  phases: Phases,
  signal: AbortSignal,
  packing: { stepBack: () => void }
): Promise<Outputs> {
  const onSpawn = (): void => packing.stepBack()
  if (settings.myFlakeIsTooBig)
    return phases.run('Evaluate (current system)', async phaseLog => {
      await evaluator.showCurrentSystem(flakeRef, { signal, log: phaseLog.info, onSpawn })
      return NO_OUTPUTS
    })
  return phases.run('Evaluate (all systems)', async phaseLog => {
    const outputs = await evaluateOutputs(evaluator, flakeRef, settings.includeOutputPaths, {
      evaluators: settings.evaluators,
      signal,
      log: phaseLog.info,
      onSpawn
    })
    const names = Object.keys(outputs.counts)
    const kinds = names.length === 1 ? 'output type' : 'output types'
    phaseLog.info(`${names.length} ${kinds}${names.length === 0 ? '' : `: ${names.join(', ')}`}`)
    return outputs
  })
}
