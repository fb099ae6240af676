/**
 * The machine's memory and a process's, as Linux tells them in /proc: what is available to new
 * processes, and a running process's resident set and its peak. Read by the memory guard of the
 * evaluators (evaluate/memory.ts) and by the choice of a fast TMPDIR (source/fast-tmpdir.ts).
 */
import * as fs from 'node:fs'
import * as os from 'node:os'

/** `MemAvailable` of /proc/meminfo in bytes, or undefined when the text has none. */
export function readMemAvailable(meminfo: string): number | undefined {
  const match = /^MemAvailable:[ \t]+([0-9]{1,15})[ \t]+kB$/m.exec(meminfo)
  return match === null ? undefined : Number(match[1]) * 1024
}

/**
 * The resident set now (VmRSS) and its peak (VmHWM) of a process, in bytes, from the text of
 * /proc/<pid>/status; undefined for a field it lacks (a process that has exited has neither).
 */
export function readResident(status: string): { rss?: number; peak?: number } {
  const field = (name: string): number | undefined => {
    const match = new RegExp(`^${name}:[ \\t]+([0-9]{1,15})[ \\t]+kB$`, 'm').exec(status)
    return match === null ? undefined : Number(match[1]) * 1024
  }
  const rss = field('VmRSS')
  const peak = field('VmHWM')
  return { ...(rss === undefined ? {} : { rss }), ...(peak === undefined ? {} : { peak }) }
}

/** Where the guard reads the machine's memory; tests give their own. */
export interface MemoryProbe {
  /** Bytes available to new processes now. */
  available(): number
  /** A running process's resident set and peak, or undefined once it is gone. */
  resident(pid: number): { rss: number; peak: number } | undefined
}

/** The machine's memory, from /proc (on systems without it: os.freemem(), and no process sizes). */
export const procMemory: MemoryProbe = {
  available() {
    try {
      return readMemAvailable(fs.readFileSync('/proc/meminfo', 'utf8')) ?? os.freemem()
    } catch {
      return os.freemem()
    }
  },
  resident(pid) {
    let status: string
    try {
      status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    } catch {
      return undefined
    }
    const { rss, peak } = readResident(status)
    return rss === undefined ? undefined : { rss, peak: peak ?? rss }
  }
}
