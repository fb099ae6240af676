// Test support: the shapes of the stand-ins (stand-ins.ts): their endpoints, options, the log
// of requests, the tokens they issue, and what a test reads of them.
import type { Fault } from './faults.js'

export type Endpoint = 'oidc' | 'graphql' | 'status' | 'stage' | 'upload' | 'publish' | 'issuer'

export interface GraphqlRepository {
  owner: string
  name: string
  databaseId: number
  ownerDatabaseId: number
  ownerType: 'User' | 'Organization'
  spdxId: string | null
  topics: string[]
  commits: Record<string, number> // sha → the commit's history totalCount
}

export interface StandInOptions {
  tokenLifetimeSeconds?: number // exp - iat of issued OIDC tokens; may be fractional (default 300)
  registered?: boolean // false → GET /token/status answers 401 (default true)
  existing?: string[] // "<name>/<version>" already on FlakeHub: staging them answers 409
  faults?: Partial<Record<Endpoint, Fault[]>> // one per request to that endpoint, in order
  repository?: GraphqlRepository | null // what GraphQL answers; null → NOT_FOUND (default below)
  githubToken?: string // the token GraphQL requests must carry (default `ghs_test_token`)
  acceptTokensForMs?: number // FlakeHub calls a token expired this long after issue, whatever its exp says
  uploadDelayMs?: number // the S3 stand-in holds each upload's answer this long
}

export interface LogEntry {
  at: number // Date.now() when the request arrived
  endpoint: Endpoint | 'unknown'
  method: string
  path: string // without the query
  status: number | 'reset' | 'stall' | 'hang'
  detail?: string
  token?: string // the bearer token a FlakeHub API request carried
}

export interface IssuedToken {
  token: string
  audience: string
  issuedAt: number // ms
  expiresAt: number // ms
  development?: true // issued by the development issuer (audience flakehub-localhost)
}

export type Staged = { uuid: string; name: string; version: string; size: number; sha256: string }
export type Published = { name: string; version: string; uuid: string; tarball: Buffer }

export interface StandIns {
  baseUrl: string // http://127.0.0.1:<port>
  env: Record<string, string> // ACTIONS_ID_TOKEN_REQUEST_*, GITHUB_{GRAPHQL,API,SERVER}_URL
  host: string // the FlakeHub API, for the action's `host` input: `${baseUrl}/api`
  githubToken: string // what GraphQL expects: pass it as the `github-token` input
  log: LogEntry[]
  issuedTokens: IssuedToken[]
  staged: (Staged & { metadata: unknown })[]
  uploads: { uuid: string; body: Buffer }[]
  published: (Published & { metadata: unknown })[]
  devClaims: Record<string, unknown>[] // the claims each development token request sent
  /** A token FlakeHub accepts, as a CI outside GitHub would hand it over (e.g. GitLab's). */
  mintToken(audience?: string): string
  problems: string[] // every protocol violation noticed; tests assert it is empty
  close(): Promise<void>
}

/** What GraphQL answers when no `repository` option is given. */
export const DEFAULT_REPOSITORY: GraphqlRepository = {
  owner: 'owner',
  name: 'project',
  databaseId: 1001,
  ownerDatabaseId: 2002,
  ownerType: 'User',
  spdxId: 'MIT',
  topics: [],
  commits: {}
}

/** The audience of development tokens (section 13 of the protocol). */
export const DEV_AUDIENCE = 'flakehub-localhost'
