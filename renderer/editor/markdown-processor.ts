/**
 * The one Markdown dialect Tandem reads and writes: CommonMark + GFM + directives
 * (`:::activity`, `:::facilitator`). Parsing and serialising share these plugins so that
 * what the editor writes back is read the same way by the publishing pipeline.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { defaultHandlers, type Handle, type Unsafe } from 'mdast-util-to-markdown';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Parses Markdown to mdast with positions (offsets into `markdown`). */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

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
    const options: StringifyOptions = {
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
    const processor = unified().use(remarkStringify, options).use(remarkGfm).use(remarkDirective);
    processor.freeze();
    stringify = (t) => processor.stringify(t);
    stringifiers.set(key, stringify);
  }
  return stringify(tree);
}
