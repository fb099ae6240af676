/** The names of the action's inputs and outputs, as `action.yml` declares them. */

export const Input = {
  visibility: 'visibility',
  name: 'name',
  repository: 'repository',
  mirror: 'mirror',
  directory: 'directory',
  gitRoot: 'git-root',
  tag: 'tag',
  rev: 'rev',
  rollingMinor: 'rolling-minor',
  rolling: 'rolling',
  host: 'host',
  logDirectives: 'log-directives',
  logger: 'logger',
  githubToken: 'github-token',
  extraTags: 'extra-tags',
  extraLabels: 'extra-labels',
  spdxExpression: 'spdx-expression',
  errorOnConflict: 'error-on-conflict',
  includeOutputPaths: 'include-output-paths',
  myFlakeIsTooBig: 'my-flake-is-too-big',
  strictMode: '_internal-strict-mode',
  destDir: 'dest-dir'
} as const

/**
 * Inputs of the established action that choose which `flakehub-push` binary to download.
 * There is no binary here, so they are accepted and ignored with one warning.
 */
export const BINARY_SOURCE_INPUTS = [
  'source-binary',
  'source-branch',
  'source-pr',
  'source-revision',
  'source-tag',
  'source-url',
  'flakehub-push-binary',
  'flakehub-push-branch',
  'flakehub-push-pr',
  'flakehub-push-revision',
  'flakehub-push-tag',
  'flakehub-push-url'
] as const

export const Output = {
  flakeName: 'flake_name',
  flakeVersion: 'flake_version',
  flakerefAtLeast: 'flakeref_at_least',
  flakerefExact: 'flakeref_exact'
} as const
