import { describe, expect, it } from '@jest/globals'

const { Secrets } = await import('../src/secrets.js')
const { readFacts } = await import('../src/places/github-graphql.js')
const { AnswerError } = await import('../src/flakehub/answers.js')

const CALL = { what: 'GitHub GraphQL', method: 'POST', url: 'https://api.github.test/graphql' }
const json = (body: unknown, status = 200) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})
const read = (response: ReturnType<typeof json>) =>
  readFacts(response, CALL, 'owner/project', 'a'.repeat(40), new Secrets())

describe("reading GitHub's answer", () => {
  it('reads the commit count, topics and licence, NOASSERTION as no licence', () => {
    const repository = {
      databaseId: 1,
      owner: { __typename: 'Organization', databaseId: 2 },
      licenseInfo: { spdxId: 'NOASSERTION' },
      object: { history: { totalCount: 12 } },
      repositoryTopics: { edges: [{ node: { topic: { name: 'nix' } } }] }
    }
    expect(read(json({ data: { repository } }))).toEqual({
      revision: 'a'.repeat(40),
      commitCount: 12,
      topics: ['nix'],
      spdxIdentifier: null,
      githubIds: { repository: 1, owner: 2 }
    })
  })

  it('redacts tokens that GraphQL error messages quote', () => {
    const token = 'ghs_0123456789abcdefghijABCDEFGHIJ'
    const errors = [{ message: `Token ${token} cannot see owner/project` }]
    expect(() => read(json({ data: { repository: null }, errors }))).toThrow(
      'GitHub has no repository owner/project that this token can see (Token ghs_*** cannot see owner/project).'
    )
  })

  it('names the call, status, content type and body of a refusal', () => {
    expect(() => read(json({ message: 'Bad credentials' }, 401))).toThrow(
      `GitHub's GraphQL API could not be asked about owner/project: POST /graphql answered HTTP 401 (application/json): {"message":"Bad credentials"}.`
    )
  })

  it('takes a proxy page for a passing fault, worth another attempt', () => {
    const page = {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>login</html>'
    }
    let error: unknown
    try {
      read(page)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AnswerError)
    expect((error as InstanceType<typeof AnswerError>).retriable).toBe(true)
    expect((error as Error).message).toMatch(
      /^GitHub GraphQL \(POST \/graphql\) answered with an HTML page where JSON belongs: HTTP 200 \(text\/html\): <html>login<\/html>\./
    )
  })
})
