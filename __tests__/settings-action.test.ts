// The action's source of settings (src/settings/action.ts) on its own: which setting is read from
// an input, which from a variable, which from neither; how problems name them; what it says of
// the established action's inputs that mean nothing here. Every expected text is written out.
import { describe, expect, it } from '@jest/globals'
import { INPUT_SPELLING, actionSource } from '../src/settings/action.js'
import { SETTINGS } from '../src/settings/table.js'

/** Inputs as the runner hands them over: '' for one not given. */
const inputs =
  (given: Record<string, string>) =>
  (name: string): string =>
    given[name] ?? ''

describe("the action's values", () => {
  const env = {
    FLAKEHUB_PUSH_TIMEOUT_STAGE: '12',
    FLAKEHUB_PUSH_OUTPUTS_FILE: 'out.env',
    FLAKEHUB_PUSH_VISIBILITY: 'private'
  }
  const source = actionSource(inputs({ visibility: 'public', 'source-tag': 'v1' }), env)

  it('reads an input by its name, never its variable', () => {
    expect(source.value(SETTINGS.visibility)).toBe('public')
    expect(source.value(SETTINGS.sourceTag)).toBe('v1')
    expect(source.value(SETTINGS.tag)).toBe('')
  })

  it('reads a limit from its variable, and nothing when the variable is unset', () => {
    expect(source.value(SETTINGS.stageTimeout)).toBe('12')
    expect(source.value(SETTINGS.publishTimeout)).toBe('')
  })

  it("reads nothing of a command's own setting, even when its variable is set", () => {
    expect(source.value(SETTINGS.outputsFile)).toBe('')
    expect(source.value(SETTINGS.verbose)).toBe('')
  })

  it('has no problems of its own', () => {
    expect(source.problems).toEqual([])
  })
})

describe('how the action names a setting', () => {
  it.each([
    ['an input', SETTINGS.rollingMinor, 'Input `rolling-minor`', '`rolling-minor`'],
    [
      'a limit',
      SETTINGS.stageTimeout,
      'Environment variable `FLAKEHUB_PUSH_TIMEOUT_STAGE`',
      '`FLAKEHUB_PUSH_TIMEOUT_STAGE`'
    ],
    ['a flag of the command', SETTINGS.outputsFile, 'Input `outputs-file`', '`outputs-file`']
  ])('names %s', (_, setting, atStart, inSentence) => {
    expect(INPUT_SPELLING.setting(setting)).toBe(atStart)
    expect(INPUT_SPELLING.ref(setting)).toBe(inSentence)
  })

  it('shows how to write an input in the workflow', () => {
    expect(INPUT_SPELLING.write(SETTINGS.tag, 'v1.2.3')).toBe('`tag: v1.2.3`')
    expect(INPUT_SPELLING.write(SETTINGS.rolling, 'true')).toBe('`rolling: true`')
    // A command's own setting has no input: it is written under its name all the same.
    expect(INPUT_SPELLING.write(SETTINGS.outputsFile, 'x.env')).toBe('`outputs-file: x.env`')
  })
})

describe("the established action's inputs", () => {
  const source = actionSource(inputs({}), {})

  it('says nothing when none is given', () => {
    expect(source.ignored([])).toEqual({ warnings: [], notes: [] })
  })

  it('warns once, the binary inputs first, then the logging ones, in the order given', () => {
    const given = [
      { setting: SETTINGS.logger, value: 'json' },
      { setting: SETTINGS.sourceUrl, value: 'https://x' },
      { setting: SETTINGS.logDirectives, value: 'debug' },
      { setting: SETTINGS.flakehubPushBinary, value: 'b' }
    ]
    expect(source.ignored(given)).toEqual({
      warnings: [
        'These inputs are ignored: source-url, flakehub-push-binary, logger, log-directives. ' +
          'They chose the binary or the log format of the established flakehub-push action; ' +
          'this action runs natively (use step debug logging for detail).'
      ],
      notes: []
    })
  })
})

describe('a misspelled input', () => {
  /** The problems and misspelled settings the action's source finds in `env`. */
  const given = (env: Record<string, string>) => {
    const source = actionSource(inputs({}), env)
    return { problems: source.problems, misspelled: [...(source.misspelled ?? [])] }
  }

  it('is one problem naming the input meant, and marks that setting as misspelled', () => {
    expect(given({ INPUT_VISIBLITY: 'public' })).toEqual({
      problems: ['Input `visiblity`: is not an input of this action; did you mean `visibility`?'],
      misspelled: [SETTINGS.visibility]
    })
    expect(given({ 'INPUT_ROLLING-MINR': '3', INPUT_TAG: 'v1.0.0' })).toEqual({
      problems: [
        'Input `rolling-minr`: is not an input of this action; did you mean `rolling-minor`?'
      ],
      misspelled: [SETTINGS.rollingMinor]
    })
  })

  it('is not an input spelled right, in the runner’s upper case', () => {
    expect(given({ INPUT_VISIBILITY: 'public', 'INPUT_ROLLING-MINOR': '2' })).toEqual({
      problems: [],
      misspelled: []
    })
  })

  it('is no variable but an INPUT_ one, however near an input’s', () => {
    expect(given({ INPUTVISIBILITY: 'public', VISIBLITY: 'public', XINPUT_TAG: 'v1' })).toEqual({
      problems: [],
      misspelled: []
    })
  })

  it('is left to the runner when no input is near it', () => {
    expect(given({ INPUT_SOMETHING_ELSE: 'x', INPUT_FOO: 'y' })).toEqual({
      problems: [],
      misspelled: []
    })
  })
})
