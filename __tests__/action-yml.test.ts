// action.yml, the names the code uses and the README's inputs table must say the same thing.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { parse } from 'yaml'
import { BINARY_SOURCE_INPUTS, Input, Output } from '../src/settings/action-io.js'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const action = parse(
  fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
) as ActionYml
const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The inputs table as the README must show it, built from action.yml. */
function inputsTable(): string {
  const cell = (text: string) => text.trim().replace(/\n+/g, ' ').replace(/\|/g, '\\|')
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const fallback =
      input.default === undefined || input.default === '' ? '' : `\`${input.default}\``
    return `| \`${name}\` | ${input.required === true ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
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

  it('declares exactly the inputs the code reads, the binary-source ones included', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [...Object.values(Input), ...BINARY_SOURCE_INPUTS].sort()
    )
  })

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
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
    for (const name of Object.values(Output)) expect(readme).toContain(`\`${name}\``)
  })
})
