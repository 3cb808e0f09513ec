/**
 * Writing Markdown back in Tandem's one dialect, with the house style of the editor. Reading is
 * the format layer's `parseEditableMarkdown` (CommonMark + GFM + directives, a colon in prose
 * such as `10:30` read as text), and writing uses the same layer's extensions, so what the
 * editor writes is read the same way by the checks and the publishing pipeline.
 */
import type { Root } from 'mdast';
import {
  defaultHandlers,
  toMarkdown,
  type Handle,
  type Options as ToMarkdownOptions,
  type Unsafe,
} from 'mdast-util-to-markdown';
import { libraryMarkdownExtensions } from '../../main/format/parse-library-markdown.js';

/** List markers chosen per block, so a re-written list keeps the bullet style of the file. */
export interface ListMarkers {
  bullet: '-' | '*' | '+';
  bulletOrdered: '.' | ')';
}

/**
 * Escapes remark-directive adds for a colon inside a line (`10\:00`, `Note\:this`), so that it
 * is not read as a text directive (`:name`). Tandem reads text directives as the literal text
 * they were written as (check-markdown and the site's directive rules), so these escapes only
 * make saved files harder for people to read. Two colons at the start of a line are still
 * escaped (`::name` and `:::name` start block directives): see `lineStartDirective`.
 */
function isTextDirectiveEscape(pattern: Unsafe): boolean {
  return (
    pattern.character === ':' &&
    !pattern.atBreak &&
    (pattern.afterNode === 'textDirective' || pattern.before === '[^:]')
  );
}

/** `\::name` at the start of a line, which would otherwise begin a leaf or container directive. */
const lineStartDirective: Unsafe = { atBreak: true, character: ':', after: ':' };

/** Writes text with every escape Markdown needs, and none of the text-directive ones. */
const readableText: Handle = (node, parent, state, info) => {
  const unsafe = state.unsafe;
  state.unsafe = unsafe.filter((pattern) => !isTextDirectiveEscape(pattern));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = unsafe;
  }
};

const stringifiers = new Map<string, (tree: Root) => string>();

/** Serialises an mdast tree with Tandem's house style (`-` bullets, `*` emphasis, ATX headings). */
export function stringifyMarkdown(tree: Root, markers: ListMarkers): string {
  const key = markers.bullet + markers.bulletOrdered;
  let stringify = stringifiers.get(key);
  if (!stringify) {
    const options: ToMarkdownOptions = {
      bullet: markers.bullet,
      bulletOther: markers.bullet === '*' ? '-' : '*',
      bulletOrdered: markers.bulletOrdered,
      emphasis: '*',
      strong: '*',
      fence: '`',
      fences: true,
      listItemIndent: 'one',
      rule: '-',
      handlers: { text: readableText },
      unsafe: [lineStartDirective],
    };
    const settings = { ...options, extensions: libraryMarkdownExtensions };
    stringify = (t) => toMarkdown(t, settings);
    stringifiers.set(key, stringify);
  }
  return stringify(tree);
}
