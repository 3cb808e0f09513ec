/** The one-line text form of a writing suggestion, as printed by `tandem check`. */
import type { LanguageProblem } from './check-library-language.js';
import { problemPlace } from '../format/problems.js';

/** `path:line:column: [rule] message (suggestion)`, with `path` as stored unless `file` is given. */
export function formatLanguageProblem(
  problem: LanguageProblem,
  file: string = problem.file,
): string {
  const suggestion = problem.suggestion ? ` (${problem.suggestion})` : '';
  return `${problemPlace(problem, file)}: [${problem.code}] ${problem.message}${suggestion}`;
}
