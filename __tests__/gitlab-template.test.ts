// The GitLab CI/CD component's template, read as GitLab reads it (a `spec:` document, then the
// jobs): its inputs, what it hands the command, and the README's table of inputs.
// gitlab-component.e2e.test.ts runs it under gitlab-ci-local.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  name: string
  version: string
}
const text = fs.readFileSync(path.join(REPO, 'templates', 'flakehub-push.yml'), 'utf8')
const [header, body] = parseAllDocuments(text).map(doc => doc.toJS() as unknown)
type Input = { default?: unknown; type?: string; options?: string[]; description?: string }
const inputs = (header as { spec: { inputs: Record<string, Input> } }).spec.inputs
const jobs = body as Record<string, Record<string, unknown>>
const job = jobs['$[[ inputs.job-name ]]']

/** The README's table after `<!-- gitlab-component-inputs -->`: input → its default column. */
function readmeInputs(): Map<string, string> {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')
  const start = readme.indexOf('<!-- gitlab-component-inputs -->')
  if (start < 0) throw new Error('the README has no table of the component inputs')
  const lines = readme.slice(start).split('\n').slice(2)
  const end = lines.findIndex(line => !line.startsWith('|'))
  const rows = lines.slice(0, end < 0 ? lines.length : end)
  return new Map(
    rows.slice(2).map(row => {
      const [name, fallback] = row
        .split('|')
        .slice(1, 3)
        .map(cell => cell.trim().replace(/^`|`$/g, ''))
      return [name, fallback]
    })
  )
}

describe('the GitLab CI/CD component template', () => {
  it('has one job, named by an input, that declares the ID token for the audience input', () => {
    expect(Object.keys(jobs)).toEqual(['$[[ inputs.job-name ]]'])
    expect(job.id_tokens).toEqual({ GITLAB_JWT_ID_TOKEN: { aud: '$[[ inputs.audience ]]' } })
    expect(job.artifacts).toEqual({ reports: { dotenv: 'flakehub-push.env' } })
    expect((job.variables as Record<string, unknown>).GIT_DEPTH).toBe(0)
  })

  it('requires only visibility, from the three FlakeHub knows', () => {
    const required = Object.entries(inputs).filter(([, input]) => !('default' in input))
    expect(required.map(([name]) => name)).toEqual(['visibility'])
    expect(inputs.visibility.options).toEqual(['public', 'unlisted', 'private'])
  })

  it("installs this package's own version by default", () => {
    expect(inputs.package.default).toBe(`${manifest.name}@${manifest.version}`)
  })

  it('uses every input, and describes each', () => {
    for (const [name, input] of Object.entries(inputs)) {
      expect(text.split('---\n')[1]).toContain(`$[[ inputs.${name} ]]`)
      expect(input.description ?? '').not.toBe('')
    }
  })

  it('hands the command only variables it reads (from its --help)', () => {
    const help = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), '--help'], {
      encoding: 'utf8'
    })
    const known = new Set(help.match(/FLAKEHUB_[A-Z_]+/g) ?? [])
    const given = Object.keys(job.variables as object).filter(name => name.startsWith('FLAKEHUB_'))
    expect(given.length).toBeGreaterThan(10)
    for (const name of given) expect(known).toContain(name)
  })

  it("matches the README's table of inputs: the same names and defaults", () => {
    const table = readmeInputs()
    expect([...table.keys()].sort()).toEqual(Object.keys(inputs).sort())
    for (const [name, input] of Object.entries(inputs)) {
      const written = 'default' in input ? String(input.default) : '(required)'
      expect(`${name}: ${table.get(name)}`).toBe(`${name}: ${written}`)
    }
  })
})
