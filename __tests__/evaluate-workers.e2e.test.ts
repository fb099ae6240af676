// Several evaluators side by side (src/evaluate/), with the real `nix`: the document they put
// together is, to the byte, the one a single evaluation prints, on flakes the other tests do not
// cover (names Nix and JSON must both carry, outputs keyed by name, a flake with its own schemas,
// the benchmark's kinds); the table of broken flakes fails through them exactly as through one
// evaluation; the first to fail stops the others; the share reaches Nix intact whatever the names.
import { afterAll, describe, expect, it } from '@jest/globals'
import { SEED, fc } from './support/fast-check.js'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { generateFlake } from '../bench/generate.mjs'
import { type CommandRunner, processRunner } from '../src/process/command.js'
import { nixString } from '../src/evaluate/share.js'
import { evaluateOutputs } from '../src/evaluate/workers.js'
import { Evaluator } from '../src/evaluate/evaluator.js'
import { Nix } from '../src/source/nix.js'
import { Stopped } from '../src/timing.js'
import { ROWS, fails } from './support/broken-flakes.js'
import { evaluateEveryWay } from './support/evaluators.js'
import { makeRepo, nixJson, nixVersion, sh, trivialDerivation } from './support/nix.js'
import { isGone } from './support/signals.js'
import { runAction } from './support/action.js'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-workers-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

const lockedUrl = (dir: string): string =>
  nixJson<{ url: string }>(['flake', 'metadata', '--json', '--no-write-lock-file', dir]).url

const flakeOf = (outputs: string, files: Record<string, string> = {}): string =>
  lockedUrl(makeRepo({ 'flake.nix': `{\n  outputs = { self }: ${outputs};\n}\n`, ...files }))

/** Names that JSON, the `--apply` argument and Nix's attribute order must all carry right. */
const AWKWARD = [
  'x86_64-linux',
  'aarch64-darwin',
  'with "quotes" and \\backslashes\\',
  '${interpolated}',
  '$',
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  '__proto__',
  'ünïcödé',
  '😀 astral',
  '\uffff high',
  'Z',
  'a',
  '0',
  '10',
  '9'
]

describe('several evaluators give the document of one, to the byte', () => {
  it('with awkward system and configuration names', async () => {
    const url = flakeOf(
      `let
      names = builtins.fromJSON (builtins.readFile ./names.json);
      drv = system: ${trivialDerivation('p', 'x86_64-linux', 'A package')} // { inherit system; };
      each = f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
    in {
      packages = each (system: { default = drv system; "odd \\"name\\"" = drv system; });
      checks = each (system: { unit = drv system; });
      formatter = each drv;
      nixosConfigurations = each (name: {
        pkgs.stdenv.system = name;
        config.system.build.toplevel = drv name;
      });
      hydraJobs = each (name: { job = drv name; });
      templates = each (name: { path = ./.; description = name; });
    }`,
      { 'names.json': JSON.stringify(AWKWARD) }
    )
    const { single, used } = await evaluateEveryWay(url, false, { workers: [2, 3, 64] })
    expect('json' in single).toBe(true)
    // 17 systems, 17 configurations and 17 Hydra jobs: at most 51 evaluators.
    expect(used).toEqual([2, 3, 51])
    if ('json' in single)
      expect(Object.keys(JSON.parse(single.json).inventory.packages.children)).toHaveLength(
        AWKWARD.length
      )
    // With output paths, each derivation's drvPath and outPath are forced too.
    expect((await evaluateEveryWay(url, true, { workers: [3] })).used).toEqual([3])
  })

  it('with outputs keyed by name only (configurations and Hydra jobs, dealt one each)', async () => {
    const configurations = Array.from(
      { length: 5 },
      (_, i) =>
        `m${i} = { pkgs.stdenv.system = "x86_64-linux"; config.system.build.toplevel = ${trivialDerivation(`m${i}`, 'x86_64-linux')}; };`
    )
    const url = flakeOf(`{
      nixosConfigurations = { ${configurations.join(' ')} };
      homeConfigurations.me.activationPackage = ${trivialDerivation('home', 'aarch64-linux')};
      darwinConfigurations.mac.system = ${trivialDerivation('mac', 'aarch64-darwin')};
      hydraJobs = { a.x = ${trivialDerivation('a', 'x86_64-linux')}; b.y.z = ${trivialDerivation('b', 'x86_64-linux')}; };
      overlays.default = final: prev: { };
    }`)
    const { used } = await evaluateEveryWay(url, true, { workers: [2, 4, 64] })
    expect(used).toEqual([2, 4, 9])
  })

  it('with its own schemas: one evaluator, as the schemas cannot be cut', async () => {
    const url = flakeOf(`{
      schemas.widgets = { version = 1; doc = "Widgets."; inventory = output: {
        children = builtins.mapAttrs (name: w: { what = "widget"; forSystems = [ name ]; }) output;
      }; };
      widgets = { a = 1; b = 2; };
      packages.x86_64-linux.default = ${trivialDerivation('a', 'x86_64-linux')};
      packages.aarch64-linux.default = ${trivialDerivation('a', 'aarch64-linux')};
    }`)
    expect((await evaluateEveryWay(url)).used).toEqual([1, 1])
  })

  it('with nothing to deal out (one system; no outputs at all)', async () => {
    const one = flakeOf(
      `{ packages.x86_64-linux.default = ${trivialDerivation('a', 'x86_64-linux')}; }`
    )
    expect((await evaluateEveryWay(one)).used).toEqual([1, 1])
    expect((await evaluateEveryWay(flakeOf('{ }'))).used).toEqual([1, 1])
  })

  it.each(['large', 'shared', 'names'] as const)(
    "on the benchmark's %s flake (tiny)",
    async kind => {
      const dir = path.join(scratch, kind)
      generateFlake(dir, { kind, files: 6, bytes: 4096, packages: 5, work: 4, sharedSize: 20 })
      const { used } = await evaluateEveryWay(lockedUrl(dir), false, { workers: [2, 3, 64] })
      expect(used).toEqual([2, 3, 4])
    }
  )
})

describe('the table of broken flakes, through several evaluators', () => {
  const version: [number, number] = [nixVersion().major, nixVersion().minor]
  // Each row's flake, with healthy systems and configurations beside what is broken, so that
  // the broken part lands on some worker among several (the row's own parts keep their names).
  const widened = (outputs: string): string => `let
      row = ${outputs};
      filler = name: ${trivialDerivation('filler', 'x86_64-linux')};
    in row // {
      packages = (row.packages or { }) // { filler-a.ok = filler 1; filler-b.ok = filler 2; };
      nixosConfigurations = (row.nixosConfigurations or { }) // {
        filler = { pkgs.stdenv.system = "x86_64-linux"; config.system.build.toplevel = filler 3; };
      };
    }`

  it.each(ROWS)('$what', async row => {
    const url = flakeOf(widened(row.outputs))
    const { single, used } = await evaluateEveryWay(url, false, { workers: [2, 3, 64] })
    expect(used.every(count => count >= 2)).toBe(true)
    const expectedToFail = fails(row.show, version) || row.inspectFails
    if (!expectedToFail) {
      expect(single).toHaveProperty('json')
      return
    }
    expect(single).toMatchObject({ failed: 'EvaluationError' })
    if ('failed' in single) {
      if (row.output !== undefined) expect(single.output).toBe(row.output)
      if (row.message !== undefined) expect(single.message).toMatch(row.message)
    }
  })
})

describe('an output the plan reads that is not a set', () => {
  // Finding the plan forces each output keyed by system or by name to a set, before the check:
  // where that fails, it must fail as one evaluation does (the output named, Nix's message).
  const healthy = `checks.a.x = ${trivialDerivation('a', 'a')}; checks.b.x = ${trivialDerivation('b', 'b')};`
  it.each([
    [
      'packages = 5;',
      'packages',
      /integer while a set was expected|expected a set but found an integer/
    ],
    ['devShells = throw "no shells";', 'devShells', /no shells/],
    [
      'formatter = "fmt";',
      'formatter',
      /string while a set was expected|expected a set but found a string/
    ],
    ['nixosConfigurations = throw "no machines";', 'nixosConfigurations', /no machines/],
    ['hydraJobs = throw "no jobs";', 'hydraJobs', /no jobs/],
    // Outputs only the document reads: one evaluation names no output for them.
    [
      'homeConfigurations = [ ];',
      undefined,
      /list while a set was expected|expected a set but found a list/
    ],
    ['darwinConfigurations = throw "no macs";', undefined, /no macs/],
    [
      'dockerImages = 5;',
      undefined,
      /integer while a set was expected|expected a set but found an integer/
    ]
  ])('%s', async (broken, output, message) => {
    const { single, used } = await evaluateEveryWay(flakeOf(`{ ${healthy} ${broken} }`))
    expect(single).toMatchObject({ failed: 'EvaluationError' })
    expect((single as { output?: string }).output).toBe(output)
    if ('failed' in single) expect(single.message).toMatch(message)
    expect(used).toEqual([1, 1]) // It fails before any plan is printed.
  })
})

describe('the first evaluator to fail', () => {
  it('stops the others: the one still evaluating is stopped and its process is gone', async () => {
    // System `b` (the second evaluator's) fails at once; system `a` (the first's) would
    // evaluate for hours.
    const url = flakeOf(`let
      list = builtins.genList (i: i) 100000;
      forever = builtins.foldl' (sum: _: builtins.foldl' (s: i: s + i) sum list) 0 list;
    in {
      packages.a.x = ${trivialDerivation('a', 'a')} // { name = "a-\${toString forever}"; };
      packages.b.x = throw "fails at once";
    }`)
    const calls: { args: readonly string[]; pid?: number; outcome?: unknown }[] = []
    const recording: CommandRunner = {
      run(command, args, options = {}) {
        const call: (typeof calls)[number] = { args }
        calls.push(call)
        const result = processRunner.run(command, args, {
          ...options,
          onSpawn: pid => {
            call.pid = pid
            options.onSpawn?.(pid)
          }
        })
        result.then(
          () => (call.outcome = 'done'),
          (error: unknown) => (call.outcome = error)
        )
        return result
      }
    }
    const error = await evaluateOutputs(new Evaluator(new Nix(recording)), url, false, {
      evaluators: 2,
      log: () => {}
    }).then(
      () => new Error('the evaluation passed'),
      (e: unknown) => e as Error
    )
    expect(error.name).toBe('EvaluationError')
    expect(error.message).toMatch('The flake output `packages.b.x` does not evaluate')
    expect(error.message).toMatch('fails at once')
    const evaluators = calls.filter(call =>
      call.args.some(arg => /#lib\.evaluate(First|Part)$/.test(arg))
    )
    expect(evaluators).toHaveLength(2)
    const [stopped, failed] = evaluators
    // The runner's own error: Nix exited with a failure (Nix.inspect makes it an EvaluationError).
    expect((failed.outcome as Error).name).toBe('CommandError')
    expect(stopped.outcome).toBeInstanceOf(Stopped)
    expect(isGone(stopped.pid!)).toBe(true)
  })
})

describe("the share's names reach Nix intact", () => {
  it('through JSON in a Nix string, for any text (a sample of a seeded property)', () => {
    const awkward = fc.constantFrom('$', '{', '}', '\\', '"', "'", '\r', '\n', '\t', '${', "''")
    const names = fc.sample(
      fc
        .string({ unit: fc.oneof(awkward, fc.string({ unit: 'grapheme', maxLength: 1 })) })
        .filter(text => !text.includes('\0')),
      { numRuns: 300, seed: SEED }
    )
    const all = [...AWKWARD, ...names]
    const expression = `builtins.fromJSON ${nixString(JSON.stringify(all))}`
    expect(JSON.parse(sh('nix', ['eval', '--json', '--expr', expression]))).toEqual(all)
  })
})

describe('the action (dist/index.js), in a dry run', () => {
  const repo = () =>
    makeRepo({
      'flake.nix': `{\n  outputs = { self }: {\n    ${[
        'x86_64-linux',
        'aarch64-linux',
        'aarch64-darwin'
      ]
        .map(system => `packages.${system}.hello = ${trivialDerivation('hello', system, 'Hi')};`)
        .join('\n    ')}\n  };\n}\n`
    })
  const dryRun = (workspace: string, evaluators: string) => {
    const dest = fs.mkdtempSync(path.join(scratch, 'dest-'))
    const run = runAction({
      workspace,
      inputs: { visibility: 'public', tag: 'v1.0.0', 'dest-dir': dest, evaluators }
    })
    return { run, metadata: () => fs.readFileSync(path.join(dest, 'v1.0.0.json'), 'utf8') }
  }

  it('releases the same metadata with three evaluators as with one', async () => {
    const workspace = repo()
    const one = dryRun(workspace, '1')
    expect((await one.run).exitCode).toBe(0)
    const three = dryRun(workspace, '3')
    const run = await three.run
    expect(run.exitCode).toBe(0)
    // Each with a third of Nix's initial heap (it is Nix's own choice of 384 MiB at most, here).
    expect(run.stdout).toMatch(
      /^3 evaluators side by side \(set to 3; GC_INITIAL_HEAP_SIZE=\d+ each\):$/m
    )
    expect((await one.run).stdout).not.toMatch(/evaluators side by side/)
    // The same metadata, Nix's own (which its fetcher cache words differently on a second call) aside.
    const release = (text: string) => ({ ...JSON.parse(text), raw_flake_metadata: undefined })
    expect(release(three.metadata())).toEqual(release(one.metadata()))
    expect(release(three.metadata()).outputs.inventory.packages.children).toHaveProperty(
      'aarch64-darwin'
    )
  })

  it('refuses a setting that is not a number of evaluators, before running nix', async () => {
    const run = await dryRun(repo(), 'many').run
    expect(run.exitCode).toBe(1)
    expect(run.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual([
      expect.stringContaining(
        'Input `evaluators`: "many" is not a number of evaluators; write a whole number from 1 to 64'
      )
    ])
    expect(run.stdout).not.toMatch(/\$ nix /)
  })
})
