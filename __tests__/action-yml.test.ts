// action.yml, the table of settings and the README's inputs table must say the same thing.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { parse } from 'yaml'
import { OUTPUTS as OUTPUT_TABLE, outputsOf } from '../src/report.js'
import { inputOf } from '../src/settings/setting.js'
import { ALL_SETTINGS } from '../src/settings/table.js'

const INPUTS = ALL_SETTINGS.flatMap(setting => inputOf(setting) ?? [])
const OUTPUTS = Object.keys(
  outputsOf(
    { uploadName: '', version: '', flakeRefs: { atLeast: '', exact: '' } } as never,
    'dry-run'
  )
)

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const action = parse(
  fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
) as ActionYml
const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The inputs table as the README must show it, built from the table of settings. */
function inputsTable(): string {
  const cell = (text: string) => text.trim().replace(/\n+/g, ' ').replace(/\|/g, '\\|')
  const rows = ALL_SETTINGS.flatMap(setting => {
    const name = inputOf(setting)
    if (name === undefined) return []
    const fallback =
      setting.default === undefined || setting.default === '' ? '' : `\`${setting.default}\``
    return `| \`${name}\` | ${setting.required === true ? 'yes' : 'no'} | ${fallback} | ${cell(setting.help)} |`
  })
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the table has, in its order, the binary-source ones included', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS)
  })

  it('describes each input, its default and whether it is required as the table does', () => {
    for (const setting of ALL_SETTINGS) {
      const name = inputOf(setting)
      if (name === undefined) continue
      expect({ name, ...action.inputs[name] }).toEqual({
        name,
        description: setting.help,
        required: setting.required === true,
        ...(setting.default === undefined ? {} : { default: setting.default })
      })
    }
  })

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(OUTPUTS.sort())
  })

  it('describes each output as the table of outputs does, in its order', () => {
    expect(action.outputs).toEqual(
      Object.fromEntries(
        Object.entries(OUTPUT_TABLE).map(([name, { description }]) => [name, { description }])
      )
    )
    expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUT_TABLE))
  })

  it('keeps the defaults of the established action', () => {
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [name, input.default])
    )
    expect(defaults).toMatchObject({
      repository: '${{ github.repository }}',
      'git-root': '.',
      host: 'https://api.flakehub.com',
      'github-token': '${{ github.token }}',
      mirror: 'false',
      rolling: 'false',
      'error-on-conflict': 'false',
      'include-output-paths': 'false',
      'my-flake-is-too-big': 'false',
      'log-directives': 'flakehub_push=info',
      logger: 'full'
    })
    expect(action.inputs.visibility.required).toBe(true)
  })

  it('is described by the README inputs table, row for row (regenerate it from this test on failure)', () => {
    // Compare cell by cell, so that the table may be aligned with spaces (prettier does that).
    const cells = (line: string) =>
      line.split(/(?<!\\)\|/).map(cell => cell.trim().replace(/^-{3,}$/, '---'))
    const table = inputsTable().split('\n')
    const start = readme
      .split('\n')
      .findIndex(line => cells(line).join('|') === cells(table[0]).join('|'))
    expect(start).toBeGreaterThanOrEqual(0)
    const shown = readme.split('\n').slice(start, start + table.length)
    expect(shown.map(cells)).toEqual(table.map(cells))
  })

  it('has its outputs listed in the README', () => {
    for (const name of OUTPUTS) expect(readme).toContain(`\`${name}\``)
  })
})
