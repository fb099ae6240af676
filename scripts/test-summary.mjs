// Sum jest --json reports into one plain line, `N passed, N failed`, the line CI ends with.
// A test file that could not run (a syntax error, a crash before its tests) counts as one failed,
// and so does a report that is missing (its run ended before jest wrote it): neither can hide.
import * as fs from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
  let report
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    console.error(`No test report in ${file}: its run stopped before the tests ended.`)
    failed += 1
    continue
  }
  passed += report.numPassedTests
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites
}
console.log(`${passed} passed, ${failed} failed`)
