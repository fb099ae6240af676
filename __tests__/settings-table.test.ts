// The table of settings against what people read: the README's table of the command's flags
// (regenerate it from this test on failure), the limits the README lists, and the rows
// themselves (every row readable where its scope says).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { flagOf, inputOf } from '../src/settings/setting.js'
import { ALL_SETTINGS, limitSettings, secretVariables } from '../src/settings/table.js'

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The command's flags as the README must show them, built from the table. */
function flagsTable(): string[] {
  const rows = ALL_SETTINGS.flatMap(setting => {
    const flag = flagOf(setting)
    if (flag === undefined) return []
    const short = setting.short === undefined ? '' : `, \`-${setting.short}\``
    const variables = [setting.variable, ...(setting.aliases ?? [])]
      .flatMap(name => (name === undefined ? [] : [`\`${name}\``]))
      .join(', ')
    return [`| \`--${flag}\`${short} | ${variables} | ${setting.fallback} | ${setting.help} |`]
  })
  return ['| Flag | Variable | Default | Description |', '| --- | --- | --- | --- |', ...rows]
}

/** Cells of a Markdown table row, so that the README's table may be aligned with spaces. */
const cells = (line: string): string[] =>
  line.split(/(?<!\\)\|/).map(cell => cell.trim().replace(/^-{3,}$/, '---'))

describe('the table of settings', () => {
  it("is the README's table of flags, row for row", () => {
    const table = flagsTable()
    const lines = readme.split('\n')
    const start = lines.findIndex(line => cells(line).join('|') === cells(table[0]).join('|'))
    expect(start).toBeGreaterThanOrEqual(0)
    expect(lines.slice(start, start + table.length).map(cells)).toEqual(table.map(cells))
  })

  it("names every limit in the README's table of limits", () => {
    const section = readme.slice(readme.indexOf('### Slow or hostile networks'))
    for (const { variable } of limitSettings()) expect(section).toContain(`\`${variable}\``)
  })

  it('gives each row a name where its scope says, and a variable only where it is read', () => {
    for (const setting of ALL_SETTINGS) {
      const where = { input: inputOf(setting) !== undefined, flag: flagOf(setting) !== undefined }
      expect({ scope: setting.scope, ...where }).toEqual({
        scope: setting.scope,
        input: setting.scope === 'both' || setting.scope === 'action',
        flag: setting.scope === 'both' || setting.scope === 'command'
      })
      if (setting.scope === 'action') expect(setting.variable).toBeUndefined()
      if (setting.scope === 'environment') expect(setting.variable).toBeDefined()
      if (where.flag) expect(setting.fallback).toBeDefined()
    }
  })

  it('holds the GitHub token as the one secret setting', () => {
    expect(secretVariables()).toEqual(['FLAKEHUB_PUSH_GITHUB_TOKEN'])
  })
})
