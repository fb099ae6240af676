// The runner executes dist/: it must carry the Nix expressions under their own names, unchanged.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as os from 'node:os'
import * as path from 'node:path'

const dist = new URL('../dist/', import.meta.url)
const ASSETS = [
  ['inspect-flake.nix', 'INSPECT_FLAKE'],
  ['inspect.nix', 'INSPECT'],
  ['show-check.nix', 'SHOW_CHECK'],
  ['share.nix', 'SHARE']
]

describe('the bundle', () => {
  it.each(ASSETS)('ships src/%s as dist/%s, byte for byte', name => {
    expect(fs.readFileSync(new URL(name, dist))).toEqual(
      fs.readFileSync(new URL(`../src/evaluate/${name}`, import.meta.url))
    )
  })

  it('holds no other .nix file (a hashed name means ncc stopped relocating an asset)', () => {
    expect(fs.readdirSync(dist).filter(name => name.endsWith('.nix'))).toEqual(
      ASSETS.map(([name]) => name).sort()
    )
  })

  it.each(ASSETS)(
    'refers to %s by a path next to index.js, not by a webpack asset URL',
    (name, constant) => {
      const bundle = fs.readFileSync(new URL('index.js', dist), 'utf8')
      expect(bundle).toContain(`const ${constant} = __nccwpck_require__.ab + "${name}";`)
    }
  )

  it('keeps the command line out of the action: dist/index.js holds none of its flag parser, reporters or places', () => {
    // The table of settings (every input, flag and variable) is one, so its names are in both
    // bundles; the command's own code is not in the action's.
    const bundle = fs.readFileSync(new URL('index.js', dist), 'utf8')
    for (const marker of [
      'unknown flag; ',
      'section_start',
      'Development JWT issuer',
      'There is no way to get a FlakeHub token here'
    ])
      expect(bundle).not.toContain(marker)
  })

  it('builds the command as one executable file, dist/cli.js, using the Nix files in dist/', () => {
    const cli = fs.readFileSync(new URL('cli.js', dist), 'utf8')
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(fs.statSync(new URL('cli.js', dist)).mode & 0o111).toBe(0o111)
    for (const [name, constant] of ASSETS)
      expect(cli).toContain(`const ${constant} = __nccwpck_require__.ab + "${name}";`)
    // A webpack chunk would be loaded from dist/ beside it, where the action's chunks live.
    expect(cli).not.toMatch(/__nccwpck_require__\.e\(/)
  })

  describe('undici, which only a proxy or Octokit needs (scripts/undici-on-demand.cjs)', () => {
    const SHIM = '// What the bundles get for `undici`'
    const bundles = fs.readdirSync(dist).filter(name => name.endsWith('.js'))
    const main = fs.readFileSync(new URL('index.js', dist), 'utf8')
    // The module number webpack gave the stand-in: the action's chunks use the same numbers.
    const shimId = (text: string): string => {
      const headers = [...text.slice(0, text.indexOf(SHIM)).matchAll(/\/\*{3}\/ (\d+):/g)]
      return headers.at(-1)![1]
    }

    it('is not in the bundles: they require dist/undici.cjs, beside them, by that name', () => {
      for (const name of ['index.js', 'cli.js']) {
        const text = fs.readFileSync(new URL(name, dist), 'utf8')
        expect(text).toContain(SHIM)
        expect(text).toContain('__WEBPACK_EXTERNAL_createRequire(import.meta.url)("./undici.cjs")')
      }
      for (const name of bundles) {
        // llhttp, undici's HTTP parser, is in every build of it.
        expect([name, fs.readFileSync(new URL(name, dist), 'utf8').includes('llhttp')]).toEqual([
          name,
          false
        ])
      }
      expect(fs.readFileSync(new URL('undici.cjs', dist), 'utf8')).toContain('llhttp')
    })

    it('gives the bundles every name they read from undici, from the real one', () => {
      const read = new Set<string>()
      for (const name of bundles) {
        const text = fs.readFileSync(new URL(name, dist), 'utf8')
        const id = shimId(name === 'cli.js' ? text : main)
        const bound = text.matchAll(
          new RegExp(`(\\w+) = __(?:nccwpck|webpack)_require__\\(${id}\\)`, 'g')
        )
        for (const [, variable] of bound)
          for (const [, used] of text.matchAll(new RegExp(`\\b${variable}\\.(\\w+)`, 'g')))
            read.add(used)
      }
      expect([...read].sort()).toEqual(['ProxyAgent', 'fetch'])
      const undici = createRequire(import.meta.url)('../dist/undici.cjs')
      expect(typeof undici.ProxyAgent).toBe('function')
      expect(typeof undici.fetch).toBe('function')
      expect(new undici.ProxyAgent({ uri: 'http://127.0.0.1:9' })).toBeInstanceOf(undici.ProxyAgent)
    })

    it('reads undici only when one of its names is first used, and only once', () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'undici-on-demand-'))
      try {
        fs.copyFileSync(
          new URL('../scripts/undici-on-demand.cjs', import.meta.url),
          path.join(folder, 'shim.cjs')
        )
        // A stand-in for dist/undici.cjs that counts how often it is loaded.
        fs.writeFileSync(
          path.join(folder, 'undici.cjs'),
          'globalThis.undiciLoads = (globalThis.undiciLoads ?? 0) + 1\n' +
            'module.exports = { ProxyAgent: class ProxyAgent {}, fetch: () => "fetched" }\n'
        )
        const counter = globalThis as { undiciLoads?: number }
        delete counter.undiciLoads
        const shim = createRequire(import.meta.url)(path.join(folder, 'shim.cjs'))
        expect(counter.undiciLoads).toBeUndefined()
        expect(shim.ProxyAgent.name).toBe('ProxyAgent')
        expect(counter.undiciLoads).toBe(1)
        expect(shim.fetch()).toBe('fetched')
        expect(counter.undiciLoads).toBe(1)
      } finally {
        fs.rmSync(folder, { recursive: true, force: true })
      }
    })
  })
})
