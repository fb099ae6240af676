// Test support: the workflow commands a GitHub runner would carry out, read from a step's stdout
// as the runner reads them: a line whose text (leading blanks dropped) starts `::name …::message`,
// or the older form `##[name …]message` anywhere in a line; and nothing at all between
// `::stop-commands::<token>` and the line `::<token>::`.

export interface RunnerCommand {
  name: string
  /** `key=value` pairs between the name and `::`, as written (not unescaped). */
  properties: string
  message: string
}

const V2 = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/
const V1 = /##\[([A-Za-z][\w-]*)(?: ([^\]]*))?\](.*)$/

/** The commands a runner would carry out from `stdout`, in order (`stop-commands` included). */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const commands: RunnerCommand[] = []
  let stoppedBy: string | undefined
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart()
    if (stoppedBy !== undefined) {
      if (line.trimEnd() === `::${stoppedBy}::`) stoppedBy = undefined
      continue
    }
    const match = V2.exec(line) ?? V1.exec(raw)
    if (match === null) continue
    const [, name, properties = '', message] = match
    commands.push({ name, properties, message })
    if (name === 'stop-commands') stoppedBy = message
  }
  return commands
}
