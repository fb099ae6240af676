/**
 * The benchmark's settings: the repository's paths it measures (dist/index.js, src/evaluate/inspect.nix,
 * src/source/tarball.ts), the BENCH_* environment variables (documented at the top of run.mjs) read
 * once into `config`, where the results go, and the log line every module writes to stderr.
 */
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DEFAULTS, KINDS, SYSTEMS } from './generate.mjs'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BUNDLE = path.join(REPO, 'dist', 'index.js')
export const INSPECT = path.join(REPO, 'src', 'evaluate', 'inspect.nix')
export const TARBALL_TS = path.join(REPO, 'src', 'source', 'tarball.ts')
export const TS_RESOLVE = path.join(REPO, 'bench', 'ts-resolve.mjs')
export const PRELOAD = pathToFileURL(path.join(REPO, 'bench', 'rss-preload.mjs')).href
export const PACK_DIRECT = path.join(REPO, 'bench', 'pack-direct.mjs')
export const MiB = 1024 * 1024

export const log = line =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

function envNumber(name, fallback, { integer = true, min = 0 } = {}) {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}=${raw}: expected ${integer ? 'an integer' : 'a number'} ≥ ${min}`)
  }
  return value
}

/** BENCH_QUICK=1: small sizes and one round, for development (each BENCH_* still wins). */
const quick = process.env.BENCH_QUICK === '1'
const QUICK = { rounds: 1, files: 2000, mb: 10, packages: 128, work: 500, sharedSize: 30000 }

function envKinds() {
  const raw = process.env.BENCH_FLAKES
  if (raw === undefined || raw.trim() === '') return KINDS
  const kinds = raw.split(',').map(k => k.trim())
  const unknown = kinds.filter(k => !KINDS.includes(k))
  if (unknown.length > 0)
    throw new Error(`BENCH_FLAKES=${raw}: expected some of ${KINDS.join(',')}`)
  return KINDS.filter(k => kinds.includes(k))
}

export const config = {
  quick,
  rounds: envNumber('BENCH_ROUNDS', quick ? QUICK.rounds : 3, { min: 1 }),
  files: envNumber('BENCH_FILES', quick ? QUICK.files : DEFAULTS.files, { min: 4 }),
  bytes: Math.round(
    envNumber('BENCH_MB', quick ? QUICK.mb : DEFAULTS.bytes / MiB, { integer: false }) * MiB
  ),
  packages: envNumber('BENCH_PACKAGES', quick ? QUICK.packages : DEFAULTS.packages),
  work: envNumber('BENCH_WORK', quick ? QUICK.work : DEFAULTS.work, { min: 1 }),
  sharedSize: envNumber('BENCH_SHARED_SIZE', quick ? QUICK.sharedSize : DEFAULTS.sharedSize),
  sharedWork: envNumber('BENCH_SHARED_WORK', DEFAULTS.sharedWork, { min: 1 }),
  kinds: envKinds(),
  seed: envNumber('BENCH_SEED', DEFAULTS.seed),
  dir: path.resolve(process.env.BENCH_DIR || path.join(REPO, '.bench')),
  reuse: process.env.BENCH_REUSE === '1',
  nixTmp: process.env.BENCH_NIX_TMPDIR ?? ''
}

/**
 * The minimums: ≥ 20,000 files, ≥ 100 MB, > 1,000 packages over 4 systems, ≥ 3 rounds,
 * all three flakes.
 */
export const meetsMinimums =
  config.kinds.length === KINDS.length &&
  config.files >= 20000 &&
  config.bytes >= 100 * MiB &&
  config.packages * SYSTEMS.length > 1000 &&
  config.rounds >= 3

export const resultsFile = path.resolve(
  process.env.BENCH_RESULTS ||
    (meetsMinimums ? path.join(REPO, 'bench', 'RESULTS.md') : path.join(config.dir, 'RESULTS.md'))
)
