// The runner executes dist/: it must carry the Nix expressions under their own names, unchanged.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'

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
})
