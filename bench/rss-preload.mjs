/**
 * Preloaded with `node --import` by the benchmark: when the process exits, writes its own peak
 * resident set size (`process.resourceUsage().maxRSS`, in KiB; children not included) to the
 * file named by BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`)
    } catch {
      // Never change how the measured program ends.
    }
  })
}
