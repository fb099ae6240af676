// Test support: the shape of src/, read with TypeScript's own parser. The import graph (type-only
// imports and re-exports included) and its cycles, the length of every function and of every file,
// and the string literals each file holds.
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

export const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'src')

export interface SourceFile {
  /** Relative to src/, `/`-separated: `flakehub/http.ts`. */
  name: string
  text: string
  lines: number
  /** The files of src/ it imports (relative to src/), whatever kind of import. */
  imports: string[]
  functions: { name: string; line: number; lines: number }[]
  /** The text of every string literal and template part, in order. */
  strings: string[]
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.ts') ? [full] : []
  })
}

/** The name a function goes by in a report: its own, or the variable or property it is held in. */
function functionName(node: ts.Node, file: ts.SourceFile): string {
  const named = node as { name?: ts.Node }
  if (named.name !== undefined) return named.name.getText(file)
  const parent = node.parent
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(file)
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent))
    return `(argument of ${parent.expression.getText(file)})`
  return '(anonymous)'
}

function moduleOf(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const resolved = path.join(path.dirname(from), specifier).replace(/\.js$/, '.ts')
  return path.relative(SRC, resolved).split(path.sep).join('/')
}

function readFile(full: string): SourceFile {
  const text = fs.readFileSync(full, 'utf8')
  const file = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true)
  const line = (pos: number): number => file.getLineAndCharacterOfPosition(pos).line + 1
  const imports = new Set<string>()
  const functions: SourceFile['functions'] = []
  const strings: string[] = []
  const visit = (node: ts.Node): void => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.ImportKeyword &&
            node.arguments[0] !== undefined &&
            ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : undefined
    const target = specifier === undefined ? undefined : moduleOf(full, specifier)
    if (target !== undefined) imports.add(target)
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body !== undefined) {
      const start = line(node.getStart(file))
      functions.push({
        name: functionName(node, file),
        line: start,
        lines: line(node.getEnd()) - start + 1
      })
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      strings.push(node.text)
    else if (ts.isTemplateExpression(node)) {
      strings.push(node.head.text, ...node.templateSpans.map(span => span.literal.text))
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const name = path.relative(SRC, full).split(path.sep).join('/')
  return {
    name,
    text,
    lines: text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length,
    imports: [...imports].sort(),
    functions,
    strings
  }
}

export function readSources(): SourceFile[] {
  return walk(SRC)
    .map(readFile)
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The import cycles: each strongly connected set of two or more files, sorted (Tarjan). */
export function importCycles(files: SourceFile[]): string[][] {
  const graph = new Map(files.map(file => [file.name, file.imports]))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  let next = 0
  const connect = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const members: string[] = []
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w)
      members.push(w)
      if (w === v) break
    }
    if (members.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(members.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) connect(v)
  return cycles.sort((a, b) => a[0].localeCompare(b[0]))
}
