// Test support: run a program in its own process group, collecting what it prints, and kill it
// with everything it started (Nix, Git) when it outlives its time. Asynchronous, so stand-in
// servers in the test's process keep answering meanwhile.
import { spawn } from 'node:child_process'

export interface ProcessRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Resolves when `command` exits, whatever its exit code; rejects on timeout, after killing it. */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: {
    cwd: string
    env: NodeJS.ProcessEnv
    timeoutMs: number
    name?: string
    /** Called with the child's pid once started: e.g. to send it a signal mid-run. */
    onStart?: (pid: number) => void
  }
): Promise<ProcessRun> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true // its own process group, so a timeout kills Nix and Git too
  })
  if (child.pid !== undefined) options.onStart?.(child.pid)
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8')
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
      const tail = (chunks: Buffer[]): string => text(chunks).slice(-4000)
      reject(
        new Error(
          `${options.name ?? command} did not finish in ${options.timeoutMs} ms and was killed.\n` +
            `stdout (end):\n${tail(stdout)}\nstderr (end):\n${tail(stderr)}`
        )
      )
    }, options.timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve(code)
    })
  })
  return { exitCode, stdout: text(stdout), stderr: text(stderr) }
}
