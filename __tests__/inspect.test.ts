// src/inspect.nix, evaluated by the real `nix` against fixture flakes.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { processRunner } from '../src/process/command.js'
import { Evaluator, NO_OUTPUTS } from '../src/evaluate/evaluator.js'
import { Nix } from '../src/source/nix.js'
import { evaluateEveryWay } from './support/evaluators.js'
import { makeRepo, nixJson, sh, trivialDerivation } from './support/nix.js'

type Leaf = {
  what: string | null
  shortDescription: string | null
  forSystems: string[] | null
  derivation: string | null
  outputs: Record<string, string> | null
}
type Branch = { children: Record<string, Node> }
type Node = Leaf | Branch
type OutputsDocument = {
  version: number
  docs: Record<string, string>
  inventory: Record<string, Node>
}

function lockedUrl(dir: string): string {
  return nixJson<{ url: string }>(['flake', 'metadata', '--json', '--no-write-lock-file', dir]).url
}

const evaluator = new Evaluator(new Nix(processRunner))
const quiet = { log: () => {} }

/**
 * The outputs document and counts, from the action's own `nix eval` call (several evaluators side
 * by side must give the same, to the byte: see support/evaluators.ts).
 */
async function inspectWithCounts(
  flakeRef: string,
  includeOutputPaths = false
): Promise<{ doc: OutputsDocument; counts: Record<string, number> }> {
  await evaluateEveryWay(flakeRef, includeOutputPaths)
  const { json, counts } = await evaluator.outputs(flakeRef, includeOutputPaths, quiet)
  return { doc: JSON.parse(json) as OutputsDocument, counts }
}

async function inspect(flakeRef: string, includeOutputPaths = false): Promise<OutputsDocument> {
  return (await inspectWithCounts(flakeRef, includeOutputPaths)).doc
}

/** Run the inspection expecting it to fail, and return what the action would report. */
async function inspectFailure(
  flakeRef: string,
  includeOutputPaths = false,
  brokenAt: string[] = []
): Promise<string> {
  await evaluateEveryWay(flakeRef, includeOutputPaths, { brokenAt })
  try {
    await evaluator.outputs(flakeRef, includeOutputPaths, quiet)
  } catch (error) {
    return String(error)
  }
  throw new Error('expected the evaluation to fail')
}

function evalRaw(installable: string): string {
  return sh('nix', ['eval', '--raw', installable])
}

function flake(outputs: string): Record<string, string> {
  return { 'flake.nix': `{\n  outputs = { self }: ${outputs};\n}\n` }
}

/** The node at `path` below `node`, failing if a step is not a branch. */
function at(node: Node, ...path: string[]): Node {
  let current = node
  for (const name of path) {
    if (!('children' in current)) throw new Error(`not a branch before ${name}`)
    current = current.children[name]
    if (current === undefined) throw new Error(`no child ${name}`)
  }
  return current
}

function childNames(node: Node): string[] {
  if (!('children' in node)) throw new Error('not a branch')
  return Object.keys(node.children).sort()
}

/** Every node below `node`, each with its path. */
function walk(node: Node, path: string[] = []): Array<[string[], Node]> {
  const here: Array<[string[], Node]> = [[path, node]]
  if (!('children' in node)) return here
  return here.concat(
    ...Object.entries(node.children).map(([name, child]) => walk(child, [...path, name]))
  )
}

function leaf(fields: Partial<Leaf>): Leaf {
  return {
    what: null,
    shortDescription: null,
    forSystems: null,
    derivation: null,
    outputs: null,
    ...fields
  }
}

const multiOutput = `derivation { name = "split"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo > $out; echo > $dev" ]; outputs = [ "out" "dev" ]; }`

const everythingFlake = flake(`{
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux', 'Says hello')};
    packages.x86_64-linux.plain = ${trivialDerivation('plain', 'x86_64-linux')};
    packages.x86_64-linux.split = ${multiOutput};
    packages.aarch64-darwin.default = ${trivialDerivation('hello', 'aarch64-darwin', 'Says hello on a Mac')};
    devShells.x86_64-linux.default = ${trivialDerivation('shell', 'x86_64-linux', 'Tools for hacking')};
    checks.x86_64-linux.unit = ${trivialDerivation('unit', 'x86_64-linux')};
    formatter.x86_64-linux = ${trivialDerivation('fmt', 'x86_64-linux', 'Formats code')};
    formatter.aarch64-linux = ${trivialDerivation('fmt', 'aarch64-linux')};
    apps.x86_64-linux.default = { type = "app"; program = "/bin/sh"; };
    apps.x86_64-linux.described = { type = "app"; program = "/bin/sh"; meta.description = "Runs a shell"; };
    hydraJobs = {
      build.x86_64-linux = ${trivialDerivation('hydra-build', 'x86_64-linux', 'Builds it')};
      tests.unit.linux = ${trivialDerivation('hydra-unit', 'aarch64-linux')};
    };
    templates.default = { path = ./.; description = "A starting point"; };
    templates.bare = { path = ./.; description = ""; };
    overlays.default = final: prev: { };
    nixosModules.default = { ... }: { };
    homeModules.default = { ... }: { };
    ociImages.x86_64-linux.default = ${trivialDerivation('image', 'x86_64-linux')};
    darwinModules.default = { ... }: { };
    legacyPackages.x86_64-linux.hello = ${trivialDerivation('legacy', 'x86_64-linux')};
    legacyPackages.x86_64-linux.broken = throw "legacyPackages must not be enumerated";
    nixosConfigurations.machine = {
      pkgs.stdenv.system = "x86_64-linux";
      config.system.build.toplevel = ${trivialDerivation('nixos-system', 'x86_64-linux')};
    };
    homeConfigurations.me = {
      activationPackage = ${trivialDerivation('home-activation', 'aarch64-linux')};
    };
    darwinConfigurations.mac = {
      system = ${trivialDerivation('darwin-system', 'aarch64-darwin')};
    };
    lib.answer = 42;
    somethingUnknown.x86_64-linux.default = ${trivialDerivation('unknown', 'x86_64-linux')};
  }`)

describe('inspect.nix on a flake with every kind of default output', () => {
  let url: string
  let doc: OutputsDocument
  let withPaths: OutputsDocument
  let counts: Record<string, number>

  beforeAll(async () => {
    url = lockedUrl(makeRepo(everythingFlake))
    ;({ doc, counts } = await inspectWithCounts(url))
    withPaths = await inspect(url, true)
  })

  it('counts the leaves under each output for the job summary, an empty branch as 0', () => {
    expect(counts).toEqual({
      apps: 2,
      checks: 1,
      darwinConfigurations: 1,
      darwinModules: 1,
      devShells: 1,
      formatter: 2,
      homeConfigurations: 1,
      hydraJobs: 2,
      legacyPackages: 0,
      nixosConfigurations: 1,
      nixosModules: 1,
      overlays: 1,
      packages: 4,
      templates: 2
    })
  })

  it('returns version 1 with exactly the keys version, docs and inventory', () => {
    expect(Object.keys(doc).sort()).toEqual(['docs', 'inventory', 'version'])
    expect(doc.version).toBe(1)
  })

  it('documents every output that has a default schema, and leaves out lib, unknown outputs and schemas newer than flake-schemas v0.1.4 (homeModules, ociImages)', () => {
    const described = [
      'apps',
      'checks',
      'darwinConfigurations',
      'darwinModules',
      'devShells',
      'formatter',
      'homeConfigurations',
      'hydraJobs',
      'legacyPackages',
      'nixosConfigurations',
      'nixosModules',
      'overlays',
      'packages',
      'templates'
    ]
    expect(Object.keys(doc.docs).sort()).toEqual(described)
    expect(Object.keys(doc.inventory).sort()).toEqual(described)
  })

  it("gives each output its schema's documentation text", () => {
    for (const text of Object.values(doc.docs)) {
      expect(typeof text).toBe('string')
      expect(text.length).toBeGreaterThan(20)
    }
    expect(doc.docs.packages).toContain('packages')
    expect(doc.docs.legacyPackages).toMatch(/not shown/)
  })

  it('makes every branch exactly {children} and every leaf exactly the five keys', () => {
    for (const [name, root] of Object.entries(doc.inventory)) {
      for (const [path, node] of walk(root)) {
        const keys = Object.keys(node).sort()
        if ('children' in node) {
          expect({ at: [name, ...path], keys }).toEqual({ at: [name, ...path], keys: ['children'] })
        } else {
          expect({ at: [name, ...path], keys }).toEqual({
            at: [name, ...path],
            keys: ['derivation', 'forSystems', 'outputs', 'shortDescription', 'what']
          })
        }
      }
    }
  })

  it('lists packages per system, each with its system and meta.description or ""', () => {
    const packages = doc.inventory.packages
    expect(childNames(packages)).toEqual(['aarch64-darwin', 'x86_64-linux'])
    expect(childNames(at(packages, 'x86_64-linux'))).toEqual(['default', 'plain', 'split'])
    expect(at(packages, 'x86_64-linux', 'default')).toEqual(
      leaf({ what: 'package', shortDescription: 'Says hello', forSystems: ['x86_64-linux'] })
    )
    expect(at(packages, 'x86_64-linux', 'plain')).toEqual(
      leaf({ what: 'package', shortDescription: '', forSystems: ['x86_64-linux'] })
    )
    expect(at(packages, 'aarch64-darwin', 'default')).toEqual(
      leaf({
        what: 'package',
        shortDescription: 'Says hello on a Mac',
        forSystems: ['aarch64-darwin']
      })
    )
  })

  it('calls devShells development environments and checks CI tests', () => {
    expect(at(doc.inventory.devShells, 'x86_64-linux', 'default')).toEqual(
      leaf({
        what: 'development environment',
        shortDescription: 'Tools for hacking',
        forSystems: ['x86_64-linux']
      })
    )
    expect(at(doc.inventory.checks, 'x86_64-linux', 'unit')).toEqual(
      leaf({ what: 'CI test', shortDescription: '', forSystems: ['x86_64-linux'] })
    )
  })

  it('gives the formatter one leaf per system, a package as flake-schemas v0.1.4 calls it', () => {
    expect(doc.inventory.formatter).toEqual({
      children: {
        'aarch64-linux': leaf({
          what: 'package',
          shortDescription: '',
          forSystems: ['aarch64-linux']
        }),
        'x86_64-linux': leaf({
          what: 'package',
          shortDescription: 'Formats code',
          forSystems: ['x86_64-linux']
        })
      }
    })
  })

  it('lists apps per system with no short description, even where they have meta.description', () => {
    expect(at(doc.inventory.apps, 'x86_64-linux')).toEqual({
      children: {
        default: leaf({ what: 'app', forSystems: ['x86_64-linux'] }),
        described: leaf({ what: 'app', forSystems: ['x86_64-linux'] })
      }
    })
  })

  it('walks nested hydraJobs down to derivations, taking the system from each derivation', () => {
    expect(doc.inventory.hydraJobs).toEqual({
      children: {
        build: {
          children: {
            'x86_64-linux': leaf({
              what: 'Hydra CI test',
              shortDescription: 'Builds it',
              forSystems: ['x86_64-linux']
            })
          }
        },
        tests: {
          children: {
            unit: {
              children: {
                linux: leaf({
                  what: 'Hydra CI test',
                  shortDescription: '',
                  forSystems: ['aarch64-linux']
                })
              }
            }
          }
        }
      }
    })
  })

  it('describes templates by their description, for no system in particular', () => {
    expect(doc.inventory.templates).toEqual({
      children: {
        bare: leaf({ what: 'template', shortDescription: '' }),
        default: leaf({ what: 'template', shortDescription: 'A starting point' })
      }
    })
  })

  it('describes overlays and modules by their kind alone', () => {
    expect(at(doc.inventory.overlays, 'default')).toEqual(leaf({ what: 'Nixpkgs overlay' }))
    expect(at(doc.inventory.nixosModules, 'default')).toEqual(leaf({ what: 'NixOS module' }))
    expect(at(doc.inventory.darwinModules, 'default')).toEqual(leaf({ what: 'nix-darwin module' }))
  })

  it('shows legacyPackages as an empty branch without evaluating its contents', () => {
    expect(doc.inventory.legacyPackages).toEqual({ children: {} })
    expect(withPaths.inventory.legacyPackages).toEqual({ children: {} })
  })

  it('takes the system of each kind of configuration from the configuration itself', () => {
    expect(at(doc.inventory.nixosConfigurations, 'machine')).toEqual(
      leaf({ what: 'NixOS configuration', forSystems: ['x86_64-linux'] })
    )
    expect(at(doc.inventory.homeConfigurations, 'me')).toEqual(
      leaf({ what: 'Home Manager configuration', forSystems: ['aarch64-linux'] })
    )
    expect(at(doc.inventory.darwinConfigurations, 'mac')).toEqual(
      leaf({ what: 'nix-darwin configuration', forSystems: ['aarch64-darwin'] })
    )
  })

  it('leaves derivation and outputs null everywhere without includeOutputPaths', () => {
    for (const root of Object.values(doc.inventory)) {
      for (const [, node] of walk(root)) {
        if ('children' in node) continue
        expect(node.derivation).toBeNull()
        expect(node.outputs).toBeNull()
      }
    }
  })

  it('with includeOutputPaths, gives the .drv and output paths that nix reports for a package', () => {
    const hello = at(withPaths.inventory.packages, 'x86_64-linux', 'default') as Leaf
    expect(hello.derivation).toMatch(/^\/nix\/store\/.*\.drv$/)
    expect(hello.derivation).toBe(evalRaw(`${url}#packages.x86_64-linux.default.drvPath`))
    expect(hello.outputs).toEqual({
      out: evalRaw(`${url}#packages.x86_64-linux.default.outPath`)
    })
    expect(hello.outputs?.out).toMatch(/^\/nix\/store\//)
    expect(hello).toMatchObject({
      what: 'package',
      shortDescription: 'Says hello',
      forSystems: ['x86_64-linux']
    })
  })

  it('with includeOutputPaths, lists every output of a multi-output derivation', () => {
    const split = at(withPaths.inventory.packages, 'x86_64-linux', 'split') as Leaf
    expect(split.outputs).toEqual({
      out: evalRaw(`${url}#packages.x86_64-linux.split.out.outPath`),
      dev: evalRaw(`${url}#packages.x86_64-linux.split.dev.outPath`)
    })
  })

  it("with includeOutputPaths, gives each configuration's derivation", () => {
    const nixos = at(withPaths.inventory.nixosConfigurations, 'machine') as Leaf
    expect(nixos.derivation).toBe(
      evalRaw(`${url}#nixosConfigurations.machine.config.system.build.toplevel.drvPath`)
    )
    const home = at(withPaths.inventory.homeConfigurations, 'me') as Leaf
    expect(home.derivation).toBe(evalRaw(`${url}#homeConfigurations.me.activationPackage.drvPath`))
    const darwin = at(withPaths.inventory.darwinConfigurations, 'mac') as Leaf
    expect(darwin.derivation).toBe(evalRaw(`${url}#darwinConfigurations.mac.system.drvPath`))
    for (const config of [nixos, home, darwin]) {
      expect(Object.keys(config.outputs ?? {})).toEqual(['out'])
    }
  })

  it('with includeOutputPaths, still leaves non-derivation leaves without paths', () => {
    expect(at(withPaths.inventory.apps, 'x86_64-linux', 'default')).toEqual(
      leaf({ what: 'app', forSystems: ['x86_64-linux'] })
    )
    expect(at(withPaths.inventory.overlays, 'default')).toEqual(leaf({ what: 'Nixpkgs overlay' }))
    expect(at(withPaths.inventory.templates, 'default')).toEqual(
      leaf({ what: 'template', shortDescription: 'A starting point' })
    )
  })
})

describe('inspect.nix evaluates only what a leaf needs', () => {
  let url: string

  beforeAll(() => {
    url = lockedUrl(
      makeRepo(
        flake(`{
    nixosConfigurations.lazy = {
      pkgs.stdenv.system = "x86_64-linux";
      config.system.build.toplevel = throw "toplevel was forced";
    };
    packages.x86_64-linux.unbuildable = derivation {
      name = "unbuildable"; system = "x86_64-linux"; builder = throw "drvPath was forced";
    };
  }`)
      )
    )
  })

  it("does not touch a configuration's toplevel or a package's drvPath without includeOutputPaths", async () => {
    const doc = await inspect(url)
    expect(at(doc.inventory.nixosConfigurations, 'lazy')).toEqual(
      leaf({ what: 'NixOS configuration', forSystems: ['x86_64-linux'] })
    )
    expect(at(doc.inventory.packages, 'x86_64-linux', 'unbuildable')).toEqual(
      leaf({ what: 'package', shortDescription: '', forSystems: ['x86_64-linux'] })
    )
  })

  it('with includeOutputPaths, fails with the message of whatever it then has to force', async () => {
    const brokenAt = ['nixosConfigurations.lazy', 'packages.x86_64-linux.unbuildable']
    expect(await inspectFailure(url, true, brokenAt)).toMatch(/(toplevel|drvPath) was forced/)
  })
})

describe('inspect.nix on a flake with its own schemas output', () => {
  let url: string

  beforeAll(() => {
    url = lockedUrl(
      makeRepo(
        flake(`{
    schemas.widgets = {
      version = 1;
      doc = "Widgets, one per name.";
      inventory = output: {
        children = builtins.mapAttrs (name: widget: {
          what = "widget";
          shortDescription = widget.label;
          forSystems = [ "x86_64-linux" "aarch64-darwin" "aarch64-linux" ];
          derivation = widget.drv;
          evalChecks.hasLabel = true;
          isFlakeCheck = false;
        }) output.named // { bare = { }; };
      };
    };
    widgets.named.gear = {
      label = "A gear";
      drv = ${trivialDerivation('gear', 'x86_64-linux')};
    };
    packages.x86_64-linux.default = ${trivialDerivation('hello', 'x86_64-linux')};
  }`)
      )
    )
  })

  it('replaces the default schemas entirely, so only its own outputs are described', async () => {
    const doc = await inspect(url)
    expect(doc.docs).toEqual({ widgets: 'Widgets, one per name.' })
    expect(Object.keys(doc.inventory)).toEqual(['widgets'])
  })

  it('maps its leaves to the five keys, sorting forSystems and dropping other attributes', async () => {
    expect((await inspect(url)).inventory.widgets).toEqual({
      children: {
        bare: leaf({}),
        gear: leaf({
          what: 'widget',
          shortDescription: 'A gear',
          forSystems: ['aarch64-darwin', 'aarch64-linux', 'x86_64-linux']
        })
      }
    })
  })

  it("with includeOutputPaths, maps a leaf's derivation to its .drv and output paths", async () => {
    const gear = at((await inspect(url, true)).inventory.widgets, 'gear') as Leaf
    expect(gear.derivation).toBe(evalRaw(`${url}#widgets.named.gear.drv.drvPath`))
    expect(gear.outputs).toEqual({ out: evalRaw(`${url}#widgets.named.gear.drv.outPath`) })
  })
})

describe('inspect.nix on other flakes', () => {
  it("fails with Nix's message when a package throws", async () => {
    const url = lockedUrl(
      makeRepo(
        flake(`{
    packages.x86_64-linux.fine = ${trivialDerivation('fine', 'x86_64-linux')};
    packages.x86_64-linux.broken = throw "this package is broken on purpose";
  }`)
      )
    )
    expect(await inspectFailure(url)).toContain('this package is broken on purpose')
  })

  it('reads a flake that lives in a subdirectory of its repository', async () => {
    const repo = makeRepo({
      'README.md': 'not a flake\n',
      'sub/flake.nix': flake(`{
    packages.x86_64-linux.default = ${trivialDerivation('sub', 'x86_64-linux', 'From a subdirectory')};
  }`)['flake.nix']
    })
    const url = lockedUrl(`git+file://${repo}?dir=sub`)
    expect(url).toContain('dir=sub')
    expect(at((await inspect(url)).inventory.packages, 'x86_64-linux', 'default')).toEqual(
      leaf({
        what: 'package',
        shortDescription: 'From a subdirectory',
        forSystems: ['x86_64-linux']
      })
    )
  })

  it('returns an empty document for a flake with no described outputs', async () => {
    const url = lockedUrl(makeRepo(flake('{ lib.answer = 42; }')))
    const empty = { version: 1, docs: {}, inventory: {} }
    expect(await inspectWithCounts(url)).toEqual({ doc: empty, counts: {} })
    // What the action sends when told not to evaluate the outputs is the same document.
    expect(JSON.parse(NO_OUTPUTS.json)).toEqual(empty)
    expect(NO_OUTPUTS.counts).toEqual({})
  })
})
