// `npm run mutate [-- MODULE…]`: mutation testing (StrykerJS, stryker.config.mjs) of the given
// modules against the unit tests, ending with one line per module: its mutants and its score.
//
// MODULE is a source file (`src/labels.ts`), optionally with a line range (`src/settings/timeouts.ts:40-60`).
// Without arguments the modules come from MUTATE (separated by spaces or commas), else the rule
// and secret-keeping modules below. MUTATE_FLOOR=90 makes the run fail when any module scores
// below 90 %. MUTATE_CONCURRENCY=1 runs one test process at a time (the default, from
// stryker.config.mjs, is 2: one per core of the machine CI runs on), for a machine shared with
// other work. MUTATE_INCREMENTAL=FILE keeps each mutant's result in FILE and, on the next run with
// the same FILE, tests again only the mutants whose code or covering tests changed, and those
// that survived (Stryker's incremental mode): quick while writing tests. MUTATE_TESTS=FILE… runs
// the mutants against those unit test files only (`secrets.test.ts redact.test.ts`): a score
// against fewer tests can only be lower, so it is a floor of the score against all of them, at a
// fraction of the cost when a module's mutants are static (a table of patterns, reached by every
// test that imports the module).
import { Stryker } from '@stryker-mutator/core'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import config, { leftOut, unitTests } from '../stryker.config.mjs'

const RULE_MODULES = [
  'src/naming.ts',
  'src/labels.ts',
  'src/secrets.ts',
  'src/settings/timeouts.ts',
  'src/settings/parse.ts',
  'src/settings/read.ts',
  'src/settings/action.ts',
  'src/settings/command-line.ts',
  'src/settings/setting.ts',
  'src/settings/table.ts',
  'src/flakehub/answers.ts'
]

const fromEnv = (process.env.MUTATE ?? '').split(/[\s,]+/).filter(m => m !== '')
const args = process.argv.slice(2)
const modules = args.length > 0 ? args : fromEnv.length > 0 ? fromEnv : RULE_MODULES

const missing = modules.filter(m => !fs.existsSync(m.replace(/:[\d:-]+$/, '')))
if (missing.length > 0) {
  console.error(
    `No such module: ${missing.join(', ')}. Give source files such as src/labels.ts ` +
      '(paths from the repository root, optionally with a line range: src/settings/timeouts.ts:40-60).'
  )
  process.exitCode = 2
} else {
  const floorText = process.env.MUTATE_FLOOR ?? ''
  const floor = floorText === '' ? undefined : Number(floorText)
  if (floor !== undefined && !(floor >= 0 && floor <= 100)) {
    console.error(`MUTATE_FLOOR: "${floorText}" is not a score from 0 to 100; write e.g. 90.`)
    process.exitCode = 2
  } else {
    const tests = (process.env.MUTATE_TESTS ?? '')
      .split(/[\s,]+/)
      .filter(t => t !== '')
      .map(t => t.replace(/^__tests__\//, ''))
    const notUnit = tests.filter(t => !unitTests.includes(t))
    if (notUnit.length > 0) {
      console.error(
        `MUTATE_TESTS: ${notUnit.join(', ')} ${notUnit.length === 1 ? 'is' : 'are'} not among the unit ` +
          'test files; name files of __tests__ such as secrets.test.ts (the run lists them).'
      )
      process.exitCode = 2
    }
    const concurrencyText = process.env.MUTATE_CONCURRENCY ?? ''
    const concurrency = concurrencyText === '' ? undefined : Number(concurrencyText)
    if (concurrency !== undefined && !(Number.isSafeInteger(concurrency) && concurrency >= 1)) {
      console.error(
        `MUTATE_CONCURRENCY: "${concurrencyText}" is not a number of processes; write e.g. 1.`
      )
      process.exitCode = 2
    } else if (notUnit.length === 0) await mutate(modules, floor, concurrency, tests)
  }
}

async function mutate(modules, floor, concurrency, tests) {
  const all = fs.readdirSync('__tests__').filter(name => name.endsWith('.test.ts'))
  const out = all.filter(name => leftOut(name) !== undefined)
  console.log(`Mutating ${modules.join(' ')}`)
  const against = tests.length > 0 ? tests : unitTests
  console.log(`against ${against.length} unit test files: ${against.join(' ')}`)
  console.log(`left out: ${out.map(name => `${name} (${leftOut(name)})`).join(', ')}`)

  // The unit tests never run the real Nix: a `nix` that fails, first on PATH, names any that does.
  const noNix = fs.mkdtempSync(path.join(os.tmpdir(), 'mutate-no-nix-'))
  fs.writeFileSync(
    path.join(noNix, 'nix'),
    '#!/bin/sh\necho "A unit test ran nix under mutation testing: leave its file out (stryker.config.mjs)." >&2\nexit 127\n',
    { mode: 0o755 }
  )
  process.env.PATH = `${noNix}${path.delimiter}${process.env.PATH ?? ''}`

  const incremental = process.env.MUTATE_INCREMENTAL ?? ''
  const started = Date.now()
  let results
  try {
    results = await new Stryker({
      mutate: modules,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(incremental === '' ? {} : { incremental: true, incrementalFile: incremental }),
      ...(tests.length === 0
        ? {}
        : {
            jest: {
              ...config.jest,
              config: { testMatch: tests.map(name => `<rootDir>/__tests__/${name}`) }
            }
          }),
      reporters: ['clear-text', 'html', process.stdout.isTTY ? 'progress' : 'progress-append-only']
    }).runMutationTest()
  } catch (error) {
    // Stryker has logged what went wrong (a unit test failing before any mutant, say).
    console.error(`Mutation testing stopped: ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
    return
  } finally {
    fs.rmSync(noNix, { recursive: true, force: true })
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)

  const rows = scores(results)
  console.log(`\nMutation score per module (${minutes} min):`)
  for (const row of rows) {
    console.log(
      `${row.file.padEnd(24)} ${String(row.mutants).padStart(4)} mutants  ` +
        `${String(row.detected).padStart(4)} killed  ${String(row.undetected).padStart(3)} survived  ` +
        `${row.score === undefined ? '   n/a' : `${row.score.toFixed(1).padStart(5)} %`}`
    )
  }
  const low = floor === undefined ? [] : rows.filter(row => (row.score ?? 100) < floor)
  if (low.length > 0) {
    console.error(`Below ${floor} %: ${low.map(row => row.file).join(', ')}`)
    process.exitCode = 1
  }
}

/**
 * Stryker's score per file: killed and timed-out mutants over those that count (survivors and
 * uncovered ones too); mutants that do not compile or crash at load, and ignored ones, do not.
 */
function scores(results) {
  const byFile = new Map()
  for (const result of results) {
    const row = byFile.get(result.fileName) ?? { detected: 0, undetected: 0 }
    if (result.status === 'Killed' || result.status === 'Timeout') row.detected += 1
    else if (result.status === 'Survived' || result.status === 'NoCoverage') row.undetected += 1
    byFile.set(result.fileName, row)
  }
  return [...byFile]
    .map(([file, { detected, undetected }]) => {
      const mutants = detected + undetected
      const score = mutants === 0 ? undefined : (100 * detected) / mutants
      return { file: file.replace(`${process.cwd()}/`, ''), mutants, detected, undetected, score }
    })
    .sort((a, b) => a.file.localeCompare(b.file))
}
