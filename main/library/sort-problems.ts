/** Puts problems in the order people fix them: by file, then line, then column. */
import type { Problem } from './types.js';

/** A sorted copy of `problems`: by file, line, column, then message (for a stable order). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
