/**
 * The pure evaluation of the flake: the all-systems check (show-check.nix) and the outputs
 * document (inspect.nix), from one `nix eval` of the inspect flake (inspect-flake.nix) with the
 * flake as its input; or, for a flake that is too big, `nix flake show` for the current system.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CommandError, type RunOptions } from '../process/command.js'
import { type Nix, parseJson } from '../source/nix.js'
import { EvaluationError } from './nix-error.js'

/**
 * The outputs document of section 12 of the protocol, as the JSON text Nix printed, and the
 * number of leaves under each output (for the job summary). The text is passed on as it is:
 * parsing it would build an object for every node of what can be a tree of thousands.
 */
export interface Outputs {
  json: string
  counts: Record<string, number>
}

export const NO_OUTPUTS: Outputs = { json: '{"docs":{},"inventory":{},"version":1}', counts: {} }

// ncc rewrites each `new URL('./x.nix', import.meta.url)` into a path string pointing into
// dist/ (and copies the file there); under jest it stays a URL.
const INSPECT: URL | string = new URL('./inspect.nix', import.meta.url)
const SHOW_CHECK: URL | string = new URL('./show-check.nix', import.meta.url)
const INSPECT_FLAKE: URL | string = new URL('./inspect-flake.nix', import.meta.url)
const SHARE: URL | string = new URL('./share.nix', import.meta.url)
const assetPath = (asset: URL | string): string =>
  typeof asset === 'string' ? asset : fileURLToPath(asset)

/**
 * Every Nix is asked for the trace of a failure: Nix before 2.20 names the output that failed
 * only there, and every Nix gives the position in the flake's own files only there (newer Nix
 * truncates the trace before it otherwise), which position.ts reads.
 */
const TRACE = ['--show-trace']

export class Evaluator {
  private inspectFlake: Promise<string> | undefined

  /**
   * `workDir`: a folder of the run's own, where the inspect flake is written (a fresh
   * temporary folder when not given).
   */
  constructor(
    private readonly nix: Nix,
    private readonly workDir?: string
  ) {}

  /**
   * Write the inspect flake now (the first evaluation would write it otherwise): the run does
   * it while Nix locates the flake, off the evaluation's path.
   */
  async prepare(): Promise<void> {
    await this.inspectFlakeDir()
  }

  /**
   * The inspect flake (inspect-flake.nix as flake.nix, beside inspect.nix, show-check.nix and
   * share.nix) in a folder of its own, written once: Nix copies the folder into the store to
   * evaluate it, so it holds these files and nothing else.
   */
  private inspectFlakeDir(): Promise<string> {
    this.inspectFlake ??= (async () => {
      const base = this.workDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'flakehub-push-nix-')))
      const dir = path.join(base, 'inspect')
      await fs.mkdir(dir, { recursive: true })
      await Promise.all([
        fs.copyFile(assetPath(INSPECT_FLAKE), path.join(dir, 'flake.nix')),
        fs.copyFile(assetPath(INSPECT), path.join(dir, 'inspect.nix')),
        fs.copyFile(assetPath(SHOW_CHECK), path.join(dir, 'show-check.nix')),
        fs.copyFile(assetPath(SHARE), path.join(dir, 'share.nix'))
      ])
      return dir
    })()
    return this.inspectFlake
  }

  /**
   * `nix flake show` for the current system only (where Nix has `--all-systems`, 2.14 and
   * newer; older Nix shows every system anyway): the check when the flake is too big for the
   * outputs document. Without the evaluation cache, whose cached failures hide Nix's message.
   */
  async showCurrentSystem(flakeRef: string, options: RunOptions = {}): Promise<void> {
    // Only whether it succeeds matters: what it prints (a JSON tree as big as the flake) is not read.
    // --no-eval-cache: from its evaluation cache, Nix 2.8 and 2.26 report a package that threw
    // before as only "expected a derivation", without what was thrown.
    const args = ['flake', 'show', '--json', '--no-write-lock-file', '--no-eval-cache', flakeRef]
    await this.nix.run(args, { ...options, discardStdout: true })
  }

  /**
   * One evaluation that does two jobs: the all-systems check (show-check.nix fails exactly
   * where `nix flake show --all-systems` fails) and the outputs document (inspect.nix), with
   * its counts. One evaluator forces each package once, where two evaluators side by side
   * would each pay for the flake's package sets. A failure names the output attribute.
   *
   * Pure, as the established publisher's inspect evaluation: the flake is an input of the
   * inspect flake (`--override-input flake <locked URL>`), so it sees no environment, no
   * current system and no file outside its own sources.
   */
  async outputs(
    flakeRef: string,
    includeOutputPaths: boolean,
    options: RunOptions = {}
  ): Promise<Outputs> {
    // Two lines of JSON, the counts and then the document: with --raw, Nix prints the document's
    // text once, not as a string escaped inside more JSON.
    const apply = `evaluate: evaluate { includeOutputPaths = ${includeOutputPaths}; }`
    const { args, stdout } = await this.inspect(flakeRef, 'evaluate', apply, options)
    const newline = stdout.indexOf('\n')
    if (newline < 0)
      throw new Error(`\`nix eval\` printed no outputs document, only:\n${stdout.slice(0, 500)}`)
    return { counts: parseJson(args, stdout.slice(0, newline)), json: stdout.slice(newline + 1) }
  }

  /**
   * `nix eval --raw` of `lib.<attribute>` of the inspect flake over the flake `flakeRef` (with
   * `apply`, a Nix function, applied to it): pure, as {@link outputs}. A failing evaluation is
   * an {@link EvaluationError}. Returns the arguments given to `nix` and what it printed.
   */
  async inspect(
    flakeRef: string,
    attribute: string,
    apply: string | undefined,
    options: RunOptions = {}
  ): Promise<{ args: string[]; stdout: string }> {
    const inspect = await this.inspectFlakeDir()
    const args = [
      'eval',
      '--raw',
      '--no-write-lock-file',
      ...TRACE,
      '--override-input',
      'flake',
      flakeRef,
      `path:${pathToFileURL(inspect).pathname}#lib.${attribute}`,
      ...(apply === undefined ? [] : ['--apply', apply])
    ]
    const { stdout } = await this.nix.run(args, options).catch((error: unknown) => {
      throw error instanceof CommandError ? EvaluationError.from(error) : error
    })
    return { args, stdout }
  }
}
