// Test support: fast-check with a fixed seed, and generators of near misses. Every property test
// imports `fc` from here, never from 'fast-check' itself (__tests__/fast-check-seed.test.ts
// checks), so that a failure seen once is seen again: each run draws the same values unless
// FC_SEED asks for others, and a failure names the seed that reproduces it.
import fc from 'fast-check'

/** The seed when FC_SEED is not set: any fixed number does, this one is the issue's date. */
export const DEFAULT_SEED = 20_260_518

/** The seed FC_SEED asks for (a whole number, as a failure prints it), else {@link DEFAULT_SEED}. */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  const text = (env.FC_SEED ?? '').trim()
  if (text === '') return DEFAULT_SEED
  if (!/^-?\d{1,10}$/.test(text)) {
    throw new Error(`FC_SEED: "${text}" is not a seed; write the whole number a failure printed.`)
  }
  return Number(text)
}

export const SEED = seedFrom(process.env)

/** How a failure reads: fast-check's own report, then how to run it again. */
export function failureReport(details: fc.RunDetails<unknown>): string {
  return (
    `${fc.defaultReportMessage(details) ?? 'The property failed.'}\n` +
    `Seed ${details.seed}${details.seed === DEFAULT_SEED ? ' (the fixed default)' : ''}: ` +
    `FC_SEED=${details.seed} npm test -- <this file> runs the same values again.`
  )
}

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  seed: SEED,
  reporter: details => {
    if (details.failed) throw new Error(failureReport(details))
  }
})

export { fc }

// Near misses: values one step from a rule's edge, which uniform random strings almost never hit.

/** The spellings of a boolean the inputs accept, and words one step from them. */
export const booleanish: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('true', 'True', 'TRUE', 'false', 'False', 'FALSE'),
  fc.constantFrom('untrue', 'true1', 'truefalse', 'ttrue', 'nottrue', 'falsey', 'unfalse'),
  fc.constantFrom('yes', 'no', 'on', 'off', '1', '0', 't', 'f', 'y', 'n', ' true ', '\ttrue'),
  fc.mixedCase(fc.constantFrom('true', 'false'))
)

/** Numbers of seconds as a person writes them, and near misses. */
export const secondsLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('30', '0030', '030', '0.5', '.5', '5.', '+30', '-30', '3e1', '0x1e', '30s'),
  fc.constantFrom('1,5', '1.2345', '0', '0.0', '0.0001', '86400', '86400.001', '86401', '1e3'),
  fc.constantFrom('Infinity', 'NaN', '', ' ', '1 000', '١٢', '３０'),
  fc
    .tuple(
      fc.stringMatching(/^0{0,2}$/),
      fc.integer({ min: 0, max: 9_999_999 }),
      fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined })
    )
    .map(
      ([zeros, whole, fraction]) =>
        `${zeros}${whole}${fraction === undefined ? '' : `.${fraction}`}`
    )
)

/** The name of a presigned URL's signature parameter in any mix of cases: X-AMZ-SIGNATURE, x-Amz-signature. */
export const amzSignatureName: fc.Arbitrary<string> = fc.mixedCase(
  fc.constantFrom('x-amz-signature', 'x-amz-credential', 'x-amz-security-token')
)

/** `n` lower-case hexadecimal digits. */
const hexDigits = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n })

/** Commit SHAs of Git's two hashes (40 and 64 hex digits, either case), one digit off, or not hex. */
export const revisionLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(40, 64, 1, 7, 39, 41, 63, 65, 80).chain(hexDigits),
  fc
    .constantFrom(40, 64)
    .chain(hexDigits)
    .map(v => v.toUpperCase()),
  fc
    .tuple(fc.constantFrom(39, 63).chain(hexDigits), fc.constantFrom('g', 'z', 'G', ' ', '-'))
    .map(([digits, odd]) => `${digits}${odd}`)
)

/** `owner/project` names and near misses: an empty side, a slash too many, a space. */
export const flakeNameLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('owner/', '/project', '/', 'owner', 'owner//project', 'owner/project/'),
  fc.constantFrom('a/b/c', ' owner/project', 'owner /project', 'owner/pro ject', 'owner\\project'),
  fc
    .tuple(
      fc.stringMatching(/^[\w.-]{0,12}$/),
      fc.constantFrom('/', '//', ''),
      fc.stringMatching(/^[\w.-]{0,12}$/)
    )
    .map(([owner, slash, project]) => `${owner}${slash}${project}`)
)
