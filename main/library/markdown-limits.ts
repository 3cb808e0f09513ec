/**
 * Limits that keep one hostile Markdown file from taking the whole build down: the Markdown
 * parser's time grows much faster than the text for deeply nested lists and quotes, long runs
 * of emphasis marks and deeply nested brackets, and thousands of levels overflow the stack.
 * A cheap scan of the text finds these before the parser ever sees it.
 */

/** Nesting deeper than any course needs (lists in lists, quotes in quotes). */
export const MAX_NESTING = 32;
/** Longest run of `*`, `_` or `~` marks; ordinary emphasis uses one to three. */
export const MAX_MARK_RUN = 64;
/** Deepest nesting of square brackets (links in links). */
export const MAX_BRACKET_DEPTH = 32;

export interface LimitProblem {
  /** 1-based, in the scanned text. */
  line: number;
  column: number;
  message: string;
}

/** How deeply a line nests containers: quote and list markers, and indentation. */
function lineDepth(line: string): number {
  let i = 0;
  let depth = 0;
  let indent = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      indent += line[i] === '\t' ? 4 : 1;
      i += 1;
    }
    const marker = /^(>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(line.slice(i, i + 11));
    if (!marker) break;
    depth += 1;
    i += marker[0].length;
  }
  // Each level of a nested list is indented by at least two more spaces.
  return depth + Math.floor(indent / 2);
}

/** The first limit `text` goes past, or undefined. */
export function markdownLimitProblem(text: string): LimitProblem | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let brackets = 0;
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n] ?? '';
    if (lineDepth(line) > MAX_NESTING) {
      return {
        line: n + 1,
        column: 1,
        message: `lists or quotes are nested more than ${MAX_NESTING} levels deep here; Tandem does not read the file until they are flattened`,
      };
    }
    const run = /([*_~])\1{63,}/.exec(line);
    if (run) {
      return {
        line: n + 1,
        column: run.index + 1,
        message: `more than ${MAX_MARK_RUN} ${run[1]} marks in a row here; Tandem does not read the file until they are shortened`,
      };
    }
    for (let c = 0; c < line.length; c += 1) {
      if (line[c] === '[') brackets += 1;
      else if (line[c] === ']') brackets = Math.max(0, brackets - 1);
      if (brackets > MAX_BRACKET_DEPTH) {
        return {
          line: n + 1,
          column: c + 1,
          message: `square brackets are nested more than ${MAX_BRACKET_DEPTH} deep here; Tandem does not read the file until they are fewer`,
        };
      }
    }
    // A blank line ends every bracket (a link never spans paragraphs).
    if (line.trim() === '') brackets = 0;
  }
  return undefined;
}
