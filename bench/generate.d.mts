/** Types for generate.mjs (the benchmark's flake generator), for the TypeScript tests. */

export declare const SYSTEMS: string[]

/** The kinds of flake.nix (flake-nix.mjs). */
export type FlakeKind = 'large' | 'shared' | 'names'

export declare const KINDS: FlakeKind[]

export interface GenerateOptions {
  /** Regular files in all, including flake.nix, README.md and stamp.txt (at least 4). */
  files?: number
  /** Bytes of generated content (about `incompressible` of it random bytes). */
  bytes?: number
  /** Packages for each of the four systems. */
  packages?: number
  /** SHA-256 rounds per evaluated description (a quarter of that per name). */
  work?: number
  seed?: number
  /** Share of `bytes` that is random (incompressible), 0 to 1. */
  incompressible?: number
  /** The same tree, but a flake.nix with no outputs. */
  trivial?: boolean
  /** Which flake.nix: `large` (the default), `shared` or `names`. */
  kind?: FlakeKind
  /** For `shared`: entries in the shared package set. */
  sharedSize?: number
  /** For `shared`: SHA-256 rounds per entry of the shared package set. */
  sharedWork?: number
}

export declare const DEFAULTS: Required<GenerateOptions>

export declare const FIXED_FILES: string[]

export interface GeneratedFlake {
  dir: string
  files: number
  bytes: number
  executables: number
  symlinks: number
  folders: number
  packages: number
  kind: FlakeKind | 'trivial'
  systems: string[]
  commit: string
}

export declare function generateFlake(dir: string, options?: GenerateOptions): GeneratedFlake

export declare function flakeNix(options: Required<GenerateOptions>): string

export interface Prng {
  u32(): number
  float(): number
  int(n: number): number
  pick<T>(list: readonly T[]): T
  normal(): number
  bytes(n: number): Buffer
}

export declare function prng(seed: number, stream?: number): Prng

export declare function gitEnv(date?: string): NodeJS.ProcessEnv

export declare function git(dir: string, args: string[], env?: NodeJS.ProcessEnv): string
