/**
 * `node bench/pack-direct.mjs <tarball.ts> <source folder> <destination>`: calls the action's
 * packTarball directly (Node 24 strips the TypeScript types of src/source/tarball.ts on import) and
 * prints one JSON line: wall seconds, CPU seconds, peak RSS (KiB) and the tarball's size.
 */
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'

const [module, sourceDir, destination] = process.argv.slice(2)
const { packTarball } = await import(pathToFileURL(module).href)
const before = process.cpuUsage()
const started = performance.now()
const tarball = await packTarball(sourceDir, destination, 1700000000)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(before)
console.log(
  JSON.stringify({
    seconds,
    cpuS: (cpu.user + cpu.system) / 1e6,
    maxRssKiB: process.resourceUsage().maxRSS,
    size: tarball.size,
    entries: tarball.entries
  })
)
