/** What the run tells people: step outputs and the job summary. */
import * as core from '@actions/core'
import type { Destination, Outcome, ShownRelease, Timings } from '../log.js'
import { HEADINGS, flakePage, outputsOf } from '../report.js'

/** Set the step outputs: on success, on an accepted conflict and after a dry run. */
export function setOutputs(release: ShownRelease, outcome: Outcome): void {
  for (const [name, value] of Object.entries(outputsOf(release, outcome)))
    core.setOutput(name, value)
}

/**
 * `text` as HTML text (and as a double-quoted attribute value): the summary is HTML, and names,
 * labels and outputs come from others.
 */
export function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
  return text.replace(/[&<>"]/g, c => entities[c])
}

/** A table of two columns, with its headings. */
function table(
  headings: [string, string],
  rows: string[][]
): Parameters<typeof core.summary.addTable>[0] {
  return [headings.map(data => ({ data, header: true })), ...rows]
}

/** The release, field by field, each value as HTML. */
function releaseRows(release: ShownRelease): string[][] {
  const { metadata, tarball } = release
  const html = escapeHtml
  return [
    ['Flake', html(release.uploadName)],
    ['Version', html(release.version)],
    ['Visibility', metadata.visibility],
    ['Revision', html(metadata.revision)],
    ['Tarball', `${tarball.size.toLocaleString('en-US')} bytes, ${tarball.entries} entries`],
    ['SHA-256', html(tarball.sha256)],
    [
      'NAR hash',
      `${html(tarball.narHash)} (verified: the same as ${html(tarball.narHashVerifiedBy)})`
    ],
    ['Labels', html(metadata.labels.join(', ')) || '(none)'],
    ['Licence', html(metadata.spdx_identifier ?? '(none)')]
  ]
}

/** Write the job summary: what was released, how to use it, and where the time went. */
export async function writeSummary(
  release: ShownRelease,
  outcome: Outcome,
  timings: Timings,
  where: Destination
): Promise<void> {
  const html = escapeHtml
  const heading = `${HEADINGS[outcome]} ${html(release.uploadName)} ${html(release.version)}`
  const summary = core.summary
    .addHeading(heading, 2)
    .addTable(table(['Field', 'Value'], releaseRows(release)))
    .addHeading('Use it', 3)
    .addCodeBlock(
      html(
        `inputs.flake.url = "https://flakehub.com/f/${release.uploadName}/*";\n# this release or newer:\n${release.flakeRefs.atLeast}\n# exactly this release:\n${release.flakeRefs.exact}`
      ),
      'nix'
    )
  if ('host' in where) summary.addLink('Open on FlakeHub', html(flakePage(where.host, release)))
  else summary.addRaw(`Written to <code>${html(where.destDir)}</code>.`, true)

  const counts = Object.entries(release.metadata.outputs.counts)
  summary.addHeading('Outputs', 3)
  if (counts.length === 0) summary.addRaw('No outputs with a schema.', true)
  else
    summary.addTable(
      table(
        ['Output', 'Count'],
        counts.map(([o, n]) => [html(o), String(n)])
      )
    )

  const phases = [...timings].map(([phase, seconds]) => [html(phase), seconds.toFixed(2)])
  summary.addHeading('Time per phase', 3).addTable(table(['Phase', 'Seconds'], phases))
  await summary.write()
}

/** A phase as it ended: done, failed or stopped, and when. */
export interface EndedPhase {
  name: string
  outcome: string
  seconds: number
}

/**
 * Write the job summary of a failed run: the phase that failed (or that the run stopped before
 * any), the error (what failed and what to do: the run's own words), and every phase that ended.
 */
export async function writeFailureSummary(
  message: string,
  phases: readonly EndedPhase[]
): Promise<void> {
  const html = escapeHtml
  const failed = phases.find(phase => phase.outcome === 'failed')
  const heading =
    failed !== undefined
      ? `Failed: ${html(failed.name)}`
      : phases.length === 0
        ? 'Failed before it started'
        : 'Failed'
  const summary = core.summary.addHeading(heading, 2).addCodeBlock(html(message))
  if (phases.length === 0) summary.addRaw('No phase ran: nothing was evaluated or published.', true)
  else
    summary
      .addHeading('Phases', 3)
      .addTable([
        ['Phase', 'Result', 'Seconds'].map(data => ({ data, header: true })),
        ...phases.map(phase => [html(phase.name), html(phase.outcome), phase.seconds.toFixed(2)])
      ])
  await summary.write()
}
