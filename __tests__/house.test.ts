// The shape of the house (issue 15), measured on src/ with TypeScript's own parser: no import
// cycle (type-only imports included), no function over 60 lines, no file over 400 lines.
import { describe, expect, it } from '@jest/globals'
import { importCycles, readSources } from './support/house.js'

const MAX_FUNCTION_LINES = 60
const MAX_FILE_LINES = 400

const files = readSources()

describe('the house', () => {
  it('has no import cycle in src/, type-only imports included', () => {
    expect(importCycles(files)).toEqual([])
  })

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap(file =>
      file.functions
        .filter(fn => fn.lines > MAX_FUNCTION_LINES)
        .map(fn => `${file.name} ${fn.name}`)
    )
    expect(long).toEqual([])
  })

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const big = files.filter(file => file.lines > MAX_FILE_LINES).map(file => file.name)
    expect(big).toEqual([])
  })
})
