/** Types for eval-alone.mjs (the evaluation alone), for the TypeScript tests. */

export declare const NOT_EVALUATION: string[]

export declare function shellWords(line: string): string[]

export interface LoggedGroup {
  name: string
  outcome: string
  seconds: number
  lines: string[]
}

export interface EvaluationCommand {
  phase: string
  seconds: number
  line: string
  argv: string[]
}

export declare function evaluationCommands(groups: LoggedGroup[]): EvaluationCommand[]
