// The runner executes dist/: it must carry the Nix expression under its own name, unchanged.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'

const dist = new URL('../dist/', import.meta.url)

describe('the bundle', () => {
  it('ships src/inspect.nix as dist/inspect.nix, byte for byte', () => {
    expect(fs.readFileSync(new URL('inspect.nix', dist))).toEqual(
      fs.readFileSync(new URL('../src/inspect.nix', import.meta.url))
    )
  })

  it('holds no other .nix file (a hashed name means ncc stopped relocating the asset)', () => {
    expect(fs.readdirSync(dist).filter(name => name.endsWith('.nix'))).toEqual(['inspect.nix'])
  })

  it('refers to inspect.nix by a path next to index.js, not by a webpack asset URL', () => {
    const bundle = fs.readFileSync(new URL('index.js', dist), 'utf8')
    expect(bundle).toMatch(/const INSPECT = __nccwpck_require__\.ab \+ "inspect\.nix";/)
  })

  it('keeps the command line out of the action: dist/index.js holds none of its flags or reporters', () => {
    const bundle = fs.readFileSync(new URL('index.js', dist), 'utf8')
    for (const marker of ['FLAKEHUB_PUSH_VISIBILITY', 'section_start', 'jwt-issuer-uri'])
      expect(bundle).not.toContain(marker)
  })

  it('builds the command as one executable file, dist/cli.js, using dist/inspect.nix', () => {
    const cli = fs.readFileSync(new URL('cli.js', dist), 'utf8')
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(fs.statSync(new URL('cli.js', dist)).mode & 0o111).toBe(0o111)
    expect(cli).toMatch(/const INSPECT = __nccwpck_require__\.ab \+ "inspect\.nix";/)
    // A webpack chunk would be loaded from dist/ beside it, where the action's chunks live.
    expect(cli).not.toMatch(/__nccwpck_require__\.e\(/)
  })
})
