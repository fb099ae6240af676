/**
 * Dealing a flake's evaluation out to several `nix` processes (src/share.nix does the cutting):
 * the plan worker 0 prints (what there is to deal out, and how many workers), read as untrusted
 * text and checked against the run's own deal, and each worker's share, written into the
 * `--apply` argument of its `nix eval`.
 */

/** What there is to deal out, as share.nix finds it. */
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

/** Worker 0's plan: what it found, and the deal it made (see share.nix, `plan`). */
export interface Plan extends Discovery {
  workers: number
  offsets: Record<string, number>
}

const MAX_ENTRIES = 1_000_000

/** Read the plan worker 0 printed; anything not of its shape is an error that shows its start. */
export function readPlan(text: string): Plan {
  const problem = (what: string): Error =>
    new Error(
      `The first evaluator printed ${what} as its plan: ${JSON.stringify(text.slice(0, 200))}`
    )
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw problem('something that is not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw problem('no JSON object')
  const { schemas, systems, named, workers, offsets } = value as Record<string, unknown>
  if (typeof schemas !== 'boolean') throw problem('no boolean `schemas`')
  if (!Array.isArray(systems) || !systems.every(system => typeof system === 'string'))
    throw problem('no list of strings `systems`')
  if (new Set(systems).size !== systems.length) throw problem('a system twice')
  const counts = (field: unknown, name: string): Record<string, number> => {
    if (typeof field !== 'object' || field === null || Array.isArray(field))
      throw problem(`no object \`${name}\``)
    const entries = Object.entries(field as Record<string, unknown>)
    for (const [, count] of entries)
      if (!isCount(count)) throw problem(`a count in \`${name}\` that is not a whole number`)
    return Object.fromEntries(entries) as Record<string, number>
  }
  if (!isCount(workers) || workers < 1) throw problem('no whole number of `workers`')
  return {
    schemas,
    systems: systems as string[],
    named: counts(named, 'named'),
    workers,
    offsets: counts(offsets, 'offsets')
  }
}

function isCount(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_ENTRIES
  )
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
 * The shares of `plan`, which worker 0 made for at most `most` workers: the run's own deal of
 * what it found, which must be the deal worker 0 made (it is already evaluating its share).
 */
export function planShares(plan: Plan, most: number): Share[] {
  const shares = dealShares(plan, most)
  const made = JSON.stringify({ workers: plan.workers, offsets: plan.offsets })
  const own = JSON.stringify({ workers: shares.length, offsets: shares[0].offsets })
  if (made !== own)
    throw new Error(
      `The first evaluator dealt the work out as ${made}, the run as ${own}; please report this.`
    )
  return shares
}

/** The `--apply` argument that has `lib.evaluateFirst` plan for `most` workers and evaluate. */
export function firstArgument(most: number, marker: string, includeOutputPaths: boolean): string {
  return `first: first { includeOutputPaths = ${includeOutputPaths}; most = ${most}; marker = ${nixString(marker)}; }`
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
