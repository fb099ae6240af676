/**
 * The one table of settings: for each, where it is given (the action's input, the command's flag
 * and short flag, the environment variable and its old spellings), its kind, the action's
 * default and its help. Every name a user writes is spelled here and nowhere else in src/:
 * `action.yml`, `--help` and the README's tables are checked against this table by tests
 * (action-yml.test.ts, settings-table.test.ts), and every other module names a setting through
 * its row (`SETTINGS.rollingMinor`), never by a string of its own.
 */
import type { Setting } from './setting.js'
import type { Timeouts } from './timeouts.js'

const BINARY_HELP = "Ignored (chose the established action's binary)."
const DEPRECATED_BINARY_HELP = "Ignored (deprecated, chose the established action's binary)."

/** The established action's inputs that chose which binary it downloaded: none here. */
const binarySource = (name: string, help = BINARY_HELP, ignoredUnless?: string): Setting => ({
  scope: 'action',
  name,
  kind: 'text',
  help,
  ignored: true,
  ignoredUnless
})

/** A limit on the network calls: a variable only, in seconds. */
const limit = (variable: string, key: keyof Timeouts, help: string): Setting => ({
  scope: 'environment',
  variable,
  kind: 'text',
  help,
  limit: key
})

export const SETTINGS = {
  visibility: {
    scope: 'both',
    name: 'visibility',
    variable: 'FLAKEHUB_PUSH_VISIBILITY',
    aliases: ['FLAKEHUB_PUSH_VISIBLITY'],
    kind: 'text',
    required: true,
    help: '`public`, `unlisted` or `private` (`hidden` is read as `unlisted`).',
    value: 'public|unlisted|private',
    fallback: '(required)'
  },
  name: {
    scope: 'both',
    name: 'name',
    variable: 'FLAKEHUB_PUSH_NAME',
    kind: 'text',
    help: "The published flake name, `owner/name`. Defaults to the repository's `owner/project`.",
    value: 'owner/flake',
    fallback: 'the repository'
  },
  repository: {
    scope: 'both',
    name: 'repository',
    variable: 'FLAKEHUB_PUSH_REPOSITORY',
    kind: 'text',
    default: '${{ github.repository }}',
    help: 'The repository holding the flake, `owner/project` (GitLab subgroups fold into the project name).',
    value: 'owner/project',
    fallback:
      "GITHUB_REPOSITORY; CI_PROJECT_PATH on GitLab; else the `origin` remote's owner/project"
  },
  mirror: {
    scope: 'both',
    name: 'mirror',
    variable: 'FLAKEHUB_PUSH_MIRROR',
    kind: 'boolean',
    default: 'false',
    help: 'Whether the repository is a mirror maintained by DeterminateSystems.',
    fallback: 'false'
  },
  directory: {
    scope: 'both',
    name: 'directory',
    variable: 'FLAKEHUB_PUSH_DIRECTORY',
    kind: 'text',
    help: "The flake's folder relative to `git-root`, for subflakes.",
    value: 'path',
    fallback: 'the nearest folder holding flake.nix at or above the current one, else the Git root'
  },
  gitRoot: {
    scope: 'both',
    name: 'git-root',
    variable: 'FLAKEHUB_PUSH_GIT_ROOT',
    kind: 'text',
    default: '.',
    help: 'The root of the Git checkout.',
    value: 'path',
    fallback: 'the top of the repository around the current folder; CI_PROJECT_DIR on GitLab'
  },
  tag: {
    scope: 'both',
    name: 'tag',
    variable: 'FLAKEHUB_PUSH_TAG',
    kind: 'text',
    help: 'The tag of a non-rolling release, `v` followed by a SemVer version such as `v1.2.3`. Defaults to the ref name.',
    value: 'v1.2.3',
    fallback: 'GITHUB_REF_NAME, or CI_COMMIT_TAG / CI_COMMIT_REF_NAME on GitLab'
  },
  rev: {
    scope: 'both',
    name: 'rev',
    variable: 'FLAKEHUB_PUSH_REV',
    kind: 'text',
    help: 'The full commit SHA to publish. Defaults to the checked-out commit.',
    value: 'sha',
    fallback: 'HEAD, or CI_COMMIT_SHA on GitLab'
  },
  rollingMinor: {
    scope: 'both',
    name: 'rolling-minor',
    variable: 'FLAKEHUB_PUSH_ROLLING_MINOR',
    kind: 'text',
    help: 'The SemVer minor version of rolling releases, `<major>.<rolling-minor>.<commit count>+rev-<sha>`. Needs `rolling`.',
    value: 'n',
    fallback: '1'
  },
  rollingMajor: {
    scope: 'both',
    name: 'rolling-major',
    variable: 'FLAKEHUB_PUSH_ROLLING_MAJOR',
    kind: 'text',
    help: 'The SemVer major version of rolling releases, `<rolling-major>.<rolling-minor>.<commit count>+rev-<sha>`. Needs `rolling` and `rolling-minor`.',
    value: 'n',
    fallback: '0'
  },
  rolling: {
    scope: 'both',
    name: 'rolling',
    variable: 'FLAKEHUB_PUSH_ROLLING',
    kind: 'boolean',
    default: 'false',
    help: 'Publish an untagged, rolling release versioned `0.1.<commit count>+rev-<sha>`.',
    fallback: 'false'
  },
  host: {
    scope: 'both',
    name: 'host',
    variable: 'FLAKEHUB_PUSH_HOST',
    kind: 'text',
    default: 'https://api.flakehub.com',
    help: 'The FlakeHub API to publish to.',
    value: 'url',
    fallback: 'https://api.flakehub.com'
  },
  logDirectives: {
    scope: 'both',
    name: 'log-directives',
    flag: 'log-directive',
    variable: 'FLAKEHUB_PUSH_LOG_DIRECTIVES',
    kind: 'list',
    default: 'flakehub_push=info',
    help: "Ignored (the established tool's tracing directives). For detail, enable step debug logging (the action) or give `-v` (the command).",
    value: 'directives',
    fallback: '(none)',
    ignored: true,
    ignoredUnless: 'flakehub_push=info'
  },
  logger: {
    scope: 'both',
    name: 'logger',
    variable: 'FLAKEHUB_PUSH_LOGGER',
    kind: 'text',
    default: 'full',
    help: "Ignored (the established tool's log format).",
    value: 'compact|full|pretty|json',
    fallback: '(one format)',
    ignored: true,
    ignoredUnless: 'full'
  },
  githubToken: {
    scope: 'both',
    name: 'github-token',
    variable: 'FLAKEHUB_PUSH_GITHUB_TOKEN',
    kind: 'text',
    default: '${{ github.token }}',
    help: 'A GitHub token for the GraphQL API (commit count, topics, licence).',
    value: 'token',
    fallback: '(none)',
    secret: true
  },
  extraTags: {
    scope: 'both',
    name: 'extra-tags',
    short: 't',
    variable: 'FLAKEHUB_PUSH_EXTRA_TAGS',
    kind: 'list',
    default: '',
    help: 'DEPRECATED: use `extra-labels`.',
    value: 'a,b',
    fallback: '(none)'
  },
  extraLabels: {
    scope: 'both',
    name: 'extra-labels',
    short: 'l',
    variable: 'FLAKEHUB_PUSH_EXTRA_LABELS',
    kind: 'list',
    default: '',
    help: "Extra labels, comma separated, added before the repository's topics. Alphanumerics and `-`, at most 50 characters each; at most 25 labels in all.",
    value: 'a,b',
    fallback: '(none)'
  },
  spdxExpression: {
    scope: 'both',
    name: 'spdx-expression',
    variable: 'FLAKEHUB_PUSH_SPDX_EXPRESSION',
    kind: 'text',
    default: '',
    help: 'An SPDX license expression to use instead of the licence GitHub detects.',
    value: 'expr',
    fallback: "GitHub's licence id, else none"
  },
  errorOnConflict: {
    scope: 'both',
    name: 'error-on-conflict',
    variable: 'FLAKEHUB_PUSH_ERROR_ON_CONFLICT',
    kind: 'boolean',
    default: 'false',
    help: 'Fail when this version has already been published (otherwise that is a success).',
    fallback: 'false'
  },
  includeOutputPaths: {
    scope: 'both',
    name: 'include-output-paths',
    variable: 'FLAKEHUB_PUSH_INCLUDE_OUTPUT_PATHS',
    kind: 'boolean',
    default: 'false',
    help: 'Record the derivation and output paths of each flake output.',
    fallback: 'false'
  },
  myFlakeIsTooBig: {
    scope: 'both',
    name: 'my-flake-is-too-big',
    variable: 'FLAKEHUB_PUSH_MY_FLAKE_IS_TOO_BIG',
    kind: 'boolean',
    default: 'false',
    help: 'Skip the all-systems evaluation and the outputs document, for flakes too large to evaluate in a job.',
    fallback: 'false'
  },
  evaluators: {
    scope: 'both',
    name: 'evaluators',
    variable: 'FLAKEHUB_PUSH_EVALUATORS',
    kind: 'text',
    help: 'How many `nix` processes evaluate the flake side by side, each owning some of its systems and configurations: a whole number from 1 (one evaluation, as before) to 64. Empty: one per core, at most one per system or configuration.',
    value: 'count',
    fallback: 'one per core'
  },
  strictMode: {
    scope: 'action',
    name: '_internal-strict-mode',
    kind: 'boolean',
    default: 'false',
    help: 'For testing this action only.'
  },
  destDir: {
    scope: 'both',
    name: 'dest-dir',
    variable: 'FLAKEHUB_DEST_DIR',
    kind: 'text',
    help: 'Dry run. Write `<version>.tar.gz` and `<version>.json` to this folder and contact no service.',
    value: 'path',
    fallback: '(publish)'
  },
  sourceBinary: binarySource('source-binary'),
  sourceBranch: binarySource('source-branch', BINARY_HELP, 'main'),
  sourcePr: binarySource('source-pr'),
  sourceRevision: binarySource('source-revision'),
  sourceTag: binarySource('source-tag'),
  sourceUrl: binarySource('source-url'),
  flakehubPushBinary: binarySource('flakehub-push-binary', DEPRECATED_BINARY_HELP),
  flakehubPushBranch: binarySource('flakehub-push-branch', DEPRECATED_BINARY_HELP),
  flakehubPushPr: binarySource('flakehub-push-pr', DEPRECATED_BINARY_HELP),
  flakehubPushRevision: binarySource('flakehub-push-revision', DEPRECATED_BINARY_HELP),
  flakehubPushTag: binarySource('flakehub-push-tag', DEPRECATED_BINARY_HELP),
  flakehubPushUrl: binarySource('flakehub-push-url', DEPRECATED_BINARY_HELP),
  disableRenameSubgroups: {
    scope: 'command',
    name: 'disable-rename-subgroups',
    variable: 'FLAKEHUB_PUSH_DISABLE_RENAME_SUBGROUPS',
    kind: 'boolean',
    help: 'Do not fold subgroups (a/b/c) into the project name.',
    fallback: 'false'
  },
  githubGraphqlUrl: {
    scope: 'command',
    name: 'github-graphql-url',
    variable: 'FLAKEHUB_GITHUB_GRAPHQL_URL',
    kind: 'text',
    help: "GitHub's GraphQL API.",
    value: 'url',
    fallback: 'GITHUB_GRAPHQL_URL, else https://api.github.com/graphql'
  },
  jwtIssuerUri: {
    scope: 'command',
    name: 'jwt-issuer-uri',
    kind: 'text',
    help: 'Development only: get the token from this issuer (for a local FlakeHub).',
    value: 'uri',
    fallback: '(none)'
  },
  outputsFile: {
    scope: 'command',
    name: 'outputs-file',
    variable: 'FLAKEHUB_PUSH_OUTPUTS_FILE',
    kind: 'text',
    help: 'Also write the outputs (name, version, flake references, outcome) here, as NAME=value lines (dotenv).',
    value: 'path',
    fallback: '(none)'
  },
  verbose: {
    scope: 'command',
    name: 'verbose',
    short: 'v',
    variable: 'FLAKEHUB_PUSH_VERBOSITY',
    kind: 'count',
    help: "Say more: once for the detail (such as Nix's messages as they come), twice for everything. The variable takes the count.",
    fallback: '0'
  },
  connectTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_CONNECT', 'connectMs', 'every call: connecting'),
  oidcTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_OIDC', 'oidcMs', 'GitHub OIDC token'),
  graphqlTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_GRAPHQL', 'graphqlMs', 'GitHub GraphQL'),
  statusTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_STATUS', 'statusMs', 'FlakeHub token status'),
  stageTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_STAGE', 'stageMs', 'FlakeHub stage'),
  publishTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_PUBLISH', 'publishMs', 'FlakeHub publish'),
  uploadStallTimeout: limit(
    'FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL',
    'uploadStallMs',
    'tarball upload: without a byte moving'
  ),
  uploadAnswerTimeout: limit(
    'FLAKEHUB_PUSH_TIMEOUT_UPLOAD_ANSWER',
    'uploadAnswerMs',
    'tarball upload: the answer'
  ),
  publishBudget: limit(
    'FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET',
    'publishBudgetMs',
    'everything FlakeHub is asked, retries included'
  ),
  retryDelay: limit(
    'FLAKEHUB_PUSH_RETRY_DELAY',
    'retryDelayMs',
    'the wait before the first retry (it doubles)'
  )
} as const satisfies Record<string, Setting>

/** Every setting, in the table's order (the order of `action.yml`, `--help` and the README). */
export const ALL_SETTINGS: readonly Setting[] = Object.values(SETTINGS)

/** The variables that hold a token: never handed to a child process. */
export function secretVariables(): string[] {
  return ALL_SETTINGS.flatMap(setting =>
    setting.secret === true && setting.variable !== undefined ? [setting.variable] : []
  )
}

/** The settings that limit the network calls, each with its limit. */
export function limitSettings(): (Setting & { limit: keyof Timeouts; variable: string })[] {
  return ALL_SETTINGS.flatMap(setting =>
    setting.limit !== undefined && setting.variable !== undefined
      ? [{ ...setting, limit: setting.limit, variable: setting.variable }]
      : []
  )
}
