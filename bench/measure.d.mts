/** Types for the part of measure.mjs the TypeScript tests use. */
import { LoggedGroup } from './eval-alone.mjs'

export declare function parseGroups(stdout: string): LoggedGroup[]
