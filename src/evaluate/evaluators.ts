/**
 * The setting of how many `nix` processes evaluate the flake side by side (evaluate/workers.ts).
 * For now it is read from an environment variable, in one place; it is to join the table of
 * settings as the input `evaluators` and the flag `--evaluators`.
 */

/** How many evaluators: a number (1: one `nix`, as before), or one per core ('auto'). */
export type Evaluators = number | 'auto'

/** Where the setting comes from, until it joins the settings table (input `evaluators`). */
export const EVALUATORS_VARIABLE = 'FLAKEHUB_PUSH_EVALUATORS'
const MOST_EVALUATORS = 64

/**
 * The setting from `env`, or the problem with it (said as the other input problems are). Unset
 * or empty: 'auto'.
 */
export function readEvaluators(env: NodeJS.ProcessEnv): {
  evaluators: Evaluators
  problems: string[]
} {
  const text = env[EVALUATORS_VARIABLE]
  if (text === undefined || text.trim() === '') return { evaluators: 'auto', problems: [] }
  const trimmed = text.trim()
  const count = /^[0-9]{1,3}$/.test(trimmed) ? Number(trimmed) : NaN
  if (count >= 1 && count <= MOST_EVALUATORS) return { evaluators: count, problems: [] }
  return {
    evaluators: 'auto',
    problems: [
      `Environment variable \`${EVALUATORS_VARIABLE}\`: "${text}" is not a number of evaluators; ` +
        `write a whole number from 1 to ${MOST_EVALUATORS} (\`1\`: one \`nix\` evaluates ` +
        `everything), or unset it for one per core.`
    ]
  }
}
