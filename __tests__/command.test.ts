import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const {
  CommandError,
  STOP_GRACE_MS,
  makeProcessRunner,
  processGroups,
  processRunner,
  showCommand,
  stoppedBy
} = await import('../src/process/command.js')
const { isGone, readPids, waitForFile } = await import('./support/signals.js')

describe('running a command', () => {
  it("returns its output and logs the command line to the runner's log", async () => {
    const logged: string[] = []
    const debugged: string[] = []
    const log = {
      verbosity: 'normal' as const,
      info: (line: string) => logged.push(line),
      warning: () => {},
      debug: (line: string) => debugged.push(line)
    }
    const result = await makeProcessRunner({ log }).run('sh', ['-c', 'echo out; echo err >&2'])
    expect(result).toEqual({ stdout: 'out\n', stderr: 'err\n' })
    expect(logged).toEqual([`$ sh -c 'echo out; echo err >&2'`])
    expect(debugged).toEqual([])
  })

  it('passes stderr on as detail as it comes, from verbose on', async () => {
    const debugged: string[] = []
    const log = {
      verbosity: 'verbose' as const,
      info: () => {},
      warning: () => {},
      debug: (line: string) => debugged.push(line)
    }
    await makeProcessRunner({ log }).run('sh', ['-c', 'echo err >&2'])
    expect(debugged).toEqual(['err'])
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

  it('writes its input to stdin, hands stdout over as a stream, and stderr as it comes', async () => {
    const chunks: Buffer[] = []
    const errors: string[] = []
    let pid: number | undefined
    const result = await processRunner.run('sh', ['-c', 'cat; echo err >&2'], {
      input: 'bytes\0and more',
      stdout: stream => stream.on('data', (chunk: Buffer) => chunks.push(chunk)),
      onStderr: chunk => errors.push(chunk),
      onSpawn: started => (pid = started)
    })
    expect(Buffer.concat(chunks).toString()).toBe('bytes\0and more')
    expect(result).toEqual({ stdout: '', stderr: 'err\n' })
    expect(errors.join('')).toBe('err\n')
    expect(pid).toBeGreaterThan(0)
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

describe('stopping a command', () => {
  /** A runner with a short grace, whose signals to process groups are recorded. */
  const recordingRunner = (graceMs = 300) => {
    const sent: string[] = []
    const runner = makeProcessRunner({
      graceMs,
      groups: {
        signal: (pgid, signal) => {
          sent.push(signal)
          return processGroups.signal(pgid, signal)
        },
        alive: pgid => processGroups.alive(pgid)
      }
    })
    return { runner, sent }
  }
  const scratch = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'stop-'))
  const ready = (dir: string): string => path.join(dir, 'ready')

  /** Start `script` (sh, in `dir`), abort once it wrote `ready`, and give what it rejected with. */
  async function stopOnceReady(runner: ReturnType<typeof makeProcessRunner>, script: string) {
    const dir = scratch()
    const controller = new AbortController()
    const running = runner.run('sh', ['-c', script], {
      cwd: dir,
      signal: controller.signal,
      log: () => {}
    })
    await waitForFile(ready(dir))
    const reason = new Error('stop')
    controller.abort(reason)
    const outcome = await running.then(
      () => 'resolved',
      (error: unknown) => error
    )
    return { dir, outcome, reason }
  }

  it('kills the group of a child that ignores SIGTERM once the grace is over, and rejects with the reason', async () => {
    const { runner, sent } = recordingRunner()
    const { dir, outcome, reason } = await stopOnceReady(
      runner,
      `trap '' TERM; echo $$ > pids; touch ready; while :; do sleep 1; done`
    )
    expect(outcome).toBe(reason)
    expect(sent).toEqual(['SIGTERM', 'SIGKILL'])
    expect(readPids(path.join(dir, 'pids')).map(isGone)).toEqual([true])
  })

  it('does not kill a child that exits on SIGTERM: it runs its own clean-up instead', async () => {
    // The whole grace: a loaded machine must not turn a slow clean-up into a SIGKILL here.
    const { runner, sent } = recordingRunner(STOP_GRACE_MS)
    const { dir, outcome, reason } = await stopOnceReady(
      runner,
      `trap 'echo done > cleaned; exit 0' TERM; echo $$ > pids; touch ready; while :; do sleep 1; done`
    )
    expect(outcome).toBe(reason)
    expect(fs.readFileSync(path.join(dir, 'cleaned'), 'utf8')).toBe('done\n')
    // The call settles only once the stop is over: no SIGKILL can follow.
    expect(sent).toEqual(['SIGTERM'])
    expect(readPids(path.join(dir, 'pids')).map(isGone)).toEqual([true])
  })

  it('sends no SIGKILL when the child and what it started all exit on SIGTERM', async () => {
    const { runner, sent } = recordingRunner(STOP_GRACE_MS)
    // The child exits at once, leaving its `sleep` (ended by the same SIGTERM) for init to reap.
    const { dir, outcome, reason } = await stopOnceReady(
      runner,
      `sleep 3600 >/dev/null 2>&1 & echo $! > pids; echo $$ >> pids; trap 'exit 0' TERM; touch ready; wait`
    )
    expect(outcome).toBe(reason)
    expect(sent).toEqual(['SIGTERM'])
    expect(readPids(path.join(dir, 'pids')).map(isGone)).toEqual([true, true])
  })

  it.each([
    ['holding its output open', ''],
    ['with its output elsewhere', '>/dev/null 2>&1']
  ])(
    'kills what the child started (%s) that ignores SIGTERM, when the child itself exits on it',
    async (_, redirect) => {
      const { runner, sent } = recordingRunner()
      const { dir, outcome, reason } = await stopOnceReady(
        runner,
        // `ready` only once the grandchild ignores SIGTERM.
        `(trap '' TERM; touch ignoring; exec sleep 3600) ${redirect} & echo $! > pids; echo $$ >> pids; trap 'exit 0' TERM; until [ -e ignoring ]; do sleep 0.01; done; touch ready; wait`
      )
      expect(outcome).toBe(reason)
      expect(sent).toEqual(['SIGTERM', 'SIGKILL'])
      const [grandchild, child] = readPids(path.join(dir, 'pids'))
      expect([isGone(grandchild), isGone(child)]).toEqual([true, true])
    }
  )

  it('runs each child in a process group of its own', async () => {
    const { stdout } = await processRunner.run(
      'sh',
      ['-c', `echo $$; cut -d' ' -f5 /proc/$$/stat`],
      {
        log: () => {}
      }
    )
    const [pid, pgid] = stdout.split('\n').map(s => Number(s.trim()))
    expect(pgid).toBe(pid)
    expect(pgid).not.toBe(process.pid)
  })

  it('starts nothing once the signal is aborted', async () => {
    const dir = scratch()
    const lines: string[] = []
    const reason = new Error('cancelled before')
    const controller = new AbortController()
    controller.abort(reason)
    await expect(
      processRunner.run('sh', ['-c', 'touch started'], {
        cwd: dir,
        signal: controller.signal,
        log: line => lines.push(line)
      })
    ).rejects.toBe(reason)
    expect(fs.existsSync(path.join(dir, 'started'))).toBe(false)
    expect(lines).toEqual([])
  })

  it("stops a command by the run's signal as well as its own (stoppedBy)", async () => {
    const run = new AbortController()
    const own = new AbortController()
    const runner = stoppedBy(processRunner, run.signal)
    const reason = new Error('run cancelled')
    const running = runner.run('sleep', ['30'], { signal: own.signal, log: () => {} })
    run.abort(reason)
    await expect(running).rejects.toBe(reason)
    await expect(runner.run('true', [], { log: () => {} })).rejects.toBe(reason)
  })
})
