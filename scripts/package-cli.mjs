// After `ncc build src/cli.ts -o .cli-build --license licenses.txt`: move the command's bundle to
// dist/cli.js, beside the action's dist/index.js, and the licences of what it bundles to
// dist/cli-licenses.txt (the npm package ships both). It must be one file: a chunk, or an asset
// other than the Nix expressions that dist/ already holds byte for byte, would be missing or
// collide with the action's.
import * as fs from 'node:fs'

const built = '.cli-build'
const files = fs.readdirSync(built).sort()
const assets = files.filter(name => name.endsWith('.nix'))
const others = files.filter(name => !name.endsWith('.nix'))
if (others.join() !== 'index.js,licenses.txt,package.json') {
  console.error(`${built} holds ${files.join(', ')}; dist/cli.js must be one self-contained file.`)
  process.exit(1)
}
for (const asset of assets) {
  if (
    !fs.existsSync(`dist/${asset}`) ||
    !fs.readFileSync(`${built}/${asset}`).equals(fs.readFileSync(`dist/${asset}`))
  ) {
    console.error(
      `${built}/${asset} is not dist/${asset}: the command and the action must ship the same Nix files.`
    )
    process.exit(1)
  }
}
fs.renameSync(`${built}/index.js`, 'dist/cli.js')
fs.renameSync(`${built}/licenses.txt`, 'dist/cli-licenses.txt')
fs.rmSync(built, { recursive: true })
