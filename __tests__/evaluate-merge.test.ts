// Putting the outputs document together from the workers' parts (src/evaluate/merge.ts): any
// document, cut into parts as share.nix cuts it, comes back as the very text one evaluation
// prints; what is not a part, or parts that do not fit together, are refused with what is wrong.
import { describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import { PartError, mergeParts, readPart } from '../src/evaluate/merge.js'

type Node = { leaf: string } | { children: [string, Node][] }
type Document = { docs: [string, string][]; inventory: [string, Node][] }

/** Nix's order of attribute names: by their UTF-8 bytes. */
const byBytes = <T>(entries: [string, T][]): [string, T][] =>
  [...entries].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))

/** A node's text as `builtins.toJSON` lays it out (keys in Nix's order, no white space). */
function nodeText(node: Node): string {
  if ('leaf' in node) return `{"what":${JSON.stringify(node.leaf)}}`
  const children = byBytes(node.children).map(
    ([name, child]) => `${JSON.stringify(name)}:${nodeText(child)}`
  )
  return `{"children":{${children.join(',')}}}`
}

const leaves = (node: Node): number =>
  'leaf' in node ? 1 : node.children.reduce((sum, [, child]) => sum + leaves(child), 0)

const documentText = (doc: Document): string =>
  `{"docs":{${byBytes(doc.docs)
    .map(([name, text]) => `${JSON.stringify(name)}:${JSON.stringify(text)}`)
    .join(',')}},"inventory":{${byBytes(doc.inventory)
    .map(([name, node]) => `${JSON.stringify(name)}:${nodeText(node)}`)
    .join(',')}},"version":1}`

/**
 * What `workers` workers print for `doc` (share.nix's format): each output whole on worker 0 or,
 * when `shared` says so and it is a branch, its children on the workers `owner` picks.
 */
function partsOf(
  doc: Document,
  workers: number,
  shared: (output: string) => boolean,
  owner: (output: string, child: string) => number
): string[] {
  const outputs = byBytes(doc.inventory)
  const counts: [string, number][][] = Array.from({ length: workers }, () => [])
  const lines: string[][] = Array.from({ length: workers }, () => [])
  lines[0].push(
    `D\t{${byBytes(doc.docs)
      .map(([n, t]) => `${JSON.stringify(n)}:${JSON.stringify(t)}`)
      .join(',')}}`
  )
  outputs.forEach(([name, node], position) => {
    const head = `${position}\t${JSON.stringify(name)}`
    if (!shared(name) || 'leaf' in node) {
      lines[0].push(`W\t${head}\t${nodeText(node)}`)
      counts[0].push([name, leaves(node)])
      return
    }
    lines[0].push(`S\t${head}`)
    const sums = new Array<number>(workers).fill(0)
    byBytes(node.children).forEach(([child, childNode], at) => {
      const worker = owner(name, child)
      sums[worker] += leaves(childNode)
      lines[worker].push(`C\t${head}\t${at}\t${JSON.stringify(child)}\t${nodeText(childNode)}`)
    })
    sums.forEach((sum, worker) => counts[worker].push([name, sum]))
  })
  return lines.map(
    (own, worker) =>
      `${JSON.stringify(Object.fromEntries(counts[worker]))}\n${own.map(line => `${line}\n`).join('')}`
  )
}

const name = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('__proto__', 'x86_64-linux', '"', '\\', '\t', '\n', '😀', '\uffff', '10', '9')
)
const unique = <T>(entries: fc.Arbitrary<[string, T]>, maxLength: number) =>
  fc.uniqueArray(entries, { selector: ([key]) => key, maxLength })
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({ leaf: fc.string() }),
    fc.record({ children: unique(fc.tuple(name, tie('node')), 5) })
  )
})).node
const documents: fc.Arbitrary<Document> = fc.record({
  docs: unique(fc.tuple(name, fc.string()), 4),
  inventory: unique(fc.tuple(name, node), 6)
})

describe('mergeParts', () => {
  it('puts any document cut into any number of parts together as one evaluation prints it', () => {
    fc.assert(
      fc.property(
        documents,
        fc.integer({ min: 1, max: 4 }),
        fc.func(fc.boolean()),
        fc.func(fc.nat()),
        (doc, workers, shared, owner) => {
          const texts = partsOf(doc, workers, shared, (o, c) => owner(o, c) % workers)
          const merged = mergeParts(texts.map((text, worker) => readPart(text, worker)))
          expect(merged.json).toBe(documentText(doc))
          // The counts: one per output, each its number of leaves, in the order JSON.parse
          // gives them when one evaluation prints them (in Nix's order; integer-like names first).
          const single = `{${byBytes(doc.inventory)
            .map(([output, n]) => `${JSON.stringify(output)}:${leaves(n)}`)
            .join(',')}}`
          expect(Object.entries(merged.counts)).toEqual(Object.entries(JSON.parse(single)))
          expect(JSON.parse(merged.json)).toEqual(JSON.parse(documentText(doc)))
        }
      ),
      { seed: SEED, numRuns: 300 }
    )
  })

  it('keeps the text of each node as Nix printed it (nothing is parsed and printed again)', () => {
    const part =
      '{"packages":1}\nD\t{"packages":"\\u0008 as Nix 2.8 escapes it"}\nS\t0\t"packages"\n' +
      'C\t0\t"packages"\t0\t"x86_64-linux"\t{"a":{"what":"caf\\u00e9 \\/"}}\n'
    expect(mergeParts([readPart(part, 0)]).json).toBe(
      '{"docs":{"packages":"\\u0008 as Nix 2.8 escapes it"},"inventory":{"packages":' +
        '{"children":{"x86_64-linux":{"a":{"what":"caf\\u00e9 \\/"}}}}},"version":1}'
    )
  })

  const worker0 = '{"p":0,"t":1}\nD\t{}\nS\t0\t"p"\nW\t1\t"t"\t{}\n'
  it.each([
    ['no part has the docs', ['{}\n'], /docs 0 times/],
    ['two parts have the docs', [worker0, '{}\nD\t{}\n'], /docs 2 times/],
    ['two parts print one output whole', [worker0, '{}\nW\t1\t"t"\t{}\n'], /printed too/],
    [
      'one part has whole what another shares',
      [worker0, '{}\nC\t1\t"t"\t0\t"a"\t{}\n'],
      /printed too/
    ],
    [
      'two parts have one child',
      [worker0 + 'C\t0\t"p"\t0\t"a"\t{}\n', '{}\nC\t0\t"p"\t0\t"a"\t{}\n'],
      /printed too/
    ],
    ['two names at one position', [worker0, '{}\nC\t0\t"q"\t0\t"a"\t{}\n'], /named/],
    ['a count for an output nobody printed', [worker0, '{"zzz":1}\n'], /count for "zzz"/]
  ])('refuses parts that do not fit together: %s', (_, texts, message) => {
    const parts = texts.map((text, worker) => readPart(text, worker))
    expect(() => mergeParts(parts)).toThrow(PartError)
    expect(() => mergeParts(parts)).toThrow(message)
  })
})

describe('readPart', () => {
  it.each([
    ['nothing', '', /printed nothing/],
    ['no newline at the end', '{}', /no newline at the end/],
    ['counts that are not JSON', 'counts\n', /counts that are not JSON/],
    ['counts that are not an object', '[1]\n', /not an object/],
    ['a count below zero', '{"p":-1}\n', /not a whole number/],
    ['a count that is a fraction', '{"p":0.5}\n', /not a whole number/],
    ['an unknown kind of line', '{}\nX\t0\n', /no known kind/],
    ['too few fields', '{}\nW\t0\t"p"\n', /number of fields/],
    ['a tab too many', '{}\nW\t0\t"p"\t{}\t\n', /number of fields/],
    ['a position that is no number', '{}\nW\tx\t"p"\t{}\n', /position and a name/],
    ['a position with a leading zero', '{}\nW\t01\t"p"\t{}\n', /position and a name/],
    ['a name that is no JSON string', '{}\nW\t0\tp\t{}\n', /position and a name/],
    ['a node that is no object', '{}\nW\t0\t"p"\t[]\n', /not an object/],
    ['the docs twice', '{}\nD\t{}\nD\t{}\n', /docs twice/],
    ['an output twice', '{}\nW\t0\t"p"\t{}\nW\t0\t"p"\t{}\n', /output twice/],
    ['a child twice', '{}\nC\t0\t"p"\t0\t"a"\t{}\nC\t0\t"p"\t0\t"a"\t{}\n', /child twice/],
    ['a child without a name', '{}\nC\t0\t"p"\t0\ta\t{}\n', /child without/]
  ])('refuses %s, quoting it', (_, text, message) => {
    expect(() => readPart(text, 2)).toThrow(PartError)
    expect(() => readPart(text, 2)).toThrow(message)
    expect(() => readPart(text, 2)).toThrow(/^Evaluator 3 printed /)
  })

  it('reads any text as a part or refuses it with a PartError, nothing else (seeded property)', () => {
    const line = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('D', 'W', 'S', 'C', 'X'),
          fc.array(fc.oneof(fc.string(), fc.constantFrom('0', '"p"', '{}', '1')), { maxLength: 6 })
        )
        .map(([kind, fields]) => [kind, ...fields].join('\t'))
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.boolean(), (lines, newline) => {
        const text = lines.join('\n') + (newline ? '\n' : '')
        try {
          readPart(text, 0)
        } catch (error) {
          expect(error).toBeInstanceOf(PartError)
        }
      }),
      { seed: SEED, numRuns: 1000 }
    )
  })
})
