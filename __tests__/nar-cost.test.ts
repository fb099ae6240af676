// Smoke test of bench/nar-cost.mjs on a small folder: it packs with and without the NAR hash in
// a Node 24 child, and the hash it reports is the one Nix computes for that folder.
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { narCost } from '../bench/nar-cost.mjs'
import { sh, testEnv } from './support/nix.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nar-cost-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the NAR hash cost benchmark', () => {
  it('times packing with and without the hash, on the tree Nix hashes', async () => {
    fs.mkdirSync(path.join(dir, 'data'))
    fs.writeFileSync(path.join(dir, 'data/random.bin'), randomBytes(300_000))
    fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 })
    fs.symlinkSync('run.sh', path.join(dir, 'link'))
    const result = await narCost({ sourceDir: dir, rounds: 3, env: testEnv() })
    expect(result.narHash).toBe(sh('nix', ['hash', 'path', dir]).trim())
    expect(result).toMatchObject({ rounds: 3, entries: 5, contentBytes: 300_010 })
    expect(result.allWithS).toHaveLength(3)
    expect(result.allWithoutS).toHaveLength(3)
    for (const seconds of [
      result.withHashS,
      result.withoutHashS,
      result.hasherS,
      result.nixHashPathS
    ])
      expect(seconds).toBeGreaterThan(0)
    expect(result.addedS).toBeCloseTo(result.withHashS - result.withoutHashS, 9)
    const pairs = result.allWithS.map((s, i) => s - result.allWithoutS[i]).sort((a, b) => a - b)
    expect(result.pairedAddedS).toBeCloseTo(pairs[1], 9)
  })
})
