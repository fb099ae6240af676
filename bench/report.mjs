/**
 * The report: RESULTS.md put together from the summary, the tables and the prose, formatted as
 * the repository's prettier would, printed, and written to the results file (with the raw
 * numbers in <BENCH_DIR>/results.json).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { flakeHeading, methodText, machineText } from './report-text.mjs'
import {
  flakeTable,
  overlapTable,
  packingTable,
  perRoundTable,
  phasesTable
} from './report-tables.mjs'
import { config, log, meetsMinimums, resultsFile } from './settings.mjs'
import { summarize } from './summary.mjs'

/**
 * The markdown of RESULTS.md, before prettier. `timing`: { startedAt, totalS, waitedS,
 * bareFirstNixMs }.
 */
export function report(tools, flakes, rounds, timing) {
  const kinds = config.kinds
  const s = summarize(tools, rounds, kinds)
  const bare = { rssKiB: tools.bareNodeRssKiB, firstNixMs: timing.bareFirstNixMs }
  const perFlake = kinds
    .map(kind => `### ${flakeHeading(kind)}\n\n${flakeTable(s.flakes[kind], bare)}`)
    .join('\n\n')
  const phases = kinds
    .map(kind => `#### Flake \`${kind}\`\n\n${phasesTable(s.flakes[kind])}`)
    .join('\n\n')
  return `## Benchmark: flakehub-push dry run vs. the serial pipeline, on ${kinds.length} flakes

${machineText(tools, flakes, s, timing)}

${perFlake}

### The evaluation alone and beside packing (issue 11, part 2)

${overlapTable(s, kinds)}

### Packing (the same tree in every flake) and node's memory

${packingTable(s, bare)}

### The tarball's NAR hash (issue 10)

${narTable(rounds.at(-1).nar)}

### Per round

${perRoundTable(rounds, kinds)}

### Where the time goes (medians)

${phases}

### Method

${methodText(tools, s)}
`
}

/**
 * What computing the NAR hash while packing costs: packTarball with it against packTarball with
 * it turned off, medians of adjacent pairs; the physical floor is the hasher's own time.
 */
function narTable(nar) {
  if (nar === undefined) return 'Not measured.'
  const rows = [
    ['packTarball with the NAR hash (median)', `${nar.withHashS.toFixed(2)} s`],
    ['packTarball with the hash turned off (median)', `${nar.withoutHashS.toFixed(2)} s`],
    ['Added wall time (median of adjacent pairs)', `${nar.pairedAddedS.toFixed(2)} s`],
    [
      'Added CPU time (the hasher runs on the main thread)',
      `${(nar.withHashCpuS - nar.withoutHashCpuS).toFixed(2)} s`
    ],
    [
      "The hasher's own time: the most it can add (limit: SHA-256 speed)",
      `${nar.hasherS.toFixed(2)} s (${nar.hasherMBps.toFixed(0)} MB/s)`
    ],
    [
      "`nix hash path` of the same tree (a subflake's check, beside packing)",
      nar.nixHashPathS === null ? 'n/a' : `${nar.nixHashPathS.toFixed(2)} s`
    ]
  ]
  return [
    `${nar.entries} entries, ${(nar.contentBytes / 1e6).toFixed(1)} MB of file contents, ${nar.rounds} rounds.`,
    '',
    '| Measure | Result |',
    '| --- | --- |',
    ...rows.map(([measure, result]) => `| ${measure} | ${result} |`)
  ].join('\n')
}

/** The markdown as the repository's prettier would format it (so `prettier --check` passes). */
async function prettyMarkdown(text, file) {
  try {
    const prettier = await import('prettier')
    const options = (await prettier.resolveConfig(file)) ?? {}
    return await prettier.format(text, { ...options, parser: 'markdown' })
  } catch {
    return text
  }
}

/** Print the report and write it to the results file, and the raw numbers to results.json. */
export async function writeReport(tools, flakes, rounds, timing) {
  const text = await prettyMarkdown(report(tools, flakes, rounds, timing), resultsFile)
  console.log(text)
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, text)
  fs.writeFileSync(
    path.join(config.dir, 'results.json'),
    JSON.stringify({ config, tools, timing, flakes, rounds }, null, 2)
  )
  log(`results written to ${path.relative(process.cwd(), resultsFile) || resultsFile}`)
  if (!meetsMinimums) {
    log('sizes or rounds below the issue’s minimums: bench/RESULTS.md was left alone')
  }
}
