/**
 * The environment every child process (`nix`, `git`) gets: this process's, without the
 * variables that hold a token or lead to one. The evaluation is pure, so a flake cannot read
 * the environment anyway (`builtins.getEnv` gives ""); this is defence in depth, for a Nix
 * plugin, a Git hook or a bug that would otherwise see them.
 *
 * The list is of names, not a pattern such as `*_TOKEN`: Nix itself may need credentials of
 * its own (AWS_SESSION_TOKEN for an S3 binary cache, say), which it reads without any flake
 * seeing them.
 */

/** Tokens that this tool, GitHub's runner or GitLab's hand to the job. */
export const TOKEN_VARIABLES: readonly string[] = [
  // GitHub Actions: the OIDC request (its bearer token and URL), the runner's own tokens.
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  // The command's token sources and its GitHub token.
  'FLAKEHUB_PUSH_OIDC_TOKEN',
  'FLAKEHUB_PUSH_GITHUB_TOKEN',
  // GitLab CI: the job's ID token (as the README declares it) and its job tokens.
  'GITLAB_JWT_ID_TOKEN',
  'CI_JOB_TOKEN',
  'CI_JOB_JWT',
  'CI_JOB_JWT_V1',
  'CI_JOB_JWT_V2',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPLOY_PASSWORD'
]

/** Whether a variable must not reach a child: a known token, or any action input. */
export function isTokenVariable(name: string): boolean {
  // Every action input (INPUT_GITHUB-TOKEN among them) is the action's, not a child's.
  return TOKEN_VARIABLES.includes(name) || name.toUpperCase().startsWith('INPUT_')
}

/** `env` without the token variables, plus `extra`. */
export function childEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isTokenVariable(name)) kept[name] = value
  }
  return { ...kept, ...extra }
}
