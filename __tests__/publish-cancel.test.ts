// Publishing after a signal: no token is asked for, and no FlakeHub call starts.
import { describe, expect, it, jest } from '@jest/globals'

jest.unstable_mockModule('@actions/core', () => ({
  info: jest.fn(),
  debug: jest.fn(),
  setSecret: jest.fn(),
  isDebug: () => false
}))
const { publishRelease } = await import('../src/publish.js')
const { Cancelled } = await import('../src/errors.js')
const { DEFAULT_TIMEOUTS } = await import('../src/timeouts.js')
type Release = import('../src/release.js').Release
type Settings = import('../src/settings.js').Settings
type HttpRequest = import('../src/http.js').HttpRequest

const release = {
  uploadName: 'owner/flake',
  version: '0.1.5+rev-abc',
  flakeRefs: { atLeast: 'owner/flake/0.1.5+rev-abc', exact: 'owner/flake/=0.1.5+rev-abc' },
  metadata: { repo: 'owner/flake', outputs: { json: '{}', counts: {} } },
  tarball: { path: '/nonexistent', size: 20, sha256: 'x', largestFiles: [] }
} as unknown as Release
const settings = {
  audience: 'api.flakehub.test',
  host: 'https://api.flakehub.test',
  errorOnConflict: false,
  timeouts: DEFAULT_TIMEOUTS
} as unknown as Settings
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJleHAiOjQxMDI0NDQ4MDB9.sig' // expires in 2100

describe('publishing, cancelled', () => {
  it('asks for no token and calls nothing once the run is cancelled', async () => {
    const controller = new AbortController()
    const reason = new Cancelled('SIGINT')
    controller.abort(reason)
    const idToken = jest.fn(async () => TOKEN)
    const send = jest.fn(async () => ({ status: 200, headers: {}, body: '{}' }))
    const publishing = publishRelease(release, settings, {
      http: { send, signal: controller.signal },
      idToken,
      owner: 'owner',
      signal: controller.signal
    })
    await expect(publishing).rejects.toBe(reason)
    expect(idToken).not.toHaveBeenCalled()
    expect(send).not.toHaveBeenCalled()
  })

  it('makes no further call once cancelled during one', async () => {
    const controller = new AbortController()
    const reason = new Cancelled('SIGTERM')
    const calls: string[] = []
    const send = jest.fn(async (request: HttpRequest) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`)
      controller.abort(reason) // the signal comes while FlakeHub answers the token check
      return { status: 200, headers: {}, body: '{}' }
    })
    const publishing = publishRelease(release, settings, {
      http: { send, signal: controller.signal },
      idToken: async () => TOKEN,
      owner: 'owner',
      signal: controller.signal
    })
    await expect(publishing).rejects.toBe(reason)
    expect(calls).toEqual(['GET /token/status'])
  })
})
