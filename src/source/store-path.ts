/**
 * The store path Nix gives a tree it copies into its store as a flake's source, computed from the
 * tree's NAR hash, as Nix computes it (a content-addressed path: "fixed output, recursive,
 * SHA-256" with no references). The tarball's top folder is named after it, so a tarball packed
 * before Nix has copied the tree can carry the very name Nix will give it.
 *
 *   fingerprint = "source:sha256:<NAR hash, hex>:<store dir>:<name>"
 *   path        = <store dir>/<base-32 of the SHA-256 of the fingerprint, folded to 20 bytes>-<name>
 */
import { createHash } from 'node:crypto'

/** Nix's own base-32 alphabet (no e, o, u, t). */
const ALPHABET = '0123456789abcdfghijklmnpqrsvwxyz'

/** `bytes` in Nix's base 32 (its last byte first, five bits at a time). */
export function nixBase32(bytes: Uint8Array): string {
  const length = Math.ceil((bytes.length * 8) / 5)
  let out = ''
  for (let n = length - 1; n >= 0; n--) {
    const bit = n * 5
    const i = Math.floor(bit / 8)
    const j = bit % 8
    const value = (bytes[i] >> j) | (i + 1 < bytes.length ? bytes[i + 1] << (8 - j) : 0)
    out += ALPHABET[value & 0x1f]
  }
  return out
}

/** The store path of a source tree whose NAR hash is `narHash` (`sha256-<base64>`). */
export function sourceStorePath(narHash: string, storeDir = '/nix/store', name = 'source'): string {
  const match = /^sha256-([A-Za-z0-9+/]{43}=)$/.exec(narHash)
  if (match === null) throw new Error(`Not a SHA-256 NAR hash: ${narHash}`)
  const hex = Buffer.from(match[1], 'base64').toString('hex')
  const digest = createHash('sha256').update(`source:sha256:${hex}:${storeDir}:${name}`).digest()
  const folded = new Uint8Array(20)
  for (let i = 0; i < digest.length; i++) folded[i % 20] ^= digest[i]
  return `${storeDir}/${nixBase32(folded)}-${name}`
}
