/**
 * Keeping secrets out of what the run shows: the tokens it was given or fetched ({@link Secrets},
 * one object per run, which the entry point builds and hands to everything that shows text),
 * presigned URLs, bodies a server echoes back, GraphQL error messages. The runner masks
 * registered secrets too; this does not rely on it. Imports nothing of this project.
 */

export const REDACTED = '***'

/** A remembered secret is found by any run of this many of its characters, or more. */
export const PIECE = 12

/**
 * The run's secrets, known in one place: a value {@link add}ed here is masked where the run
 * happens (the runner's `add-mask` on GitHub) and redacted from every text shown from then on,
 * also when cut: a service may echo only the start or the end of a token, so any {@link PIECE}
 * or more consecutive characters of it are redacted. A secret shorter than that is matched whole;
 * one shorter than 4 characters is no token and is ignored.
 */
export class Secrets {
  /** Remembered secrets shorter than {@link PIECE}: matched whole. */
  private readonly short = new Set<string>()
  /** Every {@link PIECE}-character piece of each longer remembered secret. */
  private readonly pieces = new Set<string>()
  private readonly known = new Set<string>()

  /** `mask`: how the place hides a value from its log (GitHub: a mask the runner applies). */
  constructor(private readonly mask: (value: string) => void = () => {}) {}

  /** Keep `value` out of everything shown from now on. */
  add(value: string): void {
    if (value.length < 4 || this.known.has(value)) return
    this.known.add(value)
    this.mask(value)
    if (value.length < PIECE) this.short.add(value)
    else for (let i = 0; i + PIECE <= value.length; i++) this.pieces.add(value.slice(i, i + PIECE))
  }

  /** `text` with every remembered secret, whole or cut, replaced by `***`. */
  hide(text: string): string {
    let out = text
    for (const secret of this.short) out = out.split(secret).join(REDACTED)
    return hidePieces(out, this.pieces)
  }

  /** `text` with every remembered secret, token, signature and credential replaced by `***`. */
  redact(text: string): string {
    return redactPatterns(this.hide(text))
  }

  /** The start of a body, on one line, redacted: what an error may quote of an answer. */
  bodyStart(body: string, max = 200): string {
    // Redacted whole before it is cut, so that no cut can leave half a secret unrecognised.
    const start = this.redact(body.replace(/\s+/g, ' ').trim())
    return start.length > max ? `${start.slice(0, max)}…` : start
  }
}

/**
 * The text with every run of {@link PIECE} or more characters that lies inside a remembered
 * secret replaced by `***`: each window of the text is looked up among the secrets' pieces,
 * and the windows found are merged, so the cost is linear in the text's length.
 */
function hidePieces(out: string, pieces: ReadonlySet<string>): string {
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
    return redactPatterns(url)
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

/** The text with every token, signature and credential the patterns know replaced by `***`. */
export function redactPatterns(text: string): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}
