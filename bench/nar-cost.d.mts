/** Types for nar-cost.mjs (the cost of the tarball's NAR hash), for the TypeScript tests. */

export interface NarCost {
  sourceDir: string
  rounds: number
  entries: number
  /** Bytes of file contents hashed. */
  contentBytes: number
  tarballBytes: number
  /** The NAR hash packTarball computed. */
  narHash: string
  /** Medians: packTarball's wall seconds with the hash, and with it turned off. */
  withHashS: number
  withoutHashS: number
  addedS: number
  addedShare: number
  /** Median over the rounds of (with − without), the two runs of a round being adjacent. */
  pairedAddedS: number
  withHashCpuS: number
  withoutHashCpuS: number
  /** Median seconds spent in the hasher's calls, and its throughput on file contents. */
  hasherS: number
  hasherMBps: number
  /** One `nix hash path` of the folder, or null when Nix is not there or disagrees. */
  nixHashPathS: number | null
  allWithS: number[]
  allWithoutS: number[]
}

export declare function narCost(options: {
  sourceDir: string
  rounds?: number
  node?: string
  env?: NodeJS.ProcessEnv
}): Promise<NarCost>
