/** Dry run: the release written to a folder instead of FlakeHub. Contacts no service. */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Release, metadataJson } from './release.js'

/** Move the tarball to `<destDir>/<version>.tar.gz` and write `<version>.json` beside it. */
export async function writeRelease(
  release: Release,
  destDir: string
): Promise<{ tarball: string; metadata: string }> {
  await fs.mkdir(destDir, { recursive: true })
  const tarball = path.join(destDir, `${release.version}.tar.gz`)
  const metadata = path.join(destDir, `${release.version}.json`)
  await fs.rename(release.tarball.path, tarball)
  await fs.writeFile(metadata, `${metadataJson(release.metadata, true)}\n`)
  return { tarball, metadata }
}
