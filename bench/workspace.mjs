/**
 * The benchmark's folder (BENCH_DIR): the generated flakes (kept with BENCH_REUSE=1), a fresh
 * commit and a folder for each run, and the clean-up, which waits until all is measured.
 *
 * Files are only deleted at the end (and store paths the benchmark added, with `nix store
 * delete`): on ext4 without a journal, creating files soon after deleting many is far slower
 * (the inode allocator skips inodes deleted in the last one to six minutes), which would charge
 * one run for the clean-up of the one before. For the same reason a run started right after
 * another waits until six minutes have passed since that one's clean-up (`settle`).
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { SYSTEMS, generateFlake, git, gitEnv } from './generate.mjs'
import { fmt } from './measure.mjs'
import { config, log } from './settings.mjs'

/** Folders to delete at the very end (see the note at the top). */
const trash = []
/** Store paths the benchmark added, deleted at the very end. */
const storePaths = []

/** Delete `dir` at the very end. */
export function discardAtEnd(dir) {
  trash.push(dir)
}

/**
 * The benchmark's flakes, name → flake: one per kind in config.kinds (flake-nix.mjs: `large`,
 * `shared`, `names`; the same tree, another flake.nix), the same tree with no outputs
 * (`trivial`, for the package phase alone) and a tiny one.
 */
export function generateAll() {
  const flakes = {}
  const tree = { files: config.files, bytes: config.bytes }
  const specs = {
    ...Object.fromEntries(
      config.kinds.map(kind => [kind, { ...tree, packages: config.packages, kind }])
    ),
    trivial: { ...tree, packages: 0, trivial: true },
    tiny: { files: 8, bytes: 16 * 1024, packages: 4 }
  }
  const generator = fs.readFileSync(new URL('./generate.mjs', import.meta.url))
  const version = createHash('sha256').update(generator).digest('hex').slice(0, 16)
  for (const [name, spec] of Object.entries(specs)) {
    const dir = path.join(config.dir, name)
    const marker = path.join(config.dir, `${name}.generated.json`)
    const { sharedSize, sharedWork, work, seed } = config
    const options = {
      ...spec,
      work,
      seed,
      ...(spec.kind === 'shared' ? { sharedSize, sharedWork } : {})
    }
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
      discardAtEnd(old)
    }
    const started = performance.now()
    flakes[name] = generateFlake(dir, options)
    fs.writeFileSync(marker, JSON.stringify({ version, options, flake: flakes[name] }))
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    log(
      `generated ${name}: ${flakes[name].files} files, ${fmt.bytes(flakes[name].bytes)}, ` +
        `${flakes[name].packages} packages × ${SYSTEMS.length} systems in ${seconds} s`
    )
  }
  return flakes
}

/**
 * Before a run of A or B on `repo`: a new commit that changes stamp.txt, so the source is not yet
 * in the Nix store; returns the run's own (empty) folder.
 */
export function startRun(repo, label) {
  fs.writeFileSync(path.join(repo, 'stamp.txt'), `${label} ${randomBytes(8).toString('hex')}\n`)
  const env = gitEnv(new Date().toISOString())
  git(repo, ['add', 'stamp.txt'], env)
  git(repo, ['commit', '-q', '-m', `bench: ${label}`], env)
  return runFolder(label)
}

/** A fresh, empty folder for the run `label`. */
export function runFolder(label) {
  const dir = path.join(config.dir, 'runs', label)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** After a run: its folder (a few files) goes now, its store path at the very end. */
export function cleanUp({ storePath, folder }) {
  if (storePath && storePath.startsWith('/nix/store/')) storePaths.push(storePath)
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
}

/** Delete the store paths the benchmark added and the folders it no longer needs. */
export function finalCleanUp(tools) {
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
const SETTLE_MS = 6 * 60 * 1000

/**
 * Wait until the file system has forgotten the deletions of an earlier run (about a minute after
 * they reach the disk; see the note at the top), unless BENCH_NO_WAIT=1. Returns the seconds
 * waited.
 */
export async function settle() {
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
