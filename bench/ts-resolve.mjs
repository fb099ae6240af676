/**
 * Lets Node 24 import the TypeScript sources in src/ directly (it strips their types on import)
 * although they import each other as `./x.js`, as TypeScript wants: a relative `.js` specifier
 * in a `.ts` file resolves to the `.ts` file beside it when there is no such `.js` file.
 *
 * `node --import ./bench/ts-resolve.mjs …`, or import this module before any of src/*.ts.
 */
import * as fs from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL
    if (
      parent?.startsWith('file:') &&
      parent.endsWith('.ts') &&
      /^\.\.?\/.*\.js$/.test(specifier)
    ) {
      const asJs = new URL(specifier, parent)
      const asTs = new URL(specifier.replace(/\.js$/, '.ts'), parent)
      if (!fs.existsSync(fileURLToPath(asJs)) && fs.existsSync(fileURLToPath(asTs)))
        return nextResolve(asTs.href, context)
    }
    return nextResolve(specifier, context)
  }
})
