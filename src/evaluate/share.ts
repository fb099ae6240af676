/**
 * Dealing a flake's evaluation out to several `nix` processes (src/share.nix does the cutting):
 * what the cheap first call (`lib.discover`) tells, read as untrusted text, and each worker's
 * share, written into the `--apply` argument of its `nix eval`.
 */

/** What there is to deal out, as `lib.discover` prints it (see share.nix). */
export interface Discovery {
  /** The flake brings its own `schemas`: one evaluator does everything. */
  schemas: boolean
  /** Every system named under an output keyed by system, in Nix's order. */
  systems: string[]
  /** Outputs keyed by name (nixosConfigurations, hydraJobs, …) and how many entries each has. */
  named: Record<string, number>
}

/** One worker's part: the systems it owns, and where its dealing of named entries starts. */
export interface Share {
  /** 0 … workers - 1; worker 0 also takes every output that is not dealt out. */
  worker: number
  workers: number
  /** Every system (all workers get the same list: a worker owns those at its positions). */
  systems: string[]
  /** Per output keyed by name: the position in the deal of its first entry. */
  offsets: Record<string, number>
}

const MAX_ENTRIES = 1_000_000

/** Read what `lib.discover` printed; anything not of its shape is an error that shows its start. */
export function readDiscovery(text: string): Discovery {
  const problem = (what: string): Error =>
    new Error(`\`nix eval …#lib.discover\` printed ${what}: ${JSON.stringify(text.slice(0, 200))}`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw problem('something that is not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw problem('no JSON object')
  const { schemas, systems, named } = value as Record<string, unknown>
  if (typeof schemas !== 'boolean') throw problem('no boolean `schemas`')
  if (!Array.isArray(systems) || !systems.every(system => typeof system === 'string'))
    throw problem('no list of strings `systems`')
  if (new Set(systems).size !== systems.length) throw problem('a system twice')
  if (typeof named !== 'object' || named === null || Array.isArray(named))
    throw problem('no object `named`')
  const counts = Object.entries(named as Record<string, unknown>)
  for (const [, count] of counts) {
    if (
      typeof count !== 'number' ||
      !Number.isSafeInteger(count) ||
      count < 0 ||
      count > MAX_ENTRIES
    )
      throw problem('a count in `named` that is not a whole number')
  }
  return {
    schemas,
    systems: systems as string[],
    named: Object.fromEntries(counts) as Record<string, number>
  }
}

/**
 * The shares of at most `most` workers: one per system and per named entry at most, one alone
 * when the flake brings its own schemas (their inventories are the flake's own functions, which
 * cannot be cut). Systems are dealt first, round-robin by position, then the named entries of
 * each output in turn, continuing the same round.
 */
export function dealShares(discovery: Discovery, most: number): Share[] {
  if (!Number.isSafeInteger(most) || most < 1) throw new RangeError(`workers: ${most}`)
  const named = Object.entries(discovery.named)
  const units = discovery.systems.length + named.reduce((sum, [, count]) => sum + count, 0)
  const workers = discovery.schemas ? 1 : Math.max(1, Math.min(most, units))
  const offsets: Record<string, number> = {}
  let next = discovery.systems.length
  for (const [output, count] of named) {
    offsets[output] = next
    next += count
  }
  return Array.from({ length: workers }, (_, worker) => ({
    worker,
    workers,
    systems: discovery.systems,
    offsets
  }))
}

/**
 * The `--apply` argument that has `lib.evaluatePart` evaluate `share`. The share travels as JSON
 * inside a Nix string (its system names come from the flake): every `\`, `"` and `$` is escaped,
 * so nothing in a name can end the string or start an interpolation, and JSON has already
 * escaped every control character (a raw carriage return would become a newline in Nix).
 */
export function partArgument(share: Share, includeOutputPaths: boolean): string {
  const json = JSON.stringify({
    worker: share.worker,
    workers: share.workers,
    systems: share.systems,
    offsets: share.offsets
  })
  return `part: part { includeOutputPaths = ${includeOutputPaths}; share = builtins.fromJSON ${nixString(json)}; }`
}

/** `text` as a Nix string literal that evaluates to exactly `text`. */
export function nixString(text: string): string {
  return `"${text.replace(/[\\"$]/g, char => `\\${char}`)}"`
}

/** Which systems and named entries `share` owns, for the log. */
export function describeShare(share: Share, discovery: Discovery): string {
  const mine = (position: number): boolean => position % share.workers === share.worker
  const systems = share.systems.filter((_, position) => mine(position))
  const named = Object.entries(discovery.named).flatMap(([output, count]) => {
    const owned = Array.from({ length: count }, (_, i) => i).filter(i =>
      mine(share.offsets[output] + i)
    ).length
    return owned === 0 ? [] : [`${owned} of ${count} ${output}`]
  })
  const shown = (name: string): string => (/^[\w.+-]+$/.test(name) ? name : JSON.stringify(name))
  const parts = [systems.length === 0 ? 'no system' : systems.map(shown).join(', '), ...named]
  if (share.worker === 0 && share.workers > 1) parts.push('every other output')
  return parts.join('; ')
}
