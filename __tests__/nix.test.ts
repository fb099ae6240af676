import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'

const { NIX_FEATURES, Nix, atLeast, parseNixVersion } = await import('../src/source/nix.js')
const { Evaluator } = await import('../src/evaluate/evaluator.js')
const { CommandError } = await import('../src/process/command.js')
type CommandRunner = import('../src/process/command.js').CommandRunner
type RunOptions = import('../src/process/command.js').RunOptions

describe('the Nix version', () => {
  it.each([
    ['nix (Nix) 2.8.0', [2, 8]],
    ['nix (Nix) 2.18.1\n', [2, 18]],
    ['nix (Determinate Nix 3.6.2) 2.29.0', [3, 6]],
    ['nix (Lix, like Nix) 2.91.1', [2, 91]]
  ])('reads %j as %j', (output, version) => {
    expect(parseNixVersion(output)).toEqual(version)
  })

  it.each<[[number, number], [number, number], boolean]>([
    [[2, 8], [2, 10], false],
    [[2, 10], [2, 10], true],
    [[2, 26], [2, 10], true],
    [[3, 0], [2, 20], true],
    [[1, 99], [2, 0], false]
  ])('counts %j as at least %j: %s', (version, wanted, expected) => {
    expect(atLeast(version, wanted)).toBe(expected)
  })

  it('refuses output without a version', () => {
    expect(() => parseNixVersion('nix: command not found')).toThrow(
      'Could not read the Nix version'
    )
  })
})

describe('Nix commands', () => {
  function recording(stdout: Record<string, string>) {
    const calls: string[][] = []
    const runner: CommandRunner = {
      run: async (command, given) => {
        // Every call enables the features it needs; the rest is what each test looks at.
        expect(given.slice(0, 2)).toEqual(NIX_FEATURES)
        const args = given.slice(2)
        calls.push([command, ...args])
        return { stdout: stdout[args[0] === '--version' ? 'version' : args[1]] ?? '{}', stderr: '' }
      }
    }
    const nix = new Nix(runner)
    return { calls, nix, evaluator: new Evaluator(nix) }
  }

  it('checks a flake that is too big with nix flake show alone, without the evaluation cache', async () => {
    const { calls, evaluator } = recording({})
    await evaluator.showCurrentSystem('git+file:///f')
    expect(calls).toEqual([
      ['nix', 'flake', 'show', '--json', '--no-write-lock-file', '--no-eval-cache', 'git+file:///f']
    ])
  })

  it('asks `nix hash path` for the NAR hash of a folder', async () => {
    const hash = 'sha256-h4gyzSK14DjhF7cBN4VY+Km2ytc4Gg5tV6noZdNPhaY='
    const { calls, nix } = recording({ path: `${hash}\n` })
    await expect(nix.hashPath('/nix/store/x-source/sub')).resolves.toBe(hash)
    expect(calls).toEqual([['nix', 'hash', 'path', '/nix/store/x-source/sub']])
  })

  it('refuses what `nix hash path` printed when it is no SHA-256 hash', async () => {
    const { nix } = recording({ path: 'md5-1B2M2Y8AsgTpgAmY7PhCfg==\n' })
    await expect(nix.hashPath('/nix/store/x-source')).rejects.toThrow(
      '`nix hash path /nix/store/x-source` printed no SHA-256 hash: md5-1B2M2Y8AsgTpgAmY7PhCfg=='
    )
  })

  it('does not read what nix flake show prints, only whether it succeeds', async () => {
    const seen: (RunOptions | undefined)[] = []
    const runner: CommandRunner = {
      run: async (_, __, options) => {
        seen.push(options)
        return { stdout: '', stderr: '' }
      }
    }
    await new Evaluator(new Nix(runner)).showCurrentSystem('git+file:///f', { log: () => {} })
    expect(seen).toEqual([expect.objectContaining({ discardStdout: true })])
  })

  it.each<[string, string, string[]]>([
    [
      'asks Nix 2.8 for the trace, which alone names the failing output',
      'nix (Nix) 2.8.0',
      ['--show-trace']
    ],
    // Issue 16: newer Nix names the output without it, but places the error in the flake's
    // files only in the trace.
    [
      'asks newer Nix for the trace too, which alone places the error in the flake',
      'nix (Nix) 2.26.3',
      ['--show-trace']
    ]
  ])('%s', async (_, version, trace) => {
    const { calls, evaluator } = recording({ version, '--raw': '{}\n{}' })
    await evaluator.outputs('git+file:///f', false)
    const evalCall = calls.find(call => call[1] === 'eval')!
    expect(evalCall.slice(0, evalCall.indexOf('--override-input'))).toEqual([
      'nix',
      'eval',
      '--raw',
      '--no-write-lock-file',
      ...trace
    ])
  })

  it.each([true, false])(
    'evaluates purely, through the inspect flake with the flake as its input (output paths: %s)',
    async includeOutputPaths => {
      const { calls, evaluator } = recording({ version: 'nix (Nix) 2.26.3', '--raw': '{}\n{}' })
      await evaluator.outputs('git+file:///f?rev=abc', includeOutputPaths)
      const evalCall = calls.find(call => call[1] === 'eval')!
      expect(evalCall).not.toContain('--impure')
      expect(evalCall).not.toContain('--expr')
      const at = evalCall.indexOf('--override-input')
      const [, input, url, installable, apply, argument] = evalCall.slice(at)
      expect([input, url, apply]).toEqual(['flake', 'git+file:///f?rev=abc', '--apply'])
      expect(installable).toMatch(/^path:\/.*\/inspect#lib\.evaluate$/)
      expect(argument).toBe(`evaluate: evaluate { includeOutputPaths = ${includeOutputPaths}; }`)
      // The folder Nix copies into the store holds the four files of the inspect flake, no more.
      const folder = installable.slice('path:'.length, -'#lib.evaluate'.length)
      expect(fs.readdirSync(folder).sort()).toEqual([
        'flake.nix',
        'inspect.nix',
        'share.nix',
        'show-check.nix'
      ])
    }
  )

  it("turns a failed evaluation into an error that names the output and keeps Nix's message", async () => {
    const stderr = [
      'error:',
      "       … while evaluating the flake output 'packages'",
      "       … while evaluating the flake output 'packages.x86_64-linux.broken'",
      '       (stack trace truncated)',
      '',
      '       error: this package is broken'
    ].join('\n')
    const runner: CommandRunner = {
      run: async (_, args) => {
        if (args.includes('--version')) return { stdout: 'nix (Nix) 2.26.3', stderr: '' }
        throw new CommandError('nix eval …', 1, stderr)
      }
    }
    const failure = new Evaluator(new Nix(runner)).outputs('git+file:///f', false)
    await expect(failure).rejects.toThrow(
      /^The flake output `packages\.x86_64-linux\.broken` does not evaluate\. Nix says:\nerror: this package is broken\n/
    )
    await expect(failure).rejects.toThrow('from `nix eval …`, exited with status 1')
  })

  it('checks the lock file with --no-update-lock-file alone, and otherwise never writes it', async () => {
    const { calls, nix } = recording({ metadata: '{"url":"u"}' })
    await nix.metadata('/repo', true)
    await nix.metadata('/repo', false)
    expect(calls.map(c => c.slice(4, -1))).toEqual([
      ['--no-update-lock-file'],
      ['--no-write-lock-file']
    ])
  })

  it("reads the outputs' counts from the first line and keeps the document's text as it is", async () => {
    const document = '{"docs":{},"inventory":{"packages":{"children":{}}},"version":1}'
    const { calls, evaluator } = recording({
      version: 'nix (Nix) 2.26.3',
      '--raw': `{"packages":0}\n${document}`
    })
    expect(await evaluator.outputs('git+file:///f', false)).toEqual({
      counts: { packages: 0 },
      json: document
    })
    expect(calls.find(call => call[1] === 'eval')!.slice(0, 6)).toEqual([
      'nix',
      'eval',
      '--raw',
      '--no-write-lock-file',
      '--show-trace',
      '--override-input'
    ])
  })

  it.each([
    [
      'a line that is not JSON',
      'warning: something\n{}',
      /printed something that is not JSON:\nwarning/
    ],
    ['a single line', '{"packages":0}', /printed no outputs document, only:\n\{"packages":0\}/]
  ])('fails clearly when nix eval prints %s', async (_, stdout, message) => {
    const { evaluator } = recording({ version: 'nix (Nix) 2.26.3', '--raw': stdout })
    await expect(evaluator.outputs('git+file:///f', false)).rejects.toThrow(message)
  })

  it('asks for the version once', async () => {
    const { calls, nix } = recording({ version: 'nix (Nix) 2.8.0' })
    expect(await Promise.all([nix.version(), nix.version()])).toEqual([
      [2, 8],
      [2, 8]
    ])
    expect(calls).toHaveLength(1)
  })
})
