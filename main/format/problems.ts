/** The one-line text form of a problem, which editors and terminals turn into a link. */
import type { Problem } from './types.js';

/** `path:line:column: message`, with `path` as stored (library-relative) unless `file` is given. */
export function formatProblem(problem: Problem, file: string = problem.file): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** `path:line:column: severity: message`, as printed by `tandem check`. */
export function formatProblemWithSeverity(problem: Problem, file: string = problem.file): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}
