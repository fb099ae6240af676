// Text from the flake or from Nix, printed where something reads it as more than text: the
// runner (workflow commands), the job summary (HTML), a terminal (control sequences).
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { escapeControls } from '../src/cli/report.js'
import { printInert } from '../src/reporter.js'
import { escapeHtml } from '../src/summary.js'
import { runnerCommands } from './support/runner-commands.js'

describe('printing for the runner', () => {
  let printed: string[] = []
  afterEach(() => {
    jest.restoreAllMocks()
    printed = []
  })
  const capture = (): void => {
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      printed.push(String(chunk))
      return true
    })
  }

  it.each([
    ['a command at the start of a line', ['::warning::pwned']],
    ['a command after blanks', ['   ::error file=x::pwned']],
    ['the older form, anywhere in a line', ['text ##[warning]pwned']],
    ['a command after a newline inside one line', ['ok\n::warning::pwned']],
    ['a command after a carriage return', ['ok\r::warning::pwned']],
    ['a stop that would silence what follows', ['::stop-commands::guessed', '::warning::pwned']]
  ])('lets the runner carry out nothing of %s', (_, lines) => {
    capture()
    printInert(lines)
    const text = printed.join('')
    const commands = runnerCommands(`${text}::notice::after`)
    // Only the frame itself, and the command that follows it, are read.
    expect(commands.map(c => c.name)).toEqual(['stop-commands', 'notice'])
    expect(commands[0].message).toMatch(/^[0-9a-f]{32}$/)
    // The text itself is all there, as it was.
    for (const line of lines) expect(text).toContain(line)
  })

  it('frames each text with a token of its own', () => {
    capture()
    printInert(['::a::'])
    printInert(['::a::'])
    const tokens = runnerCommands(printed.join('')).map(c => c.message)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]).not.toBe(tokens[1])
  })

  it('prints plain lines plainly, without a frame', () => {
    capture()
    printInert(['Flake git+file:///r?rev=abc', 'a: b'])
    expect(printed.join('')).toBe('Flake git+file:///r?rev=abc\na: b\n')
  })
})

describe('text for the job summary', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    [`"quoted" and Nix's`, "&quot;quoted&quot; and Nix's"],
    ['&amp; already', '&amp;amp; already'],
    ['plain owner/flake 0.1.2+rev-abc', 'plain owner/flake 0.1.2+rev-abc']
  ])('shows %j as %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html)
  })
})

describe('text for a terminal', () => {
  it.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['a\rb', 'a\\rb'],
    ['bell\x07', 'bell\\x07'],
    ['nul\x00', 'nul\\x00'],
    ['del\x7f', 'del\\x7f'],
    ['csi\u009b31m', 'csi\\u009b31m'],
    ['line\nbreak\tand tab', 'line\nbreak\tand tab'],
    ['ünïcødé ✓ 🎉', 'ünïcødé ✓ 🎉']
  ])('shows %j as %j', (text, shown) => {
    expect(escapeControls(text)).toBe(shown)
  })
})
