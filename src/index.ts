/** The entry point the runner executes (bundled into dist/index.js). */
import { run } from './main.js'

await run()
