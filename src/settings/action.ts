/**
 * The action's settings: its inputs (as the runner hands them over), and the variables that
 * only the environment sets (the network limits). Problems name them as inputs.
 */
import { type Setting, inputOf } from './setting.js'
import type { SettingSource, Spelling } from './settings.js'

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
    problems: [],
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
