/** Publishing a finished release: size check, token, then FlakeHub's stage, upload, publish. */
import { FlakeHubClient } from './flakehub.js'
import { HttpTransport } from './http.js'
import { Release } from './release.js'
import { log } from './reporter.js'
import { Settings } from './settings.js'
import { Outcome } from './summary.js'
import { Credential, IdTokenSource } from './token.js'

/** FlakeHub refuses tarballs larger than this many bytes. */
export const MAX_TARBALL_BYTES = 50_000_000

/** Refuse a tarball FlakeHub would refuse, naming the files that make it big. */
export function checkUploadSize(release: Release): void {
  const { tarball } = release
  if (tarball.size <= MAX_TARBALL_BYTES) return
  const largest = tarball.largestFiles
    .map(f => `  ${f.size.toLocaleString('en-US').padStart(14)}  ${f.path}`)
    .join('\n')
  throw new Error(
    `The tarball is ${tarball.size.toLocaleString('en-US')} bytes; FlakeHub accepts at most ` +
      `${MAX_TARBALL_BYTES.toLocaleString('en-US')}. The largest files in the source (bytes before compression):\n` +
      `${largest}\nRemove large files from the flake's source (Git-tracked files under its folder), or publish a subflake with \`directory\`.`
  )
}

export interface PublishServices {
  http: HttpTransport
  idToken: IdTokenSource
  /** The owner named in the event, for the registration message. */
  owner: string
  /** Once aborted (the run was cancelled), no token is asked for; `http` stops on its own. */
  signal?: AbortSignal
}

export async function publishRelease(
  release: Release,
  settings: Settings,
  services: PublishServices
): Promise<Outcome> {
  checkUploadSize(release)
  const { signal } = services
  const idToken: IdTokenSource = audience => {
    signal?.throwIfAborted()
    return services.idToken(audience, signal)
  }
  const credential = await Credential.forRelease(release, settings.audience, idToken)
  const flakehub = new FlakeHubClient(settings.host, services.http, credential, settings.timeouts)
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
