import { describe, expect, it, jest } from '@jest/globals'

const logged: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  info: (line: string) => logged.push(line),
  debug: jest.fn(),
  isDebug: () => false
}))
const { CommandError, processRunner, showCommand } = await import('../src/command.js')

describe('running a command', () => {
  it('returns its output and logs the command line', async () => {
    logged.length = 0
    const result = await processRunner.run('sh', ['-c', 'echo out; echo err >&2'])
    expect(result).toEqual({ stdout: 'out\n', stderr: 'err\n' })
    expect(logged).toEqual([`$ sh -c 'echo out; echo err >&2'`])
  })

  it('does not read stdout when told to discard it, and still keeps stderr', async () => {
    // A megabyte on stdout would fill a pipe nobody reads; discarded, it goes nowhere.
    const script = 'head -c 1000000 /dev/zero; echo err >&2'
    const result = await processRunner.run('sh', ['-c', script], {
      discardStdout: true,
      log: () => {}
    })
    expect(result).toEqual({ stdout: '', stderr: 'err\n' })
  })

  it('fails with the command, its exit status and its stderr', async () => {
    const failing = processRunner.run('sh', ['-c', 'echo "error: it broke" >&2; exit 3'], {
      log: () => {}
    })
    await expect(failing).rejects.toThrow(
      new CommandError(`sh -c 'echo "error: it broke" >&2; exit 3'`, 3, 'error: it broke\n')
    )
    await expect(failing).rejects.toThrow(/^`sh -c .*` exited with status 3:\nerror: it broke$/)
  })

  it('keeps the start and the end of a long stderr, where Nix puts its message, and marks the gap', async () => {
    const script =
      'echo "error: the first words" >&2; i=0; while [ $i -lt 20000 ]; do echo "evaluating line $i" >&2; i=$((i+1)); done; echo "error: the last words" >&2; exit 1'
    const error = (await processRunner
      .run('sh', ['-c', script], { log: () => {} })
      .catch(e => e)) as InstanceType<typeof CommandError>
    expect(error.stderr.length).toBeLessThanOrEqual(81 * 1024)
    expect(error.stderr.length).toBeGreaterThan(76 * 1024)
    expect(error.stderr.startsWith('error: the first words\nevaluating line 0\n')).toBe(true)
    expect(error.stderr).toMatch(/\n\[… \d+ characters left out …\]\n/)
    expect(error.stderr.endsWith('evaluating line 19999\nerror: the last words\n')).toBe(true)
  })

  it('says so when the program cannot be started', async () => {
    await expect(processRunner.run('no-such-program-here', [], { log: () => {} })).rejects.toThrow(
      /^`no-such-program-here` could not be started:\nspawn no-such-program-here ENOENT\nno-such-program-here is not on PATH: install it in an earlier step\.$/
    )
  })

  it('ends the process when its signal is aborted and rejects with the reason', async () => {
    const controller = new AbortController()
    const running = processRunner.run('sleep', ['30'], { signal: controller.signal, log: () => {} })
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(running).rejects.toBe(reason)
  })

  it.each([
    [['nix', 'flake', 'show', '--json', '/tmp/a b'], `nix flake show --json '/tmp/a b'`],
    [['git', '-C', '/x', 'rev-parse', 'HEAD^{commit}'], `git -C /x rev-parse 'HEAD^{commit}'`],
    [['sh', '-c', "it's"], `sh -c 'it'\\''s'`]
  ])('shows %j as %s', ([command, ...args], shown) => {
    expect(showCommand(command, args)).toBe(shown)
  })
})
