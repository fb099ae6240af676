/**
 * Keeping secrets out of what the action prints: presigned URLs, bodies a server echoes back,
 * GraphQL error messages. The runner masks registered secrets too; this does not rely on it.
 */

export const REDACTED = '***'

const known = new Set<string>()

/** Redact this exact value wherever it appears from now on (a token the action was given). */
export function rememberSecret(secret: string): void {
  if (secret.length >= 4) known.add(secret)
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
  [/("(?:token|value|access_token|password|secret)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`]
]

/** The text with every token, signature and remembered secret replaced by `***`. */
export function redactText(text: string): string {
  let out = text
  for (const secret of known) out = out.split(secret).join(REDACTED)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** The start of a body, on one line, redacted: what an error may quote of an answer. */
export function bodyStart(body: string, max = 200): string {
  // Redacted whole before it is cut, so that no cut can leave half a secret unrecognised.
  const start = redactText(body.replace(/\s+/g, ' ').trim())
  return start.length > max ? `${start.slice(0, max)}…` : start
}
