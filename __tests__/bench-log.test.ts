// The benchmark reads the evaluation's commands back from the action's log (bench/eval-alone.mjs)
// to run "the evaluation alone". These tests log through the action's own code (its phases and
// its command runner, with a real `nix`) and check that the benchmark gets back exactly the
// commands that ran, and only the evaluation's. Nix runs with the environment's NIX_CONFIG, as
// in the action's other tests (scripts/setup.sh sets it).
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { evaluationCommands, shellWords } from '../bench/eval-alone.mjs'
import { parseGroups } from '../bench/measure.mjs'
import { processRunner, showCommand } from '../src/process/command.js'
import { githubReporter } from '../src/places/github-reporter.js'
import { Secrets } from '../src/secrets.js'
import { Phases } from '../src/timing.js'

afterEach(() => {
  jest.restoreAllMocks()
})

/** What `work` prints to stdout (where @actions/core writes the log). */
async function captureStdout(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    await work()
  } finally {
    jest.restoreAllMocks()
  }
  return chunks.join('')
}

describe('shellWords', () => {
  it('reads back every argument as the action shows it', () => {
    const args = [
      'eval',
      '--raw',
      '--expr',
      `let x = "it's"; in builtins.toJSON { a = x; } + "\\n" + ''$'' # a b`,
      'git+file:///tmp/a b?rev=0123&dir=sub',
      ''
    ]
    expect(shellWords(showCommand('nix', args))).toEqual(['nix', ...args])
  })
})

describe('evaluationCommands', () => {
  it('finds the nix commands the evaluation phases ran, not locating, packing or --version', async () => {
    const expr = `builtins.toJSON { n = 1 + 1; s = "it's here"; }`
    // The action's own reporter: groups on stdout, as the benchmark reads them.
    const phases = new Phases(githubReporter(new Secrets(), 'normal'))
    const stdout = await captureStdout(async () => {
      await phases.run('Locate flake', async log => {
        await processRunner.run('nix', ['--version'], { log: log.info })
        log.info(`$ ${showCommand('nix', ['flake', 'metadata', '--json', '/tmp/flake'])}`)
      })
      await phases.run('Outputs document', async log => {
        await processRunner.run('nix', ['--version'], { log: log.info })
        const { stdout } = await processRunner.run('nix', ['eval', '--raw', '--expr', expr], {
          log: log.info
        })
        log.info(`evaluated: ${stdout}`)
      })
      await phases.run('Package', async log => {
        log.info(`$ ${showCommand('nix', ['store', 'add-path', '/tmp/x'])}`)
      })
    })
    const groups = parseGroups(stdout)
    expect(groups.map(g => g.name)).toEqual(['Locate flake', 'Outputs document', 'Package'])
    expect(groups[1].lines).toContain('evaluated: {"n":2,"s":"it\'s here"}')
    const commands = evaluationCommands(groups)
    expect(commands).toEqual([
      {
        phase: 'Outputs document',
        seconds: Number(phases.timings.get('Outputs document')!.toFixed(2)),
        line: showCommand('nix', ['eval', '--raw', '--expr', expr]),
        argv: ['nix', 'eval', '--raw', '--expr', expr]
      }
    ])
  })
})
