/** A finished release: the metadata FlakeHub receives, and the tarball it belongs to. */
import type { Outputs } from './evaluate/evaluator.js'
import { mergeLabels } from './labels.js'
import { flakeRefs, releaseVersion } from './naming.js'
import type { Settings, Visibility } from './settings/settings.js'
import type { FlakeSource } from './source/locate.js'
import type { VerifiedTarball } from './source/verify.js'

/** What evaluation and packing produce, ready to become a release. */
export interface EvaluatedFlake {
  source: FlakeSource
  outputs: Outputs
  readme: string | null
  tarball: VerifiedTarball
}

/** What the repository tells about itself: from GitHub's API, or from local Git in a dry run. */
export interface RepositoryFacts {
  /** Full SHA of the commit being published. */
  revision: string
  commitCount: number
  /** The repository's topics, merged into the labels. */
  topics: string[]
  /** The licence GitHub detected, as an SPDX id. */
  spdxIdentifier: string | null
  /** GitHub's ids of the repository and its owner, when GraphQL was asked. */
  githubIds?: { repository: number; owner: number | undefined }
}

/**
 * The stage request's body (field names as FlakeHub expects them). Serialize it with
 * {@link metadataJson}, which puts the outputs document in as Nix printed it.
 */
export interface ReleaseMetadata {
  commit_count: number
  description: string | null
  outputs: Outputs
  raw_flake_metadata: unknown
  readme: string | null
  repo: string
  revision: string
  visibility: Visibility
  mirrored: boolean
  source_subdirectory: string
  spdx_identifier: string | null
  labels: string[]
}

/** Everything needed to publish, and nothing that needs a token. */
export interface Release {
  uploadName: string
  version: string
  /** `<name>/<version>` and `<name>/=<version>`. */
  flakeRefs: { atLeast: string; exact: string }
  metadata: ReleaseMetadata
  tarball: VerifiedTarball
}

export function makeRelease(
  settings: Settings,
  facts: RepositoryFacts,
  flake: EvaluatedFlake
): Release {
  const version = releaseVersion(settings.version, facts.commitCount, facts.revision)
  return {
    uploadName: settings.uploadName,
    version,
    flakeRefs: flakeRefs(settings.uploadName, version),
    tarball: flake.tarball,
    metadata: {
      commit_count: facts.commitCount,
      description: flake.source.description,
      outputs: flake.outputs,
      raw_flake_metadata: flake.source.metadata,
      readme: flake.readme,
      repo: settings.uploadName,
      revision: facts.revision,
      visibility: settings.visibility,
      mirrored: settings.mirror,
      source_subdirectory: settings.sourceSubdirectory,
      spdx_identifier: settings.spdxExpression ?? facts.spdxIdentifier,
      labels: mergeLabels(settings.extraLabels, facts.topics)
    }
  }
}

/** `metadata` as JSON (indented by two spaces with `pretty`), `outputs` being the document. */
export function metadataJson(metadata: ReleaseMetadata, pretty = false): string {
  const { outputs, ...fields } = metadata
  const rest = JSON.stringify(fields, null, pretty ? 2 : undefined)
  return pretty
    ? `{\n  "outputs": ${outputs.json},${rest.slice(1)}`
    : `{"outputs":${outputs.json},${rest.slice(1)}`
}
