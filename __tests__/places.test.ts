// The places a run happens in, each on its own: how each is recognised, the defaults its
// variables give, and the token a CI hands over, checked before the evaluation.
import { describe, expect, it } from '@jest/globals'
import { ci } from '../src/places/ci.js'
import { github } from '../src/places/github.js'
import { gitlab } from '../src/places/gitlab.js'
import { givenTokenProblem } from '../src/places/given-token.js'
import { PLACES, detectPlace } from '../src/places/list.js'
import { local } from '../src/places/local.js'
import type { Settings } from '../src/settings/settings.js'

describe('the place', () => {
  it('is detected in the order GitHub, GitLab, another CI, a developer machine', () => {
    const all = { GITHUB_ACTIONS: 'true', GITLAB_CI: 'true', FLAKEHUB_PUSH_OIDC_TOKEN: 't' }
    expect(detectPlace(all)).toBe(github)
    expect(detectPlace({ ...all, GITHUB_ACTIONS: '' })).toBe(gitlab)
    expect(detectPlace({ FLAKEHUB_PUSH_OIDC_TOKEN: 't' })).toBe(ci)
    expect(detectPlace({ CI: 'true' })).toBe(local)
    // Only the value the CI itself sets counts: `false` (as scripts and gitlab-ci-local say) is not it.
    expect(detectPlace({ GITHUB_ACTIONS: 'false', GITLAB_CI: 'false' })).toBe(local)
    expect(detectPlace({ GITHUB_ACTIONS: 'false', GITLAB_CI: 'true' })).toBe(gitlab)
    expect(detectPlace({ GITLAB_CI: '1', FLAKEHUB_PUSH_OIDC_TOKEN: ' ' })).toBe(local)
    expect(PLACES.map(place => place.name)).toEqual([
      'GitHub Actions',
      'GitLab CI',
      'CI (FLAKEHUB_PUSH_OIDC_TOKEN)',
      "a developer's machine"
    ])
  })

  it("takes GitHub's defaults from the runner's variables, the workspace being the folder where none is set", () => {
    const env = { GITHUB_REPOSITORY: 'o/p', GITHUB_REF_NAME: 'v1.0.0', GITHUB_WORKSPACE: '/w' }
    expect(github.enter(env, '/x').defaults).toEqual({
      repository: 'o/p',
      refName: 'v1.0.0',
      workspace: '/w'
    })
    expect(github.enter({}, '/x').defaults).toEqual({
      repository: '',
      refName: '',
      workspace: '/x'
    })
  })

  it("takes GitLab's defaults, the tag from CI_COMMIT_TAG before CI_COMMIT_REF_NAME", () => {
    const env = {
      CI_PROJECT_DIR: '/builds/g/p',
      CI_PROJECT_PATH: 'g/s/p',
      CI_COMMIT_SHA: 'a'.repeat(40),
      CI_COMMIT_REF_NAME: 'main'
    }
    expect(gitlab.enter(env, '/x').defaults).toEqual({
      repository: 'g/s/p',
      repositoryFrom: 'CI_PROJECT_PATH',
      refName: 'main',
      refNameFrom: 'CI_COMMIT_REF_NAME',
      workspace: '/builds/g/p',
      rev: 'a'.repeat(40),
      startFolder: '/x'
    })
    expect(gitlab.enter({ ...env, CI_COMMIT_TAG: 'v2.0.0' }, '/x').defaults).toMatchObject({
      refName: 'v2.0.0',
      refNameFrom: 'CI_COMMIT_TAG'
    })
    expect(local.enter(env, '/x').defaults).toMatchObject({ repository: '', workspace: '/x' })
  })
})

describe('a token given in a variable', () => {
  const now = Date.parse('2025-03-01T12:00:00Z')
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const jwt = (claims: unknown) => `${part({ alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`
  const at = (iso: string) => Date.parse(iso) / 1000

  it.each([
    [jwt({ exp: at('2025-03-01T12:00:01Z') }), undefined],
    [
      jwt({ exp: at('2025-03-01T12:00:00Z') }),
      'expired at 2025-03-01T12:00:00.000Z, 0 seconds ago'
    ],
    [jwt({ exp: at('2025-03-01T11:59:59Z') }), 'expired at 2025-03-01T11:59:59.000Z, 1 second ago'],
    [jwt({ exp: at('2025-03-01T11:59:00Z') }), 'expired at 2025-03-01T11:59:00.000Z, 1 minute ago'],
    [
      jwt({ exp: at('2025-03-01T11:18:00Z') }),
      'expired at 2025-03-01T11:18:00.000Z, 42 minutes ago'
    ],
    [jwt({ exp: -1e300 }), 'expired long ago (its `exp` is out of range)'],
    [jwt({ exp: '1740830400' }), 'has no expiry: its claims hold no numeric `exp`'],
    [jwt({ sub: 'x' }), 'has no expiry: its claims hold no numeric `exp`'],
    [jwt([1, 2]), 'is not a JWT: its middle part is not a JSON object'],
    [jwt(null), 'is not a JWT: its middle part is not a JSON object'],
    [`${part({})}.bm90IGpzb24.sig`, 'is not a JWT: its middle part is not a JSON object'],
    [
      `${part({})}.${part({ exp: 1 })}.`,
      'is not a JWT: its last (signature) part is not base64url text'
    ],
    [`${part({})}.a+b/c=.sig`, 'is not a JWT: its middle (claims) part is not base64url text'],
    [
      'glpat-0123456789abcdefghij',
      'is not a JWT (three base64url parts joined by dots): it has 1 part'
    ],
    ['a.b', 'is not a JWT (three base64url parts joined by dots): it has 2 parts']
  ])('judges %j as %j', (token, problem) => {
    expect(givenTokenProblem(token, now)).toBe(problem)
  })

  const settings = (destDir?: string) => ({ audience: 'api.flakehub.com', destDir }) as Settings
  const expired = jwt({ exp: Math.floor(Date.now() / 1000) - 600 })
  const live = jwt({ exp: Math.floor(Date.now() / 1000) + 600 })

  it('refuses an expired FLAKEHUB_PUSH_OIDC_TOKEN before the evaluation, saying what to do and not the token', () => {
    const place = ci.enter({ FLAKEHUB_PUSH_OIDC_TOKEN: expired }, '/x')
    let message = ''
    try {
      place.check(settings(), Date.now())
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(
      /^FLAKEHUB_PUSH_OIDC_TOKEN expired at \d{4}-\d\d-\d\dT[\d:.]+Z, 10 minutes ago\. Put a fresh OIDC token \(a JWT\) for the audience api\.flakehub\.com into FLAKEHUB_PUSH_OIDC_TOKEN, made by your CI in the same job, right before this command\.$/
    )
    for (const piece of expired.split('.')) expect(message).not.toContain(piece)
    expect(() =>
      ci.enter({ FLAKEHUB_PUSH_OIDC_TOKEN: live }, '/x').check(settings(), Date.now())
    ).not.toThrow()
  })

  it("refuses GitLab's token when it is not a JWT, pointing at the job's id_tokens", () => {
    const place = gitlab.enter({ GITLAB_JWT_ID_TOKEN: 'glpat-abcdefghijklmnop' }, '/x')
    expect(() => place.check(settings(), Date.now())).toThrow(
      new Error(
        "GITLAB_JWT_ID_TOKEN is not a JWT (three base64url parts joined by dots): it has 1 part. GitLab makes this token for each job from the job's `id_tokens:`, and it lives as long as the job's timeout: declare it there (not as a variable of your own) and run the job again.\n\nid_tokens:\n  GITLAB_JWT_ID_TOKEN:\n    aud: api.flakehub.com"
      )
    )
  })

  it('does not look at the token in a dry run, which needs none', () => {
    for (const place of [ci, gitlab]) {
      const env = { FLAKEHUB_PUSH_OIDC_TOKEN: expired, GITLAB_JWT_ID_TOKEN: 'not-a-jwt' }
      expect(() => place.enter(env, '/x').check(settings('/tmp/out'), Date.now())).not.toThrow()
    }
  })
})
