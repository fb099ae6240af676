/**
 * "Did you mean": the known name nearest to a misspelled one (a flag, an input), when it is near
 * enough to be what was meant. Near is the number of letters added, removed, changed or swapped
 * with their neighbour: at most one in a short name, two in a longer one.
 */

/** The edit distance of `a` and `b`, with a swap of neighbours counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + change)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1)
      rows[i][j] = best
    }
  }
  return rows[a.length][b.length]
}

/** The one name of `known` nearest to `given` (case aside), if it is near enough and alone. */
export function nearest(given: string, known: Iterable<string>): string | undefined {
  const wanted = given.toLowerCase()
  const allowed = wanted.length <= 4 ? 1 : 2
  let best: { name: string; distance: number } | undefined
  let tied = false
  for (const name of known) {
    const distance = editDistance(wanted, name.toLowerCase())
    if (distance > allowed || (best !== undefined && distance > best.distance)) continue
    tied = best !== undefined && distance === best.distance
    if (!tied) best = { name, distance }
  }
  return tied ? undefined : best?.name
}
