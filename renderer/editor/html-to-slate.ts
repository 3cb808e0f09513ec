/**
 * Pasted HTML (Word, Google Docs, web pages) → Slate blocks, keeping only structure the module
 * format has: headings, paragraphs, bold/italic, links, lists, quotes and tables. Styles,
 * classes, spans, comments and Office markup are dropped.
 */
import type {
  BlockElement,
  FormattedText,
  HeadingType,
  InlineChild,
  ListItemElement,
  TableCellElement,
  TableRowElement,
} from './custom-types.js';
import { isHeadingType } from './element-kinds.js';
import { normaliseInlines } from './markdown-to-slate.js';
import { nestWordLists } from './word-lists.js';

type Marks = Omit<FormattedText, 'text'>;

const HEADING_TAGS: Record<string, HeadingType> = {
  H1: 'heading-two',
  H2: 'heading-two',
  H3: 'heading-three',
  H4: 'heading-four',
  H5: 'heading-four',
  H6: 'heading-four',
};

const SKIPPED = new Set([
  'STYLE',
  'SCRIPT',
  'META',
  'TITLE',
  'LINK',
  'HEAD',
  'TEMPLATE',
  'NOSCRIPT',
  'IMG',
  'SVG',
  'HR',
  'BUTTON',
  'INPUT',
  'SELECT',
]);
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'FIGCAPTION',
  'PRE',
  'ADDRESS',
  'DL',
  'DT',
  'DD',
  'CENTER',
  'BODY',
  'HTML',
  'TBODY',
  'THEAD',
  'TFOOT',
]);

/** Parses clipboard HTML into Slate blocks; returns [] when nothing usable is found. */
export function htmlToSlate(html: string): BlockElement[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  nestWordLists(doc.body);
  const blocks = new BlockBuilder().build(doc.body);
  return blocks.filter((b) => !(b.type === 'paragraph' && isBlankInlines(b.children)));
}

function isBlankInlines(children: InlineChild[]): boolean {
  return children.every((c) => 'text' in c && c.text.trim() === '');
}

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

class BlockBuilder {
  private inline: InlineChild[] = [];
  private out: BlockElement[] = [];

  build(root: Node): BlockElement[] {
    this.walk(root, {});
    this.flush();
    return this.out;
  }

  private flush(): void {
    if (this.inline.length > 0) {
      const children = trimInlines(normaliseInlines(this.inline));
      if (!isBlankInlines(children)) this.out.push({ type: 'paragraph', children });
      this.inline = [];
    }
  }

  private push(block: BlockElement): void {
    this.flush();
    this.out.push(block);
  }

  private walk(node: Node, marks: Marks): void {
    for (const child of Array.from(node.childNodes)) this.visit(child, marks);
  }

  private visit(node: Node, marks: Marks): void {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (text) this.inline.push({ text, ...marks });
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return; // comments, processing instructions
    const el = node as Element; // nodeType checked just above
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || tag.includes(':')) return; // <o:p> and other Office tags
    if (/mso-list:ignore/.test(styleOf(el))) return; // Word's typed bullet characters

    const heading = HEADING_TAGS[tag];
    if (heading) {
      this.push({ type: heading, children: trimInlines(inlinesOf(el, {})) });
      return;
    }
    if (tag === 'UL' || tag === 'OL') {
      this.push(this.list(el, tag === 'OL'));
      return;
    }
    if (tag === 'BLOCKQUOTE') {
      const inner = new BlockBuilder().build(el);
      if (inner.length > 0) this.push({ type: 'block-quote', children: inner });
      return;
    }
    if (tag === 'TABLE') {
      const table = tableOf(el);
      if (table) this.push(table);
      return;
    }
    if (tag === 'BR') {
      this.flush();
      return;
    }
    if (BLOCK_TAGS.has(tag) || tag === 'LI') {
      this.flush();
      this.walk(el, marks);
      this.flush();
      return;
    }
    const nextMarks = marksFor(el, marks);
    if (tag === 'A' && el.getAttribute('href')) {
      const href = el.getAttribute('href') ?? '';
      if (/^(https?:|mailto:)/i.test(href)) {
        const children = normaliseInlines(inlinesOf(el, nextMarks)).filter(
          (c): c is FormattedText => 'text' in c,
        );
        this.inline.push({
          type: 'link',
          url: href,
          children: children.length ? children : [{ text: href }],
        });
        return;
      }
    }
    this.walk(el, nextMarks);
  }

  private list(el: Element, ordered: boolean): BlockElement {
    const items: ListItemElement[] = [];
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      const previous = items[items.length - 1];
      if (tag === 'UL' || tag === 'OL') {
        // Google Docs puts a nested list beside its parent item, not inside it.
        const nested = this.list(child, tag === 'OL');
        if (previous) previous.children.push(nested);
        else if ('children' in nested) items.push(...(nested.children as ListItemElement[]));
        continue;
      }
      if (tag !== 'LI') continue;
      const blocks = new BlockBuilder().build(child);
      items.push({
        type: 'list-item',
        spread: false,
        children: blocks.length > 0 ? blocks : [{ type: 'paragraph', children: [{ text: '' }] }],
      });
    }
    if (items.length === 0) {
      items.push({
        type: 'list-item',
        spread: false,
        children: [{ type: 'paragraph', children: [{ text: '' }] }],
      });
    }
    const startAttr = Number(el.getAttribute('start') ?? '1');
    return ordered
      ? {
          type: 'numbered-list',
          spread: false,
          start: Number.isFinite(startAttr) ? startAttr : 1,
          children: items,
        }
      : { type: 'bulleted-list', spread: false, children: items };
  }
}

/** Bold/italic from tags and inline styles (Google Docs marks everything with spans). */
function marksFor(el: Element, marks: Marks): Marks {
  const tag = el.tagName.toUpperCase();
  const style = styleOf(el);
  const next: Marks = { ...marks };
  if (tag === 'B' || tag === 'STRONG') next.bold = true;
  if (tag === 'I' || tag === 'EM') next.italic = true;
  if (/font-weight:(bold|[6-9]00)/.test(style)) next.bold = true;
  // Google Docs wraps a whole paste in <b style="font-weight:normal">.
  if (/font-weight:(normal|[1-4]00)/.test(style)) delete next.bold;
  if (/font-style:italic/.test(style)) next.italic = true;
  if (/font-style:normal/.test(style)) delete next.italic;
  return next;
}

function inlinesOf(el: Element, marks: Marks): InlineChild[] {
  const builder = new BlockBuilder();
  // Collect inline content only: block children are flattened into the same line.
  const blocks = builder.build(wrapMarks(el, marks));
  const inlines: InlineChild[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) inlines.push({ text: ' ' });
    if (block.type === 'paragraph' || isHeadingType(block.type) || block.type === 'table-cell') {
      for (const child of inlineChildrenOf(block)) inlines.push(child);
    }
  });
  return inlines;
}

/** A detached copy of `el` whose text carries `marks` (via a styled wrapper). */
function wrapMarks(el: Element, marks: Marks): Element {
  const wrapper = el.ownerDocument.createElement('span');
  const style = [marks.bold ? 'font-weight:bold' : '', marks.italic ? 'font-style:italic' : '']
    .filter(Boolean)
    .join(';');
  if (style) wrapper.setAttribute('style', style);
  const container = el.ownerDocument.createElement('div');
  wrapper.append(...Array.from(el.cloneNode(true).childNodes));
  container.append(wrapper);
  return container;
}

/** The text and links of a text block (paragraph, heading or cell). */
function inlineChildrenOf(block: BlockElement): InlineChild[] {
  const out: InlineChild[] = [];
  if (!('children' in block)) return out;
  for (const child of block.children) {
    if ('text' in child) out.push(child);
    else if (child.type === 'link') out.push(child);
  }
  return out;
}

function tableOf(el: Element): BlockElement | undefined {
  const rows: TableRowElement[] = [];
  for (const tr of Array.from(el.querySelectorAll('tr'))) {
    if (tr.closest('table') !== el) continue; // ignore nested tables' rows
    const cells: TableCellElement[] = Array.from(tr.children)
      .filter((c) => /^(TD|TH)$/i.test(c.tagName))
      .map((c) => ({
        type: 'table-cell',
        children: trimInlines(normaliseInlines(inlinesOf(c, {}))),
      }));
    if (cells.length > 0) rows.push({ type: 'table-row', children: cells });
  }
  if (rows.length === 0) return undefined;
  const width = Math.max(...rows.map((r) => r.children.length));
  for (const row of rows) {
    while (row.children.length < width)
      row.children.push({ type: 'table-cell', children: [{ text: '' }] });
  }
  return { type: 'table', align: Array.from({ length: width }, () => null), children: rows };
}

/** Removes leading/trailing spaces that HTML layout whitespace leaves behind. */
function trimInlines(children: InlineChild[]): InlineChild[] {
  const out = normaliseInlines(children);
  const first = out[0];
  if (first && 'text' in first) out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = out[out.length - 1];
  if (last && 'text' in last)
    out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  return normaliseInlines(out);
}
