/** Publishing a finished release: size check, token, then FlakeHub's stage, upload, publish. */
import { FlakeHubClient } from './client.js'
import type { Log, Outcome } from '../log.js'
import { Release } from '../release.js'
import type { Secrets } from '../secrets.js'
import type { Settings, Spelling } from '../settings/settings.js'
import type { Setting } from '../settings/setting.js'
import { Credential, IdTokenSource } from './token.js'
import type { HttpTransport } from './wire.js'
import { inputOf } from '../settings/setting.js'
import { SETTINGS } from '../settings/table.js'

/** FlakeHub refuses tarballs larger than this many bytes. */
export const MAX_TARBALL_BYTES = 50_000_000

/** How the action names a setting, for callers that give no spelling. */
const INPUT_REF = { ref: (setting: Setting) => `\`${inputOf(setting)}\`` }

/**
 * Why FlakeHub would refuse the tarball, naming the files that make it big, or undefined. `spelling`
 * names the setting for a subflake as the run's source does (`directory`, `--directory`).
 */
export function uploadSizeProblem(
  release: Release,
  spelling: Pick<Spelling, 'ref'> = INPUT_REF
): string | undefined {
  const { tarball } = release
  if (tarball.size <= MAX_TARBALL_BYTES) return undefined
  const largest = tarball.largestFiles
    .map(f => `  ${f.size.toLocaleString('en-US').padStart(14)}  ${f.path}`)
    .join('\n')
  return (
    `The tarball is ${tarball.size.toLocaleString('en-US')} bytes; FlakeHub accepts at most ` +
    `${MAX_TARBALL_BYTES.toLocaleString('en-US')}. The largest files in the source (bytes before compression):\n` +
    `${largest}\nRemove large files from the flake's source (Git-tracked files under its folder), or publish a subflake with ${spelling.ref(SETTINGS.directory)}.`
  )
}

/** Refuse a tarball FlakeHub would refuse, naming the files that make it big. */
export function checkUploadSize(release: Release, spelling?: Pick<Spelling, 'ref'>): void {
  const problem = uploadSizeProblem(release, spelling)
  if (problem !== undefined) throw new Error(problem)
}

export interface PublishServices {
  http: HttpTransport
  idToken: IdTokenSource
  /** The owner named in the event, for the registration message. */
  owner: string
  /** Once aborted (the run was cancelled), no token is asked for; `http` stops on its own. */
  signal?: AbortSignal
  /** Where the publish tells what it does. */
  log: Log
  /** The run's secrets: the token joins them, and they are kept out of every message. */
  secrets: Secrets
  /** The time, for the token's expiry (Date.now by default). */
  now?: () => number
}

export async function publishRelease(
  release: Release,
  settings: Settings,
  services: PublishServices
): Promise<Outcome> {
  checkUploadSize(release, settings.spelling)
  const { signal } = services
  const idToken: IdTokenSource = audience => {
    signal?.throwIfAborted()
    return services.idToken(audience, signal)
  }
  const { log, secrets, now } = services
  const credential = await Credential.forRelease(release, settings.audience, idToken, {
    log,
    secrets,
    now
  })
  const flakehub = new FlakeHubClient(
    settings.host,
    services.http,
    credential,
    settings.timeouts,
    log,
    secrets
  )
  await flakehub.checkToken(services.owner)
  const staged = await flakehub.stage(release)
  if (staged.kind === 'exists') {
    if (settings.errorOnConflict)
      throw new Error(`${release.uploadName}/${release.version} already exists on FlakeHub.`)
    log.info(
      `${release.uploadName}/${release.version} already exists on FlakeHub; nothing to publish.`
    )
    return 'already-published'
  }
  log.info(`Staged upload ${staged.uuid}; uploading ${release.tarball.size} bytes.`)
  await flakehub.upload(staged.uploadUrl, release)
  await flakehub.publish(staged.uuid)
  log.info(`Published ${release.flakeRefs.atLeast}.`)
  return 'published'
}
