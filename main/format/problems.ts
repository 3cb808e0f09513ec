/** The one-line text form of a problem, which editors and terminals turn into a link. */

/** What the text form needs of a problem (the library's `Problem` and its kin all have it). */
export interface ProblemText {
  file: string;
  line: number;
  column: number;
  message: string;
  severity?: string;
}

/** `path:line:column`, with `path` as stored (library-relative) unless `file` is given. */
export function problemPlace(problem: ProblemText, file: string = problem.file): string {
  return `${file}:${problem.line}:${problem.column}`;
}

/** `path:line:column: message`, with `path` as stored (library-relative) unless `file` is given. */
export function formatProblem(problem: ProblemText, file: string = problem.file): string {
  return `${problemPlace(problem, file)}: ${problem.message}`;
}

/** `path:line:column: severity: message`, as printed by `tandem check`. */
export function formatProblemWithSeverity(
  problem: ProblemText,
  file: string = problem.file,
): string {
  return `${problemPlace(problem, file)}: ${problem.severity}: ${problem.message}`;
}
