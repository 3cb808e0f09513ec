/**
 * Markdown → Slate, losslessly.
 *
 * Every top-level block keeps its exact source and a fingerprint of its content (`origin`), so
 * `slateToMarkdown` can write unedited blocks back byte for byte. Whatever the editor cannot
 * represent becomes a `protected` block (or `protected-inline` inside text) that keeps the
 * original Markdown and is shown read-only; nothing is ever dropped.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { Descendant } from 'slate';
import type {
  BlockElement,
  FormattedText,
  HeadingType,
  InlineChild,
  ListItemElement,
  ProtectedElement,
  ProtectedInlineElement,
  TableAlign,
} from './custom-types.js';
import { fingerprint } from './fingerprint.js';
import { parseEditableMarkdown } from '../../main/format/parse-library-markdown.js';

/** Thrown when a construct has no editable form; the caller keeps it as protected Markdown. */
class Unsupported extends Error {}

type Marks = Omit<FormattedText, 'text'>;

/** The names of the Tandem directives the editor shows as styled blocks. */
export const DIRECTIVE_TYPES = new Map<string, 'activity' | 'facilitator-note'>([
  ['activity', 'activity'],
  ['facilitator', 'facilitator-note'],
]);

const HEADINGS: Record<number, HeadingType> = {
  2: 'heading-two',
  3: 'heading-three',
  4: 'heading-four',
};

/** Parses a Markdown document into the editor's Slate value. */
export function markdownToSlate(markdown: string): Descendant[] {
  return rootToSlate(parseEditableMarkdown(markdown), markdown);
}

/** Converts an already-parsed document (positions must be offsets into `markdown`). */
export function rootToSlate(root: Root, markdown: string): Descendant[] {
  const converter = new Converter(markdown);
  const blocks: BlockElement[] = [];
  let previousEnd = 0;
  root.children.forEach((node, index) => {
    // Positions can overlap (a definition followed by a setext heading); never slice backwards.
    const start = Math.max(node.position?.start.offset ?? previousEnd, previousEnd);
    const end = node.position?.end.offset ?? start;
    const source = markdown.slice(start, end);
    let block: BlockElement;
    try {
      block = converter.block(node);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      block = protectedBlock(node, source);
    }
    block.origin = {
      source,
      fingerprint: fingerprint(block),
      index,
      before: markdown.slice(previousEnd, start),
    };
    previousEnd = end;
    blocks.push(block);
  });
  const last = blocks[blocks.length - 1];
  if (last?.origin) {
    last.origin.after = markdown.slice(previousEnd);
  } else {
    // An empty (or blank) file still needs one paragraph to type into; it remembers the
    // blank text so that saving it untouched writes the same bytes.
    const empty: BlockElement = { type: 'paragraph', children: [{ text: '' }] };
    empty.origin = { source: '', fingerprint: fingerprint(empty), index: 0, before: markdown };
    empty.origin.after = '';
    blocks.push(empty);
  }
  return blocks;
}

/** Strips positions so a node can be stored and later serialised again on its own. */
export function nodeWithoutPositions(node: Nodes): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value));
}

function protectedBlock(node: Nodes, source: string): ProtectedElement {
  return { type: 'protected', source, node: nodeWithoutPositions(node), children: [{ text: '' }] };
}

class Converter {
  constructor(private readonly markdown: string) {}

  private slice(node: Nodes): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : this.markdown.slice(start, end);
  }

  /** A block inside a container: unsupported ones become protected there, not the whole container. */
  private nested(node: RootContent): BlockElement {
    try {
      return this.block(node);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      return protectedBlock(node, this.slice(node));
    }
  }

  private blocks(nodes: RootContent[]): BlockElement[] {
    if (nodes.length === 0) throw new Unsupported('empty container');
    return nodes.map((child) => this.nested(child));
  }

  block(node: RootContent): BlockElement {
    switch (node.type) {
      case 'paragraph': {
        const [only] = node.children;
        if (node.children.length === 1 && only?.type === 'image') {
          return {
            type: 'image',
            src: only.url,
            alt: only.alt ?? '',
            ...(only.title != null ? { title: only.title } : {}),
            children: [{ text: '' }],
          };
        }
        return { type: 'paragraph', children: this.inlines(node.children) };
      }
      case 'heading': {
        const type = HEADINGS[node.depth];
        if (!type) throw new Unsupported(`heading level ${node.depth}`);
        return { type, children: this.inlines(node.children) };
      }
      case 'list': {
        const items = node.children.map((item): ListItemElement => {
          if (item.checked != null) throw new Unsupported('task list');
          return {
            type: 'list-item',
            spread: Boolean(item.spread),
            children: this.blocks(item.children),
          };
        });
        if (items.length === 0) throw new Unsupported('empty list');
        const source = this.slice(node);
        if (node.ordered) {
          const marker = /^\d+([.)])/.exec(source)?.[1];
          return {
            type: 'numbered-list',
            spread: Boolean(node.spread),
            start: node.start ?? 1,
            ...(marker ? { marker } : {}),
            children: items,
          };
        }
        const marker = /^[-*+]/.exec(source)?.[0];
        return {
          type: 'bulleted-list',
          spread: Boolean(node.spread),
          ...(marker ? { marker } : {}),
          children: items,
        };
      }
      case 'blockquote':
        return { type: 'block-quote', children: this.blocks(node.children) };
      case 'containerDirective': {
        const type = DIRECTIVE_TYPES.get(node.name);
        const first = node.children[0];
        const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
        const hasAttributes = Object.keys(node.attributes ?? {}).length > 0;
        if (!type || hasLabel || hasAttributes) {
          throw new Unsupported(`directive ${node.name}`);
        }
        return { type, children: this.blocks(node.children) };
      }
      case 'table': {
        const rows = node.children.map((row) => ({
          type: 'table-row' as const,
          children: row.children.map((cell) => ({
            type: 'table-cell' as const,
            children: this.inlines(cell.children),
          })),
        }));
        const align: TableAlign[] = (node.align ?? []).map((a) => a ?? null);
        return { type: 'table', align, children: rows };
      }
      default:
        throw new Unsupported(node.type);
    }
  }

  /** Converts phrasing content to Slate inline children, normalised the way Slate expects. */
  inlines(nodes: PhrasingContent[]): InlineChild[] {
    const out: InlineChild[] = [];
    this.collect(nodes, {}, out);
    return normaliseInlines(out);
  }

  private collect(nodes: PhrasingContent[], marks: Marks, out: InlineChild[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push({ text: node.value, ...marks });
          break;
        case 'strong':
          // Bold inside bold has no editable form distinct from plain bold.
          if (marks.bold) throw new Unsupported('nested strong');
          this.collect(node.children, { ...marks, bold: true }, out);
          break;
        case 'emphasis':
          if (marks.italic) throw new Unsupported('nested emphasis');
          this.collect(node.children, { ...marks, italic: true }, out);
          break;
        case 'link': {
          const children: InlineChild[] = [];
          this.collect(node.children, marks, children);
          out.push({
            type: 'link',
            url: node.url,
            ...(node.title != null ? { title: node.title } : {}),
            // The cast is safe: link text cannot contain links, so only text and protected
            // inlines are collected here.
            children: normaliseInlines(children) as (FormattedText | ProtectedInlineElement)[],
          });
          break;
        }
        default: {
          const source = this.slice(node);
          // A construct spanning lines would carry its container's prefixes (`> `, list
          // indentation) in its source; showing it inline would be misleading, so the whole
          // block is kept as written instead.
          if (source.includes('\n') && node.type !== 'break') {
            throw new Unsupported(`multi-line ${node.type}`);
          }
          out.push({
            type: 'protected-inline',
            source: node.type === 'break' ? '↵' : source,
            node: nodeWithoutPositions(node),
            children: [{ text: '', ...marks }],
          });
        }
      }
    }
  }
}

const markKeys = (text: FormattedText): string =>
  `${text.bold ? 'b' : ''}${text.italic ? 'i' : ''}`;

/** Applies Slate's own inline normalisation: merge equal texts, texts around every inline. */
export function normaliseInlines(children: InlineChild[]): InlineChild[] {
  const out: InlineChild[] = [];
  for (const child of children) {
    const previous = out[out.length - 1];
    if ('text' in child) {
      if (previous && 'text' in previous) {
        if (markKeys(previous) === markKeys(child)) {
          out[out.length - 1] = { ...previous, text: previous.text + child.text };
          continue;
        }
        if (previous.text === '') {
          out[out.length - 1] = child;
          continue;
        }
        if (child.text === '') continue;
      }
      out.push(child);
    } else {
      if (!previous || !('text' in previous)) out.push({ text: '' });
      out.push(child);
    }
  }
  const last = out[out.length - 1];
  if (!last || !('text' in last)) out.push({ text: '' });
  return out;
}
