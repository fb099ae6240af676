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
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fmt, measure } from './measure.mjs'
import { log } from './settings.mjs'
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
    for (const line of group.lines) {
      if (!line.startsWith('$ ')) continue
      const argv = shellWords(line.slice(2))
      if (argv[0] !== 'nix' || argv[1] === '--version') continue
      commands.push({ phase: group.name, seconds: group.seconds, line: line.slice(2), argv })
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
  const sampler = treeSampler()
  const started = performance.now()
  const settled = await Promise.allSettled(
    commands.map((command, i) =>
      measure(command.argv[0], command.argv.slice(1), {
        cwd: repo,
        env: tools.baseEnv,
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
