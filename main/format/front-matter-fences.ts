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
  const lines = withoutBom.split(/(?<=\n)/);
  const noFrontMatter: SplitFrontMatter = {
    frontMatter: undefined,
    frontMatterLine: 1,
    body: withoutBom,
    bodyLine: 1,
    unclosed: false,
  };
  if (lines.length === 0 || !fence.test(stripEol(lines[0] ?? ''))) return noFrontMatter;
  for (let i = 1; i < lines.length; i++) {
    if (closingFence.test(stripEol(lines[i] ?? ''))) {
      return {
        frontMatter: lines.slice(1, i).join(''),
        frontMatterLine: 2,
        body: lines.slice(i + 1).join(''),
        bodyLine: i + 2,
        unclosed: false,
      };
    }
  }
  return { ...noFrontMatter, unclosed: true };
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}
