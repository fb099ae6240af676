/**
 * The action's settings: its inputs (as the runner hands them over), and the variables that
 * only the environment sets (the network limits). Problems name them as inputs.
 */
import { type Setting, inputOf } from './setting.js'
import type { SettingSource, Spelling } from './settings.js'
import { nearest } from './suggest.js'
import { ALL_SETTINGS } from './table.js'

/** How the action names a setting: an input (`rev`), or a variable for the limits. */
export const INPUT_SPELLING: Spelling = {
  setting: setting =>
    setting.scope === 'environment'
      ? `Environment variable \`${setting.variable}\``
      : `Input \`${inputOf(setting) ?? setting.name}\``,
  ref: setting => `\`${inputOf(setting) ?? setting.name ?? setting.variable}\``,
  write: (setting, value) => `\`${inputOf(setting) ?? setting.name}: ${value}\``
}

/** The action's inputs (`core.getInput` on a runner) and the environment's variables. */
export function actionSource(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv
): SettingSource {
  return {
    value(setting: Setting) {
      const name = inputOf(setting)
      if (name !== undefined) return input(name)
      const variable = setting.scope === 'environment' ? setting.variable : undefined
      return variable === undefined ? '' : (env[variable] ?? '')
    },
    spelling: INPUT_SPELLING,
    ...misspelledInputs(env),
    ignored(given) {
      if (given.length === 0) return { warnings: [], notes: [] }
      // The inputs that chose the binary first (they are the action's alone), then the logger's.
      const binary = given.filter(({ setting }) => setting.scope === 'action')
      const logger = given.filter(({ setting }) => setting.scope !== 'action')
      const names = [...binary, ...logger].map(({ setting }) => inputOf(setting)).join(', ')
      const warning =
        `These inputs are ignored: ${names}. They chose the binary or the log format of ` +
        'the established flakehub-push action; this action runs natively (use step debug logging for detail).'
      return { warnings: [warning], notes: [] }
    }
  }
}

/** The runner's variable for the input `name`: `INPUT_<NAME>`, spaces as `_`, hyphens kept. */
const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Inputs given (`INPUT_*` in `env`) that are not this action's but near one of its inputs: each
 * a problem that names the input meant. Others are left to the runner, which warns of them.
 */
function misspelledInputs(env: NodeJS.ProcessEnv): {
  problems: string[]
  misspelled: Set<Setting>
} {
  const byVariable = new Map(
    ALL_SETTINGS.flatMap(setting => {
      const name = inputOf(setting)
      return name === undefined ? [] : [[inputVariable(name), setting] as const]
    })
  )
  const names = new Map([...byVariable].map(([variable, setting]) => [variable, inputOf(setting)!]))
  const problems: string[] = []
  const misspelled = new Set<Setting>()
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith('INPUT_') || byVariable.has(variable)) continue
    const meant = nearest(variable, names.keys())
    if (meant === undefined) continue
    const given = variable.slice('INPUT_'.length).toLowerCase()
    problems.push(
      `Input \`${given}\`: is not an input of this action; did you mean \`${names.get(meant)}\`?`
    )
    misspelled.add(byVariable.get(meant)!)
  }
  return { problems, misspelled }
}
