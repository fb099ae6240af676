/**
 * Putting the outputs document together from the parts several workers printed (share.nix,
 * `lib.evaluatePart`), as exactly the text one evaluation prints: the same bytes.
 *
 * `builtins.toJSON` writes an attribute set as `{` + `"name":value` pairs joined by `,` + `}`,
 * names in Nix's order, with no white space. Each part holds, per output, the text of either the
 * whole node or of some of its children, each tagged with its position in Nix's order (which
 * share.nix computes). So the document is made by sorting those positions (numbers, never
 * names: no Unicode collation to get right) and joining texts that Nix made. No node is parsed:
 * only the names, the counts and the positions are read, and only the structure is checked.
 */
import type { Outputs } from './evaluator.js'

/** One child of an output that is dealt out: its name and node as JSON text. */
interface Child {
  name: string
  node: string
}

/** What one part says about one output. */
interface OutputPart {
  /** The output's name as JSON text. */
  name: string
  /** The whole node's text (an output evaluated by one worker alone). */
  whole?: string
  /** The output is dealt out: its node is `{"children":{…}}` made of the children below. */
  shared: boolean
  children: Map<number, Child>
}

/** One worker's part, read from what it printed. */
export interface Part {
  /** The number of leaves per output (by name) in this part. */
  counts: Map<string, number>
  /** The document's `docs` as JSON text (worker 0 only). */
  docs?: string
  outputs: Map<number, OutputPart>
}

/** A part (or parts) that is not what share.nix prints: never expected, always a bug to report. */
export class PartError extends Error {
  constructor(worker: number, what: string) {
    super(`Evaluator ${worker + 1} printed ${what}; please report this.`)
    this.name = 'PartError'
  }
}

const POSITION = /^(0|[1-9][0-9]{0,8})$/
const FIELDS = { D: 2, W: 4, S: 3, C: 6 } as const

/** `text` as a JSON string (a name), or undefined. */
function jsonString(text: string): string | undefined {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/** Whether `text` can be a node: a JSON object as Nix prints it (not parsed: only its ends). */
const isObjectText = (text: string): boolean =>
  text.length >= 2 && text.startsWith('{') && text.endsWith('}')

/**
 * Read what worker `worker` printed: a line of counts (JSON), then the lines of share.nix.
 * Anything else is a {@link PartError} that quotes where it went wrong.
 */
export function readPart(text: string, worker: number): Part {
  const fail = (what: string, at: string): PartError =>
    new PartError(worker, `${what}: ${JSON.stringify(at.slice(0, 200))}`)
  const lines = text.split('\n')
  if (lines.at(-1) !== '') throw fail('no newline at the end', text.slice(-200))
  lines.pop()
  const countsLine = lines.shift()
  if (countsLine === undefined) throw fail('nothing', text)
  const part: Part = { counts: readCounts(countsLine, fail), outputs: new Map() }
  for (const line of lines) {
    const kind = line.slice(0, 1)
    if (!(kind in FIELDS) || line[1] !== '\t') throw fail('a line of no known kind', line)
    // JSON escapes every tab, so the fields are exactly what is between tabs.
    const fields = line.split('\t')
    if (fields.length !== FIELDS[kind as keyof typeof FIELDS])
      throw fail('a line with another number of fields', line)
    if (kind === 'D') {
      if (part.docs !== undefined) throw fail('the docs twice', line)
      if (!isObjectText(fields[1])) throw fail('docs that are not an object', line)
      part.docs = fields[1]
      continue
    }
    const [, positionText, name] = fields
    if (!POSITION.test(positionText) || jsonString(name) === undefined)
      throw fail('an output without a position and a name', line)
    const position = Number(positionText)
    let output = part.outputs.get(position)
    if (output === undefined) {
      output = { name, shared: false, children: new Map() }
      part.outputs.set(position, output)
    } else if (output.name !== name) throw fail('two names at one position', line)
    if (kind === 'W') {
      if (output.whole !== undefined || output.shared) throw fail('an output twice', line)
      if (!isObjectText(fields[3])) throw fail('a node that is not an object', line)
      output.whole = fields[3]
      continue
    }
    if (output.whole !== undefined) throw fail('an output twice', line)
    output.shared = true
    if (kind === 'C') {
      const [, , , childPosition, childName, node] = fields
      if (!POSITION.test(childPosition) || jsonString(childName) === undefined)
        throw fail('a child without a position and a name', line)
      if (!isObjectText(node)) throw fail('a node that is not an object', line)
      const at = Number(childPosition)
      if (output.children.has(at)) throw fail('a child twice', line)
      output.children.set(at, { name: childName, node })
    }
  }
  return part
}

function readCounts(line: string, fail: (what: string, at: string) => PartError): Part['counts'] {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw fail('counts that are not JSON', line)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw fail('counts that are not an object', line)
  const counts = new Map<string, number>()
  for (const [name, count] of Object.entries(value as Record<string, unknown>)) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      throw fail('a count that is not a whole number', line)
    counts.set(name, count)
  }
  return counts
}

/**
 * The outputs document and counts that one evaluation of the whole flake gives, from the parts
 * of every worker (`parts[i]` is worker i's). Each output is whole in exactly one part or dealt
 * out (its children, each in exactly one part); the docs come from exactly one part.
 */
export function mergeParts(parts: readonly Part[]): Outputs {
  const docs = parts.filter(part => part.docs !== undefined)
  if (docs.length !== 1) throw new PartError(0, `the docs ${docs.length} times in all, not once`)
  const outputs = new Map<number, { name: string; whole?: string; children: Map<number, Child> }>()
  parts.forEach((part, worker) => {
    for (const [position, output] of part.outputs) {
      let merged = outputs.get(position)
      if (merged === undefined) {
        merged = { name: output.name, children: new Map() }
        outputs.set(position, merged)
      }
      if (merged.name !== output.name)
        throw new PartError(worker, `output ${output.name} where another named ${merged.name}`)
      if (output.whole !== undefined) {
        if (
          merged.whole !== undefined ||
          merged.children.size > 0 ||
          parts.some((other, i) => i !== worker && other.outputs.get(position)?.shared === true)
        )
          throw new PartError(worker, `output ${output.name} that another evaluator printed too`)
        merged.whole = output.whole
        continue
      }
      if (merged.whole !== undefined)
        throw new PartError(worker, `output ${output.name} that another evaluator printed whole`)
      for (const [at, child] of output.children) {
        if (merged.children.has(at))
          throw new PartError(worker, `${output.name} ${child.name} that another printed too`)
        merged.children.set(at, child)
      }
    }
  })

  const byPosition = <T>(map: Map<number, T>): T[] =>
    [...map.entries()].sort(([a], [b]) => a - b).map(([, value]) => value)
  const inventory: string[] = []
  const counts: [string, number][] = []
  const names = new Set<string>()
  for (const output of byPosition(outputs)) {
    const node =
      output.whole ??
      `{"children":{${byPosition(output.children)
        .map(child => `${child.name}:${child.node}`)
        .join(',')}}}`
    inventory.push(`${output.name}:${node}`)
    const name = jsonString(output.name) as string // Checked when read.
    names.add(name)
    counts.push([name, parts.reduce((sum, part) => sum + (part.counts.get(name) ?? 0), 0)])
  }
  parts.forEach((part, worker) => {
    for (const name of part.counts.keys())
      if (!names.has(name))
        throw new PartError(worker, `a count for ${JSON.stringify(name)}, an output it printed not`)
  })
  return {
    json: `{"docs":${docs[0].docs},"inventory":{${inventory.join(',')}},"version":1}`,
    // As own properties, whatever the names (`__proto__` too), as JSON.parse makes them.
    counts: Object.fromEntries(counts)
  }
}
