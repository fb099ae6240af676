/**
 * `npm run bench`: the action's dry run (A) against the same work done the established way, in
 * series (B), on three large generated flakes (flake-nix.mjs: `large`, today's; `shared`, whose
 * packages all draw on one expensive package set; `names`, whose derivation names are expensive
 * and descriptions cheap), cold, alternating A and B over several rounds. For each flake: A/B,
 * the peak memory of A's whole process tree against one `nix flake show`, the evaluation alone
 * (the commands A logged, re-run without packing) and the physical limit (locating the flake
 * plus the longer of the evaluation alone and packing alone); plus tarball throughput against
 * gzip -6 and the time to the first `nix` call. Prints the tables and writes them, with machine
 * information, to bench/RESULTS.md.
 *
 * Environment: BENCH_QUICK=1 (development: 1 round, 2000 files, 10 MiB, 128 packages, work
 * 500, a shared set of 30000; results never in bench/RESULTS.md), BENCH_ROUNDS (3), BENCH_FILES
 * (20000), BENCH_MB (100, in MiB), BENCH_PACKAGES (1024 per system, 4 systems), BENCH_WORK
 * (2000 hash rounds per costly attribute), BENCH_SHARED_SIZE (300000 entries in the shared
 * package set), BENCH_SHARED_WORK (2 hash rounds per entry), BENCH_FLAKES (large,shared,names:
 * which of them), BENCH_SEED (1), BENCH_DIR (<repo>/.bench), BENCH_RESULTS (where to write the
 * results; by default bench/RESULTS.md when the minimums are met, else
 * <BENCH_DIR>/RESULTS.md), BENCH_REUSE=1 (keep the generated flakes of an earlier run with the
 * same settings instead of generating them afresh), BENCH_NIX_TMPDIR (TMPDIR for A and B, where
 * Nix unpacks the source before adding it to the store: by default a folder in /dev/shm when
 * that is a tmpfs; `system` keeps the inherited TMPDIR; see "Method" in the results for why).
 *
 * Files are only deleted at the end (and store paths the benchmark added, with `nix store
 * delete`): on ext4 without a journal, as here, creating files soon after deleting many is far
 * slower (the inode allocator skips inodes deleted in the last one to six minutes), which would
 * charge one run for the clean-up of the one before. For the same reason a run started right
 * after another waits until six minutes have passed since that one's clean-up (BENCH_NO_WAIT=1
 * skips the wait).
 *
 * This file reads the settings, generates the flakes, runs the rounds and writes the report; the
 * pieces: settings.mjs (paths, BENCH_* variables), tools.mjs (Nix configuration, Node 24, GNU
 * time, TMPDIR), nix-calls.mjs (the `nix` wrapper for the time to the first call),
 * workspace.mjs (flakes, run folders, deferred clean-up), scenario-a.mjs and scenario-b.mjs (the
 * two runs), eval-alone.mjs (the evaluation alone), tree-rss.mjs (a process tree's peak
 * memory), throughput.mjs (tar | gzip -6, gzip -6, Node’s zlib, packTarball direct), summary.mjs,
 * report-tables.mjs, report-text.mjs and report.mjs (RESULTS.md); measure.mjs (running a
 * program under GNU time, statistics, formatting), generate.mjs and flake-nix.mjs (the flakes).
 */
import * as fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { evaluationAlone } from './eval-alone.mjs'
import { SYSTEMS } from './generate.mjs'
import { narCost } from './nar-cost.mjs'
import { bareFirstCallMs } from './nix-calls.mjs'
import { writeReport } from './report.mjs'
import { loadAverage, runA } from './scenario-a.mjs'
import { runB } from './scenario-b.mjs'
import { BUNDLE, MiB, config, log } from './settings.mjs'
import { gzipThroughput } from './throughput.mjs'
import { setup } from './tools.mjs'
import { cleanUp, finalCleanUp, generateAll, runFolder, settle } from './workspace.mjs'

async function main() {
  const startedAt = new Date()
  const started = performance.now()
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run package`)
  const tools = setup()
  log(
    `node ${tools.nodeVersion}, ${tools.nixVersionText}, GNU time: ${tools.gnuTime ? 'yes' : 'no (preload only)'}`
  )
  log(
    `config: ${config.rounds} rounds, ${config.files} files, ${(config.bytes / MiB).toFixed(1)} MiB, ` +
      `${config.packages} packages × ${SYSTEMS.length} systems, work ${config.work}, ` +
      `shared set ${config.sharedSize} × ${config.sharedWork}, flakes ${config.kinds.join(', ')}, seed ${config.seed}`
  )
  log(`TMPDIR for A and B: ${tools.nixTmp ?? '(unset)'}`)
  try {
    await measureAll(tools, startedAt, started)
  } finally {
    finalCleanUp(tools)
  }
}

async function measureAll(tools, startedAt, started) {
  const flakes = generateAll()
  const waitedS = await settle()
  const repos = Object.fromEntries(Object.keys(flakes).map(name => [name, flakes[name].dir]))
  // A1: the action pinned to one core (one evaluator), beside A on both cores.
  const scenarios = {
    A: runA,
    B: runB,
    A1: (tools, repo, label) => runA(tools, repo, label, { cores: 1 })
  }
  /** Run A or B on `repo`, then clean up after it. */
  const once = async (which, repo, label) => {
    const run = await scenarios[which](tools, repo, label)
    cleanUp(run)
    return run
  }

  log('warm-up (not measured): A and B on the tiny flake')
  await once('A', repos.tiny, 'warmup-A')
  await once('B', repos.tiny, 'warmup-B')
  const bareFolder = runFolder('bare-node')
  const bareFirstNixMs = await bareFirstCallMs(tools, bareFolder)
  cleanUp({ folder: bareFolder })

  const rounds = []
  for (let round = 1; round <= config.rounds; round++) {
    const order = round % 2 === 1 ? ['A', 'B', 'A1'] : ['A1', 'B', 'A']
    log(`round ${round}/${config.rounds} (${order.join(' then ')}), load average ${loadAverage()}`)
    const r = { order: order.join(', '), load: [loadAverage()], flakes: {} }
    for (const kind of config.kinds) {
      const f = {}
      for (const which of order) {
        f[which.toLowerCase()] = await once(which, repos[kind], `r${round}-${kind}-${which}`)
      }
      // The commands A logged, on the very source it evaluated (its commit, still in the store).
      const label = `r${round}-${kind}-evaluation-alone`
      const folder = runFolder(label)
      f.alone = await evaluationAlone(tools, repos[kind], f.a.evalCommands, folder, label)
      cleanUp({ folder })
      r.flakes[kind] = f
    }
    // The package-alone flake's store path is also what the throughput runs pack.
    r.trivial = await runA(tools, repos.trivial, `r${round}-A-package-alone`)
    r.gzip = await gzipThroughput(tools, r.trivial.storePath, `r${round}-gzip`)
    // The cost of the tarball's NAR hash, once, on the same tree (it is the same in every flake).
    if (round === config.rounds) {
      log('NAR hash cost: packTarball with and without the hash, on the package-alone tree')
      r.nar = await narCost({
        sourceDir: r.trivial.storePath,
        node: tools.node,
        env: tools.baseEnv
      })
    }
    cleanUp(r.trivial)
    r.tiny = await once('A', repos.tiny, `r${round}-A-tiny`)
    r.load.push(loadAverage())
    rounds.push(r)
  }

  const totalS = (performance.now() - started) / 1000
  await writeReport(tools, flakes, rounds, { startedAt, totalS, waitedS, bareFirstNixMs })
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack : error)
  process.exitCode = 1
})
