/**
 * What reading the settings gives ({@link Settings}, or problems), what it reads from
 * ({@link SettingSource}: the action's inputs, or the command's flags and variables), and how
 * problems name a setting there ({@link Spelling}).
 */
import type { VersionScheme } from '../naming.js'
import type { Setting } from './setting.js'
import type { Timeouts } from './timeouts.js'

export type Visibility = 'public' | 'unlisted' | 'private'

/** How many `nix` processes evaluate side by side: a number (1: one, as before), or one per core. */
export type Evaluators = number | 'auto'

/** Everything the run needs to know from its inputs, validated. */
export interface Settings {
  /** Who can see the release (`hidden` is read as `unlisted`). */
  visibility: Visibility
  /** The published name ("upload name"): `name`, else `owner/project` from `repository`. */
  uploadName: string
  /** The repository as `owner/project` (subgroups folded), for GitHub look-ups. */
  repository: string
  /** The `mirror` input: the repository is mirrored by DeterminateSystems. */
  mirror: boolean
  /** Absolute, symlink-free path of the Git checkout. */
  gitRoot: string
  /** Absolute, symlink-free path of the flake's folder (inside {@link gitRoot}). */
  flakeDir: string
  /** The flake folder relative to the Git root, `""` for the root itself. */
  sourceSubdirectory: string
  /** Rolling or tagged version. */
  version: VersionScheme
  /** An explicit revision (`rev` input), else the checked-out `HEAD` is used. */
  rev: string | undefined
  /** The FlakeHub API, e.g. `https://api.flakehub.com`, without a trailing slash. */
  host: string
  /** The OIDC audience: the host name of {@link host}. */
  audience: string
  /** Token for GitHub's GraphQL API (one of the reading's secrets). */
  githubToken: string
  /** Labels from `extra-labels` (or the deprecated `extra-tags`), before merging with topics. */
  extraLabels: string[]
  /** The `spdx-expression` input, already checked to parse; undefined when empty. */
  spdxExpression: string | undefined
  /** Fail, rather than succeed quietly, when the version already exists on FlakeHub. */
  errorOnConflict: boolean
  /** Record the derivation and output paths of each flake output. */
  includeOutputPaths: boolean
  /** Skip the all-systems evaluation and send an empty outputs document. */
  myFlakeIsTooBig: boolean
  /** How many `nix` processes evaluate side by side (`evaluators`); 'auto': one per core. */
  evaluators: Evaluators
  /** Dry run: write the release to this absolute folder and contact no service. */
  destDir: string | undefined
  /** The limits of every network call, from the `FLAKEHUB_PUSH_TIMEOUT_*` variables. */
  timeouts: Timeouts
  /** The command's: GitHub's GraphQL API, when given. */
  githubGraphqlUrl: string | undefined
  /** The command's: the development JWT issuer, `''` when none. */
  jwtIssuerUri: string
  /** The command's: where the outputs are written as well, an absolute path. */
  outputsFile: string | undefined
  /** How this run names its settings in later messages (`rev`, or `--rev`). */
  spelling: Spelling
}

/**
 * What reading the settings gave: the settings, or every problem found; and either way the
 * warnings and notes to show and the secrets to keep out of the log (masked before anything is
 * shown). The reader itself shows nothing and registers nothing: its caller does.
 */
export type Reading = { warnings: string[]; notes: string[]; secrets: string[] } & (
  { settings: Settings; problems?: undefined } | { problems: string[]; settings?: undefined }
)

/** Where the run happens says what a setting is when it is not given. */
export interface Defaults {
  /** `GITHUB_REPOSITORY`. */
  repository: string
  /** `GITHUB_REF_NAME`: the default tag. */
  refName: string
  /** The working directory (`GITHUB_WORKSPACE` on a runner), where `git-root` is resolved. */
  workspace: string
  /** The variable {@link repository} came from (`GITHUB_REPOSITORY` unless said; '' for none). */
  repositoryFrom?: string
  /** The variable {@link refName} came from (`GITHUB_REF_NAME` unless said). */
  refNameFrom?: string
  /** The default revision, when the place names the commit it checked out. */
  rev?: string
  /** `git-root` when not given, instead of {@link workspace}: the repository's top. */
  gitRoot?: string
  /**
   * The folder the run started in: `directory`, when not given, is the nearest folder at or
   * above it, inside the Git root, that holds flake.nix (as Nix finds a flake from a folder).
   */
  startFolder?: string
}

/** How problems name a setting and show what to write: as action inputs, or as flags. */
export interface Spelling {
  /** The setting a problem is about, at the start of the problem: "Input `tag`". */
  setting(setting: Setting): string
  /** The setting mentioned in a sentence: "`tag`". */
  ref(setting: Setting): string
  /** How to set it: "`tag: v1.2.3`" (a boolean's value is `true`). */
  write(setting: Setting, value: string): string
}

/** Where the settings are read from: the action's inputs, or the command's flags and variables. */
export interface SettingSource {
  /** What was given for `setting`, as given; `''` when nothing was. */
  value(setting: Setting): string
  spelling: Spelling
  /** What reading the source itself found wrong (an unknown flag, a stray argument). */
  problems: readonly string[]
  /**
   * The settings a misspelled name was meant for (`--visiblity`): the misspelling's problem says
   * so, and none is added for such a setting left empty.
   */
  misspelled?: ReadonlySet<Setting>
  /** What to say of settings given that mean nothing here (the established tool's own). */
  ignored(given: readonly { setting: Setting; value: string }[]): {
    warnings: string[]
    notes: string[]
  }
}

/** The file system, as far as the settings look at it: folders that must exist. */
export interface Folders {
  /** The real path (symlinks resolved) of `folder` if it is a folder, else undefined. */
  realFolder(folder: string): string | undefined
  /** What is at `where`: a folder, something else, or nothing. */
  kind(where: string): 'folder' | 'other' | 'none'
  /** Whether a file (of any kind) is at `where`. */
  exists(where: string): boolean
}
