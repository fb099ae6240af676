// After `ncc build src/cli.ts -o .cli-build`: move the command's bundle to dist/cli.js, beside
// the action's dist/index.js. It must be one file: a chunk or an asset other than inspect.nix
// (which dist/ already holds, byte for byte) would be missing or collide with the action's.
import * as fs from 'node:fs'

const built = '.cli-build'
const expected = ['index.js', 'inspect.nix', 'package.json']
const files = fs.readdirSync(built).sort()
if (files.join() !== expected.join()) {
  console.error(`${built} holds ${files.join(', ')}; dist/cli.js must be one self-contained file.`)
  process.exit(1)
}
if (!fs.readFileSync(`${built}/inspect.nix`).equals(fs.readFileSync('dist/inspect.nix'))) {
  console.error(`${built}/inspect.nix differs from dist/inspect.nix.`)
  process.exit(1)
}
fs.renameSync(`${built}/index.js`, 'dist/cli.js')
fs.rmSync(built, { recursive: true })
