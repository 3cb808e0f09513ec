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
    };
    const processor = unified().use(remarkStringify, options).use(remarkGfm).use(remarkDirective);
    processor.freeze();
    stringify = (t) => processor.stringify(t);
    stringifiers.set(key, stringify);
  }
  return stringify(tree);
}
