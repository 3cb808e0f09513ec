/**
 * Plain-text views of course Markdown, for meta descriptions and short excerpts. The text is
 * always for students: it is read through the same directive rules as the student pages, so
 * facilitator notes (blocks and inline `:facilitator[…]`) are never included.
 */
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import { parseLibraryMarkdown } from '../../format/parse-library-markdown.js';
import { remarkTandemDirectives } from './directives.js';
import { copyToRender } from './render-copy.js';

/** The student pages' directive rules, run on a parsed tree. */
const studentText = unified().use(remarkTandemDirectives, { audience: 'student' }).freeze();

/** Whitespace collapsed, so the text fits in an attribute or a one-line summary. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens at a word boundary and adds an ellipsis when `text` is longer than `max`. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * The first top-level paragraph of `markdown` as plain text ('' when there is none); reads the
 * build's shared tree when `trees` is given.
 */
export function firstParagraphText(markdown: string, max = 300, trees?: MarkdownTrees): string {
  const parsed = trees ? trees.tree(markdown) : parseLibraryMarkdown(markdown);
  // The directive rules change a top-level paragraph only inside it, so each is read on its
  // own, from a copy: the rest of the body is never copied.
  for (const node of parsed.children) {
    if (node.type !== 'paragraph') continue;
    const root: Root = { type: 'root', children: [copyToRender(node)] };
    // cast: the directive rules keep an mdast Root a Root
    const [paragraph] = (studentText.runSync(root, markdown) as Root).children;
    const text = paragraph ? squash(toString(paragraph)) : '';
    if (text) return truncateWords(text, max);
  }
  return '';
}
