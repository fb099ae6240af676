/**
 * Tarball throughput on a store path: `tar | gzip -6`, `gzip -6` alone on the tar file, Node's
 * zlib at the same level alone on it (what the action compresses with), and the action's
 * `packTarball` called directly (src/source/tarball.ts in Node 24, via pack-direct.mjs), with
 * wall time, CPU and (for packTarball) peak RSS.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fmt, measure, treeBytes } from './measure.mjs'
import { PACK_DIRECT, TARBALL_TS, TS_RESOLVE, log } from './settings.mjs'
import { runFolder } from './workspace.mjs'

/** `bash` arguments that write `tar | gzip -6` of the folder `source` to `destination`. */
export function tarGzipArgs(source, destination) {
  return [
    '-c',
    'set -o pipefail; tar -C "$1" -cf - "$2" | gzip -6 > "$3"',
    'bash',
    path.dirname(source),
    path.basename(source),
    destination
  ]
}

/** Node's gzip (zlib, level 6, as the action's) of the file argv[1], thrown away. */
const NODE_GZIP = `
const fs = require('node:fs'), zlib = require('node:zlib'), { Writable } = require('node:stream')
const sink = new Writable({ write: (chunk, encoding, done) => done() })
require('node:stream').pipeline(fs.createReadStream(process.argv[1]), zlib.createGzip({ level: 6 }), sink,
  error => { if (error) throw error })`

export async function gzipThroughput(tools, storePath, label) {
  const folder = runFolder(label)
  const bytes = treeBytes(storePath)
  const env = tools.baseEnv
  execFileSync('sync')
  const piped = await measure('bash', tarGzipArgs(storePath, '/dev/null'), {
    env,
    timeFile: path.join(folder, 'time-tar-gzip.txt')
  })
  const tarFile = path.join(folder, 'source.tar')
  await measure('tar', ['-C', path.dirname(storePath), '-cf', tarFile, path.basename(storePath)], {
    env
  })
  execFileSync('sync')
  const alone = await measure('bash', ['-c', 'gzip -6 -c "$1" > /dev/null', 'bash', tarFile], {
    env,
    timeFile: path.join(folder, 'time-gzip.txt')
  })
  const nodeGzip = await measure(tools.node, ['-e', NODE_GZIP, tarFile], {
    env,
    timeFile: path.join(folder, 'time-node-gzip.txt')
  })
  fs.rmSync(tarFile)
  const direct = await packDirect(tools, storePath, path.join(folder, 'direct.tar.gz'))
  fs.rmSync(folder, { recursive: true, force: true })
  const result = {
    bytes,
    tarGzipS: piped.wallS,
    tarGzipCpuS: piped.cpuS,
    gzipS: alone.wallS,
    gzipCpuS: alone.cpuS,
    nodeGzipS: nodeGzip.wallS,
    nodeGzipCpuS: nodeGzip.cpuS,
    direct
  }
  log(
    `${label}: ${bytes} source bytes; tar | gzip -6 ${fmt.s(piped.wallS)}, gzip -6 alone ${fmt.s(alone.wallS)}` +
      `, Node's zlib alone ${fmt.s(nodeGzip.wallS)} (CPU ${fmt.s(nodeGzip.cpuS)})` +
      (direct === null
        ? ''
        : `, packTarball direct ${fmt.s(direct.seconds)} (CPU ${fmt.s(direct.cpuS)}, ${fmt.mb(direct.maxRssKiB)})`)
  )
  return result
}

/**
 * packTarball of src/source/tarball.ts called directly in Node 24 (which strips the types on import):
 * exact time, CPU and memory of the packer alone. Null when that cannot be done here.
 */
async function packDirect(tools, sourceDir, destination) {
  if (!tools.nodeIsRunners) return null
  try {
    // src/source/tarball.ts imports its neighbours as ./x.js: ts-resolve.mjs maps those to the .ts files.
    const args = ['--import', TS_RESOLVE, PACK_DIRECT, TARBALL_TS, sourceDir, destination]
    const result = await measure(tools.node, args, {
      env: tools.baseEnv
    })
    return JSON.parse(result.stdout.trim().split('\n').pop())
  } catch (error) {
    log(`packTarball could not be called directly: ${String(error).split('\n')[0]}`)
    return null
  }
}
