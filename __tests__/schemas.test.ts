// The default schemas, one row each: exactly those of flake-schemas v0.1.4 (protocol, section
// 12), with the leaves that release gives. One flake holds an output for every row, evaluated
// by the real `nix` through the action's own call.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { processRunner } from '../src/process/command.js'
import { Evaluator } from '../src/evaluate/evaluator.js'
import { Nix } from '../src/source/nix.js'
import { evaluateEveryWay } from './support/evaluators.js'
import { makeRepo, nixJson, trivialDerivation } from './support/nix.js'

type Leaf = {
  what: string | null
  shortDescription: string | null
  forSystems: string[] | null
  derivation: null
  outputs: null
}
type Node = Leaf | { children: Record<string, Node> }

const leaf = (
  what: string,
  shortDescription: string | null,
  forSystems: string[] | null
): Leaf => ({
  what,
  shortDescription,
  forSystems,
  derivation: null,
  outputs: null
})
const branch = (children: Record<string, Node>): Node => ({ children })
const drv = (name: string, system: string, description?: string) =>
  trivialDerivation(name, system, description)

/** [output, its value in the flake, the node flake-schemas v0.1.4 gives it] */
const ROWS: [string, string, Node][] = [
  [
    'packages',
    `{ x86_64-linux.hello = ${drv('hello', 'x86_64-linux', 'Says hello')}; }`,
    branch({ 'x86_64-linux': branch({ hello: leaf('package', 'Says hello', ['x86_64-linux']) }) })
  ],
  [
    'devShells',
    `{ aarch64-linux.default = ${drv('shell', 'aarch64-linux')}; }`,
    branch({
      'aarch64-linux': branch({ default: leaf('development environment', '', ['aarch64-linux']) })
    })
  ],
  [
    'checks',
    `{ x86_64-linux.unit = ${drv('unit', 'x86_64-linux', 'Unit tests')}; }`,
    branch({ 'x86_64-linux': branch({ unit: leaf('CI test', 'Unit tests', ['x86_64-linux']) }) })
  ],
  [
    'dockerImages',
    `{ x86_64-linux.web = ${drv('web', 'x86_64-linux')}; }`,
    branch({ 'x86_64-linux': branch({ web: leaf('Docker image', '', ['x86_64-linux']) }) })
  ],
  [
    'formatter',
    `{ x86_64-darwin = ${drv('fmt', 'x86_64-darwin', 'Formats')}; }`,
    branch({ 'x86_64-darwin': leaf('package', 'Formats', ['x86_64-darwin']) })
  ],
  [
    'apps',
    '{ x86_64-linux.run = { type = "app"; program = "/bin/sh"; meta.description = "Runs"; }; }',
    branch({ 'x86_64-linux': branch({ run: leaf('app', null, ['x86_64-linux']) }) })
  ],
  ['legacyPackages', `{ x86_64-linux.hello = ${drv('hello', 'x86_64-linux')}; }`, branch({})],
  [
    'hydraJobs',
    `{ build.linux = ${drv('build', 'aarch64-linux', 'Builds')}; }`,
    branch({ build: branch({ linux: leaf('Hydra CI test', 'Builds', ['aarch64-linux']) }) })
  ],
  [
    'templates',
    '{ default = { path = ./.; description = "A start"; }; }',
    branch({ default: leaf('template', 'A start', null) })
  ],
  [
    'overlays',
    '{ default = final: prev: { }; }',
    branch({ default: leaf('Nixpkgs overlay', null, null) })
  ],
  [
    'nixosModules',
    '{ default = { ... }: { }; }',
    branch({ default: leaf('NixOS module', null, null) })
  ],
  [
    'darwinModules',
    '{ default = { ... }: { }; }',
    branch({ default: leaf('nix-darwin module', null, null) })
  ],
  [
    'nixosConfigurations',
    `{ box = { pkgs.stdenv.system = "x86_64-linux"; config.system.build.toplevel = ${drv('box', 'x86_64-linux')}; }; }`,
    branch({ box: leaf('NixOS configuration', null, ['x86_64-linux']) })
  ],
  [
    'homeConfigurations',
    `{ me = { activationPackage = ${drv('home', 'aarch64-darwin')}; }; }`,
    branch({ me: leaf('Home Manager configuration', null, ['aarch64-darwin']) })
  ],
  [
    'darwinConfigurations',
    `{ mac = { system = ${drv('mac', 'aarch64-darwin')}; }; }`,
    branch({ mac: leaf('nix-darwin configuration', null, ['aarch64-darwin']) })
  ]
]

/** Outputs that later flake-schemas releases describe, and v0.1.4 (so the default set) does not. */
const NOT_DEFAULT: [string, string][] = [
  ['homeModules', '{ default = { ... }: { }; }'],
  ['ociImages', `{ x86_64-linux.web = ${drv('web', 'x86_64-linux')}; }`],
  ['bundlers', '{ x86_64-linux.default = drv: drv; }']
]

describe('the default schemas', () => {
  let doc: { docs: Record<string, string>; inventory: Record<string, Node> }

  beforeAll(async () => {
    const outputs = [...ROWS, ...NOT_DEFAULT].map(([name, value]) => `${name} = ${value};`)
    const dir = makeRepo({
      'flake.nix': `{\n  outputs = { self }: {\n    ${outputs.join('\n    ')}\n  };\n}\n`
    })
    const { url } = nixJson<{ url: string }>(['flake', 'metadata', '--json', dir])
    // Several evaluators side by side give the same document, to the byte.
    await evaluateEveryWay(url)
    const { json } = await new Evaluator(new Nix(processRunner)).outputs(url, false, {
      log: () => {}
    })
    doc = JSON.parse(json) as typeof doc
  })

  it.each(ROWS)('describe %s as flake-schemas v0.1.4 does', (name, _, node) => {
    expect(doc.inventory[name]).toEqual(node)
    expect(doc.docs[name]).toMatch(new RegExp(`\`${name}\``))
  })

  it.each(NOT_DEFAULT)('leave out %s, which only later flake-schemas releases describe', name => {
    expect(doc.inventory).not.toHaveProperty(name)
    expect(doc.docs).not.toHaveProperty(name)
  })

  it('describe nothing else (their sixteenth, schemas, applies only to a flake that brings its own schemas)', () => {
    expect(Object.keys(doc.inventory).sort()).toEqual(ROWS.map(([name]) => name).sort())
  })
})
