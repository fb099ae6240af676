/**
 * "The evaluation alone": exactly the `nix` commands the action ran to evaluate the flake, read
 * back from its log, run again the way it ran them (all at once) but with nothing beside them:
 * no packing, no node. Read from the log, not written down here, so that this stays right when
 * the action's commands change.
 *
 * The action logs each command as `$ <command line>` (src/process/command.ts, quoted for a POSIX shell)
 * inside the group of the phase that ran it. The evaluation's commands are the `nix` ones in
 * every group but the ones that are not evaluation (below); `nix --version` is not evaluation.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fmt, measure } from './measure.mjs'
import { BUNDLE, log } from './settings.mjs'
import { treeSampler } from './tree-rss.mjs'

/** The phases that do not evaluate the flake's outputs. */
export const NOT_EVALUATION = ['Repository', 'Locate flake', 'Package', 'Upload']

/** Words of a command line quoted as a POSIX shell would read them (quotes, backslashes). */
export function shellWords(line) {
  const words = []
  let word = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) throw new Error(`unterminated quote in ${line}`)
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i]
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word)
      word = null
    } else word = (word ?? '') + c
  }
  if (word !== null) words.push(word)
  return words
}

/** The evaluation's commands in the groups of a run of the action (measure.parseGroups). */
export function evaluationCommands(groups) {
  const commands = []
  for (const group of groups) {
    if (NOT_EVALUATION.includes(group.name)) continue
    // Several evaluators each start with a share of Nix's heap, which the log names.
    const heap = group.lines.map(line => /GC_INITIAL_HEAP_SIZE=(\d+) each/.exec(line)).find(Boolean)
    const env = heap ? { GC_INITIAL_HEAP_SIZE: heap[1] } : undefined
    for (const line of group.lines) {
      if (!line.startsWith('$ ')) continue
      const argv = shellWords(line.slice(2))
      if (argv[0] !== 'nix' || argv[1] === '--version') continue
      commands.push({
        phase: group.name,
        seconds: group.seconds,
        line: line.slice(2),
        argv,
        ...(env === undefined ? {} : { env })
      })
    }
  }
  return commands
}

/** `nix flake show` keeps only its exit status: the action does not read what it prints. */
const discards = argv => argv[1] === 'flake' && argv[2] === 'show'

/**
 * Run `commands` (from evaluationCommands) at the same time in `repo`, each under GNU time,
 * the whole tree sampled: wall time of the whole, of each command, and the tree's peak.
 */
export async function evaluationAlone(tools, repo, commands, folder, label) {
  if (commands.length === 0) throw new Error(`${label}: the action's log shows no evaluation`)
  restoreInspectFlakes(commands)
  const sampler = treeSampler()
  const started = performance.now()
  const settled = await Promise.allSettled(
    commands.map((command, i) =>
      measure(command.argv[0], command.argv.slice(1), {
        cwd: repo,
        env: { ...tools.baseEnv, ...command.env },
        timeFile: path.join(folder, `time-eval-${i}.txt`),
        discardStdout: discards(command.argv),
        sampler
      })
    )
  )
  const memory = sampler.stop()
  const failed = settled.find(result => result.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  const results = settled.map(result => result.value)
  const run = {
    label,
    wallS: (performance.now() - started) / 1000,
    treePeakKiB: memory.peakKiB,
    commands: commands.map((command, i) => ({
      phase: command.phase,
      line: command.line,
      wallS: results[i].wallS,
      cpuS: results[i].cpuS,
      rssKiB: results[i].timeRssKiB,
      besidePackingS: command.seconds
    }))
  }
  log(
    `${label}: evaluation alone ${fmt.s(run.wallS)} (peak ${fmt.mb(run.treePeakKiB)}); ` +
      run.commands
        .map(c => `${c.phase} ${fmt.s(c.wallS)} (in A ${fmt.s(c.besidePackingS)})`)
        .join(', ')
  )
  return run
}

/** The files of the inspect flake, as the action writes them: the name there, and in dist/. */
const INSPECT_FILES = [
  ['flake.nix', 'inspect-flake.nix'],
  ['inspect.nix', 'inspect.nix'],
  ['show-check.nix', 'show-check.nix'],
  ['share.nix', 'share.nix']
]

/**
 * The action writes its inspect flake into its scratch folder, which it removes when it ends:
 * write it again where each command looks for it (`path:<folder>#lib.…`), from dist/.
 */
function restoreInspectFlakes(commands) {
  for (const command of commands) {
    for (const word of command.argv) {
      const match = /^path:(\/.+)#lib\./.exec(word)
      if (match === null || fs.existsSync(match[1])) continue
      fs.mkdirSync(match[1], { recursive: true })
      for (const [name, asset] of INSPECT_FILES)
        fs.copyFileSync(path.join(path.dirname(BUNDLE), asset), path.join(match[1], name))
    }
  }
}
