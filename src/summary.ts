/** What the run tells people: step outputs and the job summary. */
import * as core from '@actions/core'
import { Output } from './action-io.js'
import { Release } from './release.js'
import { Timings } from './timing.js'

/** How the run ended, as the summary says it. */
export type Outcome = 'published' | 'already-published' | 'dry-run'

/** Set the step outputs: on success, on an accepted conflict and after a dry run. */
export function setOutputs(release: Release): void {
  core.setOutput(Output.flakeName, release.uploadName)
  core.setOutput(Output.flakeVersion, release.version)
  core.setOutput(Output.flakerefAtLeast, release.flakeRefs.atLeast)
  core.setOutput(Output.flakerefExact, release.flakeRefs.exact)
}

/**
 * `text` as HTML text (and as a double-quoted attribute value): the summary is HTML, and names,
 * labels and outputs come from others.
 */
export function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
  return text.replace(/[&<>"]/g, c => entities[c])
}

/** The flake's page on the FlakeHub website, for an API host such as `https://api.flakehub.com`. */
export function flakePage(host: string, release: Release): string {
  const web = new URL(host)
  web.hostname = web.hostname.replace(/^api\./, '')
  const base = web.origin
  return `${base}/flake/${release.uploadName}/${encodeURIComponent(release.version)}`
}

const HEADINGS: Record<Outcome, string> = {
  published: 'Published',
  'already-published': 'Already published',
  'dry-run': 'Dry run: packed, not published'
}

/** Write the job summary: what was released, how to use it, and where the time went. */
export async function writeSummary(
  release: Release,
  outcome: Outcome,
  timings: Timings,
  where: { host: string } | { destDir: string }
): Promise<void> {
  const { metadata, tarball } = release
  const html = escapeHtml
  const name = html(release.uploadName)
  const version = html(release.version)
  const summary = core.summary
    .addHeading(`${HEADINGS[outcome]} ${name} ${version}`, 2)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ['Flake', name],
      ['Version', version],
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
    ])
    .addHeading('Use it', 3)
    .addCodeBlock(
      html(
        `inputs.flake.url = "https://flakehub.com/f/${release.uploadName}/*";\n# this release or newer:\n${release.flakeRefs.atLeast}\n# exactly this release:\n${release.flakeRefs.exact}`
      ),
      'nix'
    )
  if ('host' in where) summary.addLink('Open on FlakeHub', html(flakePage(where.host, release)))
  else summary.addRaw(`Written to <code>${html(where.destDir)}</code>.`, true)

  const counts = Object.entries(metadata.outputs.counts)
  summary.addHeading('Outputs', 3)
  if (counts.length === 0) summary.addRaw('No outputs with a schema.', true)
  else
    summary.addTable([
      [
        { data: 'Output', header: true },
        { data: 'Count', header: true }
      ],
      ...counts.map(([output, n]) => [html(output), String(n)])
    ])

  summary.addHeading('Time per phase', 3).addTable([
    [
      { data: 'Phase', header: true },
      { data: 'Seconds', header: true }
    ],
    ...[...timings].map(([phaseName, seconds]) => [html(phaseName), seconds.toFixed(2)])
  ])
  await summary.write()
}
