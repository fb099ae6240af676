/** Release labels: the `extra-labels` input merged with the repository's topics. */

/** FlakeHub keeps at most this many labels. */
export const MAX_LABELS = 25
/** A label is made of alphanumerics and `-`, at most this long. */
export const MAX_LABEL_LENGTH = 50

const LABEL = /^[a-z0-9-]+$/

/** Split a comma-separated input into trimmed, non-empty pieces. */
export function splitLabels(input: string): string[] {
  return input
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '')
}

/**
 * Merge labels: extra labels first, then topics; each trimmed and lower-cased; invalid ones
 * (characters other than alphanumerics and `-`, or too long) dropped *before* the limit is
 * applied; duplicates dropped keeping the first; at most {@link MAX_LABELS}; order stable.
 */
export function mergeLabels(extraLabels: readonly string[], topics: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const raw of [...extraLabels, ...topics]) {
    const label = raw.trim().toLowerCase()
    if (label.length > MAX_LABEL_LENGTH || !LABEL.test(label)) continue
    seen.add(label)
    if (seen.size === MAX_LABELS) break
  }
  return [...seen]
}
