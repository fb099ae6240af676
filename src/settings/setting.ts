/**
 * What a row of the table of settings (table.ts) says of a setting, and what can be read off a
 * row: its input, its flag, whether it holds a token, the limit it sets.
 */
import type { Timeouts } from './timeouts.js'

/**
 * Where a setting is given: `both` as an action input and as a flag of the command (with the
 * same name), `action` or `command` only there, `environment` only as a variable (read by both).
 */
export type Scope = 'both' | 'action' | 'command' | 'environment'

/**
 * `text`; `boolean`: `true` or `false`, a bare flag; `count`: a flag that may be repeated (`-vv`),
 * or a whole number in its variable; `list`: comma separated, and a flag that may be repeated.
 */
export type Kind = 'text' | 'boolean' | 'count' | 'list'

export interface Setting {
  readonly scope: Scope
  /** The action's input and the command's flag (without `--`), as `scope` says. */
  readonly name?: string
  /** The command's flag where it differs from the input's name. */
  readonly flag?: string
  /** The command's one-letter flag (`-l`). */
  readonly short?: string
  /** The environment variable the command reads when the flag is not given. */
  readonly variable?: string
  /** Older spellings of the variable, still read after it. */
  readonly aliases?: readonly string[]
  readonly kind: Kind
  /** The action's default (as `action.yml` declares it). */
  readonly default?: string
  readonly required?: true
  /** What it does: the action's description, the README's and `--help`'s. */
  readonly help: string
  /** The command's value in `--help` and in messages (`owner/project`). */
  readonly value?: string
  /** What the command takes when it is not given, for `--help`. */
  readonly fallback?: string
  /** A token: kept from the log and from every child process. */
  readonly secret?: true
  /** Accepted and ignored: the established tool's own settings, which mean nothing here. */
  readonly ignored?: true
  /** The value of an ignored setting that draws no warning (its usual value). */
  readonly ignoredUnless?: string
  /** The network limit it sets, in seconds. */
  readonly limit?: keyof Timeouts
}

/** The action's input name of a setting, if the action has it. */
export function inputOf(setting: Setting): string | undefined {
  return setting.scope === 'both' || setting.scope === 'action' ? setting.name : undefined
}

/** The command's flag of a setting, without `--`, if the command has one. */
export function flagOf(setting: Setting): string | undefined {
  return setting.scope === 'both' || setting.scope === 'command'
    ? (setting.flag ?? setting.name)
    : undefined
}
