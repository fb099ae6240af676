/**
 * Keeping secrets out of what the action prints: presigned URLs, bodies a server echoes back,
 * GraphQL error messages. The runner masks registered secrets too; this does not rely on it.
 */

export const REDACTED = '***'

/** A remembered secret is found by any run of this many of its characters, or more. */
export const PIECE = 12

/** Remembered secrets shorter than {@link PIECE}: matched whole. */
const short = new Set<string>()
/** Every {@link PIECE}-character piece of each longer remembered secret. */
const pieces = new Set<string>()

/**
 * Redact this value wherever it appears from now on (a token the action was given), also cut:
 * a service may echo only the start or the end of a token, so any {@link PIECE} or more
 * consecutive characters of it are redacted. A secret shorter than that is matched whole.
 */
export function rememberSecret(secret: string): void {
  if (secret.length < 4) return
  if (secret.length < PIECE) short.add(secret)
  else for (let i = 0; i + PIECE <= secret.length; i++) pieces.add(secret.slice(i, i + PIECE))
}

/**
 * The text with every run of {@link PIECE} or more characters that lies inside a remembered
 * secret replaced by `***`: each window of the text is looked up among the secrets' pieces,
 * and the windows found are merged, so the cost is linear in the text's length.
 */
function redactRemembered(text: string): string {
  let out = text
  for (const secret of short) out = out.split(secret).join(REDACTED)
  if (pieces.size === 0 || out.length < PIECE) return out
  let result = ''
  let kept = 0 // text before this index is in result already
  let coveredTo = -1 // the end of the run of found windows, or -1 outside one
  let runStart = 0
  for (let i = 0; i + PIECE <= out.length; i++) {
    if (!pieces.has(out.slice(i, i + PIECE))) continue
    if (i > coveredTo) {
      if (coveredTo >= 0) {
        result += out.slice(kept, runStart) + REDACTED
        kept = coveredTo
      }
      runStart = i
    }
    coveredTo = i + PIECE
  }
  if (coveredTo >= 0) {
    result += out.slice(kept, runStart) + REDACTED
    kept = coveredTo
  }
  return result + out.slice(kept)
}

/** A query parameter whose value is a credential or a signature. */
const SECRET_PARAMETER = /^(x-amz-.*|signature|sig|token|access_token|key|code)$/i

/** The URL with the values of `X-Amz-*` and other credential parameters replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactText(url)
  }
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter(pair => pair !== '')
    .map(pair => {
      const equals = pair.indexOf('=')
      const name = equals < 0 ? pair : pair.slice(0, equals)
      let decoded = name
      try {
        decoded = decodeURIComponent(name)
      } catch {
        // An undecodable name is shown as it came.
      }
      return equals >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair
    })
  parsed.username = parsed.username === '' ? '' : REDACTED
  parsed.password = parsed.password === '' ? '' : REDACTED
  parsed.search = query.length === 0 ? '' : `?${query.join('&')}`
  return parsed.toString()
}

/** The path of a URL, without its query: what a message may name of a call. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.replace(/[?#].*$/s, '')
  }
}

const PATTERNS: [RegExp, string][] = [
  // JSON Web Tokens (OIDC tokens): three base64url parts, the first a JSON object.
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, REDACTED],
  // GitHub tokens: ghp_, gho_, ghu_, ghs_, ghr_, github_pat_.
  [/(gh[pousr]_|github_pat_)\w+/g, `$1${REDACTED}`],
  // Bearer and basic credentials echoed from a header.
  [/\b(bearer|basic)(\s+)[\w.~+/=-]{8,}/gi, `$1$2${REDACTED}`],
  // Presigned URL parameters, in a URL or in a form body: X-Amz-Signature=… and the like.
  [/(X-Amz-[\w-]+=)[^&\s"'<>\\]*/gi, `$1${REDACTED}`],
  // JSON fields that carry credentials.
  [/("(?:token|value|access_token|password|secret)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`],
  // S3 error bodies (XML): what was signed, the signature, the key id and the session token.
  // The content runs to the next tag, or to the end of a body that was cut inside it.
  [
    /(<(?:SignatureProvided|StringToSign|StringToSignBytes|CanonicalRequest|CanonicalRequestBytes|AWSAccessKeyId|Credential|X-Amz-Security-Token|SecurityToken)(?:\s[^>]*)?>)[^<]*/gi,
    `$1${REDACTED}`
  ]
]

/** The text with every token, signature and remembered secret replaced by `***`. */
export function redactText(text: string): string {
  let out = redactRemembered(text)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** The start of a body, on one line, redacted: what an error may quote of an answer. */
export function bodyStart(body: string, max = 200): string {
  // Redacted whole before it is cut, so that no cut can leave half a secret unrecognised.
  const start = redactText(body.replace(/\s+/g, ' ').trim())
  return start.length > max ? `${start.slice(0, max)}…` : start
}
