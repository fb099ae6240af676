// Test support: the table of broken flakes. Each row states what `nix flake show` and the
// established publisher's inspect evaluation do with a flake on the Nix versions the project
// tests. show-check.test.ts checks that the action's one evaluation fails exactly there;
// evaluate-workers.e2e.test.ts that several evaluators side by side fail exactly as one.
import { trivialDerivation } from './nix.js'

/** Whether `nix flake show` fails: on every Nix tested, or per tested version ("2.26"). */
export type ShowFails = boolean | Record<string, boolean>

export interface Row {
  /** What is broken. */
  what: string
  /** The flake's outputs (`drv name system` makes a trivial derivation). */
  outputs: string
  show: ShowFails
  /** The established publisher's inspect evaluation (flake-schemas v0.1.4) fails too. */
  inspectFails: boolean
  /** Where the action's error must point, and Nix's own message it must carry. */
  output?: string
  message?: RegExp
}

const pkg = (name: string, extra = '') =>
  `(${trivialDerivation(name, 'x86_64-linux')}) // { ${extra} }`

export const ROWS: Row[] = [
  {
    what: 'a package that throws on a foreign system',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a')}; packages.aarch64-darwin.b = throw "boom on darwin"; }`,
    show: true,
    inspectFails: true,
    output: 'packages.aarch64-darwin.b',
    message: /boom on darwin/
  },
  {
    what: 'a derivation whose name throws',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a', 'name = throw "no name today";')}; }`,
    show: true,
    inspectFails: false,
    output: 'packages.x86_64-linux.a',
    message: /no name today/
  },
  {
    what: 'a package that is not a derivation (Nix 2.34 only warns)',
    outputs: '{ packages.x86_64-linux.a = { foo = 1; }; }',
    show: { '2.8': true, '2.26': true, '2.34': false },
    inspectFails: false,
    output: 'packages.x86_64-linux.a',
    message: /expected a derivation/
  },
  {
    what: 'a development shell that is a number (Nix 2.34 only warns)',
    outputs: '{ devShells.x86_64-linux.default = 1; }',
    show: { '2.8': true, '2.26': true, '2.34': false },
    inspectFails: false,
    output: 'devShells.x86_64-linux.default',
    message: /expected a derivation/
  },
  {
    what: 'a description that throws',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a', 'meta.description = throw "no words";')}; }`,
    show: true,
    inspectFails: true,
    output: 'packages.x86_64-linux.a',
    message: /no words/
  },
  {
    what: 'a description that is not a string',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a', 'meta.description = 5;')}; }`,
    show: true,
    inspectFails: false,
    output: 'packages.x86_64-linux.a',
    message: /is not a string/
  },
  {
    what: 'a builder that throws (nothing asks for the derivation path)',
    outputs:
      '{ packages.x86_64-linux.a = derivation { name = "a"; system = "x86_64-linux"; builder = throw "no builder"; }; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'an app whose program throws (nothing reads the program)',
    outputs: '{ apps.x86_64-linux.a = { type = "app"; program = throw "no program"; }; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'an app that is not an app',
    outputs: '{ apps.x86_64-linux.a = { type = "script"; program = "/bin/sh"; }; }',
    show: true,
    inspectFails: false,
    output: 'apps.x86_64-linux.a',
    message: /not an app definition/
  },
  {
    what: 'an app whose meta throws (read from Nix 2.26 on, not by 2.8)',
    outputs:
      '{ apps.x86_64-linux.a = { type = "app"; program = "/bin/sh"; meta = throw "no meta"; }; }',
    show: { '2.8': false, '2.26': true, '2.34': true },
    inspectFails: false,
    output: 'apps.x86_64-linux.a',
    message: /no meta/
  },
  {
    what: 'a template whose description throws',
    outputs: '{ templates.a = { path = ./.; description = throw "no template words"; }; }',
    show: true,
    inspectFails: true,
    output: 'templates.a',
    message: /no template words/
  },
  {
    what: 'a template without a description',
    outputs: '{ templates.a = { path = ./.; }; }',
    show: true,
    inspectFails: false,
    output: 'templates.a',
    message: /attribute 'description' missing/
  },
  {
    what: 'a formatter that throws',
    outputs: '{ formatter.x86_64-linux = throw "no formatter"; }',
    show: true,
    inspectFails: true,
    output: 'formatter.x86_64-linux',
    message: /no formatter/
  },
  {
    what: 'an overlay that throws',
    outputs: '{ overlays.default = throw "no overlay"; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'a module that throws',
    outputs: '{ nixosModules.default = throw "no module"; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'a Hydra job that throws',
    outputs: '{ hydraJobs.tests.unit = throw "no job"; }',
    show: true,
    inspectFails: true,
    output: 'hydraJobs.tests.unit',
    message: /no job/
  },
  {
    what: 'a Hydra job set holding a number',
    outputs: '{ hydraJobs.tests = 1; }',
    show: true,
    inspectFails: true,
    output: 'hydraJobs.tests',
    // Nix 2.8 says "value is an integer while a set was expected"; 2.26 and 2.34 say
    // "expected a set but found an integer".
    message: /integer while a set was expected|expected a set but found an integer/
  },
  {
    what: 'a configuration that throws (nix flake show does not touch it; inspect reads its system)',
    outputs: '{ nixosConfigurations.machine = throw "no machine"; }',
    show: false,
    inspectFails: true,
    output: 'nixosConfigurations.machine',
    message: /no machine/
  },
  {
    what: 'a legacyPackages entry that throws',
    outputs: '{ legacyPackages.x86_64-linux.broken = throw "no legacy"; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'a package that needs the current system (only an impure evaluation has one)',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a', 'name = "a-${builtins.currentSystem}";')}; }`,
    show: true,
    inspectFails: true,
    output: 'packages.x86_64-linux.a',
    message: /currentSystem/
  },
  {
    what: 'a package that reads a file outside its flake',
    outputs: `{ packages.x86_64-linux.a = ${pkg('a', 'meta.description = builtins.readFile "/etc/hostname";')}; }`,
    show: true,
    inspectFails: true,
    output: 'packages.x86_64-linux.a',
    message: /access to absolute path '\/etc(\/hostname)?' is forbidden in pure eval(uation)? mode/
  },
  {
    what: 'a legacyPackages set that throws',
    outputs: '{ legacyPackages = throw "no legacy set"; }',
    show: false,
    inspectFails: false
  },
  {
    what: 'an unknown output that throws',
    outputs: '{ lib = throw "no lib"; somethingElse.x86_64-linux.a = throw "no idea"; }',
    show: false,
    inspectFails: false
  }
]

/** Whether `nix flake show` fails on Nix [major, minor], as the row says. */
export function fails(show: ShowFails, [major, minor]: [number, number]): boolean {
  if (typeof show === 'boolean') return show
  const known = show[`${major}.${minor}`]
  if (known === undefined)
    throw new Error(`No expectation for Nix ${major}.${minor}: run nix flake show and add it.`)
  return known
}
