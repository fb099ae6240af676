// The shape of the house (issue 15), measured on src/ with TypeScript's own parser: no import
// cycle (type-only imports included), no function over 60 lines, no file over 400 lines, and
// each setting's name (input, flag, variable) spelled once: in the table of settings.
import { describe, expect, it } from '@jest/globals'
import { flagOf, inputOf } from '../src/settings/setting.js'
import { ALL_SETTINGS } from '../src/settings/table.js'
import { importCycles, readSources } from './support/house.js'

const MAX_FUNCTION_LINES = 60
const MAX_FILE_LINES = 400

const files = readSources()

describe('the house', () => {
  it('has no import cycle in src/, type-only imports included', () => {
    expect(importCycles(files)).toEqual([])
  })

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap(file =>
      file.functions
        .filter(fn => fn.lines > MAX_FUNCTION_LINES)
        .map(fn => `${file.name} ${fn.name}`)
    )
    expect(long).toEqual([])
  })

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const big = files.filter(file => file.lines > MAX_FILE_LINES).map(file => file.name)
    expect(big).toEqual([])
  })
})

/** A name as it is written in a string of the sources, and how to find it there. */
interface Spelled {
  name: string
  /** Whether `text`, the text of one string literal (or template part), spells it. */
  in(text: string): boolean
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Every name the table gives a setting: a variable anywhere in a string; a flag as `--flag`
 * anywhere in a string; an input quoted in a message as `` `input` ``, or as a whole string when
 * it is no plain word (`git-root`; `tag` is also the kind of a version).
 */
function spelledNames(): Spelled[] {
  return ALL_SETTINGS.flatMap(setting => {
    const variables = [setting.variable, ...(setting.aliases ?? [])].flatMap(name =>
      name === undefined
        ? []
        : [{ name, in: (text: string) => new RegExp(`\\b${escape(name)}\\b`).test(text) }]
    )
    const flag = flagOf(setting)
    const flagPattern = new RegExp(`--${escape(flag ?? '')}(?![\\w-])`)
    const flags =
      flag === undefined
        ? []
        : [{ name: `--${flag}`, in: (text: string) => flagPattern.test(text) }]
    const input = inputOf(setting)
    const word = input !== undefined && /^[a-z]+$/.test(input)
    const inputs =
      input === undefined
        ? []
        : [
            {
              name: input,
              in: (text: string) => (!word && text === input) || text.includes(`\`${input}\``)
            }
          ]
    return [...variables, ...flags, ...inputs]
  })
}

describe('the names of the settings', () => {
  it('are spelled in the table and in no other file of src/', () => {
    const elsewhere = files
      .filter(file => file.name !== 'settings/table.ts')
      .flatMap(file =>
        spelledNames()
          .filter(spelled => file.strings.some(text => spelled.in(text)))
          .map(spelled => `${file.name}: ${spelled.name}`)
      )
    expect(elsewhere).toEqual([])
  })

  it('are each given to one setting of the table', () => {
    const names = ALL_SETTINGS.flatMap(setting => [
      ...new Set([inputOf(setting), flagOf(setting), setting.variable, ...(setting.aliases ?? [])])
    ]).filter(name => name !== undefined)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
    expect(names.length).toBeGreaterThan(60)
  })
})
