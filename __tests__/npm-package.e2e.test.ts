// End to end: the npm package as a user installs it. `npm pack` of this checkout, installed
// globally and offline from the packed file with npm under each Node this run has (the machine's,
// Node 20 here, and the runners' Node 24; in the Debian chroots only Node 24), each with a cache, a
// config and a prefix of its own. The installed command then makes a real dry run of a fixture
// flake with the real Nix. The README's install lines run as written against a loopback registry
// that serves the same packed file.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import semver from 'semver'
import { threeCommits, tmp } from './support/cli.js'
import { nixJson, unpackedNarHash } from './support/nix.js'
import {
  PACKAGE_JSON,
  REPO,
  Registry,
  nodesUnderTest,
  npmHome,
  pack,
  shellIn,
  startRegistry
} from './support/npm.js'

const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')

/** The fenced block after `<!-- example: name -->`. */
function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(
    readme
  )
  if (match === null) throw new Error(`the README has no example "${name}"`)
  return match[1]
}

/** What npm printed that is a warning or an error (npm's own prefixes). */
const complaints = (text: string): string[] =>
  text.split('\n').filter(line => /^npm (warn|WARN|error|ERR!)/.test(line))

/** The four outputs a dry run prints, one to a line, and the NAR hash check of its tarball. */
function expectDryRun(repo: string, revision: string, dest: string): void {
  const version = `0.1.3+rev-${revision}`
  expect(fs.readdirSync(dest).sort()).toEqual([`${version}.json`, `${version}.tar.gz`])
  const flake = nixJson<{ locked: { narHash: string } }>([
    'flake',
    'metadata',
    '--json',
    '--no-write-lock-file',
    `git+file://${repo}?rev=${revision}`
  ])
  expect(unpackedNarHash(path.join(dest, `${version}.tar.gz`))).toBe(flake.locked.narHash)
}

let registry: Registry | undefined
afterEach(async () => {
  await registry?.close()
  registry = undefined
})

describe('the npm package', () => {
  it('holds the command, the Nix files it reads and the licences of what it bundles, nothing more', () => {
    expect(pack().files).toEqual([
      'README.md',
      'dist/cli-licenses.txt',
      'dist/cli.js',
      'dist/inspect-flake.nix',
      'dist/inspect.nix',
      'dist/share.nix',
      'dist/show-check.nix',
      // undici, which only a proxy needs, read beside dist/cli.js on first use (bundle.test).
      'dist/undici-licenses.txt',
      'dist/undici.cjs',
      'package.json'
    ])
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', pack().file, 'package/package.json'], { encoding: 'utf8' })
    ) as Record<string, unknown>
    expect(manifest.private).toBeUndefined()
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.bin).toEqual({ 'flakehub-push': 'dist/cli.js' })
    // What the bundle needs at run time is inside it: its licences name what it carries.
    const licences = fs.readFileSync(path.join(REPO, 'dist', 'cli-licenses.txt'), 'utf8')
    expect(licences.split('\n')).toEqual(
      expect.arrayContaining(['@actions/core', 'tar-stream', 'semver', 'spdx-expression-parse'])
    )
    const undici = fs.readFileSync(path.join(REPO, 'dist', 'undici-licenses.txt'), 'utf8')
    expect(undici.split('\n')).toContain('undici')
  })

  it.each(nodesUnderTest())(
    'declares in engines the Node it is tested with ($label)',
    ({ node }) => {
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
      expect(semver.satisfies(version, PACKAGE_JSON.engines.node)).toBe(true)
    }
  )

  describe.each(nodesUnderTest())('under $label', ({ node }) => {
    it('installs offline from the packed file, alone and with no warning, and the installed command makes a dry run', async () => {
      const home = npmHome(node)
      const { file } = pack()
      const install = await shellIn(
        home,
        path.dirname(file),
        `npm install --global --offline --prefix '${home.prefix}' ./${path.basename(file)}`
      )
      expect(complaints(install.stdout + install.stderr)).toEqual([])
      expect(install.stderr).toBe('')
      expect(install.exitCode).toBe(0)
      expect(install.stdout).toMatch(/^added 1 package in /m)
      const installed = path.join(home.prefix, 'lib', 'node_modules', PACKAGE_JSON.name)
      expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false)
      expect(fs.realpathSync(path.join(home.prefix, 'bin', 'flakehub-push'))).toBe(
        path.join(installed, 'dist', 'cli.js')
      )

      const { repo, revision } = threeCommits()
      const which = await shellIn(home, repo, 'command -v flakehub-push; flakehub-push --version')
      expect(which.stderr).toBe('')
      expect(which.stdout).toBe(
        `${path.join(home.prefix, 'bin', 'flakehub-push')}\nflakehub-push ${PACKAGE_JSON.version}\n`
      )
      const dest = path.join(tmp('npm-dry-run-'), 'release')
      const run = await shellIn(
        home,
        repo,
        `flakehub-push --visibility public --repository my-org/my-flake --rolling --dest-dir '${dest}'`
      )
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain(`my-org/my-flake/=0.1.3+rev-${revision}`)
      expectDryRun(repo, revision, dest)
    })
  })

  it("the README's install lines: from npm, then the command at once with npx", async () => {
    const node = nodesUnderTest().at(-1)?.node ?? process.execPath
    registry = await startRegistry(pack())
    const home = npmHome(node, { npm_config_registry: registry.url })
    const { repo, revision } = threeCommits()
    const install = await shellIn(home, repo, example('install'))
    expect(complaints(install.stdout + install.stderr)).toEqual([])
    expect(install.exitCode).toBe(0)
    expect(install.stdout).toContain(`flakehub-push ${PACKAGE_JSON.version}\n`)
    expect(fs.existsSync(path.join(home.prefix, 'bin', 'flakehub-push'))).toBe(true)

    const fresh = npmHome(node, { npm_config_registry: registry.url })
    const npx = await shellIn(fresh, repo, example('npx'))
    expect(complaints(npx.stdout + npx.stderr)).toEqual([])
    expect(npx.exitCode).toBe(0)
    expectDryRun(repo, revision, path.join(repo, 'flakehub-out'))
    expect(registry.requests).toContain(
      `GET /${PACKAGE_JSON.name}/-/${PACKAGE_JSON.name}-${PACKAGE_JSON.version}.tgz`
    )
  })

  it("the README's install from a clone: npm pack, then the packed file", async () => {
    const node = nodesUnderTest().at(-1)?.node ?? process.execPath
    // A clone as far as npm pack is concerned: the package's manifest, README and dist/.
    const clone = tmp('npm-clone-')
    for (const name of ['package.json', 'README.md', 'dist'])
      fs.cpSync(path.join(REPO, name), path.join(clone, name), { recursive: true })
    const home = npmHome(node)
    const run = await shellIn(home, clone, example('install-clone'))
    expect(complaints(run.stdout + run.stderr)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`flakehub-push ${PACKAGE_JSON.version}\n`)
    expect(fs.existsSync(path.join(home.prefix, 'bin', 'flakehub-push'))).toBe(true)
  })
})
