// The release metadata as JSON: the outputs document goes in as Nix printed it.
import { describe, expect, it } from '@jest/globals'
import { type ReleaseMetadata, metadataJson } from '../src/release.js'

const outputsJson =
  '{"docs":{"packages":"The packages.\\n"},"inventory":{"packages":{"children":{}}},"version":1}'

const metadata: ReleaseMetadata = {
  commit_count: 3,
  description: 'A "quoted" flake',
  outputs: { json: outputsJson, counts: { packages: 0 } },
  raw_flake_metadata: { lastModified: 1, locked: { narHash: 'sha256-x' } },
  readme: '# Title\n',
  repo: 'owner/project',
  revision: 'a'.repeat(40),
  visibility: 'public',
  mirrored: false,
  source_subdirectory: '',
  spdx_identifier: null,
  labels: ['nix']
}

describe('the metadata as JSON', () => {
  it.each([
    ['compact', false],
    ['indented', true]
  ])('(%s) has every field, with the outputs document and not its counts', (_, pretty) => {
    const { outputs, ...fields } = metadata
    expect(JSON.parse(metadataJson(metadata, pretty))).toEqual({
      ...fields,
      outputs: JSON.parse(outputs.json)
    })
  })

  it('copies the outputs document byte for byte', () => {
    expect(metadataJson(metadata)).toContain(`"outputs":${outputsJson},`)
    expect(metadataJson(metadata, true)).toContain(`\n  "outputs": ${outputsJson},\n`)
  })

  it('is indented by two spaces when asked, else on one line', () => {
    expect(metadataJson(metadata, true)).toContain('\n  "commit_count": 3,\n')
    expect(metadataJson(metadata)).not.toContain('\n')
  })
})
