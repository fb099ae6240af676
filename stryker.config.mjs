// StrykerJS (mutation testing) against the unit tests only; run it with `npm run mutate`
// (scripts/mutate.mjs), which chooses the modules to mutate.
//
// Jest runs as in `npm test`: ESM, ts-jest's ESM preset from jest.config.js, and Node's
// --experimental-vm-modules in each test-runner process. Stryker's jest runner wraps the test
// environment to learn which test covers which mutant (coverageAnalysis: perTest), so each
// mutant runs only the tests that reach it.
import * as fs from 'node:fs'

const TESTS = new URL('./__tests__/', import.meta.url)

/**
 * Why a test file is left out of mutation testing, or undefined for a unit test. The rule reads
 * the file, so a new test is sorted without a list to keep up to date:
 * - `*.e2e.test.ts` run dist/ (the bundle, never mutated) with the real Nix;
 * - a file using `./support/nix.js`, or calling anything with `'nix'` first (`sh('nix', …)`,
 *   `processRunner.run('nix', …)`), runs the real Nix: seconds to minutes per test, and
 *   nothing a mutant of a rule changes (scripts/mutate.mjs puts a `nix` that fails on PATH,
 *   so a file this rule misses stops the run with its name);
 * - a file using `./support/action.js` or `./support/cli.js`, or `process.execPath`, runs code
 *   in another Node process (the bundle, or a source under Node 24), whose coverage Stryker
 *   cannot see: it would never be picked to test a mutant;
 * - a file reading `dist/` checks the bundle, which is not mutated (nor copied to the sandbox).
 */
export function leftOut(name) {
  if (name.endsWith('.e2e.test.ts')) return 'end-to-end'
  const source = fs.readFileSync(new URL(name, TESTS), 'utf8')
  if (source.includes("from './support/nix.js'") || /\(\s*'nix'\s*,/.test(source))
    return 'runs the real Nix'
  if (/from '\.\/support\/(action|cli)\.js'|process\.execPath/.test(source))
    return 'runs another Node process'
  if (/'(\.\.\/)?dist\/?'/.test(source)) return 'reads the bundle'
  return undefined
}

export const unitTests = fs
  .readdirSync(TESTS)
  .filter(name => name.endsWith('.test.ts') && leftOut(name) === undefined)
  .sort()

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: { testMatch: unitTests.map(name => `<rootDir>/__tests__/${name}`) },
    // Each mutant runs only the test files that import its module (jest --findRelatedTests):
    // a mutant outside any function (a default, a table) is reached by no single test, so it
    // runs every related file rather than the whole unit suite.
    enableFindRelatedTests: true
  },
  coverageAnalysis: 'perTest',
  // The machine has 2 cores; more runners only queue.
  concurrency: 2,
  // Tests with real timers (deadline.test.ts) take seconds; a mutant that hangs one is a timeout.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'html'],
  clearTextReporter: { logTests: false, allowColor: false },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  // The sandbox needs the sources, the tests and their fixtures, not the bundle.
  ignorePatterns: ['/dist', '/.cli-build', '/.bench', '/.example-out', '/coverage'],
  // The modules are chosen by scripts/mutate.mjs; this is only the fallback of a bare `stryker run`.
  mutate: ['src/labels.ts']
}
