/**
 * Front matter: the YAML block between `---` fences at the top of a Markdown file. The one
 * definition of where it starts and ends, for the library, the API and the UI alike.
 */

export interface SplitFrontMatter {
  /** The YAML text between the fences, or undefined when the file has no (closed) front matter. */
  frontMatter: string | undefined;
  /** 1-based line of the first YAML line (the line after the opening fence). */
  frontMatterLine: number;
  /** Everything after the closing fence (the whole text when there is no front matter). */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** True when an opening fence was found but no closing one. */
  unclosed: boolean;
}

const fence = /^---[ \t]*$/;
// YAML allows `...` to end a document; some editors write front matter that way.
const closingFence = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits a Markdown file into its front matter and body. Line endings are kept as they are so
 * that an editor can put the two halves back together unchanged.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const noFrontMatter: SplitFrontMatter = {
    frontMatter: undefined,
    frontMatterLine: 1,
    body: withoutBom,
    bodyLine: 1,
    unclosed: false,
  };
  // Line by line from the top only as far as the closing fence: the body is never split up,
  // as a library load splits thousands of files.
  const lineAt = (from: number): { line: string; next: number } => {
    const newline = withoutBom.indexOf('\n', from);
    const next = newline === -1 ? withoutBom.length : newline + 1;
    return { line: stripEol(withoutBom.slice(from, next)), next };
  };
  const first = lineAt(0);
  if (withoutBom === '' || !fence.test(first.line)) return noFrontMatter;
  for (let from = first.next, line = 2; from < withoutBom.length; line += 1) {
    const current = lineAt(from);
    if (closingFence.test(current.line)) {
      return {
        frontMatter: withoutBom.slice(first.next, from),
        frontMatterLine: 2,
        body: withoutBom.slice(current.next),
        bodyLine: line + 1,
        unclosed: false,
      };
    }
    from = current.next;
  }
  return { ...noFrontMatter, unclosed: true };
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}
