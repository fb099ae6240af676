// After `ncc build node_modules/undici/index.js -o .undici-build --license licenses.txt`: move
// undici, bundled alone, to dist/undici.cjs and its licences to dist/undici-licenses.txt. The
// action's and the command's bundles leave undici out (scripts/undici-on-demand.cjs says why)
// and require this file beside them, only when a proxy agent is made.
import * as fs from 'node:fs'

const built = '.undici-build'
const files = fs.readdirSync(built).sort()
const expected = ['index.js', 'licenses.txt']
if (files.filter(name => name !== 'package.json').join() !== expected.join()) {
  console.error(`${built} holds ${files.join(', ')}; dist/undici.cjs must be one file.`)
  process.exit(1)
}
fs.renameSync(`${built}/index.js`, 'dist/undici.cjs')
fs.renameSync(`${built}/licenses.txt`, 'dist/undici-licenses.txt')
fs.rmSync(built, { recursive: true })
