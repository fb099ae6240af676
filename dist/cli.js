#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3057:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 9580:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 3587:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 3867:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(3587)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 3326:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var scan = __nccwpck_require__(6849)
var parse = __nccwpck_require__(5501)

module.exports = function (source) {
  return parse(scan(source))
}


/***/ }),

/***/ 5501:
/***/ ((module) => {



// The ABNF grammar in the spec is totally ambiguous.
//
// This parser follows the operator precedence defined in the
// `Order of Precedence and Parentheses` section.

module.exports = function (tokens) {
  var index = 0

  function hasMore () {
    return index < tokens.length
  }

  function token () {
    return hasMore() ? tokens[index] : null
  }

  function next () {
    if (!hasMore()) {
      throw new Error()
    }
    index++
  }

  function parseOperator (operator) {
    var t = token()
    if (t && t.type === 'OPERATOR' && operator === t.string) {
      next()
      return t.string
    }
  }

  function parseWith () {
    if (parseOperator('WITH')) {
      var t = token()
      if (t && t.type === 'EXCEPTION') {
        next()
        return t.string
      }
      throw new Error('Expected exception after `WITH`')
    }
  }

  function parseLicenseRef () {
    // TODO: Actually, everything is concatenated into one string
    // for backward-compatibility but it could be better to return
    // a nice structure.
    var begin = index
    var string = ''
    var t = token()
    if (t.type === 'DOCUMENTREF') {
      next()
      string += 'DocumentRef-' + t.string + ':'
      if (!parseOperator(':')) {
        throw new Error('Expected `:` after `DocumentRef-...`')
      }
    }
    t = token()
    if (t === null) {
      throw new Error('Unexpected end of input')
    }
    if (t.type === 'LICENSEREF') {
      next()
      string += 'LicenseRef-' + t.string
      var node = { license: string }
      var exception = parseWith()
      if (exception) {
        node.exception = exception
      }
      return node
    }
    index = begin
  }

  function parseLicense () {
    var t = token()
    if (t && t.type === 'LICENSE') {
      next()
      var node = { license: t.string }
      if (parseOperator('+')) {
        node.plus = true
      }
      var exception = parseWith()
      if (exception) {
        node.exception = exception
      }
      return node
    }
  }

  function parseParenthesizedExpression () {
    var left = parseOperator('(')
    if (!left) {
      return
    }

    var expr = parseExpression()

    if (!parseOperator(')')) {
      throw new Error('Expected `)`')
    }

    return expr
  }

  function parseAtom () {
    return (
      parseParenthesizedExpression() ||
      parseLicenseRef() ||
      parseLicense()
    )
  }

  function makeBinaryOpParser (operator, nextParser) {
    return function parseBinaryOp () {
      var left = nextParser()
      if (!left) {
        return
      }

      if (!parseOperator(operator)) {
        return left
      }

      var right = parseBinaryOp()
      if (!right) {
        throw new Error('Expected expression')
      }
      return {
        left: left,
        conjunction: operator.toLowerCase(),
        right: right
      }
    }
  }

  var parseAnd = makeBinaryOpParser('AND', parseAtom)
  var parseExpression = makeBinaryOpParser('OR', parseAnd)

  var node = parseExpression()
  if (!node || hasMore()) {
    throw new Error('Syntax error')
  }
  return node
}


/***/ }),

/***/ 6849:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



var licenses = []
  .concat(__nccwpck_require__(5204))
  .concat(__nccwpck_require__(3389))
var exceptions = __nccwpck_require__(3988)

module.exports = function (source) {
  var index = 0

  function hasMore () {
    return index < source.length
  }

  // `value` can be a regexp or a string.
  // If it is recognized, the matching source string is returned and
  // the index is incremented. Otherwise `undefined` is returned.
  function read (value) {
    if (value instanceof RegExp) {
      var chars = source.slice(index)
      var match = chars.match(value)
      if (match) {
        index += match[0].length
        return match[0]
      }
    } else {
      if (source.indexOf(value, index) === index) {
        index += value.length
        return value
      }
    }
  }

  function skipWhitespace () {
    read(/[ ]*/)
  }

  function operator () {
    var string
    var possibilities = [/^WITH/i, /^AND/i, /^OR/i, '(', ')', ':', '+']
    for (var i = 0; i < possibilities.length; i++) {
      string = read(possibilities[i])
      if (string) {
        break
      }
    }

    if (string === '+' && index > 1 && source[index - 2] === ' ') {
      throw new Error('Space before `+`')
    }

    return string && {
      type: 'OPERATOR',
      string: string.toUpperCase()
    }
  }

  function idstring () {
    return read(/[A-Za-z0-9-.]+/)
  }

  function expectIdstring () {
    var string = idstring()
    if (!string) {
      throw new Error('Expected idstring at offset ' + index)
    }
    return string
  }

  function documentRef () {
    if (read('DocumentRef-')) {
      var string = expectIdstring()
      return { type: 'DOCUMENTREF', string: string }
    }
  }

  function licenseRef () {
    if (read('LicenseRef-')) {
      var string = expectIdstring()
      return { type: 'LICENSEREF', string: string }
    }
  }

  function identifier () {
    var begin = index
    var string = idstring()

    if (licenses.indexOf(string) !== -1) {
      return {
        type: 'LICENSE',
        string: string
      }
    } else if (exceptions.indexOf(string) !== -1) {
      return {
        type: 'EXCEPTION',
        string: string
      }
    }

    index = begin
  }

  // Tries to read the next token. Returns `undefined` if no token is
  // recognized.
  function parseToken () {
    // Ordering matters
    return (
      operator() ||
      documentRef() ||
      licenseRef() ||
      identifier()
    )
  }

  var tokens = []
  while (hasMore()) {
    skipWhitespace()
    if (!hasMore()) {
      break
    }

    var token = parseToken()
    if (!token) {
      throw new Error('Unexpected `' + source[index] +
                      '` at offset ' + index)
    }

    tokens.push(token)
  }
  return tokens
}


/***/ }),

/***/ 6204:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(9580)
const FIFO = __nccwpck_require__(3867)
const TextDecoder = __nccwpck_require__(7934)

const StreamError = __nccwpck_require__(5657)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 5657:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 775:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 5763:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(6204)
const FIFO = __nccwpck_require__(3867)
const b4a = __nccwpck_require__(3057)
const headers = __nccwpck_require__(8428)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = headers.decodePax(buf)
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? headers.decodePax(buf)
          : Object.assign({}, this._paxGlobal, headers.decodePax(buf))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return
    }

    this._continueWrite(null)
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 8428:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -1 * sum
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* unused reexport */ __nccwpck_require__(5763)
exports.pack = __nccwpck_require__(861)


/***/ }),

/***/ 861:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(6204)
const b4a = __nccwpck_require__(3057)

const constants = __nccwpck_require__(775)
const headers = __nccwpck_require__(8428)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 7934:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(7256)
const UTF8Decoder = __nccwpck_require__(6414)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 7256:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 6414:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _package_json__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8330);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6049);
/* harmony import */ var _places_list_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2443);
/* harmony import */ var _places_text_reporter_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(771);
/* harmony import */ var _process_signals_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(396);
/* harmony import */ var _real_services_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5700);
/* harmony import */ var _settings_command_line_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8859);
/* harmony import */ var _settings_read_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3826);
/**
 * The `flakehub-push` command (bundled into dist/cli.js): the established binary's flags and
 * variables, the place detected once, and the same pipeline as the action.
 */








const env = process.env;
const line = (0,_settings_command_line_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandLine */ .D)(process.argv.slice(2), env);
if (line.action === 'help') {
    process.stdout.write(`${(0,_settings_command_line_js__WEBPACK_IMPORTED_MODULE_6__/* .helpText */ .B)(_package_json__WEBPACK_IMPORTED_MODULE_0__/* .version */ .rE)}\n`);
}
else if (line.action === 'version') {
    process.stdout.write(`flakehub-push ${_package_json__WEBPACK_IMPORTED_MODULE_0__/* .version */ .rE}\n`);
}
else {
    const signal = (0,_process_signals_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelOnSignals */ .d)();
    const place = (0,_places_list_js__WEBPACK_IMPORTED_MODULE_2__/* .detectPlace */ .Z)(env).enter(env, process.cwd());
    const reading = (0,_settings_read_js__WEBPACK_IMPORTED_MODULE_7__/* .readSettings */ .sb)(line, place.defaults);
    const outputsFile = reading.settings?.outputsFile;
    const services = (0,_real_services_js__WEBPACK_IMPORTED_MODULE_5__/* .realServices */ .n)(place, (0,_settings_read_js__WEBPACK_IMPORTED_MODULE_7__/* .verbosityOf */ .xN)(line), signal, reporter => (0,_places_text_reporter_js__WEBPACK_IMPORTED_MODULE_3__/* .withOutputsFile */ .nG)(reporter, outputsFile));
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)(place, reading, services);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cJ: () => (/* binding */ Cancelled),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/** Turn any thrown value into a message a person can read. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/**
 * One or more inputs are wrong. Each problem names the input and says what to write instead;
 * they are reported together in a single annotation before anything else runs.
 */
class InputError extends Error {
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
/** The run was cancelled by a signal: the reason its AbortSignal carries. */
class Cancelled extends Error {
    constructor(signal) {
        super(`Cancelled by ${signal}.`);
        this.signal = signal;
        this.name = 'Cancelled';
    }
    /** The exit status of a program ended by the signal, as shells report it: 130 or 143. */
    get exitCode() {
        return 128 + (this.signal === 'SIGINT' ? 2 : 15);
    }
    /** The one line that says so; `publishing`: FlakeHub may have been told part of it. */
    report(publishing) {
        return publishing
            ? `The run was cancelled (${this.signal}) while publishing: FlakeHub may or may not have this version now; run it again to be sure.`
            : `The run was cancelled (${this.signal}) before anything was published: its Nix and Git processes are stopped and its scratch folder removed.`;
    }
}


/***/ }),

/***/ 8539:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ refusePage),
/* harmony export */   Ik: () => (/* binding */ object),
/* harmony export */   JN: () => (/* binding */ readAnswer),
/* harmony export */   O1: () => (/* binding */ describeAnswer),
/* harmony export */   Ob: () => (/* binding */ callRoute),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   YO: () => (/* binding */ array),
/* harmony export */   Yj: () => (/* binding */ string),
/* harmony export */   dV: () => (/* binding */ AnswerError),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   me: () => (/* binding */ nullable),
/* harmony export */   v1: () => (/* binding */ callLabel)
/* harmony export */ });
/* unused harmony exports contentType, parseAnswer */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7194);
/**
 * Service answers, checked at the edge: parsed as JSON and checked against exactly the fields
 * the code reads, so that an odd answer is one error naming the service, the call (method and
 * path, never the query), the status, the content type and the start of the body, redacted.
 *
 * The checks are a few hand-written combinators rather than a schema library: the action reads
 * a dozen fields from two services, and this file costs the bundle nothing at start-up, where
 * a library would add tens of kilobytes to load on every run for no check it could do better.
 *
 * Which odd answers are retried: a body that is not JSON at all (an HTML page from a proxy or
 * captive portal, an error page from a load balancer, a body cut short) comes from something
 * between the action and the service, and such things are usually passing; it is retried. A
 * JSON document of the wrong shape comes from the service itself and will not change on a
 * retry; it fails at once.
 */

/** `POST /upload/…`: the method and the path, never the query. */
function callRoute(call) {
    return `${call.method} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .pathOf */ .XM)(call.url)}`;
}
function callLabel(call) {
    return `${call.what} (${callRoute(call)})`;
}
function contentType(response) {
    const type = response.headers['content-type'];
    const first = Array.isArray(type) ? type[0] : type;
    return first === undefined || first.trim() === '' ? undefined : first.trim();
}
/** `HTTP 200 (text/html): <html>…`, the body's start redacted. */
function describeAnswer(response, secrets) {
    const type = contentType(response) ?? 'no content type';
    const start = secrets.bodyStart(response.body);
    return `HTTP ${response.status} (${type})${start === '' ? ', empty body' : `: ${start}`}`;
}
/** An answer the action cannot use. `retriable` says whether another attempt may get a good one. */
class AnswerError extends Error {
    constructor(message, retriable, 
    /** What went wrong, in a few words, for the log line of a retry. */
    reason = message) {
        super(message);
        this.retriable = retriable;
        this.reason = reason;
        this.name = 'AnswerError';
    }
}
/** `HTTP 200, text/html, 412 bytes`: an answer in a few words. */
const brief = (response) => `HTTP ${response.status}, ${contentType(response) ?? 'no content type'}, ${Buffer.byteLength(response.body)} bytes`;
const looksLikeHtml = (response) => /html/i.test(contentType(response) ?? '') || /^\s*</.test(response.body);
const PROXY_HINT = 'Something other than the service (a proxy, a captive portal, a firewall) may be answering in its place; ' +
    "check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).";
/** Refuse an HTML page where the service's own answer belongs (for answers without a body to read). */
function refusePage(call, response, secrets) {
    if (looksLikeHtml(response) && response.body.trim() !== '') {
        throw new AnswerError(`${callLabel(call)} answered with an HTML page: ${describeAnswer(response, secrets)}. ${PROXY_HINT}`, true, `an HTML page (${brief(response)})`);
    }
}
/** The JSON document of an answer; one that is not JSON is a retriable {@link AnswerError}. */
function parseAnswer(call, response, secrets) {
    try {
        return JSON.parse(response.body);
    }
    catch {
        const html = looksLikeHtml(response);
        const message = html
            ? `answered with an HTML page where JSON belongs: ${describeAnswer(response, secrets)}. ${PROXY_HINT}`
            : `answered with a body that is not JSON (cut short, or not from the service): ${describeAnswer(response, secrets)}.`;
        const reason = `${html ? 'an HTML page' : 'a body that is not JSON'} (${brief(response)})`;
        throw new AnswerError(`${callLabel(call)} ${message}`, true, reason);
    }
}
/** A value not of the expected shape, at `path`. */
class Mismatch extends Error {
    constructor(path, expected, actual) {
        super(`${path}: expected ${expected}`);
        this.path = path;
        this.expected = expected;
        this.actual = actual;
    }
}
const typed = (expected, ok) => (value, path) => {
    if (!ok(value))
        throw new Mismatch(path, expected, value);
    return value;
};
const string = typed('a string', v => typeof v === 'string');
const count = typed('a whole number', v => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);
const nullable = (check) => (value, path) => value === null ? null : check(value, path);
/** A field that may be missing (undefined), as GraphQL leaves fields out of other types. */
const optional = (check) => (value, path) => value === undefined ? undefined : check(value, path);
const array = (check) => (value, path) => {
    if (!Array.isArray(value))
        throw new Mismatch(path, 'a list', value);
    return value.map((item, i) => check(item, `${path}[${i}]`));
};
const object = (shape) => (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Mismatch(path, 'an object', value);
    }
    const record = value;
    const out = {};
    for (const [key, check] of Object.entries(shape)) {
        const own = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
        out[key] = check(own, path === '' ? key : `${path}.${key}`);
    }
    return out;
};
function shown(value, secrets) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${secrets.bodyStart(JSON.stringify(value), 40)}`;
}
/**
 * The answer, parsed and checked; an answer of another shape is one {@link AnswerError} (not
 * retried) that says which field is wrong and quotes the start of the body.
 */
function readAnswer(call, response, check, secrets) {
    const document = parseAnswer(call, response, secrets);
    try {
        return check(document, '');
    }
    catch (error) {
        if (!(error instanceof Mismatch))
            throw error;
        const where = error.path === '' ? 'the answer' : `\`${error.path}\``;
        throw new AnswerError(`${callLabel(call)} answered in a shape this action does not read: ${where} is ` +
            `${shown(error.actual, secrets)}, not ${error.expected}. The answer: ${describeAnswer(response, secrets)}.`, false);
    }
}


/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  MU: () => (/* binding */ TimeoutError),
  di: () => (/* binding */ adopt),
  Mm: () => (/* binding */ bounded)
});

;// CONCATENATED MODULE: external "node:async_hooks"
const external_node_async_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
;// CONCATENATED MODULE: external "node:diagnostics_channel"
const external_node_diagnostics_channel_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
// EXTERNAL MODULE: ./src/settings/timeouts.ts
var timeouts = __nccwpck_require__(9849);
;// CONCATENATED MODULE: ./src/flakehub/deadline.ts
/**
 * Deadlines for HTTP calls, whichever library makes them. `core.getIDToken` offers no timeout
 * and no way to cancel, so a deadline cannot be passed in: instead every request and socket
 * that Node creates inside {@link bounded} is seen on Node's diagnostics channels (an
 * `AsyncLocalStorage` context tells whose it is), and when the deadline passes they are
 * destroyed. The library's promise then fails on its own, no socket is left open to keep the
 * process alive, and no `process.exit` is needed.
 *
 * Node 22.14 and later announce each request as it is created (`http.client.request.created`);
 * older ones only once its body is sent (`http.client.request.start`), so there the new socket
 * (`net.client.socket`) covers the connection and {@link adopt} a request a body streams into.
 */



/** A call that ran out of time. Always worth another attempt. */
class TimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
const current = new external_node_async_hooks_namespaceObject.AsyncLocalStorage();
let subscribed = false;
function watchRequests() {
    if (subscribed)
        return;
    subscribed = true;
    const request = (message) => current.getStore()?.add(message.request);
    (0,external_node_diagnostics_channel_namespaceObject.subscribe)('http.client.request.created', request);
    (0,external_node_diagnostics_channel_namespaceObject.subscribe)('http.client.request.start', request);
    (0,external_node_diagnostics_channel_namespaceObject.subscribe)('net.client.socket', message => {
        current.getStore()?.addSocket(message.socket);
    });
}
/** Watch a request under the current deadline (one a body is piped into, for older Node). */
function adopt(request) {
    current.getStore()?.add(request);
}
/** Bytes moved so far on a socket, both ways. */
const moved = (socket) => socket === null ? 0 : socket.bytesWritten + socket.bytesRead;
/**
 * Run `call`, failing with a {@link TimeoutError} when a limit passes, or with the reason of
 * `signal` when it is aborted (the run was cancelled); every HTTP request it started is
 * destroyed then, and any it starts afterwards is destroyed at once. With `signal` aborted
 * already, `call` is not made.
 */
function bounded(limits, call, onAnswer, signal) {
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    watchRequests();
    return new Promise((resolve, reject) => {
        const bound = new Bound(limits, reject, onAnswer, signal);
        bound.start();
        current.run(bound, call).then(value => {
            if (bound.settle())
                resolve(value);
        }, (error) => {
            if (bound.settle())
                reject(error);
        });
    });
}
/**
 * One call's deadlines: the requests and sockets made within it, the timers of its limits, and
 * the stall watch of an upload. The first limit to pass, or the signal, ends it: every request
 * and socket is destroyed and the call's promise rejected.
 */
class Bound {
    constructor(limits, reject, onAnswer, signal) {
        this.limits = limits;
        this.reject = reject;
        this.onAnswer = onAnswer;
        this.signal = signal;
        this.requests = new Set();
        this.sockets = new Set();
        this.timers = new Set();
        this.connecting = new WeakSet();
        this.settled = false;
        this.cancel = () => {
            const reason = this.signal?.reason;
            this.stop(reason instanceof Error ? reason : new Error(String(reason)), reason);
        };
    }
    /** Set the limits going: the answer's (or the stall watch), the overall bound, the signal. */
    start() {
        const { limits } = this;
        this.signal?.addEventListener('abort', this.cancel, { once: true });
        if (limits.stallMs === undefined)
            this.answerBy();
        else
            this.watchStalls(limits.stallMs);
        if (limits.notAfter !== undefined) {
            this.later(limits.notAfter - Date.now(), () => this.fail('the overall time bound ran out'));
        }
    }
    /** The call ended on its own: true if no limit ended it first (its outcome then stands). */
    settle() {
        if (this.settled)
            return false;
        this.finish();
        return true;
    }
    addSocket(socket) {
        if (this.failure !== undefined)
            return void socket.destroy(this.failure);
        if (this.settled)
            return;
        this.sockets.add(socket);
        this.connectBy(socket);
    }
    add(request) {
        if (this.failure !== undefined)
            return void request.destroy(this.failure);
        if (this.settled || this.requests.has(request))
            return;
        this.requests.add(request);
        request.once('socket', socket => this.connectBy(socket));
        request.once('response', (response) => {
            const type = response.headers['content-type'];
            this.onAnswer?.({ status: response.statusCode ?? 0, contentType: type });
        });
        if (this.limits.stallMs !== undefined) {
            // All sent: now the other side works (checks the upload) before it answers.
            request.once('finish', () => {
                clearInterval(this.poll);
                this.answerBy();
            });
        }
    }
    later(ms, what) {
        // An event of the request after the call settled (its body's `finish` may come after the
        // answer) must start no timer: one left running would hold the process open.
        if (this.settled)
            return undefined;
        const timer = setTimeout(what, Math.max(0, ms));
        this.timers.add(timer);
        return timer;
    }
    finish() {
        this.settled = true;
        for (const timer of this.timers)
            clearTimeout(timer);
        clearInterval(this.poll);
        this.signal?.removeEventListener('abort', this.cancel);
    }
    stop(error, reason = error) {
        if (this.settled)
            return;
        this.failure = error;
        this.finish();
        for (const request of this.requests)
            request.destroy(error);
        for (const socket of this.sockets)
            socket.destroy(error);
        this.reject(reason);
    }
    fail(message) {
        this.stop(new TimeoutError(message));
    }
    /** A socket still connecting must connect within connectMs. */
    connectBy(socket) {
        if (!socket.connecting || this.connecting.has(socket))
            return;
        this.connecting.add(socket);
        const { connectMs } = this.limits;
        const timer = this.later(connectMs, () => this.fail(`no connection within ${(0,timeouts/* seconds */.YA)(connectMs)}`));
        socket.once('connect', () => clearTimeout(timer));
    }
    answerBy() {
        const { answerMs } = this.limits;
        this.later(answerMs, () => this.fail(`no answer within ${(0,timeouts/* seconds */.YA)(answerMs)}`));
    }
    /** Stall detection: sample the bytes moved; no change for `stallMs` is a stall. */
    watchStalls(stallMs) {
        let lastMoved = -1;
        let lastMoveAt = Date.now();
        const sample = () => {
            let total = 0;
            const all = new Set([...this.sockets, ...[...this.requests].map(r => r.socket)]);
            for (const socket of all)
                total += moved(socket);
            if (total !== lastMoved) {
                lastMoved = total;
                lastMoveAt = Date.now();
            }
            else if (Date.now() - lastMoveAt >= stallMs) {
                this.fail(`no progress for ${(0,timeouts/* seconds */.YA)(stallMs)} (${total} bytes moved)`);
            }
        };
        this.poll = setInterval(sample, Math.max(10, Math.min(1000, stallMs / 5)));
    }
}


/***/ }),

/***/ 4623:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  cv: () => (/* binding */ exchange),
  zm: () => (/* binding */ httpClientTransport),
  DM: () => (/* binding */ isRetriableStatus),
  oJ: () => (/* binding */ isSuccess),
  Jb: () => (/* binding */ retryPolicy),
  R$: () => (/* binding */ retrying)
});

// UNUSED EXPORTS: CutShort, DEFAULT_RETRY, OutOfTime, USER_AGENT, sendWithRetries

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(4942);
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./src/flakehub/answers.ts
var answers = __nccwpck_require__(8539);
// EXTERNAL MODULE: ./src/flakehub/deadline.ts + 2 modules
var deadline = __nccwpck_require__(7349);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/settings/timeouts.ts
var timeouts = __nccwpck_require__(9849);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __nccwpck_require__(2221);
;// CONCATENATED MODULE: ./src/flakehub/http.ts
/**
 * HTTP for every service the action talks to, over `@actions/http-client`, with deadlines on
 * every attempt ({@link bounded}) and one retry policy: network errors, timeouts, 429, 5xx and
 * answers that are not JSON at all are retried with bounded exponential backoff and jitter, a
 * log line each; a call that keeps failing ends in one error naming the call.
 */







const USER_AGENT = 'flakehub-push';
const DEFAULT_LIMITS = {
    connectMs: timeouts/* DEFAULT_TIMEOUTS */.Rh.connectMs,
    answerMs: timeouts/* DEFAULT_TIMEOUTS */.Rh.stageMs
};
/** An answer that stopped before its end: worth another attempt. */
class CutShort extends Error {
    constructor(message) {
        super(message);
        this.name = 'CutShort';
    }
}
/** The whole body of an answer; an answer that breaks off is an error, not a short body. */
function readAll(message) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > timeouts/* MAX_ANSWER_BYTES */.gB) {
                message.destroy(new CutShort(`the answer is longer than ${timeouts/* MAX_ANSWER_BYTES */.gB} bytes`));
            }
            else
                chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        message.on('error', error => reject(error instanceof CutShort ? error : new CutShort(`the answer broke off after ${size} bytes`)));
        message.on('close', () => {
            if (!message.complete)
                reject(new CutShort(`the answer broke off after ${size} bytes`));
        });
    });
}
/**
 * The real transport. Redirects are followed; retries are left to {@link retrying}; each
 * attempt is bounded by the request's limits, and stopped when `signal` is aborted.
 */
function httpClientTransport(signal) {
    const client = new lib/* HttpClient */.Qq(USER_AGENT, [], {
        allowRetries: false,
        keepAlive: true,
        // A backstop only: the request's own limits end every attempt long before.
        socketTimeout: 60 * 60000
    });
    return {
        signal,
        send({ method, url, headers = {}, body, limits = DEFAULT_LIMITS }) {
            let stream;
            // Each attempt bounded by its limits, and by the run's signal.
            const attempt = (call) => (0,deadline/* bounded */.Mm)(limits, call, undefined, signal);
            return attempt(async () => {
                stream = typeof body === 'function' ? body() : undefined;
                if (stream !== undefined) {
                    // The request the body is piped into is watched from the start, on any Node.
                    const pipe = stream.pipe.bind(stream);
                    stream.pipe = (into, options) => {
                        (0,deadline/* adopt */.di)(into);
                        return pipe(into, options);
                    };
                }
                const data = body === undefined ? null : typeof body === 'string' ? body : stream;
                const response = await client.request(method, url, data ?? null, headers);
                return {
                    status: response.message.statusCode ?? 0,
                    headers: response.message.headers,
                    body: await readAll(response.message)
                };
            }).finally(() => {
                // A file left half read by a failed attempt is closed; the next one opens it afresh.
                ;
                stream?.destroy?.();
            });
        }
    };
}
const DEFAULT_RETRY = {
    attempts: timeouts/* RETRY_ATTEMPTS */.Km,
    baseDelayMs: timeouts/* DEFAULT_TIMEOUTS */.Rh.retryDelayMs,
    maxDelayMs: timeouts/* RETRY_MAX_DELAY_MS */.Pb,
    sleep: (ms, signal) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal }),
    random: Math.random
};
/**
 * The policy of a run: the defaults, with the first wait as the run's limits set it, retries
 * told to `log`, and `secrets` kept out of every message.
 */
function retryPolicy(limits, log, secrets) {
    return { ...DEFAULT_RETRY, baseDelayMs: limits.retryDelayMs, log, secrets };
}
/** A 2xx status. */
function isSuccess(status) {
    return status >= 200 && status <= 299;
}
/** A status worth trying again: too many requests, or a server-side failure. */
function isRetriableStatus(status) {
    return status === 429 || status >= 500;
}
/** Retries stopped because the overall time bound ran out; `reason` is the last failure's. */
class OutOfTime extends Error {
    constructor(what, reason) {
        super(`${what} was still failing when the overall time bound ran out (the last attempt: ${reason})`);
        this.what = what;
        this.reason = reason;
        this.name = 'OutOfTime';
    }
}
/**
 * Run `attempt` until `judge` finds nothing to retry, or attempts run out. `judge` sees a
 * result or an error and returns why it is worth another try (with an optional wait the other
 * side asked for), or undefined to hand it on. A retry that would start past the policy's
 * `notAfter` is not made: {@link OutOfTime} is thrown instead.
 */
async function retrying(what, attempt, judge, policy) {
    const { signal } = policy;
    for (let n = 1;; n++) {
        let outcome;
        try {
            outcome = { value: await attempt() };
        }
        catch (error) {
            outcome = { error };
        }
        signal?.throwIfAborted();
        const verdict = judge(outcome);
        if (verdict === undefined || n >= policy.attempts) {
            if ('error' in outcome)
                throw outcome.error;
            return outcome.value;
        }
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
        const delay = Math.min(policy.maxDelayMs, verdict.waitMs ?? Math.round(backoff * (0.5 + policy.random() / 2)));
        if (policy.notAfter !== undefined && Date.now() + delay >= policy.notAfter) {
            throw new OutOfTime(what, verdict.reason);
        }
        policy.log(`${what}: ${verdict.reason}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${policy.attempts}).`);
        await policy.sleep(delay, signal).catch((error) => {
            throw signal?.aborted ? signal.reason : error;
        });
    }
}
/** Why a failed attempt is worth another, or undefined. */
function transportReason(error, secrets) {
    if (error instanceof deadline/* TimeoutError */.MU || error instanceof CutShort)
        return error.message;
    return `network error (${secrets.redact((0,errors/* errorMessage */.gJ)(error)).replace(/\s+/g, ' ')})`;
}
/**
 * One call: send `request`, retrying network errors, timeouts, 429, 5xx and retriable
 * {@link AnswerError}s, and turn the answer into a value with `read` (which also decides what
 * every other status means). A call that keeps failing ends in one error naming it.
 */
async function exchange(transport, what, request, read, policy) {
    const own = new WeakSet();
    const signal = transport.signal ?? policy.signal;
    let last;
    try {
        last = await retrying(what, async () => {
            const response = await transport.send(request);
            if (isRetriableStatus(response.status))
                return { response, read: false };
            try {
                return { response, read: true, value: read(response) };
            }
            catch (error) {
                if (typeof error === 'object' && error !== null)
                    own.add(error);
                throw error;
            }
        }, outcome => judgeAttempt(outcome, own, policy.secrets), { ...policy, notAfter: request.limits?.notAfter ?? policy.notAfter, signal });
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        throw callFailure(error, { what, method: request.method, url: request.url }, own, policy);
    }
    return last.read ? last.value : read(last.response);
}
/**
 * Why an attempt is worth another, or undefined: network errors, timeouts, 429 and 5xx (with
 * the wait the other side asked for), and answers that are not JSON at all; never an error of
 * the call's own reading (`own`).
 */
function judgeAttempt(outcome, own, secrets) {
    if ('error' in outcome) {
        const { error } = outcome;
        if (error instanceof answers/* AnswerError */.dV)
            return error.retriable ? { reason: error.reason } : undefined;
        if (typeof error === 'object' && error !== null && own.has(error))
            return undefined;
        return { reason: transportReason(error, secrets) };
    }
    if (outcome.value.read)
        return undefined;
    const { response } = outcome.value;
    const retryAfter = Number(response.headers['retry-after']);
    return {
        reason: `HTTP ${response.status}`,
        waitMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined
    };
}
/** The one error a call that kept failing ends in, naming it; its own errors as they are. */
function callFailure(error, call, own, policy) {
    if (error instanceof OutOfTime) {
        return new Error(`${(0,answers/* callLabel */.v1)(call)} was still failing when the overall time bound of the publish ran out; ` +
            `the last attempt: ${error.reason}. The bound is set by ${table/* SETTINGS */.yy.publishBudget.variable} (seconds).`, { cause: error });
    }
    if (error instanceof answers/* AnswerError */.dV)
        return error;
    if (typeof error === 'object' && error !== null && own.has(error))
        return error;
    return new Error(`${(0,answers/* callLabel */.v1)(call)} failed ${policy.attempts} times; the last attempt: ${transportReason(error, policy.secrets)}. ` +
        `Check the runner's connection to ${hostOf(call.url)}.`, { cause: error });
}
const hostOf = (url) => {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the service';
    }
};
/** Send a request, retrying network errors, timeouts, 429 and 5xx. The last answer is returned. */
function sendWithRetries(transport, what, request, policy) {
    return exchange(transport, what, request, response => response, policy);
}


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ mergeLabels),
/* harmony export */   u_: () => (/* binding */ splitLabels)
/* harmony export */ });
/* unused harmony exports MAX_LABELS, MAX_LABEL_LENGTH */
/** Release labels: the `extra-labels` input merged with the repository's topics. */
/** FlakeHub keeps at most this many labels. */
const MAX_LABELS = 25;
/** A label is made of alphanumerics and `-`, at most this long. */
const MAX_LABEL_LENGTH = 50;
const LABEL = /^[a-z0-9-]+$/;
/** Split a comma-separated input into trimmed, non-empty pieces. */
function splitLabels(input) {
    return input
        .split(',')
        .map(s => s.trim())
        .filter(s => s !== '');
}
/**
 * Merge labels: extra labels first, then topics; each trimmed and lower-cased; invalid ones
 * (characters other than alphanumerics and `-`, or too long) dropped *before* the limit is
 * applied; duplicates dropped keeping the first; at most {@link MAX_LABELS}; order stable.
 */
function mergeLabels(extraLabels, topics) {
    const seen = new Set();
    for (const raw of [...extraLabels, ...topics]) {
        const label = raw.trim().toLowerCase();
        if (label.length > MAX_LABEL_LENGTH || !LABEL.test(label))
            continue;
        seen.add(label);
        if (seen.size === MAX_LABELS)
            break;
    }
    return [...seen];
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L7: () => (/* binding */ shows),
/* harmony export */   iL: () => (/* binding */ COMMAND_MARK),
/* harmony export */   qY: () => (/* binding */ SILENT),
/* harmony export */   y9: () => (/* binding */ isCommand)
/* harmony export */ });
/* unused harmony export VERBOSITIES */
/**
 * The ground floor: how a run tells people what happens. It imports nothing of this project, so
 * that any module may take a {@link Log} (the channel every step says its lines through) without
 * being tied to where the run happens. Each place (src/places/) has its {@link Reporter}: GitHub's
 * workflow commands and job summary, plain text, GitLab's sections. The entry point builds it and
 * hands it down; no module reaches for a reporter of its own.
 */
const VERBOSITIES = ['quiet', 'normal', 'verbose', 'debug'];
/** Whether a log at `verbosity` shows what is said at `level`. */
function shows(verbosity, level) {
    return VERBOSITIES.indexOf(verbosity) >= VERBOSITIES.indexOf(level);
}
/** How a line that shows a command starts (`$ nix eval …`): detail, shown from `verbose` on. */
const COMMAND_MARK = '$ ';
/** Whether `line` shows a command the run started. */
function isCommand(line) {
    return line.startsWith(COMMAND_MARK);
}
/** A log that says nothing, for work done outside a run. */
const SILENT = {
    verbosity: 'quiet',
    info: () => { },
    warning: () => { },
    debug: () => { }
};


/***/ }),

/***/ 6049:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __nccwpck_require__(4584);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __nccwpck_require__(8499);
;// CONCATENATED MODULE: ./src/release.ts


function makeRelease(settings, facts, flake) {
    const version = (0,naming/* releaseVersion */.SF)(settings.version, facts.commitCount, facts.revision);
    return {
        uploadName: settings.uploadName,
        version,
        flakeRefs: (0,naming/* flakeRefs */.Gm)(settings.uploadName, version),
        tarball: flake.tarball,
        metadata: {
            commit_count: facts.commitCount,
            description: flake.source.description,
            outputs: flake.outputs,
            raw_flake_metadata: flake.source.metadata,
            readme: flake.readme,
            repo: settings.uploadName,
            revision: facts.revision,
            visibility: settings.visibility,
            mirrored: settings.mirror,
            source_subdirectory: settings.sourceSubdirectory,
            spdx_identifier: settings.spdxExpression ?? facts.spdxIdentifier,
            labels: (0,labels/* mergeLabels */.Mr)(settings.extraLabels, facts.topics)
        }
    };
}
/** `metadata` as JSON (indented by two spaces with `pretty`), `outputs` being the document. */
function metadataJson(metadata, pretty = false) {
    const { outputs, ...fields } = metadata;
    const rest = JSON.stringify(fields, null, pretty ? 2 : undefined);
    return pretty
        ? `{\n  "outputs": ${outputs.json},${rest.slice(1)}`
        : `{"outputs":${outputs.json},${rest.slice(1)}`;
}

;// CONCATENATED MODULE: ./src/dry-run.ts
/** Dry run: the release written to a folder instead of FlakeHub. Contacts no service. */



/** Move the tarball to `<destDir>/<version>.tar.gz` and write `<version>.json` beside it. */
async function writeRelease(release, destDir) {
    await promises_.mkdir(destDir, { recursive: true });
    const tarball = external_node_path_.join(destDir, `${release.version}.tar.gz`);
    const metadata = external_node_path_.join(destDir, `${release.version}.json`);
    await promises_.rename(release.tarball.path, tarball);
    await promises_.writeFile(metadata, `${metadataJson(release.metadata, true)}\n`);
    return { tarball, metadata };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: ./src/process/command.ts
var command = __nccwpck_require__(1760);
// EXTERNAL MODULE: ./src/log.ts
var src_log = __nccwpck_require__(5625);
;// CONCATENATED MODULE: ./src/source/nix.ts
/**
 * Nix, as the run asks it about the flake's source, over a {@link CommandRunner}: its version,
 * the flake's metadata (which also checks the lock file), the source's store path, and its own
 * NAR hash of a folder. Never writes a lock file. The evaluation is evaluate/'s.
 */


/** Parse `nix --version` output ("nix (Nix) 2.18.1") into [major, minor]. */
function parseNixVersion(output) {
    const match = /(\d+)\.(\d+)/.exec(output);
    if (match === null)
        throw new Error(`Could not read the Nix version from \`nix --version\`: ${output.trim()}`);
    return [Number(match[1]), Number(match[2])];
}
/**
 * The features every `nix` call of the run needs, enabled on the call itself: a stock Nix, with
 * nothing in its configuration, runs the tool as it is (and one that enables them already is
 * not told twice: `extra-` adds to what is set, without a warning, from 2.8 to 2.34).
 */
const NIX_FEATURES = ['--extra-experimental-features', 'nix-command flakes'];
/**
 * The oldest Nix the tool runs with: the oldest its tests run (every command it uses is older,
 * but an older Nix is not tested, so it is refused rather than trusted).
 */
const OLDEST_NIX = [2, 8];
/** Nix missing or too old, in one sentence that says what to do. */
function nixProblem(error, version) {
    if (version !== undefined) {
        if (atLeast(version, OLDEST_NIX))
            return undefined;
        return new Error(`Nix ${version.join('.')} is too old: flakehub-push needs Nix ${OLDEST_NIX.join('.')} or newer. ` +
            'Upgrade Nix (https://nixos.org/download), and run again.');
    }
    if (error instanceof command/* CommandError */.Qd && error.exitCode === null && /ENOENT/.test(error.stderr))
        return new Error('Nix is not installed here (there is no `nix` on PATH), and flakehub-push evaluates the flake with it. ' +
            `Install Nix ${OLDEST_NIX.join('.')} or newer (https://nixos.org/download; in a workflow, an earlier step such as ` +
            'DeterminateSystems/nix-installer-action), and run again.');
    return undefined;
}
class Nix {
    /** `log`: where the version found is told. */
    constructor(runner, log = src_log/* SILENT */.qY) {
        this.runner = runner;
        this.log = log;
        /** Variables every `nix` of the run gets (a fast TMPDIR, see fast-tmpdir.ts). */
        this.env = {};
    }
    /** Give every later `nix` this TMPDIR. */
    useTmpdir(dir) {
        this.env.TMPDIR = dir;
    }
    /** Run `nix` with `args`. */
    run(args, options = {}) {
        const env = { ...this.env, ...options.env };
        return this.runner.run('nix', [...NIX_FEATURES, ...args], Object.keys(env).length === 0 ? options : { ...options, env });
    }
    /**
     * Refuse a missing or too old Nix, before anything else is asked of it: one error that says
     * what to install. Any other failure of `nix --version` is Nix's own, shown as it is.
     */
    async require(options = {}) {
        const version = await this.version(options).catch((error) => {
            throw nixProblem(error) ?? error;
        });
        const problem = nixProblem(undefined, version);
        if (problem !== undefined)
            throw problem;
    }
    /** Run `nix` with `args`, and read what it printed as JSON. */
    async json(args, options) {
        const { stdout } = await this.run(args, options);
        return parseJson(args, stdout);
    }
    /** The installed Nix's version as [major, minor], asked once. */
    version(options = {}) {
        this.installedVersion ?? (this.installedVersion = this.run(['--version'], options).then(({ stdout }) => {
            const version = parseNixVersion(stdout);
            this.log.debug(`Nix version ${version.join('.')}`);
            return version;
        }));
        return this.installedVersion;
    }
    /**
     * `nix flake metadata --json` of the flake `flakeRef`. With `checkLock`, the lock file must
     * also be up to date with flake.nix: one evaluation serves both. `--no-update-lock-file`
     * alone does that check (beside `--no-write-lock-file`, Nix skips it) and still never
     * writes: Nix only writes a lock file that it was allowed to update.
     */
    metadata(flakeRef, checkLock, options = {}) {
        const lock = checkLock ? '--no-update-lock-file' : '--no-write-lock-file';
        return this.json(['flake', 'metadata', '--json', lock, flakeRef], options);
    }
    /** The store path of the flake's source, for a Nix that does not print it with metadata. */
    async prefetch(flakeRef, options = {}) {
        const args = ['flake', 'prefetch', '--json', '--no-write-lock-file', flakeRef];
        const { storePath } = await this.json(args, options);
        return storePath;
    }
    /** Nix's own NAR hash of `path` (SHA-256, `sha256-<base64>`), from `nix hash path`. */
    async hashPath(folder, options = {}) {
        const { stdout } = await this.run(['hash', 'path', folder], options);
        const hash = stdout.trim();
        if (!/^sha256-[A-Za-z0-9+/]{43}=$/.test(hash))
            throw new Error(`\`nix hash path ${folder}\` printed no SHA-256 hash: ${hash.slice(0, 200)}`);
        return hash;
    }
}
/** Whether Nix `version` ([major, minor]) is `wanted` or newer. */
function atLeast([major, minor], [wantMajor, wantMinor]) {
    return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}
/** `stdout` of `nix <args>` as JSON, or an error that shows the start of what it was. */
function parseJson(args, stdout) {
    try {
        return JSON.parse(stdout);
    }
    catch {
        throw new Error(`\`nix ${args.join(' ')}\` printed something that is not JSON:\n${stdout.slice(0, 500)}`);
    }
}

;// CONCATENATED MODULE: ./src/evaluate/nix-error.ts
const CONTEXT = /… while evaluating the flake output '([^'\n]*)'/g;
const ERROR_LINE = /^(\s*)error: (.*)$/;
/** Read a failed evaluation's stderr. Any text gives an answer; nothing here throws. */
function readEvaluationFailure(stderr) {
    const outputs = [...stderr.matchAll(CONTEXT)].map(match => match[1]);
    // The deepest context is the longest: every context on the trace is a prefix of the next.
    const output = outputs.reduce((deepest, path) => (deepest === undefined || path.length > deepest.length ? path : deepest), undefined);
    const lines = stderr.split('\n');
    const starts = lines.flatMap((line, index) => (ERROR_LINE.test(line) ? [index] : []));
    // Newer layout: the message is the last `error:` line; older layout: the first.
    const newLayout = lines.some(line => /^error:\s*$/.test(line));
    const start = newLayout ? starts.at(-1) : starts[0];
    const message = start === undefined ? lastLines(lines) : messageFrom(lines, start) || lastLines(lines);
    return output === undefined ? { message } : { output, message };
}
/** The `error:` line at `start` and the lines that continue it, up to a blank, trace or position line. */
function messageFrom(lines, start) {
    const first = ERROR_LINE.exec(lines[start])[2].trim();
    const rest = [];
    for (const line of lines.slice(start + 1)) {
        const text = line.trim();
        if (text === '' || text.startsWith('…') || /^at .*:\d+:\d+:?$/.test(text))
            break;
        if (text.startsWith('(use') || text.startsWith('(stack trace'))
            break;
        rest.push(text);
    }
    return [first, ...rest].filter(text => text !== '').join('\n');
}
function lastLines(lines) {
    const kept = lines.map(line => line.trimEnd()).filter(line => line.trim() !== '');
    return kept.slice(-20).join('\n') || '(Nix printed nothing on stderr)';
}
/** The outputs evaluation failed: names the output attribute, Nix's message and the command. */
class EvaluationError extends Error {
    constructor(failure, command) {
        const where = failure.output === undefined
            ? 'The flake does not evaluate'
            : `The flake output \`${failure.output}\` does not evaluate`;
        super(`${where}. Nix says:\nerror: ${failure.message}\n\n` +
            `(from \`${command.commandLine}\`, ${command.status}; Nix's whole trace is in the detailed log: \`-v\` for the command, debug logging for the action)`);
        this.failure = failure;
        this.command = command;
        this.name = 'EvaluationError';
    }
    static from(error) {
        return new EvaluationError(readEvaluationFailure(error.stderr), error);
    }
}

;// CONCATENATED MODULE: ./src/evaluate/evaluator.ts
/**
 * The pure evaluation of the flake: the all-systems check (show-check.nix) and the outputs
 * document (inspect.nix), from one `nix eval` of the inspect flake (inspect-flake.nix) with the
 * flake as its input; or, for a flake that is too big, `nix flake show` for the current system.
 */







const NO_OUTPUTS = { json: '{"docs":{},"inventory":{},"version":1}', counts: {} };
// ncc rewrites each `new URL('./x.nix', import.meta.url)` into a path string pointing into
// dist/ (and copies the file there); under jest it stays a URL.
const INSPECT = __nccwpck_require__.ab + "inspect.nix";
const SHOW_CHECK = __nccwpck_require__.ab + "show-check.nix";
const INSPECT_FLAKE = __nccwpck_require__.ab + "inspect-flake.nix";
const SHARE = __nccwpck_require__.ab + "share.nix";
const assetPath = (asset) => typeof asset === 'string' ? asset : (0,external_node_url_namespaceObject.fileURLToPath)(asset);
/**
 * Every Nix is asked for the trace of a failure: Nix before 2.20 names the output that failed
 * only there, and every Nix gives the position in the flake's own files only there (newer Nix
 * truncates the trace before it otherwise), which position.ts reads.
 */
const TRACE = ['--show-trace'];
class Evaluator {
    /**
     * `workDir`: a folder of the run's own, where the inspect flake is written (a fresh
     * temporary folder when not given).
     */
    constructor(nix, workDir) {
        this.nix = nix;
        this.workDir = workDir;
    }
    /**
     * Write the inspect flake now (the first evaluation would write it otherwise): the run does
     * it while Nix locates the flake, off the evaluation's path.
     */
    async prepare() {
        await this.inspectFlakeDir();
    }
    /**
     * The inspect flake (inspect-flake.nix as flake.nix, beside inspect.nix, show-check.nix and
     * share.nix) in a folder of its own, written once: Nix copies the folder into the store to
     * evaluate it, so it holds these files and nothing else.
     */
    inspectFlakeDir() {
        this.inspectFlake ?? (this.inspectFlake = (async () => {
            const base = this.workDir ?? (await promises_.mkdtemp(external_node_path_.join(external_node_os_.tmpdir(), 'flakehub-push-nix-')));
            const dir = external_node_path_.join(base, 'inspect');
            await promises_.mkdir(dir, { recursive: true });
            await Promise.all([
                promises_.copyFile(assetPath(INSPECT_FLAKE), external_node_path_.join(dir, 'flake.nix')),
                promises_.copyFile(assetPath(INSPECT), external_node_path_.join(dir, 'inspect.nix')),
                promises_.copyFile(assetPath(SHOW_CHECK), external_node_path_.join(dir, 'show-check.nix')),
                promises_.copyFile(assetPath(SHARE), external_node_path_.join(dir, 'share.nix'))
            ]);
            return dir;
        })());
        return this.inspectFlake;
    }
    /**
     * `nix flake show` for the current system only (where Nix has `--all-systems`, 2.14 and
     * newer; older Nix shows every system anyway): the check when the flake is too big for the
     * outputs document. Without the evaluation cache, whose cached failures hide Nix's message.
     */
    async showCurrentSystem(flakeRef, options = {}) {
        // Only whether it succeeds matters: what it prints (a JSON tree as big as the flake) is not read.
        // --no-eval-cache: from its evaluation cache, Nix 2.8 and 2.26 report a package that threw
        // before as only "expected a derivation", without what was thrown.
        const args = ['flake', 'show', '--json', '--no-write-lock-file', '--no-eval-cache', flakeRef];
        await this.nix.run(args, { ...options, discardStdout: true });
    }
    /**
     * One evaluation that does two jobs: the all-systems check (show-check.nix fails exactly
     * where `nix flake show --all-systems` fails) and the outputs document (inspect.nix), with
     * its counts. One evaluator forces each package once, where two evaluators side by side
     * would each pay for the flake's package sets. A failure names the output attribute.
     *
     * Pure, as the established publisher's inspect evaluation: the flake is an input of the
     * inspect flake (`--override-input flake <locked URL>`), so it sees no environment, no
     * current system and no file outside its own sources.
     */
    async outputs(flakeRef, includeOutputPaths, options = {}) {
        // Two lines of JSON, the counts and then the document: with --raw, Nix prints the document's
        // text once, not as a string escaped inside more JSON.
        const apply = `evaluate: evaluate { includeOutputPaths = ${includeOutputPaths}; }`;
        const { args, stdout } = await this.inspect(flakeRef, 'evaluate', apply, options);
        const newline = stdout.indexOf('\n');
        if (newline < 0)
            throw new Error(`\`nix eval\` printed no outputs document, only:\n${stdout.slice(0, 500)}`);
        return { counts: parseJson(args, stdout.slice(0, newline)), json: stdout.slice(newline + 1) };
    }
    /**
     * `nix eval --raw` of `lib.<attribute>` of the inspect flake over the flake `flakeRef` (with
     * `apply`, a Nix function, applied to it): pure, as {@link outputs}. A failing evaluation is
     * an {@link EvaluationError}. Returns the arguments given to `nix` and what it printed.
     */
    async inspect(flakeRef, attribute, apply, options = {}) {
        const inspect = await this.inspectFlakeDir();
        const args = [
            'eval',
            '--raw',
            '--no-write-lock-file',
            ...TRACE,
            '--override-input',
            'flake',
            flakeRef,
            `path:${(0,external_node_url_namespaceObject.pathToFileURL)(inspect).pathname}#lib.${attribute}`,
            ...(apply === undefined ? [] : ['--apply', apply])
        ];
        const { stdout } = await this.nix.run(args, options).catch((error) => {
            throw error instanceof command/* CommandError */.Qd ? EvaluationError.from(error) : error;
        });
        return { args, stdout };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/process/memory.ts
/**
 * The machine's memory and a process's, as Linux tells them in /proc: what is available to new
 * processes, and a running process's resident set and its peak. Read by the memory guard of the
 * evaluators (evaluate/memory.ts) and by the choice of a fast TMPDIR (source/fast-tmpdir.ts).
 */


/** `MemAvailable` of /proc/meminfo in bytes, or undefined when the text has none. */
function readMemAvailable(meminfo) {
    const match = /^MemAvailable:[ \t]+([0-9]{1,15})[ \t]+kB$/m.exec(meminfo);
    return match === null ? undefined : Number(match[1]) * 1024;
}
/**
 * The resident set now (VmRSS) and its peak (VmHWM) of a process, in bytes, from the text of
 * /proc/<pid>/status; undefined for a field it lacks (a process that has exited has neither).
 */
function readResident(status) {
    const field = (name) => {
        const match = new RegExp(`^${name}:[ \\t]+([0-9]{1,15})[ \\t]+kB$`, 'm').exec(status);
        return match === null ? undefined : Number(match[1]) * 1024;
    };
    const rss = field('VmRSS');
    const peak = field('VmHWM');
    return { ...(rss === undefined ? {} : { rss }), ...(peak === undefined ? {} : { peak }) };
}
/** The machine's memory, from /proc (on systems without it: os.freemem(), and no process sizes). */
const procMemory = {
    available() {
        try {
            return readMemAvailable(external_node_fs_.readFileSync('/proc/meminfo', 'utf8')) ?? external_node_os_.freemem();
        }
        catch {
            return external_node_os_.freemem();
        }
    },
    resident(pid) {
        let status;
        try {
            status = external_node_fs_.readFileSync(`/proc/${pid}/status`, 'utf8');
        }
        catch {
            return undefined;
        }
        const { rss, peak } = readResident(status);
        return rss === undefined ? undefined : { rss, peak: peak ?? rss };
    }
};

;// CONCATENATED MODULE: ./src/timing.ts
/**
 * Phases of the run, each reported as one block (a group on GitHub) with its duration. Phases may run at the same
 * time: each keeps its lines and prints them as one group when it ends, so groups never mix.
 */

/** The run's phases: each told to the reporter as it starts and ends, its time kept. */
class Phases {
    constructor(reporter) {
        this.reporter = reporter;
        /** Seconds per phase, in the order phases ended. */
        this.timings = new Map();
    }
    /** Run `work` as the phase `name`; its lines are shown together when it ends. */
    async run(name, work) {
        const started = performance.now();
        const lines = [];
        this.reporter.phaseStarted(name);
        const end = (outcome) => {
            const seconds = (performance.now() - started) / 1000;
            this.reporter.phaseEnded(name, outcome, seconds, lines);
            return seconds;
        };
        try {
            const result = await work({ info: line => lines.push(line) });
            this.timings.set(name, (this.timings.get(name) ?? 0) + end('done'));
            return result;
        }
        catch (error) {
            end(error instanceof Stopped || error instanceof errors/* Cancelled */.cJ ? 'stopped' : 'failed');
            throw error;
        }
    }
}
/** The reason a phase was stopped: another phase running beside it failed first. */
class Stopped extends Error {
    constructor() {
        super('Stopped because another step failed.');
        this.name = 'Stopped';
    }
}
/**
 * Run tasks at the same time. When one fails, the others are told to stop (their signal is
 * aborted with {@link Stopped}); once all have settled, the first real error is thrown. When
 * `parent` is aborted, every task is told to stop with its reason, which is then thrown.
 * Settling is prompt: a task that runs a command stops it within the runner's grace (see
 * command.ts), whether or not the program honours SIGTERM.
 */
async function allOrStop(tasks, parent) {
    const controller = new AbortController();
    const stopAll = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        stopAll();
    else
        parent?.addEventListener('abort', stopAll, { once: true });
    let firstError;
    const settled = await Promise.allSettled(tasks.map(async (task) => {
        try {
            return await task(controller.signal);
        }
        catch (error) {
            if (firstError === undefined && !(error instanceof Stopped) && !parent?.aborted) {
                firstError = { error };
                controller.abort(new Stopped());
            }
            throw error;
        }
    }));
    parent?.removeEventListener('abort', stopAll);
    if (firstError !== undefined)
        throw firstError.error;
    const stopped = settled.find(result => result.status === 'rejected');
    // A task stopped by the parent may fail in its own words (fs gives an AbortError): the
    // parent's reason is what happened.
    if (stopped !== undefined)
        throw parent?.aborted ? parent.reason : stopped.reason;
    return settled.map(result => result.value);
}
/** `promise`, or the stop's reason as soon as `stop` is aborted. */
function untilStopped(promise, stop) {
    return new Promise((resolve, reject) => {
        if (stop.aborted)
            return reject(stop.reason);
        const abort = () => reject(stop.reason);
        stop.addEventListener('abort', abort, { once: true });
        promise.then(value => {
            stop.removeEventListener('abort', abort);
            resolve(value);
        }, (error) => {
            stop.removeEventListener('abort', abort);
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: ./src/evaluate/merge.ts
/** A part (or parts) that is not what share.nix prints: never expected, always a bug to report. */
class PartError extends Error {
    constructor(worker, what) {
        super(`Evaluator ${worker + 1} printed ${what}; please report this.`);
        this.name = 'PartError';
    }
}
const POSITION = /^(0|[1-9][0-9]{0,8})$/;
const FIELDS = { D: 2, W: 4, S: 3, C: 6 };
/** `text` as a JSON string (a name), or undefined. */
function jsonString(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return undefined;
    try {
        const value = JSON.parse(text);
        return typeof value === 'string' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Whether `text` can be a node: a JSON object as Nix prints it (not parsed: only its ends). */
const isObjectText = (text) => text.length >= 2 && text.startsWith('{') && text.endsWith('}');
/**
 * Read what worker `worker` printed: a line of counts (JSON), then the lines of share.nix.
 * Anything else is a {@link PartError} that quotes where it went wrong.
 */
function readPart(text, worker) {
    const fail = (what, at) => new PartError(worker, `${what}: ${JSON.stringify(at.slice(0, 200))}`);
    const lines = text.split('\n');
    if (lines.at(-1) !== '')
        throw fail('no newline at the end', text.slice(-200));
    lines.pop();
    const countsLine = lines.shift();
    if (countsLine === undefined)
        throw fail('nothing', text);
    const part = { counts: readCounts(countsLine, fail), outputs: new Map() };
    for (const line of lines) {
        const kind = line.slice(0, 1);
        if (!(kind in FIELDS) || line[1] !== '\t')
            throw fail('a line of no known kind', line);
        // JSON escapes every tab, so the fields are exactly what is between tabs.
        const fields = line.split('\t');
        if (fields.length !== FIELDS[kind])
            throw fail('a line with another number of fields', line);
        if (kind === 'D') {
            if (part.docs !== undefined)
                throw fail('the docs twice', line);
            if (!isObjectText(fields[1]))
                throw fail('docs that are not an object', line);
            part.docs = fields[1];
            continue;
        }
        const [, positionText, name] = fields;
        if (!POSITION.test(positionText) || jsonString(name) === undefined)
            throw fail('an output without a position and a name', line);
        const position = Number(positionText);
        let output = part.outputs.get(position);
        if (output === undefined) {
            output = { name, shared: false, children: new Map() };
            part.outputs.set(position, output);
        }
        else if (output.name !== name)
            throw fail('two names at one position', line);
        if (kind === 'W') {
            if (output.whole !== undefined || output.shared)
                throw fail('an output twice', line);
            if (!isObjectText(fields[3]))
                throw fail('a node that is not an object', line);
            output.whole = fields[3];
            continue;
        }
        if (output.whole !== undefined)
            throw fail('an output twice', line);
        output.shared = true;
        if (kind === 'C') {
            const [, , , childPosition, childName, node] = fields;
            if (!POSITION.test(childPosition) || jsonString(childName) === undefined)
                throw fail('a child without a position and a name', line);
            if (!isObjectText(node))
                throw fail('a node that is not an object', line);
            const at = Number(childPosition);
            if (output.children.has(at))
                throw fail('a child twice', line);
            output.children.set(at, { name: childName, node });
        }
    }
    return part;
}
function readCounts(line, fail) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        throw fail('counts that are not JSON', line);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw fail('counts that are not an object', line);
    const counts = new Map();
    for (const [name, count] of Object.entries(value)) {
        if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
            throw fail('a count that is not a whole number', line);
        counts.set(name, count);
    }
    return counts;
}
/**
 * The outputs document and counts that one evaluation of the whole flake gives, from the parts
 * of every worker (`parts[i]` is worker i's). Each output is whole in exactly one part or dealt
 * out (its children, each in exactly one part); the docs come from exactly one part.
 */
function mergeParts(parts) {
    const docs = parts.filter(part => part.docs !== undefined);
    if (docs.length !== 1)
        throw new PartError(0, `the docs ${docs.length} times in all, not once`);
    const outputs = new Map();
    parts.forEach((part, worker) => {
        for (const [position, output] of part.outputs) {
            let merged = outputs.get(position);
            if (merged === undefined) {
                merged = { name: output.name, children: new Map() };
                outputs.set(position, merged);
            }
            if (merged.name !== output.name)
                throw new PartError(worker, `output ${output.name} where another named ${merged.name}`);
            if (output.whole !== undefined) {
                if (merged.whole !== undefined ||
                    merged.children.size > 0 ||
                    parts.some((other, i) => i !== worker && other.outputs.get(position)?.shared === true))
                    throw new PartError(worker, `output ${output.name} that another evaluator printed too`);
                merged.whole = output.whole;
                continue;
            }
            if (merged.whole !== undefined)
                throw new PartError(worker, `output ${output.name} that another evaluator printed whole`);
            for (const [at, child] of output.children) {
                if (merged.children.has(at))
                    throw new PartError(worker, `${output.name} ${child.name} that another printed too`);
                merged.children.set(at, child);
            }
        }
    });
    const byPosition = (map) => [...map.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
    const inventory = [];
    const counts = [];
    const names = new Set();
    for (const output of byPosition(outputs)) {
        const node = output.whole ??
            `{"children":{${byPosition(output.children)
                .map(child => `${child.name}:${child.node}`)
                .join(',')}}}`;
        inventory.push(`${output.name}:${node}`);
        const name = jsonString(output.name); // Checked when read.
        names.add(name);
        counts.push([name, parts.reduce((sum, part) => sum + (part.counts.get(name) ?? 0), 0)]);
    }
    parts.forEach((part, worker) => {
        for (const name of part.counts.keys())
            if (!names.has(name))
                throw new PartError(worker, `a count for ${JSON.stringify(name)}, an output it printed not`);
    });
    return {
        json: `{"docs":${docs[0].docs},"inventory":{${inventory.join(',')}},"version":1}`,
        // As own properties, whatever the names (`__proto__` too), as JSON.parse makes them.
        counts: Object.fromEntries(counts)
    };
}

;// CONCATENATED MODULE: ./src/evaluate/memory.ts
/**
 * The memory guard of parallel evaluation: a worker that would not fit in the memory still free
 * waits until it does (or until no other worker runs: one evaluator always runs, as before).
 *
 * A worker's size is not known before it runs. Split by system, the workers of a flake whose
 * systems share nothing need together about what one evaluation of everything needs; what they
 * share (a package set every system draws on) each pays for. So the guard estimates a worker as
 * the largest peak seen so far of any worker of this run (the kernel's high-water mark of its
 * resident set, VmHWM, read from /proc while it runs), and never less than {@link PRIOR_BYTES}.
 * A worker that runs is expected to grow to that estimate: the memory it may still take is
 * subtracted from what the kernel says is available (MemAvailable) before another is let in.
 */
/** The size assumed for a worker until one is seen to be larger. */
const PRIOR_BYTES = 1024 ** 3;
/** Left free beside the workers, for this process (packing) and the rest of the machine. */
const RESERVE_BYTES = 256 * 1024 ** 2;
/** The peak one worker is expected to reach: the largest seen, never less than `prior`. */
function estimateWorker(peaksSeen, prior = PRIOR_BYTES) {
    return Math.max(prior, ...peaksSeen);
}
/**
 * Whether one more worker may start now: when none runs, always; else when what is available,
 * less what the running ones may still grow by and the reserve, holds one more worker.
 */
function mayStart(state, reserve = RESERVE_BYTES) {
    if (state.running.length === 0)
        return true;
    const growth = state.running.reduce((sum, rss) => sum + Math.max(0, state.estimate - rss), 0);
    return state.available - growth - reserve >= state.estimate;
}
/** Nix's initial heap for its evaluator: a quarter of the memory, at most 384 MiB (libgc). */
const NIX_HEAP_MAX = 384 * 1024 ** 2;
const HEAP_FLOOR = 64 * 1024 ** 2;
/**
 * The `GC_INITIAL_HEAP_SIZE` each of `most` evaluators gets: Nix's own initial heap shared out,
 * so that together they start as one would (never under 64 MiB). Nix gives its garbage collector
 * a large heap to start with, which it fills before it first collects: an evaluator's resident
 * set is that heap, whatever little of it it needs; several evaluators each with the whole heap
 * held several times the memory of one (on the benchmark's flakes, two held 984 MB where one
 * held 520 MB; with half the heap each, 548 MB, for about the same CPU). None when the user sets
 * it, or when one evaluator runs.
 */
function workerHeap(most, totalMemory, env) {
    if (most <= 1 || (env.GC_INITIAL_HEAP_SIZE ?? '') !== '')
        return {};
    const nix = Math.min(NIX_HEAP_MAX, Math.floor(totalMemory / 4));
    return { GC_INITIAL_HEAP_SIZE: String(Math.max(HEAP_FLOOR, Math.floor(nix / most))) };
}
/**
 * Lets workers start one after the other, in order, each once {@link mayStart} says it fits.
 * A worker counts as running from the moment it is let in (its process not yet started counts
 * as 0 bytes that will grow to the estimate).
 */
class Guard {
    constructor(memory, pollMs, log) {
        this.memory = memory;
        this.pollMs = pollMs;
        this.log = log;
        /** Running workers and their process ids (undefined until started). */
        this.running = new Map();
        /** The largest resident set seen of each worker. */
        this.peaks = new Map();
        /** The previous worker's admission: workers are let in in order. */
        this.queue = Promise.resolve();
    }
    admit(worker, signal) {
        const turn = this.queue.then(() => this.waitForRoom(worker, signal));
        this.queue = turn.catch(() => { });
        return turn;
    }
    /** Worker `worker` runs from now on, without waiting (worker 0: one evaluator always runs). */
    enter(worker) {
        this.running.set(worker, undefined);
    }
    spawned(worker, pid) {
        this.running.set(worker, pid);
    }
    finished(worker) {
        this.look();
        this.running.delete(worker);
    }
    /** The resident set of each running worker now, and the peaks seen updated. */
    look() {
        return [...this.running].map(([worker, pid]) => {
            const resident = pid === undefined ? undefined : this.memory.resident(pid);
            if (resident !== undefined)
                this.peaks.set(worker, Math.max(this.peaks.get(worker) ?? 0, resident.peak));
            return resident?.rss ?? 0;
        });
    }
    async waitForRoom(worker, signal) {
        let waited = false;
        for (;;) {
            signal.throwIfAborted();
            const running = this.look();
            const estimate = estimateWorker([...this.peaks.values()]);
            const available = this.memory.available();
            if (mayStart({ available, running, estimate }))
                break;
            if (!waited)
                this.log(`  evaluator ${worker + 1} waits for memory: ${megabytes(available)} available, ` +
                    `${running.length} evaluators running, each estimated at ${megabytes(estimate)}`);
            waited = true;
            await pause(this.pollMs, signal);
        }
        if (waited)
            this.log(`  evaluator ${worker + 1} starts`);
        this.running.set(worker, undefined);
    }
}
const megabytes = (bytes) => `${Math.round(bytes / 1e6)} MB`;
/** Resolves after `ms`, or rejects with the reason as soon as `signal` is aborted. */
function pause(ms, signal) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', abort);
            resolve();
        }, ms);
        const abort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal.addEventListener('abort', abort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/evaluate/share.ts
/**
 * Dealing a flake's evaluation out to several `nix` processes (src/share.nix does the cutting):
 * the plan worker 0 prints (what there is to deal out, and how many workers), read as untrusted
 * text and checked against the run's own deal, and each worker's share, written into the
 * `--apply` argument of its `nix eval`.
 */
const MAX_ENTRIES = 1000000;
/** Read the plan worker 0 printed; anything not of its shape is an error that shows its start. */
function readPlan(text) {
    const problem = (what) => new Error(`The first evaluator printed ${what} as its plan: ${JSON.stringify(text.slice(0, 200))}`);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw problem('something that is not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw problem('no JSON object');
    const { schemas, systems, named, workers, offsets } = value;
    if (typeof schemas !== 'boolean')
        throw problem('no boolean `schemas`');
    if (!Array.isArray(systems) || !systems.every(system => typeof system === 'string'))
        throw problem('no list of strings `systems`');
    if (new Set(systems).size !== systems.length)
        throw problem('a system twice');
    const counts = (field, name) => {
        if (typeof field !== 'object' || field === null || Array.isArray(field))
            throw problem(`no object \`${name}\``);
        const entries = Object.entries(field);
        for (const [, count] of entries)
            if (!isCount(count))
                throw problem(`a count in \`${name}\` that is not a whole number`);
        return Object.fromEntries(entries);
    };
    if (!isCount(workers) || workers < 1)
        throw problem('no whole number of `workers`');
    return {
        schemas,
        systems: systems,
        named: counts(named, 'named'),
        workers,
        offsets: counts(offsets, 'offsets')
    };
}
function isCount(value) {
    return (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_ENTRIES);
}
/**
 * The shares of at most `most` workers: one per system and per named entry at most, one alone
 * when the flake brings its own schemas (their inventories are the flake's own functions, which
 * cannot be cut). Systems are dealt first, round-robin by position, then the named entries of
 * each output in turn, continuing the same round.
 */
function dealShares(discovery, most) {
    if (!Number.isSafeInteger(most) || most < 1)
        throw new RangeError(`workers: ${most}`);
    const named = Object.entries(discovery.named);
    const units = discovery.systems.length + named.reduce((sum, [, count]) => sum + count, 0);
    const workers = discovery.schemas ? 1 : Math.max(1, Math.min(most, units));
    const offsets = {};
    let next = discovery.systems.length;
    for (const [output, count] of named) {
        offsets[output] = next;
        next += count;
    }
    return Array.from({ length: workers }, (_, worker) => ({
        worker,
        workers,
        systems: discovery.systems,
        offsets
    }));
}
/**
 * The shares of `plan`, which worker 0 made for at most `most` workers: the run's own deal of
 * what it found, which must be the deal worker 0 made (it is already evaluating its share).
 */
function planShares(plan, most) {
    const shares = dealShares(plan, most);
    const made = JSON.stringify({ workers: plan.workers, offsets: plan.offsets });
    const own = JSON.stringify({ workers: shares.length, offsets: shares[0].offsets });
    if (made !== own)
        throw new Error(`The first evaluator dealt the work out as ${made}, the run as ${own}; please report this.`);
    return shares;
}
/** The `--apply` argument that has `lib.evaluateFirst` plan for `most` workers and evaluate. */
function firstArgument(most, marker, includeOutputPaths) {
    return `first: first { includeOutputPaths = ${includeOutputPaths}; most = ${most}; marker = ${nixString(marker)}; }`;
}
/**
 * The `--apply` argument that has `lib.evaluatePart` evaluate `share`. The share travels as JSON
 * inside a Nix string (its system names come from the flake): every `\`, `"` and `$` is escaped,
 * so nothing in a name can end the string or start an interpolation, and JSON has already
 * escaped every control character (a raw carriage return would become a newline in Nix).
 */
function partArgument(share, includeOutputPaths) {
    const json = JSON.stringify({
        worker: share.worker,
        workers: share.workers,
        systems: share.systems,
        offsets: share.offsets
    });
    return `part: part { includeOutputPaths = ${includeOutputPaths}; share = builtins.fromJSON ${nixString(json)}; }`;
}
/** `text` as a Nix string literal that evaluates to exactly `text`. */
function nixString(text) {
    return `"${text.replace(/[\\"$]/g, char => `\\${char}`)}"`;
}
/** Which systems and named entries `share` owns, for the log. */
function describeShare(share, discovery) {
    const mine = (position) => position % share.workers === share.worker;
    const systems = share.systems.filter((_, position) => mine(position));
    const named = Object.entries(discovery.named).flatMap(([output, count]) => {
        const owned = Array.from({ length: count }, (_, i) => i).filter(i => mine(share.offsets[output] + i)).length;
        return owned === 0 ? [] : [`${owned} of ${count} ${output}`];
    });
    const shown = (name) => (/^[\w.+-]+$/.test(name) ? name : JSON.stringify(name));
    const parts = [systems.length === 0 ? 'no system' : systems.map(shown).join(', '), ...named];
    if (share.worker === 0 && share.workers > 1)
        parts.push('every other output');
    return parts.join('; ');
}

;// CONCATENATED MODULE: ./src/evaluate/workers.ts
/**
 * The all-systems check and the outputs document from several `nix` processes side by side,
 * each owning some of the flake's systems and a share of its other outputs (share.nix), put
 * together into exactly the document and counts one evaluation gives (merge.ts).
 *
 * 1. Worker 0 starts at once (`lib.evaluateFirst`): it finds the systems and the entries of the
 *    outputs keyed by name, deals them out to at most as many workers as the cores (or the
 *    setting) allow, prints that plan on stderr (a trace line behind a marker of this run's own)
 *    and goes on with its own share. A flake with one system is evaluated whole by it: one
 *    `nix`, as before. Finding the plan forces nothing the evaluation would not force first.
 * 2. As soon as the plan is read, the other workers are started (`lib.evaluatePart`), each when
 *    the memory guard lets it (memory.ts). (Worker 0 also prints the plan first on its output:
 *    should its trace line be missed, the others start when it ends.) Each evaluator starts
 *    with its share of the garbage collector's initial heap Nix would give one (`workerHeap`).
 * 3. The first worker to fail stops the others (and the waiting ones never start), and its error
 *    is the run's: the same output named and the same message as one evaluation, for a flake
 *    broken in one place. (Broken in several places owned by different workers, the first to
 *    fail names its own: each is a place where one evaluation fails too.)
 *
 * With the setting at 1, or one core, the single evaluation of before runs, unchanged.
 */







const POLL_MS = 250;
/**
 * The outputs document and counts of the flake `flakeRef`, from as many evaluators as
 * `options.evaluators` allows (see the top of this file).
 */
async function evaluateOutputs(evaluator, flakeRef, includeOutputPaths, options) {
    const { signal, log = () => { }, onSpawn } = options;
    const cores = options.cores ?? external_node_os_.availableParallelism();
    const most = options.evaluators === 'auto' ? cores : options.evaluators;
    if (most <= 1)
        return evaluator.outputs(flakeRef, includeOutputPaths, { signal, log, onSpawn });
    const run = new SideBySide(evaluator, flakeRef, includeOutputPaths, most, {
        ...options,
        log,
        allowed: options.evaluators === 'auto' ? `${cores} cores` : `set to ${most}`
    });
    const texts = await allOrStop([
        (stop) => run.first(stop),
        ...Array.from({ length: most - 1 }, (_, i) => (stop) => run.other(i + 1, stop))
    ], signal);
    const parts = texts.flatMap((text, worker) => text === undefined ? [] : [readPart(text, worker)]);
    return mergeParts(parts);
}
/** One evaluation by up to `most` workers: worker 0's plan, and every worker's run. */
class SideBySide {
    constructor(evaluator, flakeRef, includeOutputPaths, most, options) {
        this.evaluator = evaluator;
        this.flakeRef = flakeRef;
        this.includeOutputPaths = includeOutputPaths;
        this.most = most;
        this.options = options;
        /** What worker 0's trace line starts with: the run's own, which the flake cannot know. */
        this.marker = `flakehub-push plan ${(0,external_node_crypto_.randomBytes)(16).toString('hex')} `;
        this.guard = new Guard(options.memory ?? procMemory, options.pollMs ?? POLL_MS, options.log);
        this.env = workerHeap(most, external_node_os_.totalmem(), process.env);
        this.planned = new Promise((resolve, reject) => {
            this.settle = text => {
                this.settle = undefined; // Once: from the trace line, else from the output's first line.
                this.planText = text;
                try {
                    resolve(this.shares(text));
                }
                catch (error) {
                    reject(error);
                }
            };
        });
        this.planned.catch(() => { }); // Also awaited by every other worker.
    }
    /** The shares of the plan worker 0 printed, told to the log when there are several. */
    shares(text) {
        const found = readPlan(text);
        const shares = planShares(found, this.most);
        if (shares.length > 1) {
            const heap = Object.entries(this.env).map(([name, value]) => `; ${name}=${value} each`);
            const { log, allowed } = this.options;
            log(`${shares.length} evaluators side by side (${allowed}${heap.join('')}):`);
            for (const share of shares)
                log(`  evaluator ${share.worker + 1}: ${describeShare(share, found)}`);
        }
        return shares;
    }
    /** The options of worker `worker`'s `nix`. */
    runOptions(worker, stop) {
        const { log, onSpawn } = this.options;
        return {
            signal: stop,
            log,
            env: this.env,
            onSpawn: (pid) => {
                this.guard.spawned(worker, pid);
                onSpawn?.();
            }
        };
    }
    /** Worker 0: plans, prints the plan, and evaluates its share; its part of the output. */
    async first(stop) {
        this.guard.enter(0);
        try {
            const watch = traceWatcher(`trace: ${this.marker}`, text => this.settle?.(text));
            const apply = firstArgument(this.most, this.marker, this.includeOutputPaths);
            const { stdout } = await this.evaluator.inspect(this.flakeRef, 'evaluateFirst', apply, {
                ...this.runOptions(0, stop),
                onStderr: watch
            });
            // The plan again, as the first line of the output: what the trace said, or (if the trace
            // line was not seen) the plan the others start on now.
            const newline = stdout.indexOf('\n');
            const printed = newline < 0 ? stdout : stdout.slice(0, newline);
            if (this.settle !== undefined) {
                this.options.log('  the first evaluator ended before its plan was read from its stderr');
                this.settle(printed);
            }
            await this.planned; // A plan that is not right throws.
            if (printed !== this.planText)
                throw new Error('The first evaluator printed two plans; please report this.');
            return stdout.slice(newline + 1);
        }
        finally {
            this.guard.finished(0);
        }
    }
    /** Worker `worker` (1 or more): once the plan gives it a share and the memory a place. */
    async other(worker, stop) {
        const all = await untilStopped(this.planned, stop);
        const share = all[worker];
        if (share === undefined)
            return undefined;
        await this.guard.admit(worker, stop);
        try {
            const apply = partArgument(share, this.includeOutputPaths);
            const options = this.runOptions(worker, stop);
            const { stdout } = await this.evaluator.inspect(this.flakeRef, 'evaluatePart', apply, options);
            return stdout;
        }
        finally {
            this.guard.finished(worker);
        }
    }
}
/**
 * A stderr watcher that calls `found` once, with the rest of the first line that starts with
 * `prefix`. Lines are put together across chunks; a line that cannot be it is dropped as it
 * comes (only a line's start is kept while it might still be), so memory stays small whatever
 * the flake traces.
 */
function traceWatcher(prefix, found) {
    let line = '';
    let done = false;
    let skipping = false;
    return chunk => {
        if (done)
            return;
        let start = 0;
        for (;;) {
            const newline = chunk.indexOf('\n', start);
            const piece = chunk.slice(start, newline < 0 ? undefined : newline);
            if (!skipping) {
                line += piece;
                if (!prefix.startsWith(line.slice(0, prefix.length))) {
                    skipping = true;
                    line = '';
                }
            }
            if (newline < 0)
                return;
            if (!skipping && line.startsWith(prefix)) {
                done = true;
                found(line.slice(prefix.length));
                return;
            }
            line = '';
            skipping = false;
            start = newline + 1;
        }
    };
}

;// CONCATENATED MODULE: ./src/evaluate/evaluate.ts


/**
 * The all-systems check and the outputs document of `flakeRef`, from one evaluation or several
 * side by side (`settings.evaluators`); for a flake that is too big (`my-flake-is-too-big`),
 * only `nix flake show` for the current system and no document. Once `nix` runs, packing steps
 * back (`packing.stepBack()`), so that it does not slow the evaluators down.
 */
function evaluate(evaluator, flakeRef, settings, phases, signal, packing) {
    const onSpawn = () => packing.stepBack();
    if (settings.myFlakeIsTooBig)
        return phases.run('Evaluate (current system)', async (phaseLog) => {
            await evaluator.showCurrentSystem(flakeRef, { signal, log: phaseLog.info, onSpawn });
            return NO_OUTPUTS;
        });
    return phases.run('Evaluate (all systems)', async (phaseLog) => {
        const outputs = await evaluateOutputs(evaluator, flakeRef, settings.includeOutputPaths, {
            evaluators: settings.evaluators,
            signal,
            log: phaseLog.info,
            onSpawn
        });
        const names = Object.keys(outputs.counts);
        const kinds = names.length === 1 ? 'output type' : 'output types';
        phaseLog.info(`${names.length} ${kinds}${names.length === 0 ? '' : `: ${names.join(', ')}`}`);
        return outputs;
    });
}

;// CONCATENATED MODULE: ./src/evaluate/position.ts

const position_ERROR_LINE = /^\s*error:/;
const position_escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The position in `stderr` of a file in the flake's source (`root`) nearest to Nix's message
 * (before it in newer Nix, after it in 2.8), its file relative to the repository's top;
 * undefined when Nix named none there.
 */
function flakePosition(stderr, root) {
    const lines = stderr.split('\n');
    const messages = lines.flatMap((line, index) => (position_ERROR_LINE.test(line) ? [index] : []));
    const newLayout = lines.some(line => /^error:\s*$/.test(line));
    const message = (newLayout ? messages.at(-1) : messages[0]) ?? 0;
    const roots = [position_escape(root.storePath)];
    if (root.revision !== undefined)
        roots.push(`«[^»\\n]*[?&]rev=${position_escape(root.revision)}[^»\\n]*»`);
    const at = new RegExp(`(?:${roots.join('|')})/([^:\\n]+):(\\d+):(\\d+)`);
    let nearest;
    lines.forEach((line, index) => {
        const match = at.exec(line);
        if (match === null)
            return;
        const distance = Math.abs(index - message);
        if (nearest !== undefined && distance >= nearest.distance)
            return;
        const position = { file: match[1], line: Number(match[2]), column: Number(match[3]) };
        nearest = { position, distance };
    });
    return nearest?.position;
}
/** An evaluation error that Nix placed in the flake's files. */
class LocatedError extends Error {
    constructor(at, message) {
        super(message);
        this.at = at;
        this.name = 'LocatedError';
    }
}
/**
 * `error`, placed in the flake's files when it is an evaluation error whose trace names a
 * position in the flake's source (`root`); else `error` as it is.
 */
function locateError(error, root) {
    if (!(error instanceof EvaluationError))
        return error;
    const at = flakePosition(error.command.stderr, root);
    if (at === undefined)
        return error;
    return new LocatedError(at, `${at.file}:${at.line}:${at.column}: ${error.message}`);
}

// EXTERNAL MODULE: ./src/process/priority.ts
var priority = __nccwpck_require__(1673);
// EXTERNAL MODULE: ./src/flakehub/answers.ts
var answers = __nccwpck_require__(8539);
// EXTERNAL MODULE: ./src/flakehub/http.ts + 1 modules
var flakehub_http = __nccwpck_require__(4623);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __nccwpck_require__(7194);
;// CONCATENATED MODULE: ./src/flakehub/client.ts
/**
 * The FlakeHub API: token status, stage, upload to the presigned URL, publish. Every call but
 * the upload carries the bearer token; a call answered 401 because the token expired is
 * repeated once with a fresh token. Every answer is read here, in one place per call, and
 * every call is bounded (see timeouts.ts): each attempt by its own limits, all of them
 * together by the publish's overall bound.
 */





class FlakeHubError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FlakeHubError';
    }
}
/** What the stage answer must hold: the code reads these two fields and nothing else. */
const STAGED = (0,answers/* object */.Ik)({ s3_upload_url: answers/* string */.Yj, uuid: answers/* string */.Yj });
/** Marks a 401 that says the token expired, so that the call is repeated with a fresh one. */
const EXPIRED = Symbol('expired');
class FlakeHubClient {
    /** `log`: where the calls' retries and news go; `secrets`: kept out of every message. */
    constructor(host, http, credential, limits, log, secrets) {
        this.host = host;
        this.http = http;
        this.credential = credential;
        this.limits = limits;
        this.log = log;
        this.secrets = secrets;
        this.notAfter = Date.now() + limits.publishBudgetMs;
        this.retry = (0,flakehub_http/* retryPolicy */.Jb)(limits, line => log.info(line), secrets);
    }
    bound(answerMs, stallMs) {
        const { connectMs } = this.limits;
        return { connectMs, answerMs, stallMs, notAfter: this.notAfter };
    }
    /** A call with the bearer token, refreshed once if FlakeHub says it expired. */
    async call(what, request, read) {
        const call = { what, method: request.method, url: request.url };
        const send = (token, retried) => (0,flakehub_http/* exchange */.cv)(this.http, what, { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } }, response => {
            const expired = this.credential.expired || /expired/i.test(response.body);
            if (response.status === 401 && expired && !retried)
                return EXPIRED;
            return read(response, call);
        }, this.retry);
        const first = await send(await this.credential.fresh(), false);
        if (first !== EXPIRED)
            return first;
        const token = await this.credential.refresh(`FlakeHub answered 401 to ${what}: the token expired`);
        return (await send(token, true));
    }
    /** Check that FlakeHub accepts the token, i.e. that the owner is registered there. */
    async checkToken(owner) {
        const url = `${this.host}/token/status`;
        const request = { method: 'GET', url, limits: this.bound(this.limits.statusMs) };
        await this.call('FlakeHub token status', request, (response, call) => {
            if (response.status === 401 || response.status === 403) {
                throw new FlakeHubError(`FlakeHub registration required: FlakeHub does not accept a token for \`${owner}\` (${answered(call, response, this.secrets)}). ` +
                    `If ${owner} is you, sign up at https://flakehub.com/signup; if it is an organization, create the ` +
                    'organization on FlakeHub first. Then run this job again.');
            }
            if (!(0,flakehub_http/* isSuccess */.oJ)(response.status)) {
                throw new FlakeHubError(`FlakeHub's token status check failed: ${answered(call, response, this.secrets)}.`);
            }
            (0,answers/* refusePage */.Ew)(call, response, this.secrets);
        });
    }
    /** Stage the release: send its metadata, receive the upload URL. */
    async stage(release) {
        const { tarball } = release;
        const [owner, project] = release.uploadName.split('/');
        const parts = [owner, project, release.version, String(tarball.size)].map(pathPart);
        // The reference client puts the base64 hash into the path as it is: `/`, `+`, `=` unescaped.
        const url = `${this.host}/upload/${parts.join('/')}/${tarball.sha256}`;
        const request = {
            method: 'POST',
            url,
            headers: { 'Content-Type': 'application/json' },
            body: metadataJson(release.metadata),
            limits: this.bound(this.limits.stageMs)
        };
        return this.call('FlakeHub stage', request, (response, call) => readStageAnswer(response, call, this.secrets));
    }
    /**
     * Upload the tarball to the presigned URL, streamed from disk (no bearer token). Bounded by
     * a stall limit, not a total one; a stalled attempt is retried from the start of the file.
     */
    async upload(uploadUrl, release) {
        const { tarball } = release;
        this.log.info(`The upload goes to ${(0,secrets/* redactUrl */.BO)(uploadUrl)}.`);
        const request = {
            method: 'PUT',
            url: uploadUrl,
            headers: {
                'Content-Length': tarball.size,
                'Content-Type': 'application/gzip',
                'x-amz-checksum-sha256': tarball.sha256
            },
            body: () => external_node_fs_.createReadStream(tarball.path, { highWaterMark: 1024 * 1024 }),
            limits: this.bound(this.limits.uploadAnswerMs, this.limits.uploadStallMs)
        };
        const call = { what: 'Tarball upload', method: request.method, url: uploadUrl };
        const read = (response) => {
            if (!(0,flakehub_http/* isSuccess */.oJ)(response.status)) {
                throw new FlakeHubError(`Uploading the tarball failed: ${answered(call, response, this.secrets)}.`);
            }
            (0,answers/* refusePage */.Ew)(call, response, this.secrets);
        };
        await (0,flakehub_http/* exchange */.cv)(this.http, call.what, request, read, this.retry);
    }
    /**
     * Publish the staged release. The uuid is this run's own, so a 409 can only mean that an
     * attempt whose answer was lost on the way (or timed out) did publish it.
     */
    async publish(uuid) {
        const url = `${this.host}/publish/${pathPart(uuid)}`;
        const request = { method: 'POST', url, limits: this.bound(this.limits.publishMs) };
        await this.call('FlakeHub publish', request, (response, call) => {
            if (response.status === 409) {
                this.log.info(`FlakeHub says upload ${uuid} is published already: an earlier attempt got through.`);
                return;
            }
            if (response.status !== 200)
                throw new FlakeHubError(`FlakeHub could not publish the release: ${answered(call, response, this.secrets)}.`);
            (0,answers/* refusePage */.Ew)(call, response, this.secrets);
        });
    }
}
/** The characters RFC 3986 allows in a path segment as they are (`pchar`, less `%`). */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
/**
 * One segment of a URL path, percent-encoded where RFC 3986 requires it: a valid name or a
 * version such as `0.1.5+rev-<sha>` goes over the wire as it is (as the established client
 * sends it), while `/ ? # %`, blanks and anything not ASCII are escaped. `.` and `..` are
 * refused: a URL reads them as folder steps however they are written.
 */
function pathPart(value) {
    if (value === '' || value === '.' || value === '..') {
        throw new FlakeHubError(`"${value}" cannot be a part of a FlakeHub URL.`);
    }
    let out = '';
    for (const char of value) {
        if (PCHAR.test(char))
            out += char;
        else
            for (const byte of Buffer.from(char, 'utf8'))
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
/** What a (non-retriable) answer to stage means: where to upload, "exists", or an error. */
function readStageAnswer(response, call, secrets) {
    if (response.status === 409)
        return { kind: 'exists' };
    if (response.status === 401)
        throw new FlakeHubError(`FlakeHub refused the release as unauthorized: ${answered(call, response, secrets)}.`);
    if (response.status === 400)
        throw new FlakeHubError(`FlakeHub refused the release as a bad request: ${answered(call, response, secrets)}.`);
    if (response.status !== 200)
        throw new FlakeHubError(`FlakeHub could not stage the release: ${answered(call, response, secrets)}.`);
    const staged = (0,answers/* readAnswer */.JN)(call, response, STAGED, secrets);
    return { kind: 'staged', uploadUrl: staged.s3_upload_url, uuid: staged.uuid };
}
/** `POST /upload/… answered HTTP 400 (text/plain): bad label`. */
function answered(call, response, secrets) {
    return `${(0,answers/* callRoute */.Ob)(call)} answered ${(0,answers/* describeAnswer */.O1)(response, secrets)}`;
}

;// CONCATENATED MODULE: ./src/flakehub/token.ts
/** A token closer than this to its expiry is replaced before the next call. */
const REFRESH_MARGIN_MS = 60000;
/** Milliseconds since the epoch at which a JWT expires, from its `exp` claim; undefined if unreadable. */
function tokenExpiry(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
        return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
/** A live OIDC token for FlakeHub. */
class Credential {
    constructor(token, audience, source, services) {
        this.token = token;
        this.audience = audience;
        this.source = source;
        this.services = services;
        this.now = services.now ?? Date.now;
    }
    /** Ask for the token: only possible once the release is complete. */
    static async forRelease(release, audience, source, services) {
        services.log.info(`Requesting an OIDC token for ${audience} to publish ${release.flakeRefs.atLeast}.`);
        const token = await source(audience);
        services.secrets.add(token);
        return new Credential(token, audience, source, services);
    }
    /** Milliseconds until the current token expires, if it says. */
    msLeft() {
        const expiresAt = tokenExpiry(this.token);
        return expiresAt === undefined ? undefined : expiresAt - this.now();
    }
    /** Whether the current token's own expiry has passed. */
    get expired() {
        return (this.msLeft() ?? Infinity) <= 0;
    }
    /** The token, replaced first if it expires within {@link REFRESH_MARGIN_MS}. */
    async fresh() {
        const left = this.msLeft();
        if (left !== undefined && left < REFRESH_MARGIN_MS) {
            const seconds = Math.round(left / 1000);
            await this.refresh(seconds > 0 ? `it expires in ${seconds} s` : 'it has expired');
        }
        return this.token;
    }
    /** Fetch a new token now. */
    async refresh(why) {
        this.services.log.info(`Refreshing the OIDC token: ${why}.`);
        const token = await this.source(this.audience);
        this.services.secrets.add(token);
        this.token = token;
        return token;
    }
}

// EXTERNAL MODULE: ./src/settings/setting.ts
var settings_setting = __nccwpck_require__(1013);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __nccwpck_require__(2221);
;// CONCATENATED MODULE: ./src/flakehub/publish.ts
/** Publishing a finished release: size check, token, then FlakeHub's stage, upload, publish. */




/** FlakeHub refuses tarballs larger than this many bytes. */
const MAX_TARBALL_BYTES = 50000000;
/** How the action names a setting, for callers that give no spelling. */
const INPUT_REF = { ref: (setting) => `\`${(0,settings_setting/* inputOf */.w)(setting)}\`` };
/**
 * Why FlakeHub would refuse the tarball, naming the files that make it big, or undefined. `spelling`
 * names the setting for a subflake as the run's source does (`directory`, `--directory`).
 */
function uploadSizeProblem(release, spelling = INPUT_REF) {
    const { tarball } = release;
    if (tarball.size <= MAX_TARBALL_BYTES)
        return undefined;
    const largest = tarball.largestFiles
        .map(f => `  ${f.size.toLocaleString('en-US').padStart(14)}  ${f.path}`)
        .join('\n');
    return (`The tarball is ${tarball.size.toLocaleString('en-US')} bytes; FlakeHub accepts at most ` +
        `${MAX_TARBALL_BYTES.toLocaleString('en-US')}. The largest files in the source (bytes before compression):\n` +
        `${largest}\nRemove large files from the flake's source (Git-tracked files under its folder), or publish a subflake with ${spelling.ref(table/* SETTINGS */.yy.directory)}.`);
}
/** Refuse a tarball FlakeHub would refuse, naming the files that make it big. */
function checkUploadSize(release, spelling) {
    const problem = uploadSizeProblem(release, spelling);
    if (problem !== undefined)
        throw new Error(problem);
}
async function publishRelease(release, settings, services) {
    checkUploadSize(release, settings.spelling);
    const { signal } = services;
    const idToken = audience => {
        signal?.throwIfAborted();
        return services.idToken(audience, signal);
    };
    const { log, secrets, now } = services;
    const credential = await Credential.forRelease(release, settings.audience, idToken, {
        log,
        secrets,
        now
    });
    const flakehub = new FlakeHubClient(settings.host, services.http, credential, settings.timeouts, log, secrets);
    await flakehub.checkToken(services.owner);
    const staged = await flakehub.stage(release);
    if (staged.kind === 'exists') {
        if (settings.errorOnConflict)
            throw new Error(`${release.uploadName}/${release.version} already exists on FlakeHub.`);
        log.info(`${release.uploadName}/${release.version} already exists on FlakeHub; nothing to publish.`);
        return 'already-published';
    }
    log.info(`Staged upload ${staged.uuid}; uploading ${release.tarball.size} bytes.`);
    await flakehub.upload(staged.uploadUrl, release);
    await flakehub.publish(staged.uuid);
    log.info(`Published ${release.flakeRefs.atLeast}.`);
    return 'published';
}

;// CONCATENATED MODULE: ./src/source/git.ts
/** Git in the checkout: the questions the run asks of the repository, each one `git` call. */

/** Git in one repository, logging its commands to a phase. */
class Git {
    constructor(runner, 
    /** Any folder inside the repository; `git -C` runs there. */
    folder, log) {
        this.runner = runner;
        this.folder = folder;
        this.log = log;
    }
    async git(args, env) {
        const { stdout } = await this.runner.run('git', ['-C', this.folder, ...args], {
            log: this.log.info,
            env
        });
        return stdout;
    }
    /**
     * The repository's top folder and whether it is a shallow clone, or undefined when the
     * folder is not inside a Git repository at all.
     */
    async repository() {
        let lines;
        try {
            lines = (await this.git(['rev-parse', '--show-toplevel', '--is-shallow-repository']))
                .trim()
                .split('\n');
        }
        catch (error) {
            if (error instanceof command/* CommandError */.Qd && /not a git repository/i.test(error.stderr))
                return undefined;
            throw untrustedOwner(error) ?? error;
        }
        return { top: lines[0], shallow: lines[1] === 'true' };
    }
    /** The full SHA of the commit `name` (a SHA, `HEAD`…) names, or undefined if the clone lacks it. */
    async commit(name) {
        try {
            return (await this.git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`])).trim();
        }
        catch (error) {
            // --verify --quiet: a name that resolves to no commit exits 1 and prints nothing.
            if (error instanceof command/* CommandError */.Qd && error.exitCode === 1)
                return undefined;
            throw error;
        }
    }
    /** Which of `paths` (relative to the top) the commit's tree holds. */
    async filesInCommit(revision, paths) {
        const out = await this.git([
            'ls-tree',
            '-z',
            '--name-only',
            '--full-tree',
            revision,
            '--',
            ...paths
        ]);
        return new Set(out.split('\0').filter(name => name !== ''));
    }
    /**
     * Tracked files whose content in the working tree (or index) differs from `HEAD`, relative to
     * the top. Untracked files are not listed: no commit holds them. `GIT_OPTIONAL_LOCKS=0` keeps
     * `git status` from refreshing the index: the run never writes to the repository.
     */
    async changedFiles() {
        const out = await this.git(['status', '--porcelain=v1', '-z', '--untracked-files=no'], {
            GIT_OPTIONAL_LOCKS: '0'
        });
        // Entries are `XY path`, NUL-terminated; a rename is followed by its old path as an entry
        // of its own, which is skipped.
        const entries = out.split('\0');
        const changed = [];
        for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            if (entry.length < 4)
                continue;
            changed.push(entry.slice(3));
            if (/[RC]/.test(entry.slice(0, 2)))
                i++;
        }
        return changed;
    }
    /** How many commits lead to `revision` in the local history (too few in a shallow clone). */
    async commitCount(revision) {
        return Number((await this.git(['rev-list', '--count', revision])).trim());
    }
}
/**
 * Git refused a repository another user owns (its `safe.directory` check, common in containers
 * whose checkout belongs to the runner's user): one sentence with the fix, Git's words below.
 */
function untrustedOwner(error) {
    if (!(error instanceof command/* CommandError */.Qd))
        return undefined;
    const match = /dubious ownership in repository at '([^']*)'/.exec(error.stderr);
    if (match === null)
        return undefined;
    return new Error(`Git refuses to read the repository at ${match[1]}: it belongs to another user. If you trust it, ` +
        `run \`git config --global --add safe.directory ${match[1]}\` (in a job, as an earlier step), and run again.\n\n${error.message}`);
}

;// CONCATENATED MODULE: ./src/source/commit.ts
/**
 * The commit being published: the one `rev` names, else the checked-out `HEAD`. What is
 * published under `rev-<sha>` is that commit's tree, so the flake is located, evaluated and
 * packed from Git itself (`git+file://<top>?rev=<sha>`, with `dir=` for a subflake), never
 * from the working tree. Everything here is checked before any evaluation: that there is a
 * repository, that the clone holds the commit, that the commit holds `flake.nix`, and that the
 * working tree does not differ from the commit it is named after.
 */



const MAX_LISTED = 10;
/** The flake reference of `dir` in `revision` of the repository at `top`. */
function gitFlakeRef(top, revision, dir, shallow) {
    // Percent-encoded as Nix decodes a query (it reads `+` as a plus, not a space); `/` kept.
    const value = (text) => encodeURIComponent(text).replace(/%2F/g, '/');
    const params = [
        ...(dir === '' ? [] : [`dir=${value(dir)}`]),
        `rev=${revision}`,
        ...(shallow ? ['shallow=1'] : [])
    ];
    return `git+${(0,external_node_url_namespaceObject.pathToFileURL)(top).href}?${params.join('&')}`;
}
/** Find and check the commit to publish, before anything is evaluated. */
async function nameCommit(runner, settings, wording, log) {
    const repository = await new Git(runner, settings.gitRoot, log).repository();
    if (repository === undefined) {
        throw new Error(`${settings.gitRoot} is not in a Git repository. FlakeHub releases are made from a commit: ` +
            `check the repository out first (actions/checkout in a workflow), or point ${wording.gitRoot} at the checkout.`);
    }
    const { top, shallow } = repository;
    const git = new Git(runner, top, log);
    const revision = await namedRevision(git, settings.rev, wording);
    const dir = external_node_path_.relative(top, settings.flakeDir).split(external_node_path_.sep).join('/');
    const inDir = (name) => (dir === '' ? name : `${dir}/${name}`);
    const files = await git.filesInCommit(revision, [inDir('flake.nix'), inDir('flake.lock')]);
    if (!files.has(inDir('flake.nix'))) {
        throw new Error(`Commit ${revision} has no ${inDir('flake.nix')}: it is not committed (Nix, and FlakeHub, ` +
            `only see what Git holds). Add it with \`git add ${inDir('flake.nix')}\`, commit, and run again.`);
    }
    if (settings.rev === undefined || revision === (await git.commit('HEAD'))) {
        await refuseChanges(git, revision);
    }
    log.info(`Commit ${revision}${shallow ? ' (a shallow clone)' : ''}`);
    return {
        top,
        revision,
        dir,
        shallow,
        hasLock: files.has(inDir('flake.lock')),
        flakeRef: gitFlakeRef(top, revision, dir, shallow),
        git
    };
}
/** The SHA of `rev`, else of `HEAD`; one clear error when the clone does not hold it. */
async function namedRevision(git, rev, wording) {
    const revision = await git.commit(rev ?? 'HEAD');
    if (revision !== undefined)
        return revision;
    if (rev === undefined) {
        throw new Error('The repository has no commits yet: commit the flake (`git add -A && git commit`) and run again.');
    }
    throw new Error(`Commit ${rev} (${wording.rev}) is not in this clone, so its tree cannot be read. Fetch it ` +
        `(\`git fetch --depth=1 origin ${rev}\`, or \`fetch-depth: 0\` with actions/checkout), ` +
        `or check it out (actions/checkout with \`ref: ${rev}\`) in an earlier step.`);
}
/**
 * Refuse a working tree whose tracked files differ from the commit: what would be published is
 * the commit, which is not what is checked out. Nothing has been evaluated or staged yet.
 */
async function refuseChanges(git, revision) {
    const changed = await git.changedFiles();
    if (changed.length === 0)
        return;
    const listed = changed.slice(0, MAX_LISTED).map(file => `  ${file}`);
    if (changed.length > MAX_LISTED)
        listed.push(`  … and ${changed.length - MAX_LISTED} more`);
    throw new Error(`The checkout has uncommitted changes to ${changed.length === 1 ? 'a tracked file' : `${changed.length} tracked files`}, ` +
        `and a release holds exactly the commit it is named after (${revision}), never changes made on top of it:\n` +
        `${listed.join('\n')}\n` +
        'Commit them (in an earlier step of the job, and push), or undo them (`git stash`, or ' +
        '`git checkout -- <file>`) to publish the commit as it is.');
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(6118);
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/source/file-tree.ts
/**
 * The entries a tarball is packed from: by default the tree of a folder on the file system,
 * read with synchronous calls (see the comment of tarball.ts for why). The packer takes any
 * {@link EntrySource}, and hashes and packs exactly what it yields.
 */


/**
 * The tree under `root` on the file system, `root` first, depth-first with names in byte order
 * (the order of a NAR); sockets, fifos and devices are left out. A file is opened, stat'ed once
 * and closed when the next entry is asked for (or the walk is abandoned).
 */
function* fileTree(root) {
    const stack = [
        { abs: root, rel: '', kind: 'directory' }
    ];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        const { abs, rel } = item;
        if (item.kind === 'symlink') {
            yield {
                kind: 'symlink',
                rel,
                target: utf8(external_node_fs_.readlinkSync(abs, { encoding: 'buffer' }), abs)
            };
            continue;
        }
        if (item.kind === 'file') {
            const fd = external_node_fs_.openSync(abs, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
            try {
                const { size, mode } = external_node_fs_.fstatSync(fd);
                const read = (into, position) => readFully(fd, into, position, abs);
                yield { kind: 'file', rel, executable: (mode & 0o100) !== 0, size, read };
            }
            finally {
                external_node_fs_.closeSync(fd);
            }
            continue;
        }
        yield { kind: 'directory', rel };
        const dirents = external_node_fs_.readdirSync(abs, { withFileTypes: true, encoding: 'buffer' });
        // Pushed last name first, so that the first name is popped next.
        dirents.sort((a, b) => Buffer.compare(b.name, a.name));
        for (const dirent of dirents) {
            const kind = dirent.isDirectory()
                ? 'directory'
                : dirent.isFile()
                    ? 'file'
                    : dirent.isSymbolicLink()
                        ? 'symlink'
                        : undefined;
            if (kind === undefined)
                continue; // Sockets, fifos and devices have no place in a NAR.
            const name = utf8(dirent.name, abs);
            stack.push({ abs: `${abs}/${name}`, rel: rel === '' ? name : `${rel}/${name}`, kind });
        }
    }
}
/** Fill `into` from `fd` at `position`; the file must not have shrunk since it was stat'ed. */
function readFully(fd, into, position, abs) {
    for (let done = 0; done < into.length;) {
        const n = external_node_fs_.readSync(fd, into, done, into.length - done, position + done);
        if (n === 0)
            throw new Error(`${abs} changed while being packed`);
        done += n;
    }
}
/** `bytes` as a string, refusing names that are not UTF-8 (tar-stream cannot write them). */
function utf8(bytes, where) {
    if (!(0,external_node_buffer_namespaceObject.isUtf8)(bytes))
        throw new Error(`${where}: name or link target is not valid UTF-8`);
    return bytes.toString('utf8');
}

;// CONCATENATED MODULE: ./src/source/nar.ts
/**
 * The NAR hash of a tree, computed from its entries as they are handed over, one after the
 * other, without reading anything itself: the SHA-256 of the tree's Nix archive (NAR)
 * serialisation, in the SRI form Nix prints (`sha256-<base64>`, as in `narHash`).
 *
 * The serialisation, as Nix writes it:
 *
 *     archive   = str("nix-archive-1") node
 *     node      = str("(") str("type") object str(")")
 *     object    = str("regular") [str("executable") str("")] str("contents") str(<bytes>)
 *               | str("symlink") str("target") str(<target>)
 *               | str("directory") entry*
 *     entry     = str("entry") str("(") str("name") str(<name>) str("node") node str(")")
 *     str(s)    = the byte length of s as a 64-bit little-endian number, the bytes of s, then
 *                 zero bytes up to the next multiple of 8
 *
 * A directory's entries come in the byte order of their names, each name once. Nothing else
 * of a file is kept: no times, no owner, of its mode only whether its owner may execute it.
 *
 * Entries are named by their path relative to the root ('' for the root itself, `a/b` for `b`
 * inside `a`) and must come depth-first, a folder before what it holds: the order of a NAR. An
 * entry out of that order is refused rather than hashed, since no tree has that serialisation.
 * The small fixed words go through one reusable scratch buffer, handed to the hash in batches;
 * file contents go to the hash as they are, without a copy.
 */

/** `words`, each as str(word), one after the other. */
function words(...list) {
    return Buffer.concat(list.map(word => {
        const bytes = Buffer.from(word, 'utf8');
        const out = Buffer.alloc(8 + padded(bytes.length));
        out.writeUInt32LE(bytes.length, 0);
        bytes.copy(out, 8);
        return out;
    }));
}
/** `length` rounded up to a multiple of 8. */
function padded(length) {
    return length + ((8 - (length % 8)) % 8);
}
const MAGIC = words('nix-archive-1');
const DIRECTORY = words('(', 'type', 'directory');
const REGULAR = words('(', 'type', 'regular');
const EXECUTABLE = words('executable', '');
const CONTENTS = words('contents');
const SYMLINK = words('(', 'type', 'symlink', 'target');
const ENTRY = words('entry', '(', 'name');
const NODE = words('node');
const CLOSE = words(')');
const ZEROS = Buffer.alloc(8);
const SCRATCH = 16 * 1024;
class NarHasher {
    constructor() {
        this.hash = (0,external_node_crypto_.createHash)('sha256');
        this.scratch = Buffer.allocUnsafe(SCRATCH);
        this.used = 0;
        /** The folders entered and not yet left, the root first. */
        this.folders = [];
        this.started = false;
        this.done = false;
        this.put(MAGIC);
    }
    directory(rel) {
        this.begin(rel);
        this.put(DIRECTORY);
        this.folders.push({ rel, lastName: undefined });
    }
    symlink(rel, target) {
        this.begin(rel);
        this.put(SYMLINK);
        this.putString(Buffer.from(target, 'utf8'));
        this.endNode(rel);
    }
    file(rel, executable, size) {
        if (!Number.isSafeInteger(size) || size < 0)
            throw new RangeError(`${rel}: size ${size}`);
        this.begin(rel);
        this.put(REGULAR);
        if (executable)
            this.put(EXECUTABLE);
        this.put(CONTENTS);
        this.putLength(size);
        this.openFile = { rel, size, remaining: size };
        if (size === 0)
            this.endFile(this.openFile);
    }
    contents(bytes) {
        const file = this.openFile;
        if (file === undefined)
            throw new Error('NAR: file contents outside of any file');
        if (bytes.length > file.remaining)
            throw new Error(`NAR: ${file.rel} has more than its ${file.size} bytes`);
        this.flush();
        this.hash.update(bytes);
        file.remaining -= bytes.length;
        if (file.remaining === 0)
            this.endFile(file);
    }
    digest() {
        this.checkFileDone();
        if (!this.started)
            throw new Error('NAR: no entries');
        while (this.folders.length > 0)
            this.leaveFolder();
        this.flush();
        this.done = true;
        return `sha256-${this.hash.digest('base64')}`;
    }
    /** Leave the folders `rel` is not in, check its place, and open its entry (none for the root). */
    begin(rel) {
        if (this.done)
            throw new Error(`NAR: ${rel} comes after the end`);
        this.checkFileDone();
        if (!this.started) {
            if (rel !== '')
                throw new Error(`NAR: the first entry is ${rel}, not the root`);
            this.started = true;
            return;
        }
        const slash = rel.lastIndexOf('/');
        const parent = slash < 0 ? '' : rel.slice(0, slash);
        const name = rel.slice(slash + 1);
        if (rel === '' || name === '' || name === '.' || name === '..' || name.includes('\0'))
            throw new Error(`NAR: invalid entry name ${JSON.stringify(rel)}`);
        while (this.folders.length > 0 && this.folders[this.folders.length - 1].rel !== parent)
            this.leaveFolder();
        const folder = this.folders[this.folders.length - 1];
        if (folder === undefined)
            throw new Error(`NAR: ${rel} comes outside its folder`);
        const nameBytes = Buffer.from(name, 'utf8');
        if (folder.lastName !== undefined && Buffer.compare(folder.lastName, nameBytes) >= 0)
            throw new Error(`NAR: ${rel} comes after ${folder.lastName.toString('utf8')}, out of order`);
        folder.lastName = nameBytes;
        this.put(ENTRY);
        this.putString(nameBytes);
        this.put(NODE);
    }
    checkFileDone() {
        const file = this.openFile;
        if (file !== undefined)
            throw new Error(`NAR: ${file.rel} ended ${file.remaining} bytes short of its ${file.size}`);
    }
    endFile(file) {
        this.openFile = undefined;
        this.put(ZEROS.subarray(0, padded(file.size) - file.size));
        this.endNode(file.rel);
    }
    leaveFolder() {
        const folder = this.folders.pop();
        if (folder !== undefined)
            this.endNode(folder.rel);
    }
    /** Close a node, and the entry holding it unless it is the root. */
    endNode(rel) {
        this.put(CLOSE);
        if (rel !== '')
            this.put(CLOSE);
    }
    putLength(length) {
        this.reserve(8);
        this.scratch.writeUInt32LE(length % 2 ** 32, this.used);
        this.scratch.writeUInt32LE(Math.floor(length / 2 ** 32), this.used + 4);
        this.used += 8;
    }
    putString(bytes) {
        this.putLength(bytes.length);
        this.put(bytes);
        this.put(ZEROS.subarray(0, padded(bytes.length) - bytes.length));
    }
    put(bytes) {
        this.reserve(bytes.length);
        bytes.copy(this.scratch, this.used);
        this.used += bytes.length;
    }
    /** Make room for `length` more bytes in the scratch buffer. */
    reserve(length) {
        if (this.used + length <= this.scratch.length)
            return;
        this.flush();
        if (length > this.scratch.length)
            this.scratch = Buffer.allocUnsafe(padded(length));
    }
    flush() {
        if (this.used === 0)
            return;
        this.hash.update(this.scratch.subarray(0, this.used));
        this.used = 0;
    }
}

;// CONCATENATED MODULE: ./src/source/tarball.ts
/**
 * Packing a flake's source into the deterministic `.tar.gz` FlakeHub stores.
 *
 * The archive holds one top-level folder, `<basename of sourceDir>/`, then the tree walked
 * depth-first in byte order of names (the order of a NAR). It keeps exactly what a NAR keeps:
 * folders (0755), regular files with only their executable bit (0755 or 0644) and symlinks
 * with their target; sockets, fifos and devices are skipped. Every entry has uid/gid 0, no
 * user or group name and the same mtime, and the gzip header carries no timestamp or name, so
 * the same tree always gives the same bytes. Nix unpacking the tarball yields the NAR hash of
 * `sourceDir`.
 *
 * While packing, the NAR hash of what goes into the archive is computed (`narHash`): each entry
 * is told to a {@link NarSink} from the values its tar header is made of, and each piece of a
 * file from the very buffer handed to tar-stream, so the source is read only once. Where the
 * entries come from is a parameter (an {@link EntrySource}, by default the file system): what it
 * yields is both packed and hashed, so a hash equal to Nix's own proves the archive right.
 *
 * Memory stays flat whatever the size of the tree, because the bytes pass through a fixed set
 * of buffers that are used again and again (see `Arenas` and `compress`): allocating a fresh
 * buffer per file or per chunk leaves the garbage collector behind, and the process grows with
 * the tree. Files are read with synchronous calls: the source is a store path that Nix has
 * just written, so each call returns at once, while one asynchronous call per open, stat, read
 * and close costs a thread-pool round trip that made reading 20,000 small files slower than
 * compressing them. Compression runs on the thread pool while the next bytes are read.
 */









/** Regular files are read in pieces of at most this size. */
const PIECE = 64 * 1024;
/** Reads go into arenas of this size, and at most ARENAS of them are in use at once. */
const ARENA = 128 * 1024;
const ARENAS = 2;
/** After this many entries, wait until tar-stream has taken them (folders use no arena). */
const ENTRY_BATCH = 8;
/** How far tar output may run ahead of compression. */
const PACK_BUFFER = 16 * 1024;
/** zlib gets its input in slabs of this size: one is compressed while the other fills. */
const SLAB = 128 * 1024;
/** zlib's output chunk size. */
const GZIP_CHUNK = 64 * 1024;
/** The compression level (zlib's default). */
const GZIP_LEVEL = 6;
const LARGEST = 10;
/**
 * Write a gzip-compressed tarball of `sourceDir` to `destination`, every entry with mtime
 * `mtime` (seconds since the epoch). On failure, no partial file is left behind.
 */
async function packTarball(sourceDir, destination, mtime, options = {}) {
    const { signal, entries = fileTree, nar = new NarHasher() } = options;
    if (!Number.isSafeInteger(mtime) || mtime < 0)
        throw new RangeError(`invalid mtime ${mtime}`);
    const dest = external_node_path_.resolve(destination);
    const root = external_node_path_.resolve(sourceDir);
    await external_node_fs_.promises.mkdir(external_node_path_.dirname(dest), { recursive: true });
    // A source of its own (Git's) may pack a folder that does not exist yet.
    if (options.entries === undefined && !(await external_node_fs_.promises.stat(root)).isDirectory())
        throw new Error(`${root} is not a folder`);
    const written = measure();
    const pack = tar_stream.pack({ highWaterMark: PACK_BUFFER });
    const gzip = options.uncompressed
        ? copying()
        : (0,external_node_zlib_namespaceObject.createGzip)({ level: GZIP_LEVEL, chunkSize: GZIP_CHUNK });
    const out = external_node_fs_.createWriteStream(dest);
    const arenas = new Arenas();
    const stats = { entries: 0, largestFiles: [] };
    // Three loops run at once: entries into `pack`, `pack` into `gzip`, `gzip` onto disk. The
    // first error stops all three and is the one reported; the others only echo it. None of the
    // three rejects: each hands its error to `stop`.
    let failure;
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    failed.catch(() => { }); // Raced against waits in `compress`; reported below.
    const stop = (error) => {
        failure ?? (failure = { error });
        fail(error);
        arenas.close(error);
        // Without a reason: the entries still queued in `pack` then fail quietly, the error being
        // held here already.
        pack.destroy();
        gzip.destroy(error instanceof Error ? error : new Error(String(error)));
    };
    await Promise.all([
        writeEntries(pack, entries(root), external_node_path_.basename(root), mtime, arenas, stats, nar, signal).then(() => pack.finalize(), stop),
        compress(pack, gzip, chunk => arenas.giveBack(chunk), failed).catch(stop),
        (0,external_node_stream_promises_namespaceObject.pipeline)(gzip, written.pass, out).catch(stop)
    ]);
    if (failure !== undefined) {
        // Wait for the file to be closed (it may still be opening), then remove it.
        if (!out.closed)
            await new Promise(resolve => out.once('close', () => resolve(null)));
        await external_node_fs_.promises.unlink(dest).catch(() => { });
        throw failure.error;
    }
    return { path: dest, ...written.done(), narHash: nar.digest(), ...stats };
}
/**
 * In place of gzip, for an uncompressed tar: the slabs `compress` writes are used again once the
 * write has called back, which a plain pass-through does before the bytes reach the disk.
 */
function copying() {
    return new external_node_stream_namespaceObject.Transform({ transform: (chunk, _, done) => done(null, Buffer.from(chunk)) });
}
/** A pass-through that hashes (SHA-256) and counts the bytes on their way; `done` gives both. */
function measure() {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    return {
        async *pass(chunks) {
            for await (const chunk of chunks) {
                hash.update(chunk);
                size += chunk.length;
                yield chunk;
            }
        },
        done: () => ({ sha256: hash.digest('base64'), size })
    };
}
/**
 * The memory file contents are read into: a few arenas, each cut into consecutive pieces. A
 * piece goes into `pack` and comes back once `compress` has copied it out; an arena is used
 * again once all its pieces are back. Waiting for a free arena is what keeps reading from
 * running ahead of compression.
 */
class Arenas {
    constructor() {
        this.all = new Map();
        this.free = [];
    }
    /** `size` (≤ ARENA) bytes to read into, or undefined when every arena is in use. */
    take(size) {
        if (this.closed !== undefined)
            throw this.closed.error;
        let arena = this.current;
        if (arena === undefined || arena.used + size > ARENA) {
            if (arena !== undefined)
                this.retire(arena);
            arena = this.free.pop() ?? this.create();
            if (arena === undefined)
                return undefined;
            arena.used = 0;
            this.current = arena;
        }
        const piece = arena.bytes.subarray(arena.used, arena.used + size);
        arena.used += size;
        arena.lent++;
        return piece;
    }
    /** `take(size)`, waiting for an arena to come back if need be. */
    async next(size) {
        for (;;) {
            const piece = this.take(size);
            if (piece !== undefined)
                return piece;
            await new Promise(resolve => (this.wake = resolve));
        }
    }
    /** Take back `chunk` if it was cut from an arena; other chunks (tar headers) are left. */
    giveBack(chunk) {
        const arena = this.all.get(chunk.buffer);
        if (arena === undefined)
            return;
        arena.lent--;
        if (arena.lent === 0 && arena !== this.current)
            this.release(arena);
    }
    /** Make `take` throw `error` from now on, and wake a reader waiting in `next`. */
    close(error) {
        this.closed ?? (this.closed = { error });
        this.wakeUp();
    }
    create() {
        if (this.all.size === ARENAS)
            return undefined;
        const arena = { bytes: Buffer.allocUnsafeSlow(ARENA), used: 0, lent: 0 };
        this.all.set(arena.bytes.buffer, arena);
        return arena;
    }
    retire(arena) {
        this.current = undefined;
        if (arena.lent === 0)
            this.release(arena);
    }
    release(arena) {
        this.free.push(arena);
        this.wakeUp();
    }
    wakeUp() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
}
/**
 * Copy `chunks` (the tar stream) into two slabs that take turns: zlib compresses one while the
 * other is filled, and a slab is filled again only once zlib has called back for it (it is then
 * done with its bytes). Each chunk is handed to `copied` once its bytes are in a slab (the
 * chunk's buffer may then be used again). Ends `gzip` after the last byte. `failed` rejects
 * when packing has stopped.
 */
async function compress(chunks, gzip, copied, failed) {
    const slabs = [Buffer.allocUnsafeSlow(SLAB), Buffer.allocUnsafeSlow(SLAB)];
    const inZlib = [Promise.resolve(), Promise.resolve()];
    let current = 0;
    let used = 0;
    const handOver = async () => {
        const bytes = slabs[current].subarray(0, used);
        inZlib[current] = new Promise((resolve, reject) => gzip.write(bytes, err => (err ? reject(err) : resolve())));
        inZlib[current].catch(() => { }); // Awaited in turn below.
        current = 1 - current;
        used = 0;
        await Promise.race([inZlib[current], failed]);
    };
    for await (const chunk of chunks) {
        for (let offset = 0; offset < chunk.length;) {
            const n = chunk.copy(slabs[current], used, offset);
            used += n;
            offset += n;
            if (used === SLAB)
                await handOver();
        }
        copied(chunk);
    }
    if (used > 0)
        await handOver();
    await Promise.race([Promise.all(inZlib), failed]);
    gzip.end();
}
/**
 * Add every entry to `pack`, in order, and tell it to `nar`. Entries are queued without waiting
 * for each: reading waits only for a free arena, and for tar-stream after every ENTRY_BATCH
 * entries (folders, symlinks and empty files take no arena).
 */
async function writeEntries(pack, entries, top, mtime, arenas, stats, nar, signal) {
    const date = new Date(mtime * 1000);
    for await (const entry of entries) {
        signal?.throwIfAborted();
        const name = entry.rel === '' ? top : `${top}/${entry.rel}`;
        const header = { name, mtime: date, uid: 0, gid: 0, uname: '', gname: '' };
        // Only every ENTRY_BATCH-th entry is waited for; a failure of any other destroys `pack`,
        // which makes `compress` fail and stops everything.
        let added;
        let settle;
        if (++stats.entries % ENTRY_BATCH === 0)
            added = new Promise((resolve, reject) => (settle = err => (err ? reject(err) : resolve())));
        // tar-stream splits long ASCII names into the ustar prefix and name fields, and writes PAX
        // headers for what does not fit and for non-ASCII names (the tests check all of this).
        if (entry.kind === 'directory') {
            nar.directory(entry.rel);
            pack.entry({ ...header, name: `${name}/`, type: 'directory', mode: 0o755 }, settle);
        }
        else if (entry.kind === 'symlink') {
            const linkname = entry.target;
            nar.symlink(entry.rel, linkname);
            pack.entry({ ...header, type: 'symlink', mode: 0o777, linkname }, settle);
        }
        else {
            const { size } = entry;
            const mode = entry.executable ? 0o755 : 0o644;
            Object.assign(header, { type: 'file', mode, size });
            nar.file(entry.rel, mode === 0o755, size);
            if (size === 0)
                pack.entry(header, EMPTY, settle);
            else if (size <= PIECE) {
                const content = arenas.take(size) ?? (await arenas.next(size));
                await entry.read(content, 0);
                nar.contents(content);
                pack.entry(header, content, settle);
            }
            else {
                // No need to wait for the sink to drain: the arenas bound what is in flight.
                const sink = pack.entry(header, settle);
                for (let position = 0; position < size; position += PIECE) {
                    const length = Math.min(PIECE, size - position);
                    const piece = arenas.take(length) ?? (await arenas.next(length));
                    await entry.read(piece, position);
                    nar.contents(piece);
                    sink.write(piece);
                }
                sink.end(null);
            }
            noteSize(stats.largestFiles, entry.rel, size);
        }
        await added;
    }
}
const EMPTY = Buffer.alloc(0);
/** Insert the file `rel` into `top` (sorted by size, largest first, at most LARGEST long). */
function noteSize(top, rel, size) {
    if (top.length === LARGEST && size <= top[LARGEST - 1].size)
        return;
    let i = top.length;
    while (i > 0 && top[i - 1].size < size)
        i--;
    top.splice(i, 0, { path: rel, size });
    if (top.length > LARGEST)
        top.pop();
}

;// CONCATENATED MODULE: ./src/source/verify.ts
/**
 * A tarball that proves itself. Packing computes the NAR hash of exactly what it packs; before
 * anything is uploaded or any token requested, that hash must equal Nix's own hash of the same
 * tree: `locked.narHash` for a flake at the root of its source, else (a subflake, packed from a
 * subfolder) `nix hash path` of that folder, run while the tarball is packed.
 */





/**
 * Pack `source.sourceDir` into `destination` (see {@link packTarball}; `options` go to it) and
 * check the tarball's NAR hash against Nix's. A mismatch removes the tarball and throws an
 * error naming both hashes; a match is logged.
 */
async function packAndVerify(nix, source, destination, log, options = {}) {
    const subdir = source.metadata.resolved?.dir ?? '';
    const locked = source.metadata.locked?.narHash;
    const lockedHash = subdir === '' && typeof locked === 'string' ? locked : undefined;
    const by = lockedHash !== undefined
        ? "Nix's locked.narHash"
        : `nix hash path of ${subdir === '' ? 'the source' : subdir}`;
    // Packing and Nix's hashing run at once; the first to fail stops the other.
    const [tarball, expected] = await allOrStop([
        signal => packTarball(source.sourceDir, destination, source.lastModified, { ...options, signal }),
        signal => lockedHash !== undefined
            ? Promise.resolve(lockedHash)
            : nix.hashPath(source.sourceDir, { signal, log: log.info })
    ], options.signal).catch(async (error) => {
        await promises_.rm(destination, { force: true });
        throw fileSystemError(error, destination);
    });
    if (tarball.narHash !== expected) {
        await promises_.rm(tarball.path, { force: true });
        throw new Error(`The tarball does not hold the flake's source: its NAR hash is ${tarball.narHash}, ` +
            `but ${by} is ${expected}. Nothing was uploaded and no token was requested. ` +
            `Either ${source.sourceDir} changed after Nix added it to the store (\`nix store verify\` ` +
            `on its store path tells), or flakehub-push packed it wrong: please report this.`);
    }
    log.info(`NAR hash ${tarball.narHash}: verified, the same as ${by}`);
    return { ...tarball, narHashVerifiedBy: by };
}
/**
 * A file system error while packing (Node's, with a `code`), told with the tarball's path and,
 * for a full disk, what to do; any other error unchanged.
 */
function fileSystemError(error, destination) {
    const code = error?.code;
    if (!(error instanceof Error) || typeof code !== 'string' || code === 'ABORT_ERR')
        return error;
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    const hint = full
        ? ` Free space there, or have the tarball written elsewhere: \`${(0,settings_setting/* inputOf */.w)(table/* SETTINGS */.yy.destDir)}\` in a dry run, else the runner's temporary folder (RUNNER_TEMP, or TMPDIR for the command).`
        : '';
    return new Error(`Could not pack the tarball into ${destination}: ${error.message}.${hint}`, {
        cause: error
    });
}

;// CONCATENATED MODULE: ./src/source/ls-tree.ts
/**
 * The output of `git ls-tree -r -z --long`, read as untrusted text: every file, symlink and
 * submodule with its mode, object and size, checked, and walked in the order of a NAR
 * (depth-first, names in byte order, which is not Git's: Git sorts a folder as if its name ended
 * in `/`). What Git's tree says is kept as a NAR keeps it: 100755 is an executable file, 100644 a
 * plain one, 120000 a symlink (its target is the blob's bytes), and a submodule (160000, a
 * "gitlink": a commit of another repository) an empty folder, which is what Nix unpacks for it
 * when the flake's URL does not ask for submodules. git-tree.ts runs Git.
 */

/** `<mode> SP <type> SP <object> SP <size, right-aligned>` (then a tab and the path). */
const HEADER = /^([0-7]{6}) ([a-z]+) ([0-9a-f]{40}|[0-9a-f]{64}) +(-|[0-9]{1,15})$/;
/**
 * The commit's tree as `git ls-tree -r -z --long` printed it, checked, its entries told in NAR
 * order, the folder itself first (see {@link readLsTree}).
 *
 * It keeps the output as it came and, for each record, where it starts, where its path starts
 * and where it ends, in typed arrays, and makes each entry only as it is told. V8 doubles its
 * young generation each time more than its size survives, and never gives it back: the 20,000
 * entries of the benchmark's tree, kept as objects for the run, took it from 2 to 32 MB.
 */
class ListedTree {
    constructor(output) {
        let count = 0;
        for (let at = output.indexOf(0); at >= 0; at = output.indexOf(0, at + 1))
            count++;
        this.output = output;
        this.starts = new Uint32Array(count);
        this.paths = new Uint32Array(count);
        this.ends = new Uint32Array(count);
        let start = 0;
        for (let i = 0; start < output.length; i++) {
            const end = output.indexOf(0, start);
            if (end < 0)
                throw lsTreeError('an entry without its NUL', output.subarray(start));
            const tab = output.indexOf(0x09, start);
            if (tab < 0 || tab > end)
                throw lsTreeError('an entry without a path', output.subarray(start, end));
            this.starts[i] = start;
            this.paths[i] = tab + 1;
            this.ends[i] = end;
            this.leafOf(i); // Checks the record, now rather than while it is packed.
            start = end + 1;
        }
        this.order = new Uint32Array(count).map((_, i) => i).sort((a, b) => this.compare(a, b));
        for (let i = 1; i < count; i++) {
            const [a, b] = [this.order[i - 1], this.order[i]];
            if (this.holds(a, b))
                throw lsTreeError('a path twice', output.subarray(this.starts[b], this.ends[b]));
        }
    }
    /** Every entry, in NAR order, each folder before the first path in it. */
    *[Symbol.iterator]() {
        yield { kind: 'directory', rel: '' };
        // The folders that hold the path at hand, each as its path and a slash.
        const open = [];
        for (const record of this.order) {
            const leaf = this.leafOf(record);
            const rel = leaf?.rel ?? this.rel(record);
            while (open.length > 0 && !rel.startsWith(open[open.length - 1]))
                open.pop();
            const from = open.length === 0 ? 0 : open[open.length - 1].length;
            for (let slash = rel.indexOf('/', from); slash >= 0; slash = rel.indexOf('/', slash + 1)) {
                open.push(rel.slice(0, slash + 1));
                yield { kind: 'directory', rel: rel.slice(0, slash) };
            }
            yield leaf ?? { kind: 'directory', rel }; // A submodule: an empty folder.
        }
    }
    /** `git cat-file --batch`'s input: the object of each file and symlink, in order, a line each. */
    blobs() {
        const lines = Buffer.allocUnsafe(this.order.length * 65);
        let length = 0;
        for (const record of this.order) {
            const leaf = this.leafOf(record);
            if (leaf === undefined)
                continue;
            length += lines.write(leaf.object, length);
            length = lines.writeUInt8(0x0a, length);
        }
        return lines.subarray(0, length);
    }
    /** Record `i`'s path. */
    rel(i) {
        return this.output.toString('utf8', this.paths[i], this.ends[i]);
    }
    /** Record `i` as a leaf (undefined for a submodule), or the error that says what is wrong. */
    leafOf(i) {
        const record = this.output.subarray(this.starts[i], this.ends[i]);
        const fields = HEADER.exec(this.output.toString('latin1', this.starts[i], this.paths[i] - 1));
        if (fields === null)
            throw lsTreeError('an entry of another shape', record);
        const [, mode, type, object, size] = fields;
        const path = this.output.subarray(this.paths[i], this.ends[i]);
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(path))
            throw new Error(`${path.toString('latin1')}: the path is not valid UTF-8`);
        const rel = path.toString('utf8');
        if (rel.split('/').some(name => name === '' || name === '.' || name === '..'))
            throw lsTreeError('an entry with an empty, `.` or `..` name', record);
        return leafOf(mode, type, object, size, rel, record);
    }
    /**
     * NAR order of records `a` and `b`: their paths' bytes, a slash counting as less than any
     * (so that a folder's contents come right after its own name).
     */
    compare(a, b) {
        const { output, paths, ends } = this;
        const [aLength, bLength] = [ends[a] - paths[a], ends[b] - paths[b]];
        for (let i = 0; i < Math.min(aLength, bLength); i++) {
            const [x, y] = [output[paths[a] + i], output[paths[b] + i]];
            if (x !== y)
                return (x === 0x2f ? 0 : x) - (y === 0x2f ? 0 : y);
        }
        return aLength - bLength;
    }
    /** Whether record `b`'s path is `a`'s, or one inside it (`a` is sorted first). */
    holds(a, b) {
        const { output, paths, ends } = this;
        const length = ends[a] - paths[a];
        if (ends[b] - paths[b] < length)
            return false;
        if (output.compare(output, paths[a], ends[a], paths[b], paths[b] + length) !== 0)
            return false;
        return ends[b] - paths[b] === length || output[paths[b] + length] === 0x2f;
    }
}
/**
 * The entries of `git ls-tree -r -z --long` output, in NAR order, the folder itself first.
 * Anything else than that output is an error that quotes where it went wrong.
 */
function readLsTree(output) {
    return new ListedTree(output);
}
/** The leaf a record stands for; undefined for a submodule (an empty folder). */
function leafOf(mode, type, object, size, rel, record) {
    if (mode === '160000' && type === 'commit')
        return undefined;
    const bytes = Number(size); // HEADER took it as `-` (NaN here) or digits.
    if (type !== 'blob' || !Number.isSafeInteger(bytes))
        throw lsTreeError('an entry of another shape', record);
    if (mode === '120000')
        return { kind: 'symlink', rel, object, size: bytes };
    if (mode === '100644' || mode === '100755')
        return { kind: 'file', rel, object, size: bytes, executable: mode === '100755' };
    throw lsTreeError(`an entry of mode ${mode}`, record);
}
function lsTreeError(what, at) {
    return new Error(`\`git ls-tree\` printed ${what}: ${JSON.stringify(at.subarray(0, 200).toString('latin1'))}`);
}

;// CONCATENATED MODULE: ./src/source/stream-reader.ts
/**
 * Reads exactly as many bytes as asked from a stream, copying them into buffers it is given:
 * the stream's own chunks are never kept beyond the few not read yet (it is paused while more
 * than `highWater` bytes wait).
 */
class StreamReader {
    constructor(stream, highWater = 256 * 1024) {
        this.stream = stream;
        this.highWater = highWater;
        this.chunks = [];
        this.queued = 0;
        stream.on('data', (chunk) => {
            this.chunks.push(chunk);
            this.queued += chunk.length;
            if (this.queued > this.highWater)
                stream.pause();
            this.wakeUp();
        });
        stream.on('end', () => this.end({}));
        stream.on('error', error => this.end({ error }));
    }
    /** Fill all of `into`; an error if the stream ends first. */
    async readInto(into) {
        let done = 0;
        while (done < into.length) {
            await this.available();
            const chunk = this.chunks[0];
            const n = chunk.copy(into, done); // As much as both have room for.
            done += n;
            this.consume(n);
        }
    }
    /** The next line (up to `\n`, which is dropped) as text; at most `limit` bytes long. */
    async line(limit = 4096) {
        await this.available();
        // Most lines are whole in the chunk at hand: read them from it, without a copy.
        const first = this.chunks[0];
        const end = first.indexOf(0x0a);
        if (end >= 0 && end <= limit) {
            const text = first.toString('utf8', 0, end);
            this.consume(end + 1);
            return text;
        }
        const parts = [];
        let length = 0;
        for (;;) {
            await this.available();
            const chunk = this.chunks[0];
            const newline = chunk.indexOf(0x0a);
            const take = newline < 0 ? chunk.length : newline;
            parts.push(Buffer.from(chunk.subarray(0, take)));
            length += take;
            if (length > limit)
                throw new Error(`a line longer than ${limit} bytes`);
            this.consume(newline < 0 ? take : take + 1);
            if (newline >= 0)
                return Buffer.concat(parts).toString('utf8');
        }
    }
    /** Wait until a byte is there; an error once the stream has ended. */
    async available() {
        while (this.chunks.length === 0) {
            if (this.ended !== undefined)
                throw this.ended.error ?? new Error('the output ended before all of it was read');
            await new Promise(resolve => (this.wake = resolve));
        }
    }
    consume(n) {
        const chunk = this.chunks[0];
        if (n === chunk.length)
            this.chunks.shift();
        else
            this.chunks[0] = chunk.subarray(n);
        this.queued -= n;
        if (this.queued <= this.highWater / 2 && this.stream.isPaused())
            this.stream.resume();
    }
    end(ended) {
        this.ended ?? (this.ended = ended);
        this.wakeUp();
    }
    wakeUp() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
}

;// CONCATENATED MODULE: ./src/source/git-tree.ts
/**
 * A commit's tree read straight from Git, as entries to pack (see file-tree.ts): what Nix will
 * put into the store for the commit, available as soon as the commit is known, while Nix is
 * still copying it.
 *
 * `git ls-tree -r -z --long <rev>:<dir>` lists every file, symlink and submodule with its mode,
 * object and size; ls-tree.ts reads that and walks it in the order of a NAR. `git cat-file
 * --batch --buffer` then streams the contents of every file and symlink in that order
 * (stream-reader.ts), and each file's bytes are copied from what it printed into the packer's
 * buffers as the packer asks for them.
 *
 * What Git's tree cannot say (`export-ignore` and `export-subst`, which `git archive`, and so Nix
 * 2.8, apply) is why the result must be checked against Nix's own NAR hash before it is used.
 */



/** The entries of the folder `dir` of commit `revision`, listed by Git (see {@link readLsTree}). */
async function listTree(runner, options) {
    const { repository, revision, dir, signal, log } = options;
    const tree = dir === '' ? `${revision}^{tree}` : `${revision}:${dir}`;
    const args = ['-C', repository, 'ls-tree', '-r', '-z', '--long', tree];
    // Read as bytes: a name that is not UTF-8 must be seen as such, not turned into U+FFFD.
    const chunks = [];
    await runner.run('git', args, {
        signal,
        log,
        stdout: stream => stream.on('data', (chunk) => chunks.push(chunk))
    });
    return readLsTree(Buffer.concat(chunks));
}
/**
 * Git maps its pack files into memory in windows of up to 1 GiB, and keeps up to 8 GiB of them
 * mapped: reading a whole commit then shows the pack (70 MB on the benchmark's tree, the whole
 * history on a real repository) in its resident memory. Windows of 256 KiB, 1 MiB mapped at
 * most, read the benchmark's tree as fast (0.81-0.85 s either way) in 7.6 MB instead of 74 MB.
 */
const SMALL_WINDOWS = ['-c', 'core.packedGitWindowSize=256k', '-c', 'core.packedGitLimit=1m'];
/**
 * The tree's entries as an entry source for the packer: folders at once, each symlink's target
 * and each file's bytes read from one `git cat-file --batch` as the packer asks for them, in
 * order. The object Git prints must be the one asked for, of the size listed.
 */
async function* gitEntries(runner, entries, options) {
    const { repository, signal, log } = options;
    let reader;
    let stream;
    const catFile = runner.run('git', ['-C', repository, ...SMALL_WINDOWS, 'cat-file', '--batch', '--buffer'], {
        signal,
        log,
        input: entries.blobs(),
        stdout: out => {
            stream = out;
            reader = new StreamReader(out);
        }
    });
    // Its failure is seen by the reader (the output ends early) and thrown below, with Git's words.
    let failure;
    catFile.catch((error) => (failure = error));
    try {
        for (const entry of entries) {
            if (entry.kind === 'directory') {
                yield entry;
                continue;
            }
            const blob = await blobEntry(reader, entry);
            yield blob.entry;
            blob.check();
        }
        await catFile;
    }
    catch (error) {
        await catFile.catch(() => { });
        throw failure ?? error;
    }
    finally {
        stream?.resume(); // Whatever is left is read and dropped, so that git can end.
    }
}
/**
 * The next object of `git cat-file --batch`'s output as the entry `entry` names: a symlink,
 * its target read whole; or a file, its bytes read as the packer asks for them, in order.
 * `check`, once the packer is done with it, says whether it read the file whole.
 */
async function blobEntry(reader, entry) {
    const header = await reader.line();
    const expected = `${entry.object} blob ${entry.size}`;
    if (header !== expected)
        throw new Error(`\`git cat-file\` printed ${JSON.stringify(header)} where ${expected} was due`);
    if (entry.kind === 'symlink') {
        const target = Buffer.allocUnsafe(entry.size);
        await reader.readInto(target);
        await reader.line(0);
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(target))
            throw new Error(`${entry.rel}: the link target is not valid UTF-8`);
        const link = { kind: 'symlink', rel: entry.rel, target: target.toString('utf8') };
        return { entry: link, check: () => { } };
    }
    if (entry.size === 0)
        await reader.line(0); // No bytes will be asked for.
    let next = 0;
    const read = async (into, position) => {
        if (position !== next)
            throw new Error(`${entry.rel}: read out of order`);
        await reader.readInto(into);
        next += into.length;
        if (next === entry.size)
            await reader.line(0); // The newline after the object.
    };
    const { rel, executable, size } = entry;
    return {
        entry: { kind: 'file', rel, executable, size, read },
        check: () => {
            if (next !== entry.size)
                throw new Error(`${entry.rel}: not read whole`);
        }
    };
}

;// CONCATENATED MODULE: ./src/source/store-path.ts
/**
 * The store path Nix gives a tree it copies into its store as a flake's source, computed from the
 * tree's NAR hash, as Nix computes it (a content-addressed path: "fixed output, recursive,
 * SHA-256" with no references). The tarball's top folder is named after it, so a tarball packed
 * before Nix has copied the tree can carry the very name Nix will give it.
 *
 *   fingerprint = "source:sha256:<NAR hash, hex>:<store dir>:<name>"
 *   path        = <store dir>/<base-32 of the SHA-256 of the fingerprint, folded to 20 bytes>-<name>
 */

/** Nix's own base-32 alphabet (no e, o, u, t). */
const ALPHABET = '0123456789abcdfghijklmnpqrsvwxyz';
/** `bytes` in Nix's base 32 (its last byte first, five bits at a time). */
function nixBase32(bytes) {
    const length = Math.ceil((bytes.length * 8) / 5);
    let out = '';
    for (let n = length - 1; n >= 0; n--) {
        const bit = n * 5;
        const i = Math.floor(bit / 8);
        const j = bit % 8;
        const value = (bytes[i] >> j) | (i + 1 < bytes.length ? bytes[i + 1] << (8 - j) : 0);
        out += ALPHABET[value & 0x1f];
    }
    return out;
}
/** The store path of a source tree whose NAR hash is `narHash` (`sha256-<base64>`). */
function sourceStorePath(narHash, storeDir = '/nix/store', name = 'source') {
    const match = /^sha256-([A-Za-z0-9+/]{43}=)$/.exec(narHash);
    if (match === null)
        throw new Error(`Not a SHA-256 NAR hash: ${narHash}`);
    const hex = Buffer.from(match[1], 'base64').toString('hex');
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`source:sha256:${hex}:${storeDir}:${name}`).digest();
    const folded = new Uint8Array(20);
    for (let i = 0; i < digest.length; i++)
        folded[i % 20] ^= digest[i];
    return `${storeDir}/${nixBase32(folded)}-${name}`;
}

;// CONCATENATED MODULE: ./src/source/top-renamer.ts
/**
 * A tar's top folder renamed in place, block by block, for renamed-top.ts: only the bytes of the
 * name change, where tarball.ts (tar-stream) writes it: at the start of each entry's ustar name,
 * or of its ustar prefix when a long name is split, or of the `path` record that begins a PAX
 * header's data (long and non-ASCII names); each ustar header changed gets its checksum made
 * again. Anything else than that layout is an error, never a tar with the stand-in left in it.
 */
/** A tar's block: every header and every entry's data start on one. */
const BLOCK = 512;
/** Walks the tar block by block, renaming the top folder in every entry's name. */
class TopRenamer {
    constructor(from, to) {
        this.from = from;
        this.to = to;
        /** Blocks of data left in the entry at hand. */
        this.dataLeft = 0;
        /** The next block is the start of a PAX header's data. */
        this.paxData = false;
        this.ended = false;
        if (from.length !== to.length)
            throw new RangeError(`The names ${from} and ${to} differ in length: a tar cannot be renamed so`);
    }
    /** Rename in `bytes`, the tar's next whole blocks (from where the previous call ended). */
    rename(bytes) {
        if (bytes.length % BLOCK !== 0)
            throw this.error('does not end on a block');
        for (let at = 0; at < bytes.length; at += BLOCK) {
            const block = bytes.subarray(at, at + BLOCK);
            if (this.dataLeft > 0) {
                if (this.paxData)
                    this.renamePaxPath(block);
                this.paxData = false;
                this.dataLeft--;
            }
            else if (this.ended || block.every(byte => byte === 0)) {
                if (!block.every(byte => byte === 0))
                    throw this.error('goes on after its end');
                this.ended = true;
            }
            else
                this.renameHeader(block);
        }
    }
    /** After the last bytes: an error unless the tar ended where it should. */
    finish() {
        // (Data left means no end yet: the end is only looked for between entries.)
        if (!this.ended)
            throw this.error('ends in the middle');
    }
    renameHeader(header) {
        // Octal digits, ended by a NUL or a space, where parseInt stops.
        const size = Number.parseInt(header.toString('latin1', 124, 136), 8);
        if (!Number.isSafeInteger(size))
            throw this.error('has a header without a size');
        this.dataLeft = Math.ceil(size / BLOCK);
        this.paxData = false;
        // A PAX header, and the header after its data, are both named PaxHeader (tar-stream): the
        // entry's name is in the PAX data.
        if (header.toString('latin1', 0, 10) === 'PaxHeader\0') {
            this.paxData = header[156] === 0x78;
            return;
        }
        // The name's start: the ustar prefix when the name was split, else the name field.
        const start = header[345] === 0 ? 0 : 345;
        this.replace(header, start);
        const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 0x20 : byte), 0);
        header.write(sum.toString(8).padStart(6, '0'), 148);
    }
    /** The `path` record that starts the PAX data: `<length> path=<name>\n`. */
    renamePaxPath(data) {
        const record = /^\d+ path=/.exec(data.toString('latin1', 0, 32));
        if (record === null)
            throw this.error('has a PAX header that does not start with a path');
        this.replace(data, record[0].length);
    }
    replace(bytes, at) {
        if (!this.from.equals(bytes.subarray(at, at + this.from.length)))
            throw this.error(`has an entry whose name does not start with ${this.from}`);
        this.to.copy(bytes, at);
    }
    error(what) {
        return new Error(`The uncompressed tarball ${what}: it cannot be renamed (a bug of packing)`);
    }
}

;// CONCATENATED MODULE: ./src/source/renamed-top.ts
/**
 * A tar's top folder renamed as the tar is compressed. Packing a flake at the root of its
 * repository from Git, the top folder's name (the store path's, made from the tree's NAR hash)
 * is known only once the whole tree has been read. Rather than read the tree twice, once to hash
 * it and once to pack it, it is packed once, uncompressed, under a stand-in name of the same
 * length, and the right name is put in here (top-renamer.ts), on the way to gzip.
 */






/** The tar is read in slabs of this size: whole blocks, as the renamer takes them. */
const renamed_top_SLAB = 256 * BLOCK;
/**
 * Compress the tar `raw` into the .tar.gz `destination`, its top folder `from` renamed `to` (of
 * the same length in bytes). On failure, no partial file is left behind; `raw` is left as is.
 */
async function compressRenamed(raw, destination, names, signal) {
    const renamer = new TopRenamer(Buffer.from(names.from), Buffer.from(names.to));
    const dest = external_node_path_.resolve(destination);
    const gzip = (0,external_node_zlib_namespaceObject.createGzip)({ level: GZIP_LEVEL, chunkSize: GZIP_CHUNK });
    const written = measure();
    const writing = (0,external_node_stream_promises_namespaceObject.pipeline)(gzip, written.pass, external_node_fs_.createWriteStream(dest));
    // What stops `compress` waiting for zlib: writing to disk failing.
    const failed = writing.then(() => new Promise(() => { }));
    failed.catch(() => { }); // Raced in `compress`; `writing` is awaited below.
    try {
        await compress(renamedSlabs(raw, renamer, signal), gzip, () => { }, failed);
        await writing;
    }
    catch (error) {
        gzip.destroy();
        await writing.catch(() => { });
        await external_node_fs_.promises.rm(dest, { force: true });
        throw error;
    }
    return { path: dest, ...written.done() };
}
/**
 * The tar `raw`, renamed, a slab at a time read into one buffer: `compress` copies each slab
 * out before it asks for the next.
 */
async function* renamedSlabs(raw, renamer, signal) {
    const input = await external_node_fs_.promises.open(raw, 'r');
    try {
        const slab = Buffer.allocUnsafeSlow(renamed_top_SLAB);
        for (let position = 0;;) {
            signal?.throwIfAborted();
            const { bytesRead } = await input.read(slab, 0, renamed_top_SLAB, position);
            if (bytesRead === 0)
                break;
            const bytes = slab.subarray(0, bytesRead);
            renamer.rename(bytes);
            yield bytes;
            position += bytesRead;
        }
        renamer.finish();
    }
    finally {
        await input.close();
    }
}

;// CONCATENATED MODULE: ./src/source/early-pack.ts
/**
 * Packing from Git while Nix copies: the tarball (and its NAR hash) made from the commit's tree
 * as Git holds it (git-tree.ts), started as soon as the commit is known, beside Nix's locate.
 * It is used only once Nix has located the flake and agrees: the NAR hash must be Nix's (and
 * the store path and mtime what Nix reports). Where it is not (Nix 2.8 exports a commit with
 * `git archive`, which applies `.gitattributes`: export-ignore, export-subst, end-of-line
 * conversion), the tarball is packed again from the store path, as without this, and the log
 * says why.
 *
 * The top folder of the tarball is named after the source's store path (as when it is packed
 * from there): for a flake at the root of its repository that name is computed from the tree's
 * NAR hash (store-path.ts), known only once the tree has been read, so the tree is packed under
 * a stand-in name and renamed as it is compressed (renamed-top.ts): Git is read once. A
 * subflake's folder keeps its own name.
 */







/** Pack the commit's tree (its folder `dir`) from Git into `destination`. */
async function packFromGit(runner, commit, destination, options = {}) {
    const { signal, log } = options;
    const storeDir = options.storeDir ?? process.env.NIX_STORE_DIR ?? '/nix/store';
    const git = { repository: commit.top, signal, log };
    const [entries, lastModified] = await Promise.all([
        listTree(runner, { ...git, revision: commit.revision, dir: commit.dir }),
        commitTime(runner, commit, options)
    ]);
    const entriesOf = () => gitEntries(runner, entries, git);
    if (commit.dir !== '') {
        // A subflake's folder keeps its own name: packed as it is read.
        const sourceDir = external_node_path_.posix.join(storeDir, 'unknown-source', commit.dir);
        const tarball = await packTarball(sourceDir, destination, lastModified, {
            signal,
            entries: entriesOf
        });
        return { ...tarball, sourceDir, lastModified };
    }
    // At the root, the top folder's name comes from the NAR hash of the whole tree: packed under a
    // stand-in name, uncompressed, then renamed as it is compressed (renamed-top.ts).
    const raw = `${destination}.tar`;
    try {
        const packed = await packTarball(external_node_path_.posix.join(storeDir, STAND_IN), raw, lastModified, {
            signal,
            entries: entriesOf,
            uncompressed: true
        });
        const sourceDir = sourceStorePath(packed.narHash, storeDir);
        const names = { from: STAND_IN, to: external_node_path_.posix.basename(sourceDir) };
        const tarball = await compressRenamed(raw, destination, names, signal);
        return { ...packed, ...tarball, sourceDir, lastModified };
    }
    finally {
        await promises_.rm(raw, { force: true });
    }
}
/** The top folder's name until the store path's is known: as long, and no store path's. */
const STAND_IN = `${'e'.repeat(32)}-source`;
/** The commit's time (committer date, seconds), which Nix reports as `lastModified`. */
async function commitTime(runner, commit, { signal, log }) {
    const args = ['-C', commit.top, 'show', '-s', '--format=%ct', commit.revision];
    const { stdout } = await runner.run('git', args, { signal, log });
    const seconds = Number(stdout.trim());
    if (!Number.isSafeInteger(seconds))
        throw new Error(`\`git show\` printed no commit time: ${stdout}`);
    return seconds;
}
/**
 * Whether the tarball packed from Git is the one Nix's source gives: the same NAR hash (Nix's
 * `locked.narHash` at the root of the repository, else `nix hash path` of the subflake's folder),
 * the same top folder and the same mtime. Returns it verified, or undefined with the reason
 * logged (the caller packs again from the store path).
 */
async function confirmEarly(early, source, nix, options) {
    const { log, signal } = options;
    const subdir = source.metadata.resolved?.dir ?? '';
    const locked = source.metadata.locked?.narHash;
    const rootHash = subdir === '' && typeof locked === 'string' ? locked : undefined;
    const by = rootHash !== undefined
        ? "Nix's locked.narHash"
        : `nix hash path of ${subdir === '' ? 'the source' : subdir}`;
    const expected = rootHash ?? (await nix.hashPath(source.sourceDir, { signal, log }));
    const why = early.narHash !== expected
        ? `its NAR hash is ${early.narHash}, but ${by} is ${expected} (Nix 2.8 exports a commit ` +
            `with \`git archive\`, which applies .gitattributes: export-ignore, export-subst, ` +
            `end-of-line conversion)`
        : external_node_path_.basename(early.sourceDir) !== external_node_path_.basename(source.sourceDir)
            ? `its top folder is ${external_node_path_.basename(early.sourceDir)}, but Nix's source is ${source.sourceDir}`
            : early.lastModified !== source.lastModified
                ? `its mtime is ${early.lastModified}, but Nix's lastModified is ${source.lastModified}`
                : undefined;
    if (why !== undefined) {
        log(`The tarball packed from Git is not Nix's source: ${why}; packing again from the store path.`);
        return undefined;
    }
    log(`NAR hash ${early.narHash}: verified, the same as ${by} (packed from Git while Nix copied)`);
    return { ...early, narHashVerifiedBy: by };
}
/**
 * The tarball of the flake at `commit`, packed from Git while Nix locates it (`located`, the
 * promise of what it finds), confirmed against what it located, else packed again from the
 * store path (see the top of this file). Should packing from Git fail, the tarball is packed
 * from the store path, and the log says why; should `located` fail, packing from Git is
 * stopped, its tarball removed, and that error is the one thrown.
 */
async function packWhileLocating(runner, nix, commit, located, destination, log, signal) {
    const stop = new AbortController();
    const both = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
    const early = packFromGit(runner, commit, destination, { signal: both, log: log.info }).catch((error) => {
        if (!both.aborted)
            log.info(`Could not pack from Git (${firstLine(error)}); packing from the store path.`);
        return undefined;
    });
    let source;
    try {
        source = await located;
    }
    catch (error) {
        stop.abort(error);
        await early;
        await promises_.rm(destination, { force: true });
        throw error;
    }
    const packed = await early;
    const confirmed = packed === undefined
        ? undefined
        : await confirmEarly(packed, source, nix, { signal, log: log.info });
    if (confirmed !== undefined)
        return confirmed;
    await promises_.rm(destination, { force: true });
    return packAndVerify(nix, source, destination, log, { signal });
}
function firstLine(error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

;// CONCATENATED MODULE: ./src/source/fast-tmpdir.ts
/**
 * A fast TMPDIR for Nix. Nix before 2.20 unpacks a Git flake's source into TMPDIR
 * (`git archive`) before it adds it to the store. On a disk with history (ext4 soon after many
 * files were deleted, as on a runner or a laptop that publishes twice) creating the tree there
 * costs several times what it costs on a fresh disk. A tmpfs has no such history: where one has
 * room for the source, Nix's children get a folder of their own in it as TMPDIR.
 *
 * Room: the tree as tmpfs stores it (each file in whole pages, each folder a page), with a
 * quarter more and 64 MiB to spare, must be free in the tmpfs; and since a tmpfs is memory,
 * the memory available must also hold it beside 512 MiB for everything else.
 */





/**
 * Whether Nix `version` ([major, minor]) unpacks a Git flake into TMPDIR. From 2.20 Nix reads
 * the commit through libgit2 straight into its store (on this machine, 2.26 took about as long
 * with TMPDIR on disk as on a tmpfs); the boundary is that change, only 2.8, 2.26 and 2.34 were
 * measured.
 */
function unpacksIntoTmpdir([major, minor]) {
    return major < 2 || (major === 2 && minor < 20);
}
/** `f_type` of a tmpfs (statfs(2)). */
const TMPFS_MAGIC = 0x01021994;
const PAGE = 4096;
const SPARE_BYTES = 64 * 1024 ** 2;
const MEMORY_RESERVE_BYTES = 512 * 1024 ** 2;
/** The bytes a tmpfs takes to hold `entries` (whole pages per file and per folder). */
function tmpfsFootprint(entries) {
    let sum = 0;
    for (const entry of entries)
        sum += entry.kind === 'directory' ? PAGE : Math.ceil(entry.size / PAGE) * PAGE;
    return sum;
}
/** Whether a folder with `room` holds a tree of `needed` bytes, memory `available` beside it. */
function fits(needed, room, available) {
    return (room.type === TMPFS_MAGIC &&
        room.free >= needed * 1.25 + SPARE_BYTES &&
        (available === undefined || available >= needed + MEMORY_RESERVE_BYTES));
}
/** The folders to try, in order: /dev/shm, then $XDG_RUNTIME_DIR. */
function candidates(env) {
    const runtime = env.XDG_RUNTIME_DIR;
    return ['/dev/shm', ...(runtime !== undefined && external_node_path_.isAbsolute(runtime) ? [runtime] : [])];
}
const systemRoom = {
    room(dir) {
        try {
            const stats = external_node_fs_.statfsSync(dir);
            return { type: Number(stats.type), free: Number(stats.bavail) * Number(stats.bsize) };
        }
        catch {
            return undefined;
        }
    },
    memAvailable() {
        try {
            return readMemAvailable(external_node_fs_.readFileSync('/proc/meminfo', 'utf8'));
        }
        catch {
            return undefined;
        }
    }
};
/** The first of `dirs` that holds `needed` bytes (see {@link fits}), or undefined. */
function chooseTmpdir(needed, dirs, probe) {
    const available = probe.memAvailable();
    return dirs.find(dir => {
        const room = probe.room(dir);
        return room !== undefined && fits(needed, room, available);
    });
}
/**
 * A fresh folder for Nix's TMPDIR on a tmpfs that holds the whole tree of `revision` (Nix
 * unpacks all of it, also for a subflake), or undefined when none does; `log` says which.
 */
async function fastTmpdir(runner, repository, revision, options) {
    const { env = process.env, probe = systemRoom, signal, log } = options;
    const entries = await listTree(runner, { repository, revision, dir: '', signal, log });
    const needed = tmpfsFootprint(entries);
    const dirs = candidates(env);
    const chosen = chooseTmpdir(needed, dirs, probe);
    const mb = (bytes) => `${Math.ceil(bytes / 1e6)} MB`;
    if (chosen === undefined) {
        log(`No tmpfs with room for the source (${mb(needed)}) in ${dirs.join(', ')}: Nix's TMPDIR stays as it is.`);
        return undefined;
    }
    const dir = external_node_fs_.mkdtempSync(external_node_path_.join(chosen, 'flakehub-push-nix-'));
    log(`Nix's TMPDIR: ${dir} (a tmpfs; the source takes ${mb(needed)} there)`);
    return { dir, needed };
}
/**
 * Before Nix locates the flake: where this Nix unpacks the source into TMPDIR and TMPDIR is not
 * a tmpfs already, give every later `nix` a fast TMPDIR when one has room (see the top of this
 * file). Returns the folder made, for the run to remove at its end.
 */
async function useFastTmpdir(runner, nix, commit, log, options = {}) {
    const { probe = systemRoom } = options;
    if (!unpacksIntoTmpdir(await nix.version({ log: log.info })))
        return undefined;
    const tmpdir = external_node_os_.tmpdir();
    if (probe.room(tmpdir)?.type === TMPFS_MAGIC) {
        log.info(`Nix's TMPDIR: ${tmpdir}, a tmpfs already`);
        return undefined;
    }
    const fast = await fastTmpdir(runner, commit.top, commit.revision, { ...options, log: log.info });
    if (fast !== undefined)
        nix.useTmpdir(fast.dir);
    return fast?.dir;
}

;// CONCATENATED MODULE: ./src/source/locate.ts
/**
 * Locating the flake: where Nix finds the commit's flake (its metadata, the locked URL and the
 * source's store path), whether its lock file is up to date, and its README.
 */



/**
 * Locate the commit's flake: one metadata call, which also checks the lock file when the commit
 * holds one. Nix reads the flake from Git at the commit (see commit.ts), so the store path it
 * gives (and so the tarball, and the NAR hash it is checked against) is the commit's tree.
 */
async function locateSource(nix, commit, log) {
    const [metadata] = await Promise.all([
        nix.metadata(commit.flakeRef, commit.hasLock, { log: log.info }).catch((error) => {
            throw commit.hasLock ? staleLockError(error, commit) : error;
        }),
        nix.version({ log: log.info })
    ]);
    const storePath = metadata.path ?? (await nix.prefetch(commit.flakeRef, { log: log.info }));
    if (typeof metadata.lastModified !== 'number') {
        throw new Error(`\`nix flake metadata\` reported no lastModified for ${commit.flakeRef}.`);
    }
    if (typeof metadata.url !== 'string') {
        throw new Error(`\`nix flake metadata\` reported no locked URL for ${commit.flakeRef}.`);
    }
    const dir = metadata.resolved?.dir ?? '';
    const source = {
        metadata,
        description: typeof metadata.description === 'string' ? metadata.description : null,
        lastModified: metadata.lastModified,
        flakeRef: metadata.url,
        sourceDir: dir === '' ? storePath : external_node_path_.join(storePath, dir)
    };
    log.info(`Flake ${source.flakeRef}`);
    log.info(`Source ${source.sourceDir}${commit.hasLock ? ' (flake.lock is up to date)' : ' (no flake.lock)'}`);
    return source;
}
/**
 * The commit's flake.lock does not lock what its flake.nix asks for. Nix says so in words that
 * depend on its version, and 2.8 even advises `--no-write-lock-file` (which would hide the
 * drift): say what to do, and keep the command and Nix's message below.
 */
function staleLockError(error, commit) {
    const stale = /requires lock file changes|cannot write modified lock file/;
    if (!(error instanceof command/* CommandError */.Qd) || !stale.test(error.stderr))
        return error;
    const lock = commit.dir === '' ? 'flake.lock' : `${commit.dir}/flake.lock`;
    return new Error(`${lock} in commit ${commit.revision} is out of date: it does not lock what flake.nix asks for. ` +
        `Run \`nix flake lock\`${commit.dir === '' ? '' : ` in ${commit.dir}`}, commit ${lock}, and run again.\n\n${error.message}`);
}
/** The text of the first file named `readme.md` in any case, or null. */
async function findReadme(dir, signal) {
    const entries = await promises_.readdir(dir, { withFileTypes: true });
    const names = entries
        .filter(e => e.isFile() && e.name.toLowerCase() === 'readme.md')
        .map(e => e.name)
        .sort();
    return names.length === 0
        ? null
        : promises_.readFile(external_node_path_.join(dir, names[0]), { encoding: 'utf8', signal });
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The pipeline, wherever it runs: settings → checks → repository facts → source → evaluation
 * and tarball → release → dry run, or token and publish → report. The {@link Place} says how
 * each place-bound step is done, and the {@link Services} (built by the entry point) how the run
 * reaches the world; nothing below asks where it is.
 */


















/**
 * One run. Cancelling it (`services.signal`, aborted by the entry point on SIGINT or SIGTERM)
 * stops every child and the packing, and no service is asked anything after it: the run then
 * reports that it was cancelled, with the signal's exit status.
 */
async function run(place, reading, services) {
    const { reporter, signal } = services;
    const scratch = new Scratch();
    const phases = new Phases(reporter);
    const state = { publishing: false };
    try {
        const settings = accept(place, reading, services);
        const { release, facts } = await prepare(place, settings, services, phases, scratch);
        signal.throwIfAborted();
        if (settings.destDir !== undefined) {
            const tooBig = uploadSizeProblem(release, settings.spelling);
            if (tooBig !== undefined)
                reporter.warning(`FlakeHub would refuse this release. ${tooBig}`);
            const written = await writeRelease(release, settings.destDir);
            reporter.info(`Dry run: wrote ${written.tarball} and ${written.metadata}; nothing was published.`);
            await reporter.finished(release, 'dry-run', phases.timings, { destDir: settings.destDir });
            return;
        }
        const outcome = await publish(place, settings, release, facts, services, phases, state);
        await reporter.finished(release, outcome, phases.timings, { host: settings.host });
    }
    catch (error) {
        await scratch.remove(); // before saying so
        const { reason } = signal;
        if (signal.aborted && reason instanceof errors/* Cancelled */.cJ)
            await reporter.failed(reason.report(state.publishing), reason.exitCode);
        else {
            const failure = signal.aborted ? reason : error;
            const at = failure instanceof LocatedError ? failure.at : undefined;
            await reporter.failed((0,errors/* errorMessage */.gJ)(failure), undefined, at);
        }
    }
    finally {
        await scratch.remove();
    }
}
/**
 * The settings, once their secrets are kept out of the log (the place's first: the runner
 * ignores a mask that comes after the text it should hide), their warnings shown, and both
 * they and the place found fit for a run; else the one error that says what to change.
 */
function accept(place, reading, services) {
    for (const secret of [...place.secrets, ...reading.secrets])
        services.secrets.add(secret);
    for (const warning of reading.warnings)
        services.reporter.warning(warning);
    for (const note of reading.notes)
        services.reporter.info(note);
    if (reading.problems !== undefined)
        throw new errors/* InputError */.dz(reading.problems);
    place.check(reading.settings, services.now());
    services.signal.throwIfAborted();
    return reading.settings;
}
/** Everything before any token: the commit, its facts, the evaluation and the tarball. */
async function prepare(place, settings, services, phases, scratch) {
    const { reporter: log, signal } = services;
    // Every nix and git of the run is stopped when it is cancelled.
    const runner = (0,command/* stoppedBy */.$)(services.runner, signal);
    const nix = new Nix(runner, log);
    await nix.require({ log: line => log.debug(line) });
    const { commit, facts } = await phases.run('Repository', async (phaseLog) => {
        const { ref } = settings.spelling;
        const wording = { rev: ref(table/* SETTINGS */.yy.rev), gitRoot: ref(table/* SETTINGS */.yy.gitRoot) };
        const commit = await nameCommit(runner, settings, wording, phaseLog);
        return { commit, facts: await place.facts(settings, commit, { ...services, log }) };
    });
    signal.throwIfAborted();
    const folder = await scratch.create(settings.destDir ?? place.scratchBase);
    const packing = new priority/* PackingPriority */.sn(services.priority, message => log.debug(message));
    const evaluator = new Evaluator(nix, folder);
    const work = { runner, nix, evaluator, phases, log, signal, packing };
    const tarballPath = external_node_path_.join(folder, 'source.tar.gz');
    const flake = await locateEvaluateAndPack(work, settings, commit, scratch, tarballPath);
    return { release: makeRelease(settings, facts, flake), facts };
}
/**
 * Two lines side by side, from the moment the commit is known: Nix locates the flake (with a
 * fast TMPDIR where one helps), then the evaluation and the README follow; beside it, the
 * tarball is packed from Git and, once Nix has located the flake, confirmed against it (or
 * packed again from the store path). The first failure stops the rest, and so does aborting
 * `signal`.
 */
async function locateEvaluateAndPack(work, settings, commit, scratch, tarballPath) {
    const { runner, nix, evaluator, phases, log, signal, packing } = work;
    let found;
    const located = new Promise(resolve => (found = resolve));
    const [[source, outputs, readme], tarball] = await allOrStop([
        async (stop) => {
            const source = await phases.run('Locate flake', async (phaseLog) => {
                // Written now, off the evaluation's path; an error is told as detail here, and comes
                // again, as the run's failure, with the evaluation.
                if (!settings.myFlakeIsTooBig)
                    void evaluator.prepare().catch((error) => {
                        log.debug(`Could not write the inspect flake yet: ${(0,errors/* errorMessage */.gJ)(error)}`);
                    });
                scratch.alsoRemove(await useFastTmpdir(runner, nix, commit, phaseLog, { signal: stop }));
                return locateSource(nix, commit, phaseLog);
            });
            found(source);
            const [outputs, readme] = await allOrStop([
                stop => evaluate(evaluator, source.flakeRef, settings, phases, stop, packing).catch((error) => {
                    throw locateError(error, rootOf(source));
                }),
                stop => findReadme(source.sourceDir, stop)
            ], stop);
            return [source, outputs, readme];
        },
        stop => phases.run('Package', log => pack(work, commit, located, tarballPath, log, stop))
    ], signal);
    return { source, outputs, readme, tarball };
}
/**
 * How Nix names the flake's source in a trace: its store path (its folder, less the subflake's
 * path in it), and the commit of its locked URL.
 */
function rootOf(source) {
    const dir = source.metadata.resolved?.dir ?? '';
    const storePath = dir === '' ? source.sourceDir : external_node_path_.join(source.sourceDir, ...dir.split('/').map(() => '..'));
    const revision = /[?&]rev=([0-9a-f]+)/.exec(source.flakeRef)?.[1];
    return revision === undefined ? { storePath } : { storePath, revision };
}
/** The tarball, packed from Git while Nix locates the flake, and checked against Nix's source. */
async function pack(work, commit, located, tarballPath, log, stop) {
    const source = untilStopped(located, stop);
    const tarball = await packWhileLocating(work.packing.runner(work.runner), work.nix, commit, source, tarballPath, log, stop);
    log.info(`Tarball: ${tarball.size} bytes, ${tarball.entries} entries, sha256 ${tarball.sha256}`);
    return tarball;
}
/** The late token, then FlakeHub: only with a finished release in hand. */
async function publish(place, settings, release, facts, services, phases, state) {
    const { reporter: log, signal } = services;
    const calls = { ...services, log };
    const publishing = {
        ...calls,
        idToken: place.idToken(settings, facts, calls),
        owner: await place.owner(settings)
    };
    signal.throwIfAborted();
    state.publishing = true;
    return phases.run('Upload', () => publishRelease(release, settings, publishing));
}
/** The run's scratch folder for the tarball, removed at the end whatever happens. */
class Scratch {
    constructor() {
        this.others = [];
    }
    /** A fresh folder under `base` (the dry run's folder, or a temporary one). */
    async create(base) {
        await promises_.mkdir(base, { recursive: true });
        this.folder = await promises_.mkdtemp(external_node_path_.join(base, '.flakehub-push-'));
        return this.folder;
    }
    /** Remove `folder` too, at the end (Nix's fast TMPDIR). */
    alsoRemove(folder) {
        if (folder !== undefined)
            this.others.push(folder);
    }
    async remove() {
        const folders = [...(this.folder === undefined ? [] : [this.folder]), ...this.others];
        this.folder = undefined;
        this.others = [];
        await Promise.all(folders.map(folder => promises_.rm(folder, { recursive: true, force: true })));
    }
}


/***/ }),

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ namePartsProblem),
/* harmony export */   EJ: () => (/* binding */ semverOfTag),
/* harmony export */   Gm: () => (/* binding */ flakeRefs),
/* harmony export */   SF: () => (/* binding */ releaseVersion),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   cz: () => (/* binding */ flakeNameProblem),
/* harmony export */   qT: () => (/* binding */ foldRepository)
/* harmony export */ });
/* unused harmony export namePartProblem */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/** Names and versions of a release: pure rules, no I/O. */

/**
 * `owner/project` from a repository path. Extra segments (GitLab subgroups) fold into the
 * project name with `-`: `a/b/c/d` becomes `a/b-c-d`. Returns undefined without a slash or
 * with an empty segment.
 */
function foldRepository(repository) {
    const segments = repository.split('/');
    if (segments.length < 2 || segments.some(s => s === ''))
        return undefined;
    const [owner, ...project] = segments;
    return `${owner}/${project.join('-')}`;
}
/** Characters no name part may hold: they end or escape a URL's path (`?`, `#`, `%`, `\\`). */
const URL_SYNTAX = /[?#%\\]/;
/**
 * Why `part` cannot be one part of a published name (an owner, a project), or undefined when
 * it can. Each part becomes a segment of FlakeHub's upload path, so it must be a plain word:
 * printable ASCII, no whitespace, not `.` or `..`, none of `? # % \\`.
 */
function namePartProblem(part) {
    if (part === '')
        return 'has an empty part';
    if (!/^[\x21-\x7e]+$/.test(part))
        return 'must be ASCII with no whitespace';
    if (part === '.' || part === '..')
        return `cannot have "${part}" as a part (a URL reads it as a folder step)`;
    const bad = URL_SYNTAX.exec(part)?.[0];
    if (bad !== undefined)
        return `holds "${bad}"; a name may not hold "?", "#", "%" or "\\"`;
    return undefined;
}
/** The first problem of any part of a `/`-separated name, or undefined when every part is fine. */
function namePartsProblem(name) {
    for (const part of name.split('/')) {
        const problem = namePartProblem(part);
        if (problem !== undefined)
            return problem;
    }
    return undefined;
}
/** Why `name` cannot be a published flake name, or undefined when it can. */
function flakeNameProblem(name) {
    if (!/^[\x21-\x7e]*$/.test(name))
        return 'must be ASCII with no whitespace';
    const slashes = name.split('/').length - 1;
    if (slashes !== 1)
        return `must contain exactly one "/" (it has ${slashes})`;
    const [owner, project] = name.split('/');
    if (owner === '' || project === '')
        return 'needs text on both sides of the "/"';
    return namePartsProblem(name);
}
const ESCAPES = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value as a problem quotes it: control characters escaped, so that it stays on one line. */
function quoted(value) {
    const shown = value.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x1f\x7f]/g, c => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return `"${shown}"`;
}
/**
 * The SemVer part of a tag (`v1.2.3` → `1.2.3`), or undefined when the tag, after an optional
 * leading `v`, is not exactly a SemVer version.
 */
function semverOfTag(tag) {
    const bare = tag.startsWith('v') ? tag.slice(1) : tag;
    // semver also accepts a second `v`, a leading `=` and surrounding blanks: rule those out.
    return /^\d\S*$/.test(bare) && semver__WEBPACK_IMPORTED_MODULE_0__.valid(bare) !== null ? bare : undefined;
}
/** The version to publish: the tag as it is, or `<major>.<minor>.<commits>+rev-<revision>`. */
function releaseVersion(scheme, commitCount, revision) {
    if (scheme.kind === 'tag')
        return scheme.tag;
    return `${scheme.major}.${scheme.minor}.${commitCount}+rev-${revision}`;
}
/** The flake references a user copies: at least this version, and exactly this version. */
function flakeRefs(uploadName, version) {
    return { atLeast: `${uploadName}/${version}`, exact: `${uploadName}/=${version}` };
}


/***/ }),

/***/ 2443:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ detectPlace)
});

// UNUSED EXPORTS: PLACES

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: ./src/process/child-env.ts
var child_env = __nccwpck_require__(8561);
;// CONCATENATED MODULE: ./src/places/around.ts
/**
 * The Git repository around the folder a run starts in, for the places outside GitHub Actions:
 * its top (the default `git-root`) and the repository its `origin` remote names (the default
 * `repository`), so that the command gives the same result from any folder of a checkout.
 * Asked once, when the place is entered, before the settings are read; the remote's URL is never
 * shown (it may carry a token, as GitLab's clones do), only the path read from it.
 */


/** The real `git`, with no token in its environment, given a few seconds at most. */
const realGit = args => {
    try {
        return (0,external_node_child_process_.execFileSync)('git', args, {
            encoding: 'utf8',
            env: (0,child_env/* childEnvironment */.Qc)(process.env),
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 10000
        });
    }
    catch {
        return undefined; // not a repository, no such remote, or no git: the settings say so later
    }
};
/** The repository around `folder`, or undefined when it is in none. */
function repositoryAround(folder, git = realGit) {
    const top = git(['-C', folder, 'rev-parse', '--show-toplevel'])?.trim();
    if (!top)
        return undefined;
    const origin = git(['-C', folder, 'remote', 'get-url', 'origin'])?.trim();
    return origin ? { top, origin } : { top };
}
/**
 * The `owner/project` path of a remote's URL (subgroups kept: the settings fold them):
 * `https://github.com/o/p.git`, `git@gitlab.com:g/s/p.git`, `ssh://git@host:22/o/p`; undefined
 * for a URL with no host (a folder), or a path of fewer than two parts.
 */
function originRepository(url) {
    let repoPath;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        if (!URL.canParse(url))
            return undefined;
        const parsed = new URL(url);
        if (parsed.protocol === 'file:' || parsed.hostname === '')
            return undefined;
        repoPath = decodeURIComponent(parsed.pathname);
    }
    else {
        // scp-like: [user@]host:path, where the host has no slash before the colon.
        repoPath = /^(?:[^@/]+@)?[^:/]+:(?!\/\/)(.+)$/.exec(url)?.[1];
    }
    if (repoPath === undefined)
        return undefined;
    const parts = repoPath
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .split('/')
        .filter(part => part !== '' && part !== '~');
    return parts.length >= 2 ? parts.join('/') : undefined;
}
/**
 * The defaults of a run outside GitHub Actions in `cwd`: `git-root` the top of the repository
 * around it, `directory` found from it, and the repository the `origin` remote names.
 */
function aroundDefaults(cwd, git = realGit) {
    const around = repositoryAround(cwd, git);
    const origin = around?.origin === undefined ? undefined : originRepository(around.origin);
    return {
        repository: origin ?? '',
        repositoryFrom: origin === undefined ? '' : 'the `origin` remote',
        ...(around === undefined ? {} : { gitRoot: around.top }),
        startFolder: cwd
    };
}

// EXTERNAL MODULE: ./src/flakehub/answers.ts
var answers = __nccwpck_require__(8539);
// EXTERNAL MODULE: ./src/flakehub/http.ts + 1 modules
var flakehub_http = __nccwpck_require__(4623);
// EXTERNAL MODULE: ./src/settings/setting.ts
var setting = __nccwpck_require__(1013);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __nccwpck_require__(2221);
;// CONCATENATED MODULE: ./src/places/github-graphql.ts
/**
 * What GitHub knows about the repository, in one GraphQL query: commit count, topics, licence
 * and ids. Only used when publishing; a dry run asks local Git instead.
 */




const QUERY = `query ($owner: String!, $name: String!, $revision: String!) {
  repository(owner: $owner, name: $name) {
    databaseId
    owner {
      __typename
      ... on User { databaseId }
      ... on Organization { databaseId }
    }
    licenseInfo { spdxId }
    object(expression: $revision) {
      ... on Commit { history { totalCount } }
    }
    repositoryTopics(first: 20) { edges { node { topic { name } } } }
  }
}`;
/**
 * What the code reads of the answer, and nothing more: a missing repository comes with
 * `errors`; `object` is null for an unknown revision and has no `history` for a non-commit.
 */
const ANSWER = (0,answers/* object */.Ik)({
    data: (0,answers/* optional */.lq)((0,answers/* nullable */.me)((0,answers/* object */.Ik)({
        repository: (0,answers/* nullable */.me)((0,answers/* object */.Ik)({
            databaseId: answers/* count */.U9,
            owner: (0,answers/* object */.Ik)({ databaseId: (0,answers/* optional */.lq)(answers/* count */.U9) }),
            licenseInfo: (0,answers/* nullable */.me)((0,answers/* object */.Ik)({ spdxId: (0,answers/* nullable */.me)(answers/* string */.Yj) })),
            object: (0,answers/* nullable */.me)((0,answers/* object */.Ik)({ history: (0,answers/* optional */.lq)((0,answers/* object */.Ik)({ totalCount: answers/* count */.U9 })) })),
            repositoryTopics: (0,answers/* object */.Ik)({
                edges: (0,answers/* array */.YO)((0,answers/* object */.Ik)({ node: (0,answers/* object */.Ik)({ topic: (0,answers/* object */.Ik)({ name: answers/* string */.Yj }) }) }))
            })
        }))
    }))),
    errors: (0,answers/* optional */.lq)((0,answers/* array */.YO)((0,answers/* object */.Ik)({ message: answers/* string */.Yj })))
});
async function githubFacts(services, graphqlUrl, token, repository, revision, limits) {
    const { http, log, secrets } = services;
    const [owner, name] = repository.split('/');
    const request = {
        method: 'POST',
        url: graphqlUrl,
        headers: { Authorization: `bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { owner, name, revision } }),
        limits: { connectMs: limits.connectMs, answerMs: limits.graphqlMs }
    };
    const call = { what: 'GitHub GraphQL', method: request.method, url: graphqlUrl };
    return (0,flakehub_http/* exchange */.cv)(http, call.what, request, response => readFacts(response, call, repository, revision, secrets), (0,flakehub_http/* retryPolicy */.Jb)(limits, line => log.info(line), secrets));
}
/** What GitHub's answer says about the commit, or one error that says what is wrong. */
function readFacts(response, call, repository, revision, secrets) {
    if (!(0,flakehub_http/* isSuccess */.oJ)(response.status)) {
        throw new Error(`GitHub's GraphQL API could not be asked about ${repository}: ${(0,answers/* callRoute */.Ob)(call)} answered ${(0,answers/* describeAnswer */.O1)(response, secrets)}.`);
    }
    const result = (0,answers/* readAnswer */.JN)(call, response, ANSWER, secrets);
    const repo = result.data?.repository;
    if (repo == null) {
        const why = result.errors?.map(e => secrets.redact(e.message)).join('; ') ?? 'no repository in the answer';
        throw new Error(`GitHub has no repository ${repository} that this token can see (${why}). ` +
            `Check that the repository exists and that \`${(0,setting/* inputOf */.w)(table/* SETTINGS */.yy.githubToken)}\` can read it.`);
    }
    const commits = repo.object?.history?.totalCount;
    if (commits === undefined) {
        throw new Error(`GitHub does not know commit ${revision} in ${repository}. Was it pushed?`);
    }
    return {
        revision,
        commitCount: commits,
        topics: repo.repositoryTopics.edges.map(edge => edge.node.topic.name),
        // GitHub says NOASSERTION for a licence it could not identify: that is no licence id.
        spdxIdentifier: repo.licenseInfo?.spdxId === 'NOASSERTION' ? null : (repo.licenseInfo?.spdxId ?? null),
        githubIds: { repository: repo.databaseId, owner: repo.owner.databaseId }
    };
}

;// CONCATENATED MODULE: ./src/places/facts.ts

/** Facts from local Git alone: no topics and no licence (`spdx-expression` says it). */
async function localFacts(settings, commit, services, shallow = {
    deepen: 'Use `fetch-depth: 0` with actions/checkout to count every commit.',
    refuseRolling: false
}) {
    const { revision } = commit;
    if (commit.shallow && settings.version.kind === 'rolling' && shallow.refuseRolling) {
        throw new Error(`The checkout at ${commit.top} is a shallow clone, so it cannot count the commits that lead to ` +
            `${revision}, and a rolling version is made of that count: it would be too low, and sort ` +
            `before the releases already published. ${shallow.deepen}`);
    }
    const commitCount = await commit.git.commitCount(revision);
    if (commit.shallow) {
        services.log.warning(`The checkout at ${commit.top} is shallow, so its commit count (${commitCount}) is too low. ${shallow.deepen}`);
    }
    return { revision, commitCount, topics: [], spdxIdentifier: null };
}
/** Facts from GitHub's GraphQL API, for the commit being published. */
function graphqlFacts(settings, commit, graphqlUrl, services) {
    return githubFacts(services, graphqlUrl, settings.githubToken, settings.repository, commit.revision, settings.timeouts);
}

;// CONCATENATED MODULE: ./src/places/given-token.ts


/** The variable GitLab's job declares its ID token in (the README's, the component's). */
const GITLAB_TOKEN = 'GITLAB_JWT_ID_TOKEN';
/** The variable any other CI hands its OIDC token in. */
const CI_TOKEN = 'FLAKEHUB_PUSH_OIDC_TOKEN';
const idTokensBlock = (audience) => `id_tokens:\n  ${GITLAB_TOKEN}:\n    aud: ${audience}`;
/**
 * What is wrong with a token handed in from outside (a CI's variable), or undefined: it must be
 * a JWT (three base64url parts, the middle one a JSON object with a numeric `exp`) that has not
 * expired yet. Says nothing of the token's content.
 */
function givenTokenProblem(token, now) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return `is not a JWT (three base64url parts joined by dots): it has ${parts.length} ${parts.length === 1 ? 'part' : 'parts'}`;
    const names = ['first (header)', 'middle (claims)', 'last (signature)'];
    const bad = parts.findIndex(part => !/^[A-Za-z0-9_-]+$/.test(part));
    if (bad >= 0)
        return `is not a JWT: its ${names[bad]} part is not base64url text`;
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        claims = undefined;
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
        return 'is not a JWT: its middle part is not a JSON object';
    const exp = claims.exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp))
        return 'has no expiry: its claims hold no numeric `exp`';
    const expiresAt = exp * 1000;
    if (expiresAt > now)
        return undefined;
    if (expiresAt < -8.64e15)
        return 'expired long ago (its `exp` is out of range)';
    const seconds = Math.floor((now - expiresAt) / 1000);
    const ago = seconds < 60
        ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'} ago`
        : `${Math.floor(seconds / 60)} ${seconds < 120 ? 'minute' : 'minutes'} ago`;
    return `expired at ${new Date(expiresAt).toISOString()}, ${ago}`;
}
/**
 * Refuse, before the evaluation, a given token that FlakeHub would refuse after it: one that
 * is not a JWT, or that has expired already. The message names the variable, never the token.
 */
function checkGivenToken(variable, token, audience, now) {
    const problem = givenTokenProblem(token, now);
    if (problem === undefined)
        return;
    if (variable === GITLAB_TOKEN) {
        throw new Error(`${GITLAB_TOKEN} ${problem}. GitLab makes this token for each job from the job's \`id_tokens:\`, and it ` +
            "lives as long as the job's timeout: declare it there (not as a variable of your own) and run the job again.\n\n" +
            idTokensBlock(audience));
    }
    throw new Error(`${variable} ${problem}. Put a fresh OIDC token (a JWT) for the audience ${audience} into ${variable}, ` +
        'made by your CI in the same job, right before this command.');
}
/** Every way to get a token, for a run that has none. */
function noTokenSource(audience) {
    return new Error(`There is no way to get a FlakeHub token here: this is neither GitHub Actions nor GitLab CI, and ${CI_TOKEN} is not set. Either:\n` +
        '- run it in GitHub Actions, with `permissions: id-token: write`;\n' +
        `- run it in GitLab CI, with \`id_tokens: { ${GITLAB_TOKEN}: { aud: ${audience} } }\` in the job;\n` +
        `- in another CI, put an OIDC token for the audience ${audience} into ${CI_TOKEN};\n` +
        `- against a local FlakeHub, give \`--${(0,setting/* flagOf */.i)(table/* SETTINGS */.yy.jwtIssuerUri)} <uri>\` (and \`--${(0,setting/* flagOf */.i)(table/* SETTINGS */.yy.githubToken)}\`) for a development token;\n` +
        `- or make a dry run with \`--${(0,setting/* flagOf */.i)(table/* SETTINGS */.yy.destDir)} <folder>\`, which needs no token.`);
}
/** A token the environment holds, read only when it is asked for. */
function variableToken(env, name, missing) {
    return async (audience) => {
        const token = env[name]?.trim();
        if (!token)
            throw missing(audience);
        return token;
    };
}

// EXTERNAL MODULE: ./src/places/text-reporter.ts
var text_reporter = __nccwpck_require__(771);
;// CONCATENATED MODULE: ./src/places/ci.ts
/**
 * Any other CI, recognised by the OIDC token it hands over in `FLAKEHUB_PUSH_OIDC_TOKEN`: plain
 * text, the repository facts from local Git (a rolling release from a shallow clone refused),
 * and the defaults of the repository around the current folder (around.ts), as on a developer's
 * machine.
 */





/** How a shallow clone is deepened outside GitHub and GitLab. */
const UNSHALLOW = {
    deepen: 'Fetch the whole history first (`git fetch --unshallow`).',
    refuseRolling: true
};
function ciPlace(env, cwd) {
    const token = () => env[CI_TOKEN]?.trim() || undefined;
    return {
        name: ci.name,
        defaults: { ...aroundDefaults(cwd), refName: '', workspace: cwd },
        reporter: options => (0,text_reporter/* placeTextReporter */._D)(options, env, false),
        secrets: [token() ?? []].flat(),
        check(settings, now) {
            if (settings.destDir !== undefined)
                return;
            const given = token();
            if (given === undefined)
                throw noTokenSource(settings.audience);
            checkGivenToken(CI_TOKEN, given, settings.audience, now);
        },
        facts: (settings, commit, services) => localFacts(settings, commit, services, UNSHALLOW),
        idToken: () => variableToken(env, CI_TOKEN, noTokenSource),
        owner: async (settings) => settings.repository.split('/')[0],
        scratchBase: external_node_os_.tmpdir()
    };
}
const ci = {
    name: `CI (${CI_TOKEN})`,
    detect: env => Boolean(env[CI_TOKEN]?.trim()),
    enter: ciPlace
};

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(4942);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new lib/* HttpClient */.Qq('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/report.ts
var report = __nccwpck_require__(665);
;// CONCATENATED MODULE: ./src/places/github-summary.ts
/** What the run tells people: step outputs and the job summary. */


/** Set the step outputs: on success, on an accepted conflict and after a dry run. */
function setOutputs(release, outcome) {
    for (const [name, value] of Object.entries((0,report/* outputsOf */.Yz)(release, outcome)))
        setOutput(name, value);
}
/**
 * `text` as HTML text (and as a double-quoted attribute value): the summary is HTML, and names,
 * labels and outputs come from others.
 */
function escapeHtml(text) {
    const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
    return text.replace(/[&<>"]/g, c => entities[c]);
}
/** A table of two columns, with its headings. */
function github_summary_table(headings, rows) {
    return [headings.map(data => ({ data, header: true })), ...rows];
}
/** The release, field by field, each value as HTML. */
function releaseRows(release) {
    const { metadata, tarball } = release;
    const html = escapeHtml;
    return [
        ['Flake', html(release.uploadName)],
        ['Version', html(release.version)],
        ['Visibility', metadata.visibility],
        ['Revision', html(metadata.revision)],
        ['Tarball', `${tarball.size.toLocaleString('en-US')} bytes, ${tarball.entries} entries`],
        ['SHA-256', html(tarball.sha256)],
        [
            'NAR hash',
            `${html(tarball.narHash)} (verified: the same as ${html(tarball.narHashVerifiedBy)})`
        ],
        ['Labels', html(metadata.labels.join(', ')) || '(none)'],
        ['Licence', html(metadata.spdx_identifier ?? '(none)')]
    ];
}
/** Write the job summary: what was released, how to use it, and where the time went. */
async function writeSummary(release, outcome, timings, where) {
    const html = escapeHtml;
    const heading = `${report/* HEADINGS */.Ac[outcome]} ${html(release.uploadName)} ${html(release.version)}`;
    const summary = summary_summary
        .addHeading(heading, 2)
        .addTable(github_summary_table(['Field', 'Value'], releaseRows(release)))
        .addHeading('Use it', 3)
        .addCodeBlock(html(`inputs.flake.url = "https://flakehub.com/f/${release.uploadName}/*";\n# this release or newer:\n${release.flakeRefs.atLeast}\n# exactly this release:\n${release.flakeRefs.exact}`), 'nix');
    if ('host' in where)
        summary.addLink('Open on FlakeHub', html((0,report/* flakePage */.XF)(where.host, release)));
    else
        summary.addRaw(`Written to <code>${html(where.destDir)}</code>.`, true);
    const counts = Object.entries(release.metadata.outputs.counts);
    summary.addHeading('Outputs', 3);
    if (counts.length === 0)
        summary.addRaw('No outputs with a schema.', true);
    else
        summary.addTable(github_summary_table(['Output', 'Count'], counts.map(([o, n]) => [html(o), String(n)])));
    const phases = [...timings].map(([phase, seconds]) => [html(phase), seconds.toFixed(2)]);
    summary.addHeading('Time per phase', 3).addTable(github_summary_table(['Phase', 'Seconds'], phases));
    await summary.write();
}
/**
 * Write the job summary of a failed run: the phase that failed (or that the run stopped before
 * any), the error (what failed and what to do: the run's own words), and every phase that ended.
 */
async function writeFailureSummary(message, phases) {
    const html = escapeHtml;
    const failed = phases.find(phase => phase.outcome === 'failed');
    const heading = failed !== undefined
        ? `Failed: ${html(failed.name)}`
        : phases.length === 0
            ? 'Failed before it started'
            : 'Failed';
    const summary = summary_summary.addHeading(heading, 2).addCodeBlock(html(message));
    if (phases.length === 0)
        summary.addRaw('No phase ran: nothing was evaluated or published.', true);
    else
        summary
            .addHeading('Phases', 3)
            .addTable([
            ['Phase', 'Result', 'Seconds'].map(data => ({ data, header: true })),
            ...phases.map(phase => [html(phase.name), html(phase.outcome), phase.seconds.toFixed(2)])
        ]);
    await summary.write();
}

;// CONCATENATED MODULE: ./src/places/github-reporter.ts
/**
 * GitHub Actions' way of reporting a run: workflow commands (groups, annotations, masks), step
 * outputs and the job summary. Everything printed has the run's secrets hidden, and text from
 * the flake or from Nix is printed so that the runner reads none of it as a command.
 */




/** A line the runner could read as a workflow command: `::name::` at its start, or `##[` anywhere. */
const COMMAND_LIKE = /^\s*::|##\[/;
/**
 * Print `lines` so that the runner reads none of them as a workflow command, whatever they hold
 * (names and messages from the flake, Nix's own output): lines that could be one are framed by
 * `::stop-commands::<token>` and `::<token>::`, with a token nobody can guess. Masks are never
 * registered inside the frame (the runner would ignore them there); printing is synchronous, so
 * nothing else can print in between.
 */
function printInert(lines) {
    if (!lines.some(line => line.split(/\r?\n|\r/).some(part => COMMAND_LIKE.test(part)))) {
        for (const line of lines)
            info(line);
        return;
    }
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    process.stdout.write(`::stop-commands::${token}${external_node_os_.EOL}${lines.join(external_node_os_.EOL)}${external_node_os_.EOL}::${token}::${external_node_os_.EOL}`);
}
/** How GitHub hides a secret: a mask the runner applies to everything the job prints. */
function githubMask(value) {
    setSecret(value);
}
/** `debug` in the runner's debug mode (re-run with debug logging, or `RUNNER_DEBUG=1`). */
function githubVerbosity() {
    return isDebug() ? 'debug' : 'normal';
}
/**
 * GitHub Actions: the toolkit's workflow commands, step outputs and job summary. At `verbose`
 * the detail is printed; otherwise it goes to the runner's debug log, shown in its debug mode.
 */
function githubReporter(secrets, verbosity) {
    const hide = (text) => secrets.hide(text);
    // Every phase that ended, for the summary of a failed run.
    const ended = [];
    return {
        verbosity,
        info: line => printInert([hide(line)]),
        // Annotations and debug lines are workflow commands whose text the toolkit escapes (`%`,
        // CR, LF), so their text cannot start a command of its own.
        warning: message => warning(hide(message)),
        debug: message => verbosity === 'verbose' ? printInert([hide(message)]) : debug(hide(message)),
        phaseStarted: name => info(`▶ ${hide(name)}…`),
        phaseEnded(name, outcome, seconds, lines) {
            ended.push({ name, outcome, seconds });
            startGroup(hide(`${name} (${outcome} in ${seconds.toFixed(2)} s)`));
            printInert(lines.map(hide));
            endGroup();
        },
        async finished(release, outcome, timings, where) {
            setOutputs(release, outcome);
            // Always there on a runner; the command may also run in a step that has no summary.
            if (process.env.GITHUB_STEP_SUMMARY)
                await writeSummary(release, outcome, timings, where);
        },
        async failed(message, exitCode = 1, at) {
            // An error placed in the flake's files is annotated on its line (the file from the
            // repository's top, as GitHub places annotations).
            if (at === undefined)
                setFailed(hide(message));
            else
                error(hide(message), {
                    file: at.file,
                    startLine: at.line,
                    startColumn: at.column
                });
            process.exitCode = exitCode;
            if (process.env.GITHUB_STEP_SUMMARY)
                await writeFailureSummary(hide(message), ended);
        }
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/flakehub/deadline.ts + 2 modules
var deadline = __nccwpck_require__(7349);
// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __nccwpck_require__(7194);
;// CONCATENATED MODULE: ./src/places/github-token.ts
/**
 * GitHub's OIDC token for the job (`core.getIDToken`): only with `permissions: id-token: write`,
 * each request bounded by the run's limits (the toolkit takes none, see deadline.ts) and
 * retried when it fails in passing.
 */





const PERMISSIONS_HINT = `Add this to the job (or workflow) that runs the action:

permissions:
  id-token: write
  contents: read`;
/**
 * The job's OIDC token from GitHub, each call bounded by the run's limits; retries are told to
 * `log`, and `secrets` kept out of what an error quotes.
 */
const githubIdToken = (limits, log, secrets) => (audience, signal) => requestGithubIdToken({ limits, log, secrets }, audience, signal);
/**
 * `core.getIDToken`, with the missing-permission case explained, each attempt bounded and
 * failures retried. `getIDToken` takes no timeout: {@link bounded} destroys the requests it
 * started once the limit passes, so a hung socket cannot outlive the attempt (see deadline.ts).
 */
async function requestGithubIdToken({ limits, log, secrets }, audience, signal) {
    const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    if (!url || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new Error(`GitHub did not offer an OIDC token to this job (ACTIONS_ID_TOKEN_REQUEST_URL is not set). FlakeHub needs one. ${PERMISSIONS_HINT}`);
    }
    const { connectMs, oidcMs } = limits;
    const label = `GitHub OIDC token (GET ${(0,src_secrets/* pathOf */.XM)(url)})`;
    let seen;
    let attempts = 0;
    // What core says may quote the body of an answer: on one line, redacted, its start only.
    const reasonOf = (error) => secrets.bodyStart((0,errors/* errorMessage */.gJ)(error), 300);
    try {
        return await (0,flakehub_http/* retrying */.R$)('GitHub OIDC token', () => {
            attempts++;
            seen = undefined;
            return (0,deadline/* bounded */.Mm)({ connectMs, answerMs: oidcMs }, () => getIDToken(audience), answer => {
                seen = answer;
            }, signal);
        }, outcome => {
            if (!('error' in outcome))
                return undefined;
            if (outcome.error instanceof deadline/* TimeoutError */.MU)
                return { reason: outcome.error.message };
            // @actions/core reports the HTTP status as "Error Code : <n>" (undefined for network
            // errors, and for a 2xx answer without a token: a proxy's page is read that way too).
            const code = /Error Code : (\d+)/.exec((0,errors/* errorMessage */.gJ)(outcome.error))?.[1];
            return code === undefined || (0,flakehub_http/* isRetriableStatus */.DM)(Number(code))
                ? { reason: reasonOf(outcome.error) }
                : undefined;
        }, { ...(0,flakehub_http/* retryPolicy */.Jb)(limits, line => log.info(line), secrets), signal });
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        const answer = seen === undefined
            ? ''
            : `; the last answer was HTTP ${seen.status} (${seen.contentType ?? 'no content type'})`;
        const noToken = /do not have ID Token field/.test((0,errors/* errorMessage */.gJ)(error));
        const what = noToken
            ? 'answered without a token (a proxy or captive portal may be answering in its place)'
            : `failed${attempts > 1 ? ` ${attempts} times; the last attempt` : ''}: ${reasonOf(error)}`;
        throw new Error(`${label} ${what}${answer}.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/places/github.ts
/**
 * GitHub Actions (`GITHUB_ACTIONS=true`): the defaults from the runner's variables, workflow
 * commands and the job summary (github-reporter.ts), the repository facts from GraphQL
 * (github-graphql.ts; local Git in a dry run), and the job's OIDC token (github-token.ts). A run
 * triggered by a pull request is refused, unless it is a dry run.
 */






/** Events a release is never published from: a pull request's code is not the repository's. */
const REFUSED_EVENTS = ['pull_request', 'pull_request_target'];
/** Refuse to publish from a pull request, before anything else is done. */
function refusePullRequest(eventName) {
    if (eventName !== undefined && REFUSED_EVENTS.includes(eventName)) {
        throw new Error(`This run was triggered by a \`${eventName}\` event; FlakeHub releases are not published from pull requests. ` +
            `Run the action on \`push\` (tags or branches) or \`workflow_dispatch\`, or set \`${(0,setting/* inputOf */.w)(table/* SETTINGS */.yy.destDir)}\` for a dry run that publishes nothing.`);
    }
}
/** The defaults a GitHub runner's variables give; the workspace is `cwd` where none is set. */
function githubDefaults(env, cwd) {
    return {
        repository: env.GITHUB_REPOSITORY ?? '',
        refName: env.GITHUB_REF_NAME ?? '',
        workspace: env.GITHUB_WORKSPACE || cwd
    };
}
/** GitHub's GraphQL API: the one the setting names, else the runner's. */
function graphqlUrl(settings, env) {
    return settings.githubGraphqlUrl || env.GITHUB_GRAPHQL_URL || 'https://api.github.com/graphql';
}
/**
 * GitHub Actions, for a run in `env`. `eventOwner` says who owns the repository the event names
 * (the action reads the event; the command takes `GITHUB_REPOSITORY_OWNER`).
 */
function githubPlace(env, cwd, eventOwner = async () => env.GITHUB_REPOSITORY_OWNER) {
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
    return {
        name: github.name,
        defaults: githubDefaults(env, cwd),
        mask: githubMask,
        reporter: ({ secrets, verbosity }) => githubReporter(secrets, githubVerbosity() === 'debug' ? 'debug' : verbosity),
        secrets: requestToken ? [requestToken] : [],
        check(settings) {
            if (settings.destDir === undefined)
                refusePullRequest(env.GITHUB_EVENT_NAME);
        },
        facts: (settings, commit, services) => settings.destDir !== undefined
            ? localFacts(settings, commit, services)
            : graphqlFacts(settings, commit, graphqlUrl(settings, env), services),
        idToken: (settings, _facts, services) => githubIdToken(settings.timeouts, services.log, services.secrets),
        owner: async (settings) => (await eventOwner()) ?? settings.repository.split('/')[0],
        scratchBase: env.RUNNER_TEMP ?? external_node_os_.tmpdir()
    };
}
const github = {
    name: 'GitHub Actions',
    // The runner sets `true`; `false` (or anything else) is a run outside Actions.
    detect: env => env.GITHUB_ACTIONS === 'true',
    enter: (env, cwd) => githubPlace(env, cwd)
};

;// CONCATENATED MODULE: ./src/places/gitlab.ts
/**
 * GitLab CI (`GITLAB_CI=true`): the defaults from GitLab's predefined variables, the log in
 * collapsible sections, the repository facts from local Git (a rolling release from a shallow
 * clone refused, since GitLab clones shallowly by default), and the job's ID token from
 * `GITLAB_JWT_ID_TOKEN`, declared under the job's `id_tokens:`.
 */




/**
 * The defaults GitLab's predefined variables give: the tag from CI_COMMIT_TAG first; the flake
 * found from the folder the job runs the command in.
 */
function gitlabDefaults(env, cwd) {
    const tag = env.CI_COMMIT_TAG ?? '';
    return {
        repository: env.CI_PROJECT_PATH ?? '',
        repositoryFrom: 'CI_PROJECT_PATH',
        refName: tag || (env.CI_COMMIT_REF_NAME ?? ''),
        refNameFrom: tag ? 'CI_COMMIT_TAG' : 'CI_COMMIT_REF_NAME',
        workspace: env.CI_PROJECT_DIR || cwd,
        rev: env.CI_COMMIT_SHA || undefined,
        startFolder: cwd
    };
}
function gitlabTokenMissing(audience) {
    return new Error(`GitLab gave this job no ID token (${GITLAB_TOKEN} is not set), and FlakeHub needs one. ` +
        `Add this to the job in .gitlab-ci.yml:\n\n${idTokensBlock(audience)}`);
}
function gitlabPlace(env, cwd) {
    const token = () => env[GITLAB_TOKEN]?.trim() || undefined;
    return {
        name: gitlab.name,
        defaults: gitlabDefaults(env, cwd),
        reporter: options => (0,text_reporter/* placeTextReporter */._D)(options, env, true),
        secrets: [token() ?? []].flat(),
        check(settings, now) {
            if (settings.destDir !== undefined)
                return;
            const given = token();
            if (given === undefined)
                throw gitlabTokenMissing(settings.audience);
            checkGivenToken(GITLAB_TOKEN, given, settings.audience, now);
        },
        facts: (settings, commit, services) => localFacts(settings, commit, services, {
            deepen: "GitLab clones shallowly by default: set `GIT_DEPTH: 0` in the job's `variables:` to fetch every commit.",
            refuseRolling: true
        }),
        idToken: () => variableToken(env, GITLAB_TOKEN, gitlabTokenMissing),
        owner: async (settings) => settings.repository.split('/')[0],
        scratchBase: external_node_os_.tmpdir()
    };
}
const gitlab = {
    name: 'GitLab CI',
    // GitLab sets `true`; a script, or gitlab-ci-local outside a job, may set `false`.
    detect: env => env.GITLAB_CI === 'true',
    enter: gitlabPlace
};

;// CONCATENATED MODULE: ./src/places/local.ts
/**
 * A developer's machine (none of the other places): the settings' defaults from the repository
 * around the current folder (around.ts), plain text with a status line on a terminal, the repository facts from local Git (or GraphQL with a GitHub token), and a token
 * only from a development issuer (`--jwt-issuer-uri`, for FlakeHub's own developers against a
 * local FlakeHub); otherwise only a dry run can work, which needs none.
 */









/** GitHub-style OIDC claims for a development token (section 13 of the protocol). */
function developmentClaims(issuer, settings, facts, now) {
    const [owner] = settings.repository.split('/');
    const iat = Math.floor(now / 1000);
    return {
        aud: 'flakehub-localhost',
        iss: issuer,
        sub: `repo:${settings.repository}:ref:refs/heads/main`,
        repository: settings.repository,
        repository_owner: owner,
        repository_id: String(facts.githubIds?.repository ?? ''),
        repository_owner_id: String(facts.githubIds?.owner ?? ''),
        sha: facts.revision,
        event_name: 'push',
        iat,
        nbf: iat,
        exp: iat + 300
    };
}
/** A development token: POST the claims to `<issuer origin>/token`; the body is the token. */
function developmentToken(issuer, settings, facts, services) {
    const { log, secrets } = services;
    return async () => {
        const url = new URL('/token', issuer).toString();
        const { connectMs, oidcMs } = settings.timeouts;
        const request = {
            method: 'POST',
            url,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(developmentClaims(issuer, settings, facts, services.now())),
            limits: { connectMs, answerMs: oidcMs }
        };
        const call = { what: 'Development JWT issuer', method: request.method, url };
        const read = (response) => {
            const token = response.body.trim();
            if (!(0,flakehub_http/* isSuccess */.oJ)(response.status) || token === '') {
                throw new Error(`The development JWT issuer at ${url} answered ${response.status} with ${token === '' ? 'no token' : `"${secrets.bodyStart(token)}"`}.`);
            }
            (0,answers/* refusePage */.Ew)(call, response, secrets); // a proxy's page is no token
            return token;
        };
        return (0,flakehub_http/* exchange */.cv)(services.http, call.what, request, read, (0,flakehub_http/* retryPolicy */.Jb)(settings.timeouts, line => log.info(line), secrets));
    };
}
/** Refuse a publish that has no token source, or a development token without its GitHub ids. */
function checkIssuer(settings) {
    if (settings.destDir !== undefined)
        return;
    if (settings.jwtIssuerUri === '')
        throw noTokenSource(settings.audience);
    if (settings.githubToken !== '')
        return;
    const { ref } = settings.spelling;
    const { jwtIssuerUri, githubToken } = table/* SETTINGS */.yy;
    throw new Error(`${ref(jwtIssuerUri)} needs ${ref(githubToken)} (or ${githubToken.variable}): the development token carries the repository ids that GitHub gives.`);
}
function localPlace(env, cwd) {
    return {
        name: local.name,
        defaults: { ...aroundDefaults(cwd), refName: '', workspace: cwd },
        reporter: options => (0,text_reporter/* placeTextReporter */._D)(options, env, false),
        secrets: [],
        check: checkIssuer,
        facts: (settings, commit, services) => settings.destDir === undefined && settings.githubToken !== ''
            ? graphqlFacts(settings, commit, settings.githubGraphqlUrl ?? 'https://api.github.com/graphql', services)
            : localFacts(settings, commit, services, UNSHALLOW),
        idToken: (settings, facts, services) => developmentToken(settings.jwtIssuerUri, settings, facts, services),
        owner: async (settings) => settings.repository.split('/')[0],
        scratchBase: external_node_os_.tmpdir()
    };
}
const local = {
    name: "a developer's machine",
    detect: () => true,
    enter: localPlace
};

;// CONCATENATED MODULE: ./src/places/list.ts
/**
 * The places a run can happen in, in the order they are recognised (section 13 of the
 * protocol): GitHub Actions, GitLab CI, any other CI that hands over a token, and a developer's
 * machine, which is every other. A new place is one module and one line here.
 */




const PLACES = [github, gitlab, ci, local];
/** The first place that recognises `env` (a developer's machine recognises any). */
function detectPlace(env) {
    return PLACES.find(place => place.detect(env)) ?? local;
}


/***/ }),

/***/ 771:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _D: () => (/* binding */ placeTextReporter),
/* harmony export */   nG: () => (/* binding */ withOutputsFile)
/* harmony export */ });
/* unused harmony exports isSet, textReporter, escapeControls, dotenvOutputs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5625);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(665);
/**
 * Reporting outside GitHub Actions: plain text, or GitLab's collapsible sections; never a
 * workflow command. Each phase prints as one block with its duration when it ends; on a
 * terminal, a status line shows the phases still running. The run's secrets are replaced by
 * `***` in everything printed, and control characters shown escaped.
 */



const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
/** The status line on a terminal: the phases running, with their times, redrawn every 100 ms. */
class StatusLine {
    constructor(err, enabled, now) {
        this.err = err;
        this.enabled = enabled;
        this.now = now;
        this.running = new Map();
        this.shown = false;
        this.frame = 0;
    }
    /** When `name` started, if it is running. */
    startOf(name) {
        return this.running.get(name);
    }
    start(name) {
        this.running.set(name, this.now());
        if (!this.enabled)
            return;
        this.ticker ?? (this.ticker = setInterval(() => {
            this.clear();
            this.draw();
        }, 100));
        this.ticker.unref();
        this.draw();
    }
    end(name) {
        this.running.delete(name);
        if (this.running.size === 0)
            this.stop();
    }
    stop() {
        if (this.ticker !== undefined)
            clearInterval(this.ticker);
        this.ticker = undefined;
    }
    clear() {
        if (this.shown)
            this.err.write('\r\x1b[K');
        this.shown = false;
    }
    draw() {
        if (!this.enabled || this.running.size === 0)
            return;
        const at = this.now();
        const phases = [...this.running].map(([name, started]) => `${name} ${((at - started) / 1000).toFixed(1)} s`);
        const line = `${SPINNER[this.frame++ % SPINNER.length]} ${phases.join(' · ')}`;
        this.err.write(`\r\x1b[K${line.slice(0, Math.max(20, (this.err.columns || 80) - 1))}`);
        this.shown = true;
    }
}
/** A phase's block: a collapsed GitLab section stamped with its start and end, or plain lines. */
function phaseBlock(title, lines, gitlab) {
    if (gitlab === undefined)
        return [`== ${title}`, ...lines.map(line => `   ${line}`)].join('\n');
    const at = (ms) => Math.floor(ms / 1000);
    const body = lines.map(line => `\n${line}`).join('');
    return (`\x1b[0Ksection_start:${at(gitlab.started)}:${gitlab.id}[collapsed=true]\r\x1b[0K${title}${body}\n` +
        `\x1b[0Ksection_end:${at(gitlab.ended)}:${gitlab.id}\r\x1b[0K`);
}
/** A CI's flag variable is set: `true` or `1` (`false`, `0` or empty are not). */
function isSet(value) {
    return value !== undefined && /^(true|1)$/i.test(value.trim());
}
/** The runner's debug mode, as GitLab (`CI_DEBUG_TRACE`) or GitHub (`RUNNER_DEBUG`) sets it. */
function debugRequested(env) {
    return env.CI_DEBUG_TRACE === 'true' || env.RUNNER_DEBUG === '1';
}
/**
 * The reporter of a place outside GitHub: colours where GitLab shows them or on a terminal
 * (unless `NO_COLOR`), a status line on a terminal outside CI, everything in a debug mode.
 */
function placeTextReporter(options, env, gitlab) {
    const terminal = options.err.isTTY === true;
    const verbosity = debugRequested(env) ? 'debug' : options.verbosity;
    return textReporter({
        ...options,
        gitlab,
        color: !env.NO_COLOR && (gitlab || terminal),
        progress: terminal && !isSet(env.CI),
        announce: gitlab || isSet(env.CI) || (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .shows */ .L7)(verbosity, 'verbose'),
        verbosity
    });
}
function textReporter(options) {
    const { out, err, gitlab, verbosity } = options;
    const now = options.now ?? Date.now;
    const status = new StatusLine(err, options.progress, now);
    let sections = 0;
    const paint = (code, text) => options.color ? `\x1b[${code}m${text}\x1b[0m` : text;
    // What is shown of a text: secrets out, and control characters (from the flake, or Nix)
    // escaped, so that only this reporter's own colours and sections reach the terminal.
    const shown = (text) => escapeControls(options.secrets.hide(text));
    /** Write `text` as it is: the caller has escaped what came from elsewhere (see `shown`). */
    const print = (sink, text) => {
        status.clear();
        sink.write(`${text}\n`);
        status.draw();
    };
    const quiet = !(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .shows */ .L7)(verbosity, 'normal');
    // The commands run are detail: shown from `verbose` on.
    const kept = (line) => (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .shows */ .L7)(verbosity, 'verbose') || !(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .isCommand */ .y9)(line);
    const announce = !options.progress && !quiet && options.announce !== false;
    return {
        verbosity,
        info: line => {
            if (!quiet && kept(line))
                print(out, shown(line));
        },
        warning: message => print(err, `${paint('33;1', 'warning:')} ${shown(message)}`),
        debug: message => {
            if ((0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .shows */ .L7)(verbosity, 'verbose'))
                print(out, `debug: ${shown(message)}`);
        },
        phaseStarted(name) {
            status.start(name);
            if (announce)
                print(out, `▶ ${shown(name)}…`);
        },
        phaseEnded(name, outcome, seconds, lines) {
            const started = status.startOf(name) ?? now() - seconds * 1000;
            status.end(name);
            if (quiet)
                return;
            const title = shown(`${name} (${outcome} in ${seconds.toFixed(2)} s)`);
            const section = gitlab
                ? { id: `flakehub_push_${++sections}`, started, ended: now() }
                : undefined;
            print(out, phaseBlock(title, lines.filter(kept).map(shown), section));
        },
        async finished(release, outcome, timings, where) {
            for (const line of resultLines(release, outcome, timings, where))
                print(out, shown(line));
        },
        failed(message, exitCode = 1) {
            status.clear();
            status.stop();
            const [first, ...rest] = shown(message).split('\n');
            const block = [`${paint('31;1', 'error:')} ${first}`, ...rest.map(line => `  ${line}`)];
            err.write(`${block.join('\n')}\n`);
            (options.exit ?? (code => (process.exitCode = code)))(exitCode);
        }
    };
}
/**
 * `text` with every control character but newline and tab shown as an escape (`\x1b`, `\r`,
 * `\u009b`): a flake's names and Nix's messages cannot move the cursor, colour the terminal,
 * or open a GitLab section.
 */
function escapeControls(text) {
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, c => {
        if (c === '\r')
            return '\\r';
        const code = c.charCodeAt(0);
        return code <= 0x7f
            ? `\\x${code.toString(16).padStart(2, '0')}`
            : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/** The result of a finished run: a heading, the release, the times and what to do next. */
function resultLines(release, outcome, timings, where) {
    const times = [...timings].map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(', ');
    return [
        ['', `${_report_js__WEBPACK_IMPORTED_MODULE_2__/* .HEADINGS */ .Ac[outcome]} ${release.uploadName} ${release.version}`].join('\n'),
        ...releaseLines(release, where),
        `time:     ${times}`,
        `next:     ${nextStep(release, outcome, where)}`
    ];
}
/** What to do once the run has finished, in one line. */
function nextStep(release, outcome, where) {
    if ('destDir' in where)
        return (`look into ${where.destDir}; to publish, run it without the dry run in CI (GitHub Actions or ` +
            "GitLab CI: see the README), where FlakeHub's token comes from.");
    const use = `inputs.${release.uploadName.split('/')[1]}.url = "https://flakehub.com/f/${release.uploadName}/*";`;
    return outcome === 'published'
        ? `use it in a flake: ${use}`
        : `nothing new was uploaded (FlakeHub had this version); commit and run again, or tag a new version. To use it: ${use}`;
}
/** The release's name, version and flake references, one to a line. */
function releaseLines(release, where) {
    return [
        `name:     ${release.uploadName}`,
        `version:  ${release.version}`,
        `flakeref: ${release.flakeRefs.atLeast}`,
        `exact:    ${release.flakeRefs.exact}`,
        'host' in where ? `page:     ${(0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .flakePage */ .XF)(where.host, release)}` : `folder:   ${where.destDir}`
    ];
}
/** The outputs as `NAME=value` lines: GitLab's `artifacts:reports:dotenv` format. */
function dotenvOutputs(release, outcome) {
    return Object.entries((0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .outputsOf */ .Yz)(release, outcome))
        .map(([name, value]) => `${name}=${value}\n`)
        .join('');
}
/** `reporter`, that also writes the outputs to `file` when the run succeeds. */
function withOutputsFile(reporter, file) {
    if (file === undefined)
        return reporter;
    return {
        ...reporter,
        async finished(release, outcome, timings, where) {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile(file, dotenvOutputs(release, outcome));
            await reporter.finished(release, outcome, timings, where);
        }
    };
}


/***/ }),

/***/ 8561:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qc: () => (/* binding */ childEnvironment)
/* harmony export */ });
/* unused harmony exports TOKEN_VARIABLES, isTokenVariable */
/* harmony import */ var _settings_table_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2221);
/**
 * The environment every child process (`nix`, `git`) gets: this process's, without the
 * variables that hold a token or lead to one. The evaluation is pure, so a flake cannot read
 * the environment anyway (`builtins.getEnv` gives ""); this is defence in depth, for a Nix
 * plugin, a Git hook or a bug that would otherwise see them.
 *
 * The list is of names, not a pattern such as `*_TOKEN`: Nix itself may need credentials of
 * its own (AWS_SESSION_TOKEN for an S3 binary cache, say), which it reads without any flake
 * seeing them.
 */

/** Tokens that this tool (its settings' and places'), GitHub's runner or GitLab's hand to the job. */
const TOKEN_VARIABLES = [
    // GitHub Actions: the OIDC request (its bearer token and URL), the runner's own tokens.
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    // The command's token sources, and every setting that holds a token.
    'FLAKEHUB_PUSH_OIDC_TOKEN',
    ...(0,_settings_table_js__WEBPACK_IMPORTED_MODULE_0__/* .secretVariables */ .c8)(),
    // GitLab CI: the job's ID token (as the README declares it) and its job tokens.
    'GITLAB_JWT_ID_TOKEN',
    'CI_JOB_TOKEN',
    'CI_JOB_JWT',
    'CI_JOB_JWT_V1',
    'CI_JOB_JWT_V2',
    'CI_REGISTRY_PASSWORD',
    'CI_DEPLOY_PASSWORD'
];
/** Whether a variable must not reach a child: a known token, or any action input. */
function isTokenVariable(name) {
    // Every action input (INPUT_GITHUB-TOKEN among them) is the action's, not a child's.
    return TOKEN_VARIABLES.includes(name) || name.toUpperCase().startsWith('INPUT_');
}
/** `env` without the token variables, plus `extra`. */
function childEnvironment(env = process.env, extra = {}) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !isTokenVariable(name))
            kept[name] = value;
    }
    return { ...kept, ...extra };
}


/***/ }),

/***/ 1760:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ stoppedBy),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   Wl: () => (/* binding */ makeProcessRunner)
/* harmony export */ });
/* unused harmony exports showCommand, STOP_GRACE_MS, processGroups, processRunner, HeadAndTail */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8561);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5625);
/**
 * Running programs (`nix`, `git`): argument arrays, never a shell. Output is captured; a
 * non-zero exit becomes a {@link CommandError} that shows the command, its status and stderr.
 *
 * This uses `child_process.spawn` rather than `@actions/exec` because evaluation runs several
 * Nix processes at once and must be able to stop the rest when one fails: `@actions/exec` offers
 * no way to end a process it started.
 *
 * Every child runs in a process group of its own, so that stopping it also stops what it
 * started (Nix's own helpers, Git's). A stop is SIGTERM to the group, then SIGKILL to what is
 * left of the group after {@link STOP_GRACE_MS}: Nix 2.8 ignores SIGTERM while it evaluates, and
 * a child of ours must never outlive the run (it would keep running under init, holding the CPU
 * and the store's locks).
 */




/**
 * How much of a failing command's stderr is kept and shown: its start (where Nix 2.8 puts the
 * message) and its end (where newer Nix puts it).
 */
const STDERR_HEAD = 16 * 1024;
const STDERR_TAIL = 64 * 1024;
class CommandError extends Error {
    constructor(commandLine, exitCode, stderr, exitSignal = null) {
        const status = exitCode !== null
            ? `exited with status ${exitCode}`
            : exitSignal !== null
                ? `was killed by ${exitSignal}`
                : 'could not be started';
        super(`\`${commandLine}\` ${status}:\n${stderr.trim() || '(no output on stderr)'}`);
        this.commandLine = commandLine;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'CommandError';
        this.status = status;
    }
}
/** Quote an argument for display only (the command itself never goes through a shell). */
function showCommand(command, args) {
    return [command, ...args]
        .map(a => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
/**
 * How long a stopped child's process group has, after SIGTERM, before SIGKILL. Long enough for
 * a program that honours SIGTERM (Git, a newer Nix between evaluations) to end cleanly, removing
 * its temporary files and releasing its locks; short enough that a run cancelled by a runner
 * (SIGINT, then SIGTERM 7.5 s later, then SIGKILL) has stopped everything and cleaned up well
 * before the runner's SIGTERM, whatever else was in flight.
 */
const STOP_GRACE_MS = 2000;
/** `kill(-pgid, signal)`: false when no process of the group is left (ESRCH). */
function killGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
        return true;
    }
    catch (error) {
        if (error.code === 'ESRCH')
            return false;
        throw error;
    }
}
const processGroups = {
    signal: killGroup,
    alive(pgid) {
        const states = groupStates(pgid);
        // Without /proc, any member counts, zombies too.
        if (states === undefined)
            return killGroup(pgid, 0);
        return states.some(state => state !== 'Z' && state !== 'X');
    }
};
/**
 * The states (R, S, D, Z, …) of the processes of group `pgid`, from /proc; undefined where there
 * is no /proc. A zombie is a process that has exited and that its parent has not reaped: an
 * orphan's parent is init, which in a container may reap late or never, and `kill(-pgid, 0)`
 * still finds the group while it holds one.
 */
function groupStates(pgid) {
    let entries;
    try {
        entries = node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync('/proc');
    }
    catch {
        return undefined;
    }
    const states = [];
    for (const entry of entries) {
        if (!/^\d+$/.test(entry))
            continue;
        let stat;
        try {
            stat = node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(`/proc/${entry}/stat`, 'utf8');
        }
        catch {
            continue; // exited meanwhile
        }
        // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(group) === pgid)
            states.push(state);
    }
    return states;
}
/**
 * After SIGKILL, how long to wait for the group to be gone (SIGKILL is delivered at the
 * process's next return from the kernel; one stuck in uninterruptible I/O is not waited for).
 */
const KILLED_WITHIN_MS = 1000;
const pause = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Whether `promise` resolves within `ms` (the timer is cleared when it does). */
function within(promise, ms) {
    return new Promise(resolve => {
        const timer = setTimeout(() => resolve(false), ms);
        void promise.then(() => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}
/** Resolves once no process of group `pgid` runs, or after `limitMs`; true if it is gone. */
async function untilGone(pgid, groups, limitMs, everyMs) {
    const until = Date.now() + limitMs;
    for (;;) {
        if (!groups.alive(pgid))
            return true;
        const left = until - Date.now();
        if (left <= 0)
            return false;
        await pause(Math.min(everyMs, left));
    }
}
/**
 * Stop `child`'s process group: SIGTERM now, SIGKILL to whatever of the group is left after
 * `graceMs`. Resolves once the group is gone: a child that exits on SIGTERM, with everything it
 * started, is never sent SIGKILL.
 */
async function stopGroup(child, closed, graceMs, groups) {
    const pgid = child.pid;
    if (pgid === undefined || !groups.signal(pgid, 'SIGTERM'))
        return closed;
    const graceEnds = Date.now() + graceMs;
    // The child has closed (it, and whatever held its output, ended); the rest of its group may
    // take a moment longer to end on the same SIGTERM.
    if (await within(closed, graceMs)) {
        if (await untilGone(pgid, groups, graceEnds - Date.now(), 50))
            return;
    }
    groups.signal(pgid, 'SIGKILL');
    await closed;
    await untilGone(pgid, groups, KILLED_WITHIN_MS, 10);
}
/** A runner of real processes, each in its own process group. */
function makeProcessRunner(settings = {}) {
    const context = {
        graceMs: settings.graceMs ?? STOP_GRACE_MS,
        groups: settings.groups ?? processGroups,
        report: settings.log ?? _log_js__WEBPACK_IMPORTED_MODULE_3__/* .SILENT */ .qY
    };
    return {
        run(command, args, options = {}) {
            const { signal } = options;
            // Nothing is started once the run is stopping.
            if (signal?.aborted)
                return Promise.reject(signal.reason);
            (options.log ?? context.report.info)(`${_log_js__WEBPACK_IMPORTED_MODULE_3__/* .COMMAND_MARK */ .iL}${showCommand(command, args)}`);
            return runChild(command, args, options, context);
        }
    };
}
/**
 * Start `command` in a process group of its own (detached: it leads a new group and session,
 * so the whole group can be signalled; never unref'd: this process waits for it), its stdout
 * kept and its stderr too, told to `report` as detail as it comes from `verbose` on.
 */
function startChild(command, args, options, report) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
        cwd: options.cwd,
        env: (0,_child_env_js__WEBPACK_IMPORTED_MODULE_2__/* .childEnvironment */ .Qc)(process.env, options.env),
        detached: true,
        stdio: [
            options.input === undefined ? 'ignore' : 'pipe',
            options.discardStdout ? 'ignore' : 'pipe',
            'pipe'
        ]
    });
    child.once('spawn', () => options.onSpawn?.(child.pid));
    // A child that ends without reading all of its input closes the pipe: its own business.
    child.stdin?.on('error', () => { });
    child.stdin?.end(options.input);
    const stdout = [];
    const stderr = new HeadAndTail(STDERR_HEAD, STDERR_TAIL);
    if (options.stdout !== undefined && child.stdout !== null)
        options.stdout(child.stdout);
    else
        child.stdout?.on('data', (chunk) => stdout.push(chunk));
    const errors = child.stderr; // Always piped.
    errors.setEncoding('utf8');
    errors.on('data', (chunk) => {
        stderr.push(chunk);
        if ((0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .shows */ .L7)(report.verbosity, 'verbose'))
            report.debug(chunk.trimEnd());
        options.onStderr?.(chunk);
    });
    return {
        child,
        output: () => ({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: stderr.text() })
    };
}
/**
 * Run `command` to its end: its output, or a {@link CommandError}. When `options.signal` is
 * aborted, its process group is stopped (see {@link stopGroup}) and the abort's reason thrown
 * once the group is gone.
 */
function runChild(command, args, options, { graceMs, groups, report }) {
    const { signal } = options;
    const commandLine = showCommand(command, args);
    return new Promise((resolve, reject) => {
        const { child, output } = startChild(command, args, options, report);
        let stopped;
        let markClosed;
        const closed = new Promise(resolve => (markClosed = resolve));
        const stop = () => {
            stopped ?? (stopped = stopGroup(child, closed, graceMs, groups));
        };
        signal?.addEventListener('abort', stop, { once: true });
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            signal?.removeEventListener('abort', stop);
            markClosed();
            if (stopped === undefined)
                outcome();
            else
                void stopped.then(() => reject(signal.reason));
        };
        child.on('error', error => {
            // A child that could not be started (it has no pid); Node still emits 'close' after.
            if (child.pid !== undefined)
                return;
            settle(() => {
                const missing = error.code === 'ENOENT';
                const hint = missing ? `\n${command} is not on PATH: install it in an earlier step.` : '';
                reject(new CommandError(commandLine, null, `${error.message}${hint}`));
            });
        });
        child.on('close', (code, exitSignal) => {
            settle(() => {
                if (code === 0)
                    resolve(output());
                else
                    reject(new CommandError(commandLine, code, output().stderr, exitSignal));
            });
        });
    });
}
/** Runs real processes, and says nothing unless a call gives its log. */
const processRunner = makeProcessRunner();
/** `runner`, every command of which is also stopped when `signal` is aborted. */
function stoppedBy(runner, signal) {
    return {
        run: (command, args, options = {}) => runner.run(command, args, {
            ...options,
            signal: options.signal === undefined ? signal : AbortSignal.any([signal, options.signal])
        })
    };
}
/**
 * The first `headLimit` and the last `tailLimit` characters of a stream of text, the tail kept
 * as chunks: Nix prints a line per attribute it evaluates, and joining each to the whole so far
 * would copy it all every time. What was left out between them is marked.
 */
class HeadAndTail {
    constructor(headLimit, tailLimit) {
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
        this.head = '';
        this.chunks = [];
        this.length = 0;
        this.dropped = 0;
    }
    push(chunk) {
        if (this.head.length < this.headLimit) {
            const room = this.headLimit - this.head.length;
            this.head += chunk.slice(0, room);
            chunk = chunk.slice(room);
            if (chunk === '')
                return;
        }
        this.chunks.push(chunk);
        this.length += chunk.length;
        while (this.length - this.chunks[0].length >= this.tailLimit) {
            const first = this.chunks.shift();
            this.length -= first.length;
            this.dropped += first.length;
        }
    }
    text() {
        const tail = this.chunks.join('');
        const cut = Math.max(0, tail.length - this.tailLimit);
        const dropped = this.dropped + cut;
        const gap = dropped > 0 ? `\n[… ${dropped} characters left out …]\n` : '';
        return this.head + gap + tail.slice(cut);
    }
}


/***/ }),

/***/ 1673:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   sn: () => (/* binding */ PackingPriority),
/* harmony export */   v8: () => (/* binding */ osPriority)
/* harmony export */ });
/* unused harmony export PACKING_NICENESS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Giving the evaluators the CPU. On a small runner the evaluation (the `nix` processes, the long
 * pole of most runs) and packing (this process's thread pool, where zlib compresses, and the
 * `git cat-file` it reads the commit from) compete for the same cores. Once the first evaluator
 * has started, packing steps back: its git children and this process's helper threads are given
 * a lower priority, so the scheduler serves `nix` first and packing takes what is left.
 *
 * The main thread keeps its priority: it starts every `nix`, and on Linux a child is born with
 * the priority of the thread that starts it, so lowering it would lower every evaluator started
 * after the first (and they could not be raised again without privileges). Until the evaluators
 * run, nothing is lowered: Nix's locate and packing share the cores, so that packing is mostly
 * done, not left for one core, when the evaluation ends.
 */


/** The niceness packing runs at beside the evaluators (0 is normal, 19 the lowest priority). */
const PACKING_NICENESS = 10;
/** Lowers real threads and processes to {@link PACKING_NICENESS}. */
const osPriority = {
    lowerHelpers() {
        for (const thread of helperThreads())
            lower(thread);
    },
    lowerProcess(pid) {
        lower(pid);
    }
};
function lower(id) {
    if (node_os__WEBPACK_IMPORTED_MODULE_1__.getPriority(id) < PACKING_NICENESS)
        node_os__WEBPACK_IMPORTED_MODULE_1__.setPriority(id, PACKING_NICENESS);
}
/**
 * This process's helper threads (Linux): the thread pool's (`libuv-worker`); where threads carry
 * no such name (Node before 22), every thread but the main one. Elsewhere, none: a priority there
 * belongs to the whole process.
 */
function helperThreads() {
    let threads;
    try {
        threads = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync('/proc/self/task');
    }
    catch {
        return [];
    }
    const others = threads.map(Number).filter(thread => thread !== process.pid);
    const named = others.filter(thread => {
        try {
            return node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(`/proc/self/task/${thread}/comm`, 'utf8').trim() === 'libuv-worker';
        }
        catch {
            return false;
        }
    });
    return named.length > 0 ? named : others;
}
/**
 * Packing's priority over one run: the runner packing starts its children with (each is
 * remembered while it runs), and the step back, once `nix` evaluates, that lowers the helper
 * threads, every child of packing still running, and each one started later. Failing to lower
 * only costs speed, so it is told to `debug` (the debug log), once, not thrown.
 */
class PackingPriority {
    constructor(priority, debug) {
        this.running = new Set();
        this.steppedBack = false;
        this.told = false;
        this.priority = priority;
        this.debug = debug;
    }
    /** `runner`, each child of which is packing's. */
    runner(runner) {
        return {
            run: (command, args, options = {}) => {
                let child;
                const ran = runner.run(command, args, {
                    ...options,
                    onSpawn: pid => {
                        child = pid;
                        this.running.add(pid);
                        if (this.steppedBack)
                            this.lower(() => this.priority.lowerProcess(pid));
                        options.onSpawn?.(pid);
                    }
                });
                return ran.finally(() => {
                    if (child !== undefined)
                        this.running.delete(child);
                });
            }
        };
    }
    /** Step back (the first call does; later ones change nothing). */
    stepBack() {
        if (this.steppedBack)
            return;
        this.steppedBack = true;
        this.lower(() => this.priority.lowerHelpers());
        for (const pid of this.running)
            this.lower(() => this.priority.lowerProcess(pid));
    }
    lower(action) {
        try {
            action();
        }
        catch (error) {
            if (!this.told)
                this.debug(`Could not lower packing's priority: ${String(error)}`);
            this.told = true;
        }
    }
}


/***/ }),

/***/ 396:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/**
 * Cancelling a run. SIGINT (Ctrl-C, a runner's cancel) or SIGTERM (`kill`, a runner that did not
 * see the run end after SIGINT) aborts the run's signal, and the run stops itself: every child's
 * process group is stopped, the scratch folder removed, one line says so, and the exit status is
 * 130 or 143. Node's default would end this process at once and leave its children running.
 */

const SIGNALS = ['SIGINT', 'SIGTERM'];
/**
 * A signal aborted, with a {@link Cancelled} reason, by the first SIGINT or SIGTERM `target`
 * (this process) receives. Later ones change nothing: the stop under way ends every child
 * within the grace, where dying at once would leave them running. The listeners stay until the
 * process ends (they do not keep it alive): a child may still be stopping when the run returns.
 */
function cancelOnSignals(target = process) {
    const controller = new AbortController();
    for (const name of SIGNALS) {
        target.on(name, () => {
            if (!controller.signal.aborted)
                controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Cancelled */ .cJ(name));
        });
    }
    return controller.signal;
}


/***/ }),

/***/ 5700:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ realServices)
/* harmony export */ });
/* harmony import */ var _flakehub_http_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4623);
/* harmony import */ var _process_command_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1760);
/* harmony import */ var _process_priority_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1673);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7194);
/** The services of a real run, as the entry points build them. */




/**
 * The real services for a run in `place`: its reporter on this process's stdout and stderr
 * (saying as much as `verbosity` asks, or more in the place's debug mode, and wrapped by
 * `report` if given), one {@link Secrets} masked as the place masks, real processes and HTTP,
 * the clock, `signal`, which cancels the run, and the operating system's priorities.
 */
function realServices(place, verbosity, signal, report = reporter => reporter) {
    const secrets = new _secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .Secrets */ .Sb(place.mask);
    const reporter = report(place.reporter({ out: process.stdout, err: process.stderr, secrets, verbosity }));
    return {
        reporter,
        secrets,
        runner: (0,_process_command_js__WEBPACK_IMPORTED_MODULE_1__/* .makeProcessRunner */ .Wl)({ log: reporter }),
        http: (0,_flakehub_http_js__WEBPACK_IMPORTED_MODULE_0__/* .httpClientTransport */ .zm)(signal),
        now: Date.now,
        signal,
        priority: _process_priority_js__WEBPACK_IMPORTED_MODULE_2__/* .osPriority */ .v8
    };
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ HEADINGS),
/* harmony export */   XF: () => (/* binding */ flakePage),
/* harmony export */   Yz: () => (/* binding */ outputsOf)
/* harmony export */ });
/* unused harmony export OUTPUTS */
const HEADINGS = {
    published: 'Published',
    'already-published': 'Already published',
    'dry-run': 'Dry run: packed, not published'
};
/** The flake's page on the FlakeHub website, for an API host such as `https://api.flakehub.com`. */
function flakePage(host, release) {
    const web = new URL(host);
    web.hostname = web.hostname.replace(/^api\./, '');
    const base = web.origin;
    return `${base}/flake/${release.uploadName}/${encodeURIComponent(release.version)}`;
}
/**
 * The outputs of a run (the action's step outputs, the command's outputs file), each name spelled
 * here only: `action.yml` declares exactly these, with these descriptions (action-yml.test.ts).
 */
const OUTPUTS = {
    flake_name: {
        description: 'The published flake name, `owner/name`.',
        value: release => release.uploadName
    },
    flake_version: { description: 'The published version.', value: release => release.version },
    flakeref_at_least: {
        description: 'A flake reference to this version or newer, `owner/name/version`.',
        value: release => release.flakeRefs.atLeast
    },
    flakeref_exact: {
        description: 'A flake reference to exactly this version, `owner/name/=version`.',
        value: release => release.flakeRefs.exact
    },
    outcome: {
        description: 'How the run ended: `published`, `already-published` (FlakeHub had this version; nothing was uploaded) or `dry-run`.',
        value: (_, outcome) => outcome
    }
};
/** The outputs of a run, by name: set on success, after a dry run, and on an accepted conflict. */
function outputsOf(release, outcome) {
    return Object.fromEntries(Object.entries(OUTPUTS).map(([name, output]) => [name, output.value(release, outcome)]));
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Sb: () => (/* binding */ Secrets),
/* harmony export */   XM: () => (/* binding */ pathOf)
/* harmony export */ });
/* unused harmony exports REDACTED, PIECE, redactPatterns */
/**
 * Keeping secrets out of what the run shows: the tokens it was given or fetched ({@link Secrets},
 * one object per run, which the entry point builds and hands to everything that shows text),
 * presigned URLs, bodies a server echoes back, GraphQL error messages. The runner masks
 * registered secrets too; this does not rely on it. Imports nothing of this project.
 */
const REDACTED = '***';
/** A remembered secret is found by any run of this many of its characters, or more. */
const PIECE = 12;
/**
 * The run's secrets, known in one place: a value {@link add}ed here is masked where the run
 * happens (the runner's `add-mask` on GitHub) and redacted from every text shown from then on,
 * also when cut: a service may echo only the start or the end of a token, so any {@link PIECE}
 * or more consecutive characters of it are redacted. A secret shorter than that is matched whole;
 * one shorter than 4 characters is no token and is ignored.
 */
class Secrets {
    /** `mask`: how the place hides a value from its log (GitHub: a mask the runner applies). */
    constructor(mask = () => { }) {
        this.mask = mask;
        /** Remembered secrets shorter than {@link PIECE}: matched whole. */
        this.short = new Set();
        /** Every {@link PIECE}-character piece of each longer remembered secret. */
        this.pieces = new Set();
        this.known = new Set();
    }
    /** Keep `value` out of everything shown from now on. */
    add(value) {
        if (value.length < 4 || this.known.has(value))
            return;
        this.known.add(value);
        this.mask(value);
        if (value.length < PIECE)
            this.short.add(value);
        else
            for (let i = 0; i + PIECE <= value.length; i++)
                this.pieces.add(value.slice(i, i + PIECE));
    }
    /** `text` with every remembered secret, whole or cut, replaced by `***`. */
    hide(text) {
        let out = text;
        for (const secret of this.short)
            out = out.split(secret).join(REDACTED);
        return hidePieces(out, this.pieces);
    }
    /** `text` with every remembered secret, token, signature and credential replaced by `***`. */
    redact(text) {
        return redactPatterns(this.hide(text));
    }
    /** The start of a body, on one line, redacted: what an error may quote of an answer. */
    bodyStart(body, max = 200) {
        // Redacted whole before it is cut, so that no cut can leave half a secret unrecognised.
        const start = this.redact(body.replace(/\s+/g, ' ').trim());
        return start.length > max ? `${start.slice(0, max)}…` : start;
    }
}
/**
 * The text with every run of {@link PIECE} or more characters that lies inside a remembered
 * secret replaced by `***`: each window of the text is looked up among the secrets' pieces,
 * and the windows found are merged, so the cost is linear in the text's length.
 */
function hidePieces(out, pieces) {
    if (pieces.size === 0 || out.length < PIECE)
        return out;
    let result = '';
    let kept = 0; // text before this index is in result already
    let coveredTo = -1; // the end of the run of found windows, or -1 outside one
    let runStart = 0;
    for (let i = 0; i + PIECE <= out.length; i++) {
        if (!pieces.has(out.slice(i, i + PIECE)))
            continue;
        if (i > coveredTo) {
            if (coveredTo >= 0) {
                result += out.slice(kept, runStart) + REDACTED;
                kept = coveredTo;
            }
            runStart = i;
        }
        coveredTo = i + PIECE;
    }
    if (coveredTo >= 0) {
        result += out.slice(kept, runStart) + REDACTED;
        kept = coveredTo;
    }
    return result + out.slice(kept);
}
/** A query parameter whose value is a credential or a signature. */
const SECRET_PARAMETER = /^(x-amz-.*|signature|sig|token|access_token|key|code)$/i;
/** The URL with the values of `X-Amz-*` and other credential parameters replaced by `***`. */
function redactUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return redactPatterns(url);
    }
    const query = parsed.search
        .slice(1)
        .split('&')
        .filter(pair => pair !== '')
        .map(pair => {
        const equals = pair.indexOf('=');
        const name = equals < 0 ? pair : pair.slice(0, equals);
        let decoded = name;
        try {
            decoded = decodeURIComponent(name);
        }
        catch {
            // An undecodable name is shown as it came.
        }
        return equals >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair;
    });
    parsed.username = parsed.username === '' ? '' : REDACTED;
    parsed.password = parsed.password === '' ? '' : REDACTED;
    parsed.search = query.length === 0 ? '' : `?${query.join('&')}`;
    return parsed.toString();
}
/** The path of a URL, without its query: what a message may name of a call. */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.replace(/[?#].*$/s, '');
    }
}
const PATTERNS = [
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
];
/** The text with every token, signature and credential the patterns know replaced by `***`. */
function redactPatterns(text) {
    let out = text;
    for (const [pattern, replacement] of PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}


/***/ }),

/***/ 8859:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B: () => (/* binding */ helpText),
  D: () => (/* binding */ parseCommandLine)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./src/settings/setting.ts
var settings_setting = __nccwpck_require__(1013);
;// CONCATENATED MODULE: ./src/settings/suggest.ts
/**
 * "Did you mean": the known name nearest to a misspelled one (a flag, an input), when it is near
 * enough to be what was meant. Near is the number of letters added, removed, changed or swapped
 * with their neighbour: at most one in a short name, two in a longer one.
 */
/** The edit distance of `a` and `b`, with a swap of neighbours counted as one edit. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const change = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + change);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            rows[i][j] = best;
        }
    }
    return rows[a.length][b.length];
}
/** The one name of `known` nearest to `given` (case aside), if it is near enough and alone. */
function nearest(given, known) {
    const wanted = given.toLowerCase();
    const allowed = wanted.length <= 4 ? 1 : 2;
    let best;
    let tied = false;
    for (const name of known) {
        const distance = editDistance(wanted, name.toLowerCase());
        if (distance > allowed || (best !== undefined && distance > best.distance))
            continue;
        tied = best !== undefined && distance === best.distance;
        if (!tied)
            best = { name, distance };
    }
    return tied ? undefined : best?.name;
}

// EXTERNAL MODULE: ./src/settings/table.ts
var table = __nccwpck_require__(2221);
// EXTERNAL MODULE: ./src/settings/timeouts.ts
var timeouts = __nccwpck_require__(9849);
;// CONCATENATED MODULE: ./src/settings/command-line.ts
/**
 * The command line's flags: the established binary's, each with its environment variable
 * (section 13 of the protocol), all from the table of settings. A flag wins over its variable,
 * and the variable over its older spellings; booleans are bare flags, and `true` / `false` in
 * variables. Parsed with Node's `util.parseArgs`; every mistake is collected so that all of them
 * are reported together.
 */





/** The settings the command has a flag for, by the flag's name. */
const BY_FLAG = new Map(table/* ALL_SETTINGS */.wn.flatMap(setting => {
    const flag = (0,settings_setting/* flagOf */.i)(setting);
    return flag === undefined ? [] : [[flag, setting]];
}));
const bare = (setting) => setting.kind === 'boolean' || setting.kind === 'count';
const flagText = (setting) => `\`--${(0,settings_setting/* flagOf */.i)(setting)}\``;
/** The flags of `args`, each checked against its row: a value where one belongs, and no stray words. */
function readFlags(args) {
    const options = Object.fromEntries([...BY_FLAG].map(([flag, setting]) => [
        flag,
        {
            type: bare(setting) ? 'boolean' : 'string',
            ...(setting.short === undefined ? {} : { short: setting.short })
        }
    ]));
    const { tokens } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...args],
        options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
        strict: false,
        allowPositionals: true,
        tokens: true
    });
    const given = { values: new Map(), problems: [], action: 'run', misspelled: new Set() };
    // The index a misspelled flag's value would be at, when it took one: that word is its value.
    let valueOfMisspelled = -1;
    for (const token of tokens) {
        if (token.kind === 'positional' && token.index === valueOfMisspelled)
            continue;
        if (token.kind === 'positional') {
            const example = `\`--${(0,settings_setting/* flagOf */.i)(table/* SETTINGS */.yy.tag)} v1.2.3\``;
            given.problems.push(`\`${token.value}\`: unexpected argument; every setting is a flag, such as ${example}.`);
        }
        else if (token.kind === 'option') {
            if (token.name === 'help' || token.name === 'version') {
                if (given.action === 'run')
                    given.action = token.name;
                continue;
            }
            const meant = readOption(token, given);
            if (meant !== undefined && !bare(meant) && !token.inlineValue)
                valueOfMisspelled = token.index + 1;
        }
    }
    return given;
}
/**
 * One flag as parseArgs found it: its value kept, or its problem. An unknown flag near a known
 * one is taken for a misspelling of it: the setting meant is returned.
 */
function readOption(token, given) {
    const setting = BY_FLAG.get(token.name);
    const { values, problems } = given;
    if (setting === undefined) {
        const meant = token.rawName.startsWith('--') ? nearest(token.name, BY_FLAG.keys()) : undefined;
        if (meant === undefined) {
            problems.push(`\`${token.rawName}\`: unknown flag; \`flakehub-push --help\` lists them all.`);
            return undefined;
        }
        problems.push(`\`${token.rawName}\`: unknown flag; did you mean \`--${meant}\`?`);
        given.misspelled.add(BY_FLAG.get(meant));
        return BY_FLAG.get(meant);
    }
    else if (bare(setting)) {
        if (token.inlineValue) {
            const flag = flagText(setting);
            problems.push(`${flag}: is a bare flag; write ${flag} alone, without "=${token.value}".`);
        }
        else if (setting.kind === 'count') {
            values.set(setting, String(Number(values.get(setting) ?? '0') + 1));
        }
        else
            values.set(setting, 'true');
    }
    else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
        const flag = (0,settings_setting/* flagOf */.i)(setting);
        problems.push(`\`--${flag}\`: needs a value; write \`--${flag} ${setting.value}\`.`);
    }
    else {
        const before = values.get(setting);
        const list = setting.kind === 'list' && before !== undefined;
        values.set(setting, list ? `${before},${token.value}` : token.value);
    }
    return undefined;
}
/** The variable a setting was read from (its own or an older spelling), if one was. */
function variableOf(setting, env) {
    const names = setting.variable === undefined ? [] : [setting.variable, ...(setting.aliases ?? [])];
    return names.find(name => env[name] !== undefined);
}
function parseCommandLine(args, env = process.env) {
    const { values, problems, action, misspelled } = readFlags(args);
    const fromVariable = (setting) => values.has(setting) ? undefined : variableOf(setting, env);
    const spelling = {
        setting(setting) {
            if (setting.scope === 'environment')
                return `Environment variable \`${setting.variable}\``;
            const variable = fromVariable(setting);
            return `${flagText(setting)}${variable === undefined ? '' : ` (from ${variable})`}`;
        },
        ref: setting => setting.scope === 'environment' ? `\`${setting.variable}\`` : flagText(setting),
        write: (setting, value) => bare(setting) ? flagText(setting) : `\`--${(0,settings_setting/* flagOf */.i)(setting)} ${value}\``
    };
    return {
        action,
        problems,
        misspelled,
        spelling,
        value(setting) {
            if (setting.scope === 'action')
                return '';
            const variable = fromVariable(setting);
            return values.get(setting) ?? (variable === undefined ? '' : (env[variable] ?? ''));
        },
        ignored: given => ({
            warnings: [],
            notes: given.map(({ setting, value }) => `\`--${(0,settings_setting/* flagOf */.i)(setting)} ${value}\` changes nothing here (the established binary's logging): ` +
                `this command has one log; give \`-v\` for more detail.`)
        })
    };
}
/** `--help`: every flag with its variable and default. */
function helpText(version) {
    const flag = (setting, value) => `--${(0,settings_setting/* flagOf */.i)(setting)} ${value}`;
    const { visibility, tag, rolling, destDir, jwtIssuerUri } = table/* SETTINGS */.yy;
    const usage = `${flag(visibility, 'public')} (${flag(tag, 'v1.2.3')} | --${(0,settings_setting/* flagOf */.i)(rolling)})`;
    const lines = [
        `flakehub-push ${version}: evaluate a Nix flake, pack its source and publish it to FlakeHub.`,
        '',
        `Usage: flakehub-push ${usage} [flags]`,
        `       flakehub-push ${flag(visibility, 'public')} --${(0,settings_setting/* flagOf */.i)(rolling)} ${flag(destDir, 'out')}   (a dry run: no token, no network)`,
        '',
        'Where it runs decides where the token comes from (read only after evaluation and packing):',
        "  GitHub Actions (GITHUB_ACTIONS)   the job's OIDC token (permissions: id-token: write)",
        '  GitLab CI (GITLAB_CI)             GITLAB_JWT_ID_TOKEN, declared with id_tokens: in the job',
        '  any other CI                      FLAKEHUB_PUSH_OIDC_TOKEN',
        `  a developer's machine             --${(0,settings_setting/* flagOf */.i)(jwtIssuerUri)}, or only a dry run with --${(0,settings_setting/* flagOf */.i)(destDir)}`,
        '',
        'Flags (a flag wins over its variable; booleans are bare flags, true/false in variables):'
    ];
    for (const setting of BY_FLAG.values())
        lines.push(...flagHelp(setting));
    lines.push('  -h, --help       Show this text.', '  --version        Show the version.');
    lines.push('', 'Limits on the calls to GitHub and FlakeHub (variables only, in seconds):');
    for (const setting of (0,table/* limitSettings */.zB)())
        lines.push(`  ${setting.variable.padEnd(38)} default ${timeouts/* DEFAULT_TIMEOUTS */.Rh[setting.limit] / 1000}`);
    return lines.join('\n');
}
/** A flag's three lines in `--help`. */
function flagHelp(setting) {
    const value = bare(setting) ? '' : ` <${setting.value}>`;
    const short = setting.short === undefined ? '' : `, -${setting.short}${value}`;
    const aliases = (setting.aliases ?? []).map(alias => `; also read from ${alias}`).join('');
    return [
        `  --${(0,settings_setting/* flagOf */.i)(setting)}${value}${short}`,
        `      ${setting.help}`,
        `      variable: ${setting.variable ?? '(none)'}; default: ${setting.fallback}${aliases}`
    ];
}


/***/ }),

/***/ 3826:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ readSettings),
  xN: () => (/* binding */ verbosityOf)
});

// UNUSED EXPORTS: FILE_SYSTEM

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/labels.ts
var src_labels = __nccwpck_require__(4584);
// EXTERNAL MODULE: ./node_modules/spdx-expression-parse/index.js
var spdx_expression_parse = __nccwpck_require__(3326);
var spdx_expression_parse_default = /*#__PURE__*/__nccwpck_require__.n(spdx_expression_parse);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __nccwpck_require__(8499);
// EXTERNAL MODULE: ./src/settings/table.ts
var table = __nccwpck_require__(2221);
// EXTERNAL MODULE: ./src/settings/timeouts.ts
var settings_timeouts = __nccwpck_require__(9849);
;// CONCATENATED MODULE: ./src/settings/parse.ts
/**
 * One small parser per setting: the text given (and what the rule needs beside it) in, a value
 * or one problem out. A problem says what is wrong and what to write instead; the reader
 * (read.ts) puts the setting's name before it. Nothing here reads the environment or prints.
 */






const ok = (value) => ({ value });
const fail = (problem) => ({ problem });
/** `true` or `false` (as YAML spells them); empty is not given. */
function parseBoolean(text) {
    if (text === '')
        return ok(undefined);
    if (/^(true|True|TRUE)$/.test(text))
        return ok(true);
    if (/^(false|False|FALSE)$/.test(text))
        return ok(false);
    return fail(`"${text}" is not a boolean; write \`true\` or \`false\`.`);
}
const VISIBILITIES = {
    public: 'public',
    unlisted: 'unlisted',
    hidden: 'unlisted',
    private: 'private'
};
/** `public`, `unlisted` (or `hidden`) or `private`, in any case; required. */
function parseVisibility(text) {
    const lower = text.toLowerCase();
    const visibility = Object.hasOwn(VISIBILITIES, lower) ? VISIBILITIES[lower] : undefined;
    if (visibility !== undefined)
        return ok(visibility);
    return fail(lower === ''
        ? 'is required; write `public`, `unlisted` or `private`.'
        : `"${lower}" is not a visibility; write \`public\`, \`unlisted\` or \`private\`.`);
}
/** The published name, `owner/flake`; empty is not given. */
function parseName(text) {
    if (text === '')
        return ok(undefined);
    const problem = (0,naming/* flakeNameProblem */.cz)(text);
    if (problem === undefined)
        return ok(text);
    return fail(`${(0,naming/* quoted */.TL)(text)} ${problem}; write it as \`owner/flake-name\`.`);
}
/**
 * The repository, `owner/project`, with extra segments (GitLab's subgroups) folded into the
 * project name unless they are kept; each part must be a name part, as `name`'s are.
 */
function parseRepository(text, context) {
    const { defaults, keepSubgroups, spelling } = context;
    const given = text || defaults.repository;
    const from = defaults.repositoryFrom ?? 'GITHUB_REPOSITORY';
    const write = spelling.write(table/* SETTINGS */.yy.repository, 'owner/project');
    const folded = (0,naming/* foldRepository */.qT)(given);
    if (folded === undefined) {
        if (given !== '')
            return fail(`${(0,naming/* quoted */.TL)(given)} is not \`owner/project\`; write it with a "/" between owner and project.`);
        return fail(from === ''
            ? `is required here (nothing in the environment names the repository); write it as ${write}.`
            : `is empty and ${from} is not set; write the repository as \`owner/project\`.`);
    }
    const kept = keepSubgroups && folded !== given;
    const repository = kept ? given : folded;
    // Each part (after folding; each segment when folding is off) may become a segment of the
    // upload path, so it must be a name part as `name`'s are.
    const partsProblem = (0,naming/* namePartsProblem */.Ds)(repository);
    if (partsProblem !== undefined) {
        const taken = text === '' ? ` (taken from ${from})` : '';
        return fail(`${(0,naming/* quoted */.TL)(given)}${taken} ${partsProblem}; write it as ${write}.`);
    }
    if (kept && !context.nameGiven) {
        const keep = spelling.ref(table/* SETTINGS */.yy.disableRenameSubgroups);
        return fail(`${(0,naming/* quoted */.TL)(given)} has subgroups, which ${keep} keeps from being folded into the project name; ` +
            `say the published name with ${spelling.write(table/* SETTINGS */.yy.name, 'owner/flake-name')}, or drop ${keep}.`);
    }
    return ok(repository);
}
/** A part of a rolling version (`rolling-minor`, `rolling-major`): a whole number; empty is none. */
function parseVersionPart(text, setting, spelling) {
    if (text === '')
        return ok(undefined);
    const example = spelling.write(setting, '2');
    if (!/^\d+$/.test(text))
        return fail(`"${text}" is not a whole number; write e.g. ${example}.`);
    if (!Number.isSafeInteger(Number(text)))
        return fail(`"${text}" is larger than a version number can be; write e.g. ${example}.`);
    return ok(Number(text));
}
/**
 * Why a part of a rolling version cannot be given here, or undefined: `rolling-major` needs
 * `rolling-minor` (the established tool's rule and words), and either needs `rolling`.
 */
function versionPartProblem(setting, given, spelling) {
    if (setting === table/* SETTINGS */.yy.rollingMajor && !given.minor) {
        const major = spelling.ref(table/* SETTINGS */.yy.rollingMajor);
        return `You cannot set ${major} without ${spelling.ref(table/* SETTINGS */.yy.rollingMinor)}.`;
    }
    if (given.rolling)
        return undefined;
    const rolling = spelling.ref(table/* SETTINGS */.yy.rolling);
    return `is set but ${rolling} is not; add ${spelling.write(table/* SETTINGS */.yy.rolling, 'true')} or remove it.`;
}
/** A tag given with `rolling`: a release is one or the other, never both. */
function rollingTagProblem(tag, spelling) {
    const rolling = spelling.ref(table/* SETTINGS */.yy.rolling);
    return (`"${tag}" is given together with ${rolling}, which versions the release by its commit count and would ignore the tag; ` +
        `drop ${spelling.ref(table/* SETTINGS */.yy.tag)} for a rolling release, or ${rolling} to publish ${tag}.`);
}
/** The tag of a release that is not rolling: SemVer after an optional `v`; the ref name if not given. */
function parseTag(text, defaults, spelling) {
    const tag = text || defaults.refName;
    const rollingInstead = spelling.write(table/* SETTINGS */.yy.rolling, 'true');
    if (tag === '')
        return fail(`is empty; set ${spelling.write(table/* SETTINGS */.yy.tag, 'v1.2.3')} for a tagged release, or ${rollingInstead}.`);
    if ((0,naming/* semverOfTag */.EJ)(tag) !== undefined)
        return ok(tag);
    const from = text === '' ? ` (taken from ${defaults.refNameFrom ?? 'GITHUB_REF_NAME'})` : '';
    return fail(`"${tag}"${from} is not a SemVer version; tag the release like \`v1.2.3\`, or set ${rollingInstead}.`);
}
/** A full commit SHA (40 or 64 hexadecimal digits), in lower case; the place's if not given. */
function parseRev(text, fallback) {
    const rev = text || fallback || undefined;
    if (rev === undefined)
        return ok(undefined);
    if (/^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(rev))
        return ok(rev.toLowerCase());
    return fail(`"${rev}" is not a full commit SHA; write all 40 hexadecimal digits.`);
}
/** The FlakeHub API (http or https), without a trailing slash, and its host name: the audience. */
function parseHost(text, spelling) {
    const given = text || table/* SETTINGS */.yy.host.default;
    const url = URL.canParse(given) ? new URL(given) : undefined;
    if (url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:'))
        return ok({ host: given.replace(/\/+$/, ''), audience: url.hostname });
    const example = spelling.write(table/* SETTINGS */.yy.host, table/* SETTINGS */.yy.host.default);
    return fail(`"${given}" is not a URL; write e.g. ${example}.`);
}
/** An SPDX license expression; empty is none. */
function parseSpdxExpression(text) {
    if (text === '')
        return ok(undefined);
    try {
        spdx_expression_parse_default()(text);
        return ok(text);
    }
    catch (error) {
        return fail(`"${text}" is not an SPDX license expression (${(0,errors/* errorMessage */.gJ)(error)}); ` +
            'write an identifier such as `MIT` or an expression such as `MIT OR Apache-2.0`.');
    }
}
/**
 * The Git checkout, a folder, resolved against the workspace; if not given, the place's
 * (`placeRoot`: the repository's top outside Actions), else `.`.
 */
function parseGitRoot(text, workspace, folders, placeRoot) {
    const given = text || placeRoot || table/* SETTINGS */.yy.gitRoot.default;
    const gitRoot = folders.realFolder(external_node_path_.resolve(workspace, given));
    if (gitRoot !== undefined)
        return ok(gitRoot);
    return fail(`"${given}" is not a folder; write the path of the Git checkout.`);
}
/** The flake's folder: inside the Git checkout, holding flake.nix; the checkout if not given. */
function parseDirectory(text, gitRoot, folders, spelling, startFolder) {
    const root = spelling.ref(table/* SETTINGS */.yy.gitRoot);
    const found = text === '' ? nearestFlake(startFolder, gitRoot, folders) : undefined;
    const dir = found ?? folders.realFolder(external_node_path_.resolve(gitRoot, text));
    if (dir === undefined)
        return fail(`"${text}" is not a folder under ${root} (${gitRoot}).`);
    const relative = external_node_path_.relative(gitRoot, dir);
    if (outside(relative))
        return fail(`"${text}" resolves to ${dir}, outside ${root} (${gitRoot}); write a path inside the repository.`);
    if (!folders.exists(external_node_path_.join(dir, 'flake.nix')))
        return fail(`there is no flake.nix in ${dir}; point ${spelling.ref(table/* SETTINGS */.yy.directory)} at the folder that holds flake.nix.`);
    return ok({ flakeDir: dir, sourceSubdirectory: relative.split(external_node_path_.sep).join('/') });
}
/**
 * Whether a path relative to the Git root leads out of it: `..` or a path through it, or another
 * root; `..flake` is a folder's name, inside.
 */
function outside(relative) {
    return relative === '..' || relative.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(relative);
}
/** The nearest folder at or above `start`, inside `gitRoot`, that holds flake.nix. */
function nearestFlake(start, gitRoot, folders) {
    let folder = start === undefined ? undefined : folders.realFolder(start);
    while (folder !== undefined) {
        const relative = external_node_path_.relative(gitRoot, folder);
        if (outside(relative))
            return undefined;
        if (folders.exists(external_node_path_.join(folder, 'flake.nix')))
            return folder;
        folder = relative === '' ? undefined : external_node_path_.dirname(folder);
    }
    return undefined;
}
/** The most evaluators a run may be given: far more than any runner has cores. */
const MOST_EVALUATORS = 64;
/** How many `nix` evaluate side by side, 1 to {@link MOST_EVALUATORS}; empty: one per core. */
function parseEvaluators(text) {
    if (text === '')
        return ok('auto');
    const count = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
    if (count >= 1 && count <= MOST_EVALUATORS)
        return ok(count);
    return fail(`"${text}" is not a number of evaluators; write a whole number from 1 to ${MOST_EVALUATORS} ` +
        '(`1`: one `nix` evaluates everything), or leave it empty for one per core.');
}
/** A limit on the network calls, in seconds, as milliseconds; empty is the default. */
function parseLimit(text, limit) {
    if (text.trim() === '')
        return ok(undefined);
    const ms = (0,settings_timeouts/* parseSeconds */.fL)(text);
    if (ms !== undefined)
        return ok(ms);
    return fail(`"${text}" is not a number of seconds above 0 and up to ${settings_timeouts/* MAX_SECONDS */.Hg}; write e.g. \`30\` or \`0.5\`, ` +
        `or unset it for the default (${settings_timeouts/* DEFAULT_TIMEOUTS */.Rh[limit] / 1000}).`);
}
/**
 * The outputs file, an absolute path (resolved in the current folder); empty is none. Its
 * folder must exist, so that a publish does not end in a failure after the release is out.
 */
function parseOutputsFile(text, folders, spelling) {
    if (text === '')
        return ok(undefined);
    const file = external_node_path_.resolve(text);
    const folder = external_node_path_.dirname(file);
    const example = spelling.write(table/* SETTINGS */.yy.outputsFile, 'flakehub.env');
    const what = `write a file path in an existing folder, e.g. ${example}.`;
    const kind = folders.kind(folder);
    if (kind === 'none')
        return fail(`the folder ${folder} does not exist; create it first, or ${what}`);
    if (kind === 'other')
        return fail(`${folder} is not a folder; ${what}`);
    if (folders.kind(file) === 'folder')
        return fail(`${file} is a folder; ${what}`);
    return ok(file);
}
/** The development JWT issuer, an http(s) URL; empty is none. */
function parseIssuer(text, spelling) {
    if (text === '' || (URL.canParse(text) && /^https?:$/.test(new URL(text).protocol)))
        return ok(text);
    const example = spelling.write(table/* SETTINGS */.yy.jwtIssuerUri, 'http://localhost:8081');
    return fail(`"${text}" is not a URL; write e.g. ${example}.`);
}
/** How much the command says: a count (`-v` given so many times, or the variable's number). */
function parseVerbosity(text, spelling) {
    if (text === '')
        return ok('normal');
    if (!/^\d{1,3}$/.test(text))
        return fail(`"${text}" is not a count; write e.g. \`1\` for more detail, or give ${spelling.ref(table/* SETTINGS */.yy.verbose)} once for each step.`);
    const count = Number(text);
    return ok(count === 0 ? 'normal' : count === 1 ? 'verbose' : 'debug');
}

;// CONCATENATED MODULE: ./src/settings/read.ts
/**
 * Reads every setting once, from a {@link SettingSource} (the action's inputs, or the command's
 * flags and variables), through its parser (parse.ts), and hands on a typed {@link Settings} or
 * every problem at once, time limits included, before anything runs. Nothing here prints or
 * registers anything: warnings, notes and secrets come back as data for the caller to act on;
 * the file system is only looked at (through {@link Folders}).
 */






/** The file system itself. */
const FILE_SYSTEM = {
    realFolder(folder) {
        try {
            const real = external_node_fs_.realpathSync(folder);
            return external_node_fs_.statSync(real).isDirectory() ? real : undefined;
        }
        catch {
            return undefined;
        }
    },
    kind(where) {
        try {
            return external_node_fs_.statSync(where).isDirectory() ? 'folder' : 'other';
        }
        catch {
            return 'none';
        }
    },
    exists: where => external_node_fs_.existsSync(where)
};
/** A source being read: each setting's text, its parser's problems, named as the source names them. */
class Reader {
    constructor(source) {
        this.source = source;
        this.problems = [...source.problems];
    }
    /** What was given for `setting`, without surrounding blanks. */
    text(setting) {
        return this.source.value(setting).trim();
    }
    /** The value parsed, or undefined with its problem kept, named after `setting`. */
    take(setting, parsed) {
        if (parsed.problem === undefined)
            return parsed.value;
        // Left empty because its name was misspelled: the misspelling's problem says it all.
        if (this.source.misspelled?.has(setting) && this.text(setting) === '')
            return undefined;
        this.problems.push(`${this.source.spelling.setting(setting)}: ${parsed.problem}`);
        return undefined;
    }
    /** A boolean setting; false when not given or refused. */
    flag(setting) {
        return this.take(setting, parseBoolean(this.text(setting))) ?? false;
    }
}
/**
 * Read and check every setting `source` gives, with the place's `defaults`: the settings, or
 * every problem found, each naming its setting and saying what to write.
 */
function readSettings(source, defaults, folders = FILE_SYSTEM) {
    const reader = new Reader(source);
    const githubToken = source.value(table/* SETTINGS */.yy.githubToken);
    const secrets = githubToken === '' ? [] : [githubToken];
    const warnings = [];
    const names = readNames(reader, defaults);
    const version = readVersion(reader, defaults);
    const rev = reader.take(table/* SETTINGS */.yy.rev, parseRev(reader.text(table/* SETTINGS */.yy.rev), defaults.rev));
    const service = readService(reader, warnings);
    const location = readLocation(reader, defaults, folders);
    const switches = {
        mirror: reader.flag(table/* SETTINGS */.yy.mirror),
        errorOnConflict: reader.flag(table/* SETTINGS */.yy.errorOnConflict),
        includeOutputPaths: reader.flag(table/* SETTINGS */.yy.includeOutputPaths),
        myFlakeIsTooBig: reader.flag(table/* SETTINGS */.yy.myFlakeIsTooBig)
    };
    const evaluatorsText = reader.text(table/* SETTINGS */.yy.evaluators);
    const evaluators = reader.take(table/* SETTINGS */.yy.evaluators, parseEvaluators(evaluatorsText)) ?? 'auto';
    // Accepted for compatibility: this action never turns an error into a warning, strict or not.
    reader.flag(table/* SETTINGS */.yy.strictMode);
    const timeouts = readLimits(reader);
    const command = readCommand(reader, folders);
    const { problems } = reader;
    if (problems.length > 0 || !names || !version || !service || !location)
        return { problems, warnings, notes: [], secrets };
    const ignored = source.ignored(ignoredSettings(reader));
    const settings = {
        ...names,
        ...switches,
        ...service,
        ...location,
        ...command,
        version,
        rev,
        githubToken,
        evaluators,
        timeouts,
        spelling: source.spelling
    };
    return { settings, warnings: [...warnings, ...ignored.warnings], notes: ignored.notes, secrets };
}
/** How much the command says, from its `-v` flags or variable (`normal` when refused). */
function verbosityOf(source) {
    const text = source.value(table/* SETTINGS */.yy.verbose).trim();
    return parseVerbosity(text, source.spelling).value ?? 'normal';
}
/** Who can see the release, and under which name of which repository it is published. */
function readNames(reader, defaults) {
    const visibility = reader.take(table/* SETTINGS */.yy.visibility, parseVisibility(reader.text(table/* SETTINGS */.yy.visibility)));
    const keepSubgroups = reader.flag(table/* SETTINGS */.yy.disableRenameSubgroups);
    const name = reader.take(table/* SETTINGS */.yy.name, parseName(reader.text(table/* SETTINGS */.yy.name)));
    const nameGiven = reader.text(table/* SETTINGS */.yy.name) !== '';
    const context = { defaults, keepSubgroups, nameGiven, spelling: reader.source.spelling };
    const given = reader.text(table/* SETTINGS */.yy.repository);
    const repository = reader.take(table/* SETTINGS */.yy.repository, parseRepository(given, context));
    if (visibility === undefined || repository === undefined)
        return undefined;
    return { visibility, uploadName: name ?? repository, repository };
}
/** A rolling version (`<major>.<minor>.<commit count>+rev-<sha>`), or a tag. */
function readVersion(reader, defaults) {
    const { spelling } = reader.source;
    const rolling = reader.flag(table/* SETTINGS */.yy.rolling);
    const minorText = reader.text(table/* SETTINGS */.yy.rollingMinor);
    const given = { rolling, minor: minorText !== '' };
    const part = (setting) => {
        const value = reader.take(setting, parseVersionPart(reader.text(setting), setting, spelling));
        if (value === undefined)
            return undefined;
        const problem = versionPartProblem(setting, given, spelling);
        return problem === undefined ? value : reader.take(setting, { problem });
    };
    const minor = part(table/* SETTINGS */.yy.rollingMinor);
    const major = part(table/* SETTINGS */.yy.rollingMajor);
    if (rolling) {
        const tag = reader.text(table/* SETTINGS */.yy.tag);
        if (tag !== '')
            return reader.take(table/* SETTINGS */.yy.tag, { problem: rollingTagProblem(tag, spelling) });
        return { kind: 'rolling', major: major ?? 0, minor: minor ?? 1 };
    }
    const tag = reader.take(table/* SETTINGS */.yy.tag, parseTag(reader.text(table/* SETTINGS */.yy.tag), defaults, spelling));
    return tag === undefined ? undefined : { kind: 'tag', tag };
}
/** Where FlakeHub is, and what the release says beside its name: labels and licence. */
function readService(reader, warnings) {
    const { spelling } = reader.source;
    const host = reader.take(table/* SETTINGS */.yy.host, parseHost(reader.text(table/* SETTINGS */.yy.host), spelling));
    const labels = reader.text(table/* SETTINGS */.yy.extraLabels);
    const tags = reader.text(table/* SETTINGS */.yy.extraTags);
    if (labels === '' && tags !== '') {
        const [old, current] = [spelling.ref(table/* SETTINGS */.yy.extraTags), spelling.ref(table/* SETTINGS */.yy.extraLabels)];
        warnings.push(`${old} is deprecated; rename it to ${current}.`);
    }
    const spdx = reader.text(table/* SETTINGS */.yy.spdxExpression);
    const spdxExpression = reader.take(table/* SETTINGS */.yy.spdxExpression, parseSpdxExpression(spdx));
    if (host === undefined || (spdx !== '' && spdxExpression === undefined))
        return undefined;
    return { ...host, extraLabels: (0,src_labels/* splitLabels */.u_)(labels || tags), spdxExpression };
}
/** Where the flake is: the Git checkout, the flake's folder in it, and a dry run's folder. */
function readLocation(reader, defaults, folders) {
    const { gitRoot, directory, destDir } = table/* SETTINGS */.yy;
    const { workspace } = defaults;
    const givenRoot = reader.text(gitRoot);
    const root = reader.take(gitRoot, parseGitRoot(givenRoot, workspace, folders, defaults.gitRoot));
    if (root === undefined)
        return undefined;
    const { spelling } = reader.source;
    const dir = parseDirectory(reader.text(directory), root, folders, spelling, defaults.startFolder);
    const flake = reader.take(directory, dir);
    const dest = reader.text(destDir);
    if (flake === undefined)
        return undefined;
    return {
        gitRoot: root,
        ...flake,
        destDir: dest === '' ? undefined : external_node_path_.resolve(defaults.workspace, dest)
    };
}
/** The limits of the network calls, each variable that is set applied. */
function readLimits(reader) {
    const timeouts = { ...settings_timeouts/* DEFAULT_TIMEOUTS */.Rh };
    for (const setting of (0,table/* limitSettings */.zB)()) {
        const ms = reader.take(setting, parseLimit(reader.source.value(setting), setting.limit));
        if (ms !== undefined)
            timeouts[setting.limit] = ms;
    }
    return timeouts;
}
/** The command's own settings: where else the outputs go, the issuer, GitHub's API, the log. */
function readCommand(reader, folders) {
    const { spelling } = reader.source;
    const { outputsFile, jwtIssuerUri, githubGraphqlUrl, verbose } = table/* SETTINGS */.yy;
    const file = parseOutputsFile(reader.text(outputsFile), folders, spelling);
    const issuer = parseIssuer(reader.text(jwtIssuerUri), spelling);
    reader.take(verbose, parseVerbosity(reader.text(verbose), spelling));
    return {
        outputsFile: reader.take(outputsFile, file),
        jwtIssuerUri: reader.take(jwtIssuerUri, issuer) ?? '',
        githubGraphqlUrl: reader.text(githubGraphqlUrl) || undefined
    };
}
/** The settings given that mean nothing here (the established tool's own), with their values. */
function ignoredSettings(reader) {
    return table/* ALL_SETTINGS */.wn.flatMap(setting => {
        if (setting.ignored !== true)
            return [];
        const value = reader.text(setting);
        return value === '' || value === setting.ignoredUnless ? [] : [{ setting, value }];
    });
}


/***/ }),

/***/ 1013:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ flagOf),
/* harmony export */   w: () => (/* binding */ inputOf)
/* harmony export */ });
/** The action's input name of a setting, if the action has it. */
function inputOf(setting) {
    return setting.scope === 'both' || setting.scope === 'action' ? setting.name : undefined;
}
/** The command's flag of a setting, without `--`, if the command has one. */
function flagOf(setting) {
    return setting.scope === 'both' || setting.scope === 'command'
        ? (setting.flag ?? setting.name)
        : undefined;
}


/***/ }),

/***/ 2221:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c8: () => (/* binding */ secretVariables),
/* harmony export */   wn: () => (/* binding */ ALL_SETTINGS),
/* harmony export */   yy: () => (/* binding */ SETTINGS),
/* harmony export */   zB: () => (/* binding */ limitSettings)
/* harmony export */ });
const BINARY_HELP = "Ignored (chose the established action's binary).";
const DEPRECATED_BINARY_HELP = "Ignored (deprecated, chose the established action's binary).";
/** The established action's inputs that chose which binary it downloaded: none here. */
const binarySource = (name, help = BINARY_HELP, ignoredUnless) => ({
    scope: 'action',
    name,
    kind: 'text',
    help,
    ignored: true,
    ignoredUnless
});
/** A limit on the network calls: a variable only, in seconds. */
const limit = (variable, key, help) => ({
    scope: 'environment',
    variable,
    kind: 'text',
    help,
    limit: key
});
const SETTINGS = {
    visibility: {
        scope: 'both',
        name: 'visibility',
        variable: 'FLAKEHUB_PUSH_VISIBILITY',
        aliases: ['FLAKEHUB_PUSH_VISIBLITY'],
        kind: 'text',
        required: true,
        help: '`public`, `unlisted` or `private` (`hidden` is read as `unlisted`).',
        value: 'public|unlisted|private',
        fallback: '(required)'
    },
    name: {
        scope: 'both',
        name: 'name',
        variable: 'FLAKEHUB_PUSH_NAME',
        kind: 'text',
        help: "The published flake name, `owner/name`. Defaults to the repository's `owner/project`.",
        value: 'owner/flake',
        fallback: 'the repository'
    },
    repository: {
        scope: 'both',
        name: 'repository',
        variable: 'FLAKEHUB_PUSH_REPOSITORY',
        kind: 'text',
        default: '${{ github.repository }}',
        help: 'The repository holding the flake, `owner/project` (GitLab subgroups fold into the project name).',
        value: 'owner/project',
        fallback: "GITHUB_REPOSITORY; CI_PROJECT_PATH on GitLab; else the `origin` remote's owner/project"
    },
    mirror: {
        scope: 'both',
        name: 'mirror',
        variable: 'FLAKEHUB_PUSH_MIRROR',
        kind: 'boolean',
        default: 'false',
        help: 'Whether the repository is a mirror maintained by DeterminateSystems.',
        fallback: 'false'
    },
    directory: {
        scope: 'both',
        name: 'directory',
        variable: 'FLAKEHUB_PUSH_DIRECTORY',
        kind: 'text',
        help: "The flake's folder relative to `git-root`, for subflakes.",
        value: 'path',
        fallback: 'the nearest folder holding flake.nix at or above the current one, else the Git root'
    },
    gitRoot: {
        scope: 'both',
        name: 'git-root',
        variable: 'FLAKEHUB_PUSH_GIT_ROOT',
        kind: 'text',
        default: '.',
        help: 'The root of the Git checkout.',
        value: 'path',
        fallback: 'the top of the repository around the current folder; CI_PROJECT_DIR on GitLab'
    },
    tag: {
        scope: 'both',
        name: 'tag',
        variable: 'FLAKEHUB_PUSH_TAG',
        kind: 'text',
        help: 'The tag of a non-rolling release, `v` followed by a SemVer version such as `v1.2.3`. Defaults to the ref name.',
        value: 'v1.2.3',
        fallback: 'GITHUB_REF_NAME, or CI_COMMIT_TAG / CI_COMMIT_REF_NAME on GitLab'
    },
    rev: {
        scope: 'both',
        name: 'rev',
        variable: 'FLAKEHUB_PUSH_REV',
        kind: 'text',
        help: 'The full commit SHA to publish. Defaults to the checked-out commit.',
        value: 'sha',
        fallback: 'HEAD, or CI_COMMIT_SHA on GitLab'
    },
    rollingMinor: {
        scope: 'both',
        name: 'rolling-minor',
        variable: 'FLAKEHUB_PUSH_ROLLING_MINOR',
        kind: 'text',
        help: 'The SemVer minor version of rolling releases, `<major>.<rolling-minor>.<commit count>+rev-<sha>`. Needs `rolling`.',
        value: 'n',
        fallback: '1'
    },
    rollingMajor: {
        scope: 'both',
        name: 'rolling-major',
        variable: 'FLAKEHUB_PUSH_ROLLING_MAJOR',
        kind: 'text',
        help: 'The SemVer major version of rolling releases, `<rolling-major>.<rolling-minor>.<commit count>+rev-<sha>`. Needs `rolling` and `rolling-minor`.',
        value: 'n',
        fallback: '0'
    },
    rolling: {
        scope: 'both',
        name: 'rolling',
        variable: 'FLAKEHUB_PUSH_ROLLING',
        kind: 'boolean',
        default: 'false',
        help: 'Publish an untagged, rolling release versioned `0.1.<commit count>+rev-<sha>`.',
        fallback: 'false'
    },
    host: {
        scope: 'both',
        name: 'host',
        variable: 'FLAKEHUB_PUSH_HOST',
        kind: 'text',
        default: 'https://api.flakehub.com',
        help: 'The FlakeHub API to publish to.',
        value: 'url',
        fallback: 'https://api.flakehub.com'
    },
    logDirectives: {
        scope: 'both',
        name: 'log-directives',
        flag: 'log-directive',
        variable: 'FLAKEHUB_PUSH_LOG_DIRECTIVES',
        kind: 'list',
        default: 'flakehub_push=info',
        help: "Ignored (the established tool's tracing directives). For detail, enable step debug logging (the action) or give `-v` (the command).",
        value: 'directives',
        fallback: '(none)',
        ignored: true,
        ignoredUnless: 'flakehub_push=info'
    },
    logger: {
        scope: 'both',
        name: 'logger',
        variable: 'FLAKEHUB_PUSH_LOGGER',
        kind: 'text',
        default: 'full',
        help: "Ignored (the established tool's log format).",
        value: 'compact|full|pretty|json',
        fallback: '(one format)',
        ignored: true,
        ignoredUnless: 'full'
    },
    githubToken: {
        scope: 'both',
        name: 'github-token',
        variable: 'FLAKEHUB_PUSH_GITHUB_TOKEN',
        kind: 'text',
        default: '${{ github.token }}',
        help: 'A GitHub token for the GraphQL API (commit count, topics, licence).',
        value: 'token',
        fallback: '(none)',
        secret: true
    },
    extraTags: {
        scope: 'both',
        name: 'extra-tags',
        short: 't',
        variable: 'FLAKEHUB_PUSH_EXTRA_TAGS',
        kind: 'list',
        default: '',
        help: 'DEPRECATED: use `extra-labels`.',
        value: 'a,b',
        fallback: '(none)'
    },
    extraLabels: {
        scope: 'both',
        name: 'extra-labels',
        short: 'l',
        variable: 'FLAKEHUB_PUSH_EXTRA_LABELS',
        kind: 'list',
        default: '',
        help: "Extra labels, comma separated, added before the repository's topics. Alphanumerics and `-`, at most 50 characters each; at most 25 labels in all.",
        value: 'a,b',
        fallback: '(none)'
    },
    spdxExpression: {
        scope: 'both',
        name: 'spdx-expression',
        variable: 'FLAKEHUB_PUSH_SPDX_EXPRESSION',
        kind: 'text',
        default: '',
        help: 'An SPDX license expression to use instead of the licence GitHub detects.',
        value: 'expr',
        fallback: "GitHub's licence id, else none"
    },
    errorOnConflict: {
        scope: 'both',
        name: 'error-on-conflict',
        variable: 'FLAKEHUB_PUSH_ERROR_ON_CONFLICT',
        kind: 'boolean',
        default: 'false',
        help: 'Fail when this version has already been published (otherwise that is a success).',
        fallback: 'false'
    },
    includeOutputPaths: {
        scope: 'both',
        name: 'include-output-paths',
        variable: 'FLAKEHUB_PUSH_INCLUDE_OUTPUT_PATHS',
        kind: 'boolean',
        default: 'false',
        help: 'Record the derivation and output paths of each flake output.',
        fallback: 'false'
    },
    myFlakeIsTooBig: {
        scope: 'both',
        name: 'my-flake-is-too-big',
        variable: 'FLAKEHUB_PUSH_MY_FLAKE_IS_TOO_BIG',
        kind: 'boolean',
        default: 'false',
        help: 'Skip the all-systems evaluation and the outputs document, for flakes too large to evaluate in a job.',
        fallback: 'false'
    },
    evaluators: {
        scope: 'both',
        name: 'evaluators',
        variable: 'FLAKEHUB_PUSH_EVALUATORS',
        kind: 'text',
        help: 'How many `nix` processes evaluate the flake side by side, each owning some of its systems and configurations: a whole number from 1 (one evaluation, as before) to 64. Empty: one per core, at most one per system or configuration.',
        value: 'count',
        fallback: 'one per core'
    },
    strictMode: {
        scope: 'action',
        name: '_internal-strict-mode',
        kind: 'boolean',
        default: 'false',
        help: 'For testing this action only.'
    },
    destDir: {
        scope: 'both',
        name: 'dest-dir',
        variable: 'FLAKEHUB_DEST_DIR',
        kind: 'text',
        help: 'Dry run. Write `<version>.tar.gz` and `<version>.json` to this folder and contact no service.',
        value: 'path',
        fallback: '(publish)'
    },
    sourceBinary: binarySource('source-binary'),
    sourceBranch: binarySource('source-branch', BINARY_HELP, 'main'),
    sourcePr: binarySource('source-pr'),
    sourceRevision: binarySource('source-revision'),
    sourceTag: binarySource('source-tag'),
    sourceUrl: binarySource('source-url'),
    flakehubPushBinary: binarySource('flakehub-push-binary', DEPRECATED_BINARY_HELP),
    flakehubPushBranch: binarySource('flakehub-push-branch', DEPRECATED_BINARY_HELP),
    flakehubPushPr: binarySource('flakehub-push-pr', DEPRECATED_BINARY_HELP),
    flakehubPushRevision: binarySource('flakehub-push-revision', DEPRECATED_BINARY_HELP),
    flakehubPushTag: binarySource('flakehub-push-tag', DEPRECATED_BINARY_HELP),
    flakehubPushUrl: binarySource('flakehub-push-url', DEPRECATED_BINARY_HELP),
    disableRenameSubgroups: {
        scope: 'command',
        name: 'disable-rename-subgroups',
        variable: 'FLAKEHUB_PUSH_DISABLE_RENAME_SUBGROUPS',
        kind: 'boolean',
        help: 'Do not fold subgroups (a/b/c) into the project name.',
        fallback: 'false'
    },
    githubGraphqlUrl: {
        scope: 'command',
        name: 'github-graphql-url',
        variable: 'FLAKEHUB_GITHUB_GRAPHQL_URL',
        kind: 'text',
        help: "GitHub's GraphQL API.",
        value: 'url',
        fallback: 'GITHUB_GRAPHQL_URL, else https://api.github.com/graphql'
    },
    jwtIssuerUri: {
        scope: 'command',
        name: 'jwt-issuer-uri',
        kind: 'text',
        help: 'Development only: get the token from this issuer (for a local FlakeHub).',
        value: 'uri',
        fallback: '(none)'
    },
    outputsFile: {
        scope: 'command',
        name: 'outputs-file',
        variable: 'FLAKEHUB_PUSH_OUTPUTS_FILE',
        kind: 'text',
        help: 'Also write the outputs (name, version, flake references, outcome) here, as NAME=value lines (dotenv).',
        value: 'path',
        fallback: '(none)'
    },
    verbose: {
        scope: 'command',
        name: 'verbose',
        short: 'v',
        variable: 'FLAKEHUB_PUSH_VERBOSITY',
        kind: 'count',
        help: "Say more: once for the detail (such as Nix's messages as they come), twice for everything. The variable takes the count.",
        fallback: '0'
    },
    connectTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_CONNECT', 'connectMs', 'every call: connecting'),
    oidcTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_OIDC', 'oidcMs', 'GitHub OIDC token'),
    graphqlTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_GRAPHQL', 'graphqlMs', 'GitHub GraphQL'),
    statusTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_STATUS', 'statusMs', 'FlakeHub token status'),
    stageTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_STAGE', 'stageMs', 'FlakeHub stage'),
    publishTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_PUBLISH', 'publishMs', 'FlakeHub publish'),
    uploadStallTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_UPLOAD_STALL', 'uploadStallMs', 'tarball upload: without a byte moving'),
    uploadAnswerTimeout: limit('FLAKEHUB_PUSH_TIMEOUT_UPLOAD_ANSWER', 'uploadAnswerMs', 'tarball upload: the answer'),
    publishBudget: limit('FLAKEHUB_PUSH_TIMEOUT_PUBLISH_BUDGET', 'publishBudgetMs', 'everything FlakeHub is asked, retries included'),
    retryDelay: limit('FLAKEHUB_PUSH_RETRY_DELAY', 'retryDelayMs', 'the wait before the first retry (it doubles)')
};
/** Every setting, in the table's order (the order of `action.yml`, `--help` and the README). */
const ALL_SETTINGS = Object.values(SETTINGS);
/** The variables that hold a token: never handed to a child process. */
function secretVariables() {
    return ALL_SETTINGS.flatMap(setting => setting.secret === true && setting.variable !== undefined ? [setting.variable] : []);
}
/** The settings that limit the network calls, each with its limit. */
function limitSettings() {
    return ALL_SETTINGS.flatMap(setting => setting.limit !== undefined && setting.variable !== undefined
        ? [{ ...setting, limit: setting.limit, variable: setting.variable }]
        : []);
}


/***/ }),

/***/ 9849:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ MAX_SECONDS),
/* harmony export */   Km: () => (/* binding */ RETRY_ATTEMPTS),
/* harmony export */   Pb: () => (/* binding */ RETRY_MAX_DELAY_MS),
/* harmony export */   Rh: () => (/* binding */ DEFAULT_TIMEOUTS),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   fL: () => (/* binding */ parseSeconds),
/* harmony export */   gB: () => (/* binding */ MAX_ANSWER_BYTES)
/* harmony export */ });
/**
 * Every time limit and retry number of the action's network calls, in one place, each with the
 * reason for it. The time limits and the first retry's wait can be changed with environment
 * variables (`FLAKEHUB_PUSH_TIMEOUT_*`, `FLAKEHUB_PUSH_RETRY_DELAY`, in seconds: their rows in
 * table.ts), for slow links and for tests that must not wait real minutes.
 */
const DEFAULT_TIMEOUTS = {
    // A healthy service connects in well under a second, even across an ocean; 10 s covers a slow
    // resolver or proxy, and a dead route is given up (and retried) without wasting a minute.
    connectMs: 10000,
    // GitHub mints a token without computing anything: it answers in well under a second.
    oidcMs: 15000,
    // Counting the commits of a large repository's history can take GitHub several seconds.
    graphqlMs: 30000,
    // A lookup of the token: trivial work for FlakeHub.
    statusMs: 15000,
    // FlakeHub stores the metadata (the outputs document may be megabytes) and presigns a URL.
    stageMs: 30000,
    // Publishing makes the release visible and may inspect the uploaded tarball first.
    publishMs: 60000,
    // A live link moves some bytes every second, however slow it is; 30 s of nothing is a dead
    // connection. A stall, not a total, so that 50 MB on a slow link still completes.
    uploadStallMs: 30000,
    // The store checks the SHA-256 of up to 50 MB before it answers.
    uploadAnswerMs: 60000,
    // Longer than a 50 MB upload at 100 KB/s (about 8.5 minutes) plus the other calls' retries;
    // shorter than the point where a silent job looks dead and gets cancelled.
    publishBudgetMs: 15 * 60000,
    // 1, 2, 4, 8 s: long enough for a restarting service or a passing blip, short enough that
    // four retries of a call cost 15 s at most on top of their limits.
    retryDelayMs: 1000
};
/** Attempts of one call in all, the first included: four retries ride out a restart or a blip. */
const RETRY_ATTEMPTS = 5;
/** No single wait is longer, whatever `Retry-After` asks: the run must not look dead. */
const RETRY_MAX_DELAY_MS = 20000;
/** A larger answer is not one of the small JSON documents the action reads. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
// With the defaults, one hung call costs one answer limit and one backoff (about 31 s for
// stage); a call that never answers fails after RETRY_ATTEMPTS limits plus the backoffs, at
// most 5 × 30 + 15 = 165 s for stage (publish: 5 × 60 + 15 s, still inside the budget).
/** Longest limit one may set: a day. Longer is a typo, and timers overflow past 24.8 days. */
const MAX_SECONDS = 86400;
/** Milliseconds from a number of seconds such as `30` or `0.5`; undefined if it is not one. */
function parseSeconds(text) {
    const trimmed = text.trim();
    if (!/^\d{1,6}(\.\d{1,3})?$/.test(trimmed))
        return undefined;
    const seconds = Number(trimmed);
    return seconds > 0 && seconds <= MAX_SECONDS ? Math.round(seconds * 1000) : undefined;
}
/** "1.5 s", "30 s": a limit as a person reads it. */
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}


/***/ }),

/***/ 2472:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("./undici.cjs");

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 1524:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// What the bundles get for `undici`: the part of the toolkit's HTTP stack that only a proxy (a
// ProxyAgent, in @actions/http-client) or Octokit (fetch, in @actions/github) needs, kept out of
// them and read on first use. Bundled, undici was 60 % of dist/index.js, and compiling it and the
// modules it loads delayed every run's first `nix` call by about 45 ms, although no step of the
// action or the command makes either. tsconfig.json's `paths` sends `undici` here; `npm run
// package` bundles undici alone as dist/undici.cjs, which is required beside the bundle, by that
// name, the first time one of these names is read (bundle.test checks that the bundles read no
// other).
let undici
const real = () => (undici ??= __nccwpck_require__(2472))

module.exports = {
  get ProxyAgent() {
    return real().ProxyAgent
  },
  get fetch() {
    return real().fetch
  }
}


/***/ }),

/***/ 4942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./scripts/undici-on-demand.cjs
var undici_on_demand = __nccwpck_require__(1524);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici_on_demand.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 3988:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["389-exception","Asterisk-exception","Autoconf-exception-2.0","Autoconf-exception-3.0","Autoconf-exception-generic","Autoconf-exception-generic-3.0","Autoconf-exception-macro","Bison-exception-1.24","Bison-exception-2.2","Bootloader-exception","Classpath-exception-2.0","CLISP-exception-2.0","cryptsetup-OpenSSL-exception","DigiRule-FOSS-exception","eCos-exception-2.0","Fawkes-Runtime-exception","FLTK-exception","fmt-exception","Font-exception-2.0","freertos-exception-2.0","GCC-exception-2.0","GCC-exception-2.0-note","GCC-exception-3.1","Gmsh-exception","GNAT-exception","GNOME-examples-exception","GNU-compiler-exception","gnu-javamail-exception","GPL-3.0-interface-exception","GPL-3.0-linking-exception","GPL-3.0-linking-source-exception","GPL-CC-1.0","GStreamer-exception-2005","GStreamer-exception-2008","i2p-gpl-java-exception","KiCad-libraries-exception","LGPL-3.0-linking-exception","libpri-OpenH323-exception","Libtool-exception","Linux-syscall-note","LLGPL","LLVM-exception","LZMA-exception","mif-exception","OCaml-LGPL-linking-exception","OCCT-exception-1.0","OpenJDK-assembly-exception-1.0","openvpn-openssl-exception","PS-or-PDF-font-exception-20170817","QPL-1.0-INRIA-2004-exception","Qt-GPL-exception-1.0","Qt-LGPL-exception-1.1","Qwt-exception-1.0","SANE-exception","SHL-2.0","SHL-2.1","stunnel-exception","SWI-exception","Swift-exception","Texinfo-exception","u-boot-exception-2.0","UBDL-exception","Universal-FOSS-exception-1.0","vsftpd-openssl-exception","WxWindows-exception-3.1","x11vnc-openssl-exception"]');

/***/ }),

/***/ 3389:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["AGPL-1.0","AGPL-3.0","BSD-2-Clause-FreeBSD","BSD-2-Clause-NetBSD","GFDL-1.1","GFDL-1.2","GFDL-1.3","GPL-1.0","GPL-2.0","GPL-2.0-with-GCC-exception","GPL-2.0-with-autoconf-exception","GPL-2.0-with-bison-exception","GPL-2.0-with-classpath-exception","GPL-2.0-with-font-exception","GPL-3.0","GPL-3.0-with-GCC-exception","GPL-3.0-with-autoconf-exception","LGPL-2.0","LGPL-2.1","LGPL-3.0","Net-SNMP","Nunit","StandardML-NJ","bzip2-1.0.5","eCos-2.0","wxWindows"]');

/***/ }),

/***/ 5204:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["0BSD","3D-Slicer-1.0","AAL","ADSL","AFL-1.1","AFL-1.2","AFL-2.0","AFL-2.1","AFL-3.0","AGPL-1.0-only","AGPL-1.0-or-later","AGPL-3.0-only","AGPL-3.0-or-later","ALGLIB-Documentation","AMD-newlib","AMDPLPA","AML","AML-glslang","AMPAS","ANTLR-PD","ANTLR-PD-fallback","APAFML","APL-1.0","APSL-1.0","APSL-1.1","APSL-1.2","APSL-2.0","ASWF-Digital-Assets-1.0","ASWF-Digital-Assets-1.1","Abstyles","AdaCore-doc","Adobe-2006","Adobe-Display-PostScript","Adobe-Glyph","Adobe-Utopia","Advanced-Cryptics-Dictionary","Afmparse","Aladdin","Apache-1.0","Apache-1.1","Apache-2.0","App-s2p","Arphic-1999","Artistic-1.0","Artistic-1.0-Perl","Artistic-1.0-cl8","Artistic-2.0","Artistic-dist","Aspell-RU","BOLA-1.1","BSD-1-Clause","BSD-2-Clause","BSD-2-Clause-Darwin","BSD-2-Clause-Patent","BSD-2-Clause-Views","BSD-2-Clause-first-lines","BSD-2-Clause-pkgconf-disclaimer","BSD-2-Clause-pos-unchanged","BSD-3-Clause","BSD-3-Clause-Attribution","BSD-3-Clause-Clear","BSD-3-Clause-HP","BSD-3-Clause-LBNL","BSD-3-Clause-Modification","BSD-3-Clause-No-Military-License","BSD-3-Clause-No-Nuclear-License","BSD-3-Clause-No-Nuclear-License-2014","BSD-3-Clause-No-Nuclear-Warranty","BSD-3-Clause-Open-MPI","BSD-3-Clause-OpenWebUI","BSD-3-Clause-Sun","BSD-3-Clause-Tso","BSD-3-Clause-acpica","BSD-3-Clause-flex","BSD-4-Clause","BSD-4-Clause-Shortened","BSD-4-Clause-UC","BSD-4.3RENO","BSD-4.3TAHOE","BSD-Advertising-Acknowledgement","BSD-Attribution-HPND-disclaimer","BSD-Inferno-Nettverk","BSD-Mark-Modifications","BSD-Protection","BSD-Source-Code","BSD-Source-Code-no-disclaimer","BSD-Source-alt-GPL","BSD-Source-beginning-file","BSD-Systemics","BSD-Systemics-W3Works","BSD-ask-to-endorse","BSL-1.0","BUSL-1.1","Baekmuk","Bahyph","Barr","Beerware","BitTorrent-1.0","BitTorrent-1.1","Bitstream-Charter","Bitstream-Vera","BlueOak-1.0.0","Boehm-GC","Boehm-GC-without-fee","Borceux","Brian-Gladman-2-Clause","Brian-Gladman-3-Clause","Brian-Gladman-3-Clause-no-conversion","Buddy","Bugroff","C-UDA-1.0","CAL-1.0","CAL-1.0-Combined-Work-Exception","CAPEC-tou","CATOSL-1.1","CC-BY-1.0","CC-BY-2.0","CC-BY-2.5","CC-BY-2.5-AU","CC-BY-3.0","CC-BY-3.0-AT","CC-BY-3.0-AU","CC-BY-3.0-DE","CC-BY-3.0-IGO","CC-BY-3.0-NL","CC-BY-3.0-US","CC-BY-4.0","CC-BY-NC-1.0","CC-BY-NC-2.0","CC-BY-NC-2.5","CC-BY-NC-3.0","CC-BY-NC-3.0-DE","CC-BY-NC-3.0-IGO","CC-BY-NC-4.0","CC-BY-NC-ND-1.0","CC-BY-NC-ND-2.0","CC-BY-NC-ND-2.5","CC-BY-NC-ND-3.0","CC-BY-NC-ND-3.0-DE","CC-BY-NC-ND-3.0-IGO","CC-BY-NC-ND-4.0","CC-BY-NC-SA-1.0","CC-BY-NC-SA-2.0","CC-BY-NC-SA-2.0-DE","CC-BY-NC-SA-2.0-FR","CC-BY-NC-SA-2.0-UK","CC-BY-NC-SA-2.5","CC-BY-NC-SA-3.0","CC-BY-NC-SA-3.0-DE","CC-BY-NC-SA-3.0-IGO","CC-BY-NC-SA-4.0","CC-BY-ND-1.0","CC-BY-ND-2.0","CC-BY-ND-2.5","CC-BY-ND-3.0","CC-BY-ND-3.0-DE","CC-BY-ND-4.0","CC-BY-SA-1.0","CC-BY-SA-2.0","CC-BY-SA-2.0-UK","CC-BY-SA-2.1-JP","CC-BY-SA-2.5","CC-BY-SA-3.0","CC-BY-SA-3.0-AT","CC-BY-SA-3.0-DE","CC-BY-SA-3.0-IGO","CC-BY-SA-4.0","CC-PDDC","CC-PDM-1.0","CC-SA-1.0","CC0-1.0","CDDL-1.0","CDDL-1.1","CDL-1.0","CDLA-Permissive-1.0","CDLA-Permissive-2.0","CDLA-Sharing-1.0","CECILL-1.0","CECILL-1.1","CECILL-2.0","CECILL-2.1","CECILL-B","CECILL-C","CERN-OHL-1.1","CERN-OHL-1.2","CERN-OHL-P-2.0","CERN-OHL-S-2.0","CERN-OHL-W-2.0","CFITSIO","CMU-Mach","CMU-Mach-nodoc","CNRI-Jython","CNRI-Python","CNRI-Python-GPL-Compatible","COIL-1.0","CPAL-1.0","CPL-1.0","CPOL-1.02","CUA-OPL-1.0","Caldera","Caldera-no-preamble","Catharon","ClArtistic","Clips","Community-Spec-1.0","Condor-1.1","Cornell-Lossless-JPEG","Cronyx","Crossword","CryptoSwift","CrystalStacker","Cube","D-FSL-1.0","DEC-3-Clause","DL-DE-BY-2.0","DL-DE-ZERO-2.0","DOC","DRL-1.0","DRL-1.1","DSDP","DocBook-DTD","DocBook-Schema","DocBook-Stylesheet","DocBook-XML","Dotseqn","ECL-1.0","ECL-2.0","EFL-1.0","EFL-2.0","EPICS","EPL-1.0","EPL-2.0","ESA-PL-permissive-2.4","ESA-PL-strong-copyleft-2.4","ESA-PL-weak-copyleft-2.4","EUDatagrid","EUPL-1.0","EUPL-1.1","EUPL-1.2","Elastic-2.0","Entessa","ErlPL-1.1","Eurosym","FBM","FDK-AAC","FDK-MPEG-H","FSFAP","FSFAP-no-warranty-disclaimer","FSFUL","FSFULLR","FSFULLRSD","FSFULLRWD","FSL-1.1-ALv2","FSL-1.1-MIT","FTL","Fair","Ferguson-Twofish","Frameworx-1.0","FreeBSD-DOC","FreeImage","Furuseth","GCR-docs","GD","GFDL-1.1-invariants-only","GFDL-1.1-invariants-or-later","GFDL-1.1-no-invariants-only","GFDL-1.1-no-invariants-or-later","GFDL-1.1-only","GFDL-1.1-or-later","GFDL-1.2-invariants-only","GFDL-1.2-invariants-or-later","GFDL-1.2-no-invariants-only","GFDL-1.2-no-invariants-or-later","GFDL-1.2-only","GFDL-1.2-or-later","GFDL-1.3-invariants-only","GFDL-1.3-invariants-or-later","GFDL-1.3-no-invariants-only","GFDL-1.3-no-invariants-or-later","GFDL-1.3-only","GFDL-1.3-or-later","GL2PS","GLWTPL","GPL-1.0-only","GPL-1.0-or-later","GPL-2.0-only","GPL-2.0-or-later","GPL-3.0-only","GPL-3.0-or-later","Game-Programming-Gems","Giftware","Glide","Glulxe","Graphics-Gems","Gutmann","HDF5","HIDAPI","HP-1986","HP-1989","HPND","HPND-DEC","HPND-Fenneberg-Livingston","HPND-INRIA-IMAG","HPND-Intel","HPND-Kevlin-Henney","HPND-MIT-disclaimer","HPND-Markus-Kuhn","HPND-Netrek","HPND-Pbmplus","HPND-SMC","HPND-UC","HPND-UC-export-US","HPND-doc","HPND-doc-sell","HPND-export-US","HPND-export-US-acknowledgement","HPND-export-US-modify","HPND-export2-US","HPND-merchantability-variant","HPND-sell-MIT-disclaimer-xserver","HPND-sell-regexpr","HPND-sell-variant","HPND-sell-variant-MIT-disclaimer","HPND-sell-variant-MIT-disclaimer-rev","HPND-sell-variant-critical-systems","HTMLTIDY","HaskellReport","Hippocratic-2.1","Hippocratic-3.0-core","IBM-pibs","ICU","IEC-Code-Components-EULA","IJG","IJG-short","IPA","IPL-1.0","ISC","ISC-Veillard","ISO-permission","ImageMagick","Imlib2","Info-ZIP","Informatica","Inner-Net-2.0","InnoSetup","Intel","Intel-ACPI","Interbase-1.0","JPL-image","JPNIC","JSON","Jam","JasPer-2.0","Kastrup","Kazlib","Knuth-CTAN","LAL-1.2","LAL-1.3","LGPL-2.0-only","LGPL-2.0-or-later","LGPL-2.1-only","LGPL-2.1-or-later","LGPL-3.0-only","LGPL-3.0-or-later","LGPLLR","LOOP","LPD-document","LPL-1.0","LPL-1.02","LPPL-1.0","LPPL-1.1","LPPL-1.2","LPPL-1.3a","LPPL-1.3c","LZMA-SDK-9.11-to-9.20","LZMA-SDK-9.22","Latex2e","Latex2e-translated-notice","Leptonica","LiLiQ-P-1.1","LiLiQ-R-1.1","LiLiQ-Rplus-1.1","Libpng","Linux-OpenIB","Linux-man-pages-1-para","Linux-man-pages-copyleft","Linux-man-pages-copyleft-2-para","Linux-man-pages-copyleft-var","Lucida-Bitmap-Fonts","MIPS","MIT","MIT-0","MIT-CMU","MIT-Click","MIT-Festival","MIT-Khronos-old","MIT-Modern-Variant","MIT-STK","MIT-Wu","MIT-advertising","MIT-enna","MIT-feh","MIT-open-group","MIT-testregex","MITNFA","MMIXware","MMPL-1.0.1","MPEG-SSG","MPL-1.0","MPL-1.1","MPL-2.0","MPL-2.0-no-copyleft-exception","MS-LPL","MS-PL","MS-RL","MTLL","MVT-1.1","Mackerras-3-Clause","Mackerras-3-Clause-acknowledgment","MakeIndex","Martin-Birgmeier","McPhee-slideshow","Minpack","MirOS","Motosoto","MulanPSL-1.0","MulanPSL-2.0","Multics","Mup","NAIST-2003","NASA-1.3","NBPL-1.0","NCBI-PD","NCGL-UK-2.0","NCL","NCSA","NGPL","NICTA-1.0","NIST-PD","NIST-PD-TNT","NIST-PD-fallback","NIST-Software","NLOD-1.0","NLOD-2.0","NLPL","NOSL","NPL-1.0","NPL-1.1","NPOSL-3.0","NRL","NTIA-PD","NTP","NTP-0","Naumen","NetCDF","Newsletr","Nokia","Noweb","O-UDA-1.0","OAR","OCCT-PL","OCLC-2.0","ODC-By-1.0","ODbL-1.0","OFFIS","OFL-1.0","OFL-1.0-RFN","OFL-1.0-no-RFN","OFL-1.1","OFL-1.1-RFN","OFL-1.1-no-RFN","OGC-1.0","OGDL-Taiwan-1.0","OGL-Canada-2.0","OGL-UK-1.0","OGL-UK-2.0","OGL-UK-3.0","OGTSL","OLDAP-1.1","OLDAP-1.2","OLDAP-1.3","OLDAP-1.4","OLDAP-2.0","OLDAP-2.0.1","OLDAP-2.1","OLDAP-2.2","OLDAP-2.2.1","OLDAP-2.2.2","OLDAP-2.3","OLDAP-2.4","OLDAP-2.5","OLDAP-2.6","OLDAP-2.7","OLDAP-2.8","OLFL-1.3","OML","OPL-1.0","OPL-UK-3.0","OPUBL-1.0","OSC-1.0","OSET-PL-2.1","OSL-1.0","OSL-1.1","OSL-2.0","OSL-2.1","OSL-3.0","OSSP","OpenMDW-1.0","OpenPBS-2.3","OpenSSL","OpenSSL-standalone","OpenVision","PADL","PDDL-1.0","PHP-3.0","PHP-3.01","PPL","PSF-2.0","ParaType-Free-Font-1.3","Parity-6.0.0","Parity-7.0.0","Pixar","Plexus","PolyForm-Noncommercial-1.0.0","PolyForm-Small-Business-1.0.0","PostgreSQL","Python-2.0","Python-2.0.1","QPL-1.0","QPL-1.0-INRIA-2004","Qhull","RHeCos-1.1","RPL-1.1","RPL-1.5","RPSL-1.0","RSA-MD","RSCPL","Rdisc","Ruby","Ruby-pty","SAX-PD","SAX-PD-2.0","SCEA","SGI-B-1.0","SGI-B-1.1","SGI-B-2.0","SGI-OpenGL","SGMLUG-PM","SGP4","SHL-0.5","SHL-0.51","SISSL","SISSL-1.2","SL","SMAIL-GPL","SMLNJ","SMPPL","SNIA","SOFA","SPL-1.0","SSH-OpenSSH","SSH-short","SSLeay-standalone","SSPL-1.0","SUL-1.0","SWL","Saxpath","SchemeReport","Sendmail","Sendmail-8.23","Sendmail-Open-Source-1.1","SimPL-2.0","Sleepycat","Soundex","Spencer-86","Spencer-94","Spencer-99","SugarCRM-1.1.3","Sun-PPP","Sun-PPP-2000","SunPro","Symlinks","TAPR-OHL-1.0","TCL","TCP-wrappers","TGPPL-1.0","TMate","TORQUE-1.1","TOSL","TPDL","TPL-1.0","TTWL","TTYP0","TU-Berlin-1.0","TU-Berlin-2.0","TekHVC","TermReadKey","ThirdEye","TrustedQSL","UCAR","UCL-1.0","UMich-Merit","UPL-1.0","URT-RLE","Ubuntu-font-1.0","UnRAR","Unicode-3.0","Unicode-DFS-2015","Unicode-DFS-2016","Unicode-TOU","UnixCrypt","Unlicense","Unlicense-libtelnet","Unlicense-libwhirlpool","VOSTROM","VSL-1.0","Vim","Vixie-Cron","W3C","W3C-19980720","W3C-20150513","WTFNMFPL","WTFPL","Watcom-1.0","Widget-Workshop","WordNet","Wsuipa","X11","X11-distribute-modifications-variant","X11-no-permit-persons","X11-swapped","XFree86-1.1","XSkat","Xdebug-1.03","Xerox","Xfig","Xnet","YPL-1.0","YPL-1.1","ZPL-1.1","ZPL-2.0","ZPL-2.1","Zed","Zeeff","Zend-2.0","Zimbra-1.3","Zimbra-1.4","Zlib","any-OSI","any-OSI-perl-modules","atc-game","bcrypt-Solar-Designer","blessing","bzip2-1.0.6","check-cvs","checkmk","copyleft-next-0.3.0","copyleft-next-0.3.1","curl","cve-tou","diffmark","dtoa","dvipdfm","eGenix","etalab-2.0","fwlw","gSOAP-1.3b","generic-xts","gnuplot","gtkbook","hdparm","hyphen-bulgarian","iMatix","jove","libpng-1.6.35","libpng-2.0","libselinux-1.0","libtiff","libutil-David-Nugent","lsof","magaz","mailprio","man2html","metamail","mpi-permissive","mpich2","mplus","ngrep","pkgconf","pnmstitch","psfrag","psutils","python-ldap","radvd","snprintf","softSurfer","ssh-keyscan","swrule","threeparttable","ulem","w3m","wwl","xinetd","xkeyboard-config-Zinoviev","xlock","xpp","xzoom","zlib-acknowledgement"]');

/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
