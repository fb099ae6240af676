/**
 * Generates a large flake for the benchmark, deterministically from a seed: a Git repository
 * holding nested folders of text-like (compressible) and random (incompressible) files, a few
 * executables and symlinks, and a `flake.nix` whose packages cost real CPU to evaluate (its
 * kinds are in flake-nix.mjs). The tree does not depend on the kind.
 *
 * Nothing is downloaded. The same options always give the same tree and, because the commit's
 * author, committer and dates are fixed, the same commit.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { KINDS, SYSTEMS, flakeNix } from './flake-nix.mjs'

export { KINDS, SYSTEMS, flakeNix }

/** The minimums: ≥ 20,000 files, ≥ 100 MB, > 1,000 packages (here per system). */
export const DEFAULTS = {
  files: 20000,
  bytes: 100 * 1024 * 1024,
  packages: 1024,
  work: 2000,
  seed: 1,
  incompressible: 0.3,
  trivial: false,
  /** Which flake.nix (flake-nix.mjs): `large`, `shared` or `names`. */
  kind: 'large',
  /** For `shared`: entries in the shared package set, and SHA-256 rounds per entry. */
  sharedSize: 300000,
  sharedWork: 2
}

/** Files every generated tree has besides the generated ones (counted in `files`). */
export const FIXED_FILES = ['flake.nix', 'README.md', 'stamp.txt']

/** The environment for Git: fixed identity and dates, no user or system configuration. */
export function gitEnv(date = '2024-01-01T00:00:00Z') {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  }
}

/** Run git in `dir` and return its trimmed stdout. */
export function git(dir, args, env = gitEnv()) {
  return execFileSync('git', ['-C', dir, '-c', 'core.fsync=none', ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024
  }).trim()
}

/** splitmix32: turns any 32-bit seed into well-mixed state words. */
function splitmix32(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/**
 * A seeded PRNG (sfc32). `stream` separates independent sequences, so that e.g. the file tree
 * does not depend on the number of packages.
 */
export function prng(seed, stream = 0) {
  const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2f))
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) u32()
  const float = () => u32() / 4294967296
  return {
    u32,
    float,
    /** An integer in [0, n). */
    int: n => Math.floor(float() * n),
    pick: list => list[Math.floor(float() * list.length)],
    /** A standard normal deviate (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - float())) * Math.cos(2 * Math.PI * float()),
    /** `n` random bytes. */
    bytes: n => {
      const words = new Uint32Array(Math.ceil(n / 4))
      for (let i = 0; i < words.length; i++) words[i] = u32()
      return Buffer.from(words.buffer, 0, n)
    }
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const TOP_FOLDERS = ['src', 'lib', 'docs', 'assets', 'vendor', 'tests', 'data', 'modules']
const TEXT_EXTENSIONS = ['.nix', '.c', '.h', '.rs', '.ts', '.py', '.md', '.txt', '.json', '.sh']
const BINARY_EXTENSIONS = ['.bin', '.png', '.gz', '.dat', '.wasm']
const PUNCTUATION = [' = ', '(', ');', ' {', '}', ', ', '.', ' + ', ' -> ', ': ', ' # ', ' ']

function word(rng) {
  let w = ''
  const n = 2 + rng.int(9)
  for (let i = 0; i < n; i++) w += LETTERS[rng.int(26)]
  return w
}

/** `n` weights from a log-normal distribution with spread `sigma`. */
function logNormalSizes(rng, n, total, sigma) {
  if (n === 0) return []
  const weights = Array.from({ length: n }, () => Math.exp(sigma * rng.normal()))
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map(w => Math.floor((total * w) / sum))
  let rest = total - sizes.reduce((a, b) => a + b, 0)
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) sizes[i]++
  return sizes
}

/** Source-like text of exactly `size` bytes (ASCII): indented lines of words from `vocabulary`. */
function text(rng, vocabulary, size) {
  const parts = []
  let length = 0
  while (length < size) {
    let line = '  '.repeat(rng.int(5))
    const words = 3 + rng.int(10)
    for (let i = 0; i < words; i++) line += rng.pick(vocabulary) + rng.pick(PUNCTUATION)
    line += '\n'
    parts.push(line)
    length += line.length
  }
  return parts.join('').slice(0, size)
}

/**
 * Write the tree into `dir` (created; must not exist or be empty) and commit it in a new Git
 * repository. `files` regular files in all (including flake.nix, README.md and stamp.txt),
 * `bytes` bytes of generated content (about `incompressible` of it random), `packages`
 * packages per system of the given `kind` (flake-nix.mjs), `work` hash rounds per costly
 * attribute. With `trivial`, the same tree but a flake.nix with no outputs. Returns what was
 * written.
 */
export function generateFlake(dir, options = {}) {
  const o = { ...DEFAULTS, ...options }
  if (!Number.isInteger(o.files) || o.files < FIXED_FILES.length + 1) {
    throw new RangeError(`files must be an integer ≥ ${FIXED_FILES.length + 1}`)
  }
  if (!Number.isInteger(o.bytes) || o.bytes < 0) throw new RangeError('bytes must be ≥ 0')
  if (!Number.isInteger(o.packages) || o.packages < 0) throw new RangeError('packages must be ≥ 0')
  if (!KINDS.includes(o.kind)) throw new RangeError(`kind must be one of ${KINDS.join(', ')}`)
  fs.mkdirSync(dir, { recursive: true })
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`)

  const treeRng = prng(o.seed, 1)
  const textRng = prng(o.seed, 2)
  const binaryRng = prng(o.seed, 3)
  const vocabulary = Array.from({ length: 600 }, () => word(treeRng))

  // Folders: a forest under a few top-level names, about one folder per 20 files, depth ≤ 5.
  const folders = TOP_FOLDERS.map(name => ({ rel: name, depth: 1 }))
  const folderCount = Math.max(TOP_FOLDERS.length, Math.round(o.files / 20))
  while (folders.length < folderCount) {
    const parent = treeRng.pick(folders.filter(f => f.depth < 5).slice(-64))
    folders.push({
      rel: `${parent.rel}/${treeRng.pick(vocabulary)}-${folders.length}`,
      depth: parent.depth + 1
    })
  }

  // Files: 5 % binary (random bytes) carrying `incompressible` of the bytes, the rest text.
  const generated = o.files - FIXED_FILES.length
  const binaryCount = Math.min(generated, Math.max(1, Math.round(generated * 0.05)))
  const textCount = generated - binaryCount
  const binaryBytes = textCount === 0 ? o.bytes : Math.round(o.bytes * o.incompressible)
  const binarySizes = logNormalSizes(treeRng, binaryCount, binaryBytes, 1.5)
  const textSizes = logNormalSizes(treeRng, textCount, o.bytes - binaryBytes, 1.0)
  const executables = Math.min(textCount, Math.max(1, Math.min(8, Math.floor(o.files / 2500))))

  const written = { files: 0, bytes: 0, executables: 0, symlinks: 0, folders: new Set() }
  const write = (rel, content, mode = 0o644) => {
    const abs = path.join(dir, rel)
    const parent = path.dirname(abs)
    if (!written.folders.has(parent)) {
      fs.mkdirSync(parent, { recursive: true })
      written.folders.add(parent)
    }
    fs.writeFileSync(abs, content, { mode })
    fs.chmodSync(abs, mode) // Not subject to the umask.
    written.files++
    written.bytes += Buffer.byteLength(content)
    if (mode & 0o100) written.executables++
  }

  const textFiles = []
  for (let i = 0; i < textCount; i++) {
    const isExecutable = i < executables
    const rel = isExecutable
      ? `tools/${treeRng.pick(vocabulary)}-${i}.sh`
      : `${treeRng.pick(folders).rel}/${treeRng.pick(vocabulary)}-${i}${treeRng.pick(TEXT_EXTENSIONS)}`
    const size = textSizes[i]
    const body = isExecutable
      ? `#!/bin/sh\n${text(textRng, vocabulary, Math.max(0, size - 10))}`.slice(
          0,
          Math.max(size, 10)
        )
      : text(textRng, vocabulary, size)
    write(rel, body, isExecutable ? 0o755 : 0o644)
    textFiles.push(rel)
  }
  for (let i = 0; i < binaryCount; i++) {
    const rel = `${treeRng.pick(folders).rel}/${treeRng.pick(vocabulary)}-b${i}${treeRng.pick(BINARY_EXTENSIONS)}`
    write(rel, binaryRng.bytes(binarySizes[i]))
  }

  // A few symlinks: to files in other folders, to a folder, and one to a file beside it.
  const links = Math.max(1, Math.min(8, Math.floor(o.files / 2500)))
  for (let i = 0; i < links; i++) {
    const target = i === 0 || textFiles.length === 0 ? 'README.md' : treeRng.pick(textFiles)
    const rel = i === 1 ? `links/folder-${i}` : `links/link-${i}`
    const targetRel = i === 1 ? path.dirname(target) : target
    fs.mkdirSync(path.join(dir, 'links'), { recursive: true })
    fs.symlinkSync(
      path.relative(path.join(dir, 'links'), path.join(dir, targetRel)),
      path.join(dir, rel)
    )
    written.symlinks++
  }

  write(
    'README.md',
    `# Generated benchmark flake\n\nSeed ${o.seed}: ${o.files} files, ${o.bytes} bytes of generated content. See flake.nix for its packages.\n`
  )
  write('stamp.txt', 'generated\n')
  write('flake.nix', flakeNix(o))

  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', `Generated benchmark flake (seed ${o.seed})`])
  return {
    dir,
    files: written.files,
    bytes: written.bytes,
    executables: written.executables,
    symlinks: written.symlinks,
    folders: written.folders.size,
    packages: o.trivial ? 0 : o.packages,
    kind: o.trivial ? 'trivial' : o.kind,
    systems: SYSTEMS,
    commit: git(dir, ['rev-parse', 'HEAD'])
  }
}
