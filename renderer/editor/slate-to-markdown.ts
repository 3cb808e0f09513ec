/**
 * Slate → Markdown, changing only what was edited.
 *
 * A top-level block whose content still matches the fingerprint taken when it was read is
 * written as its original source; the original text between two such neighbours is kept too.
 * Only edited or new blocks go through remark-stringify. So an untouched document saves byte
 * for byte, and an edit shows up in Git as a change to that block alone.
 */
import type {
  BlockContent,
  DefinitionContent,
  ListItem,
  PhrasingContent,
  Root,
  TableCell,
  TableRow,
} from 'mdast';
import type { Descendant, Node } from 'slate';
import type {
  BlockElement,
  CustomElement,
  FormattedText,
  InlineChild,
  ListItemElement,
  TableRowElement,
} from './custom-types.js';
import { fingerprint } from './fingerprint.js';
import { type ListMarkers, stringifyMarkdown } from './markdown-processor.js';

/** Options for `slateToMarkdown`. */
export interface SerialiseOptions {
  /**
   * Write every block afresh, as if each had been edited (tests use this to check that what
   * the editor writes reads back the same). Spacing between blocks and protected blocks are kept.
   */
  rewriteAll?: boolean;
}

/** Rendered text of a block, per list-marker context; blocks are immutable so identity is a valid key. */
const cache = new WeakMap<object, { key: string; text: string }>();

/** Serialises the editor's value to the Markdown file body. */
export function slateToMarkdown(value: Descendant[], options: SerialiseOptions = {}): string {
  const blocks = value.filter(
    (node): node is BlockElement => isBlock(node) && !(isBlank(node) && !isUnedited(node, options)),
  );
  let out = '';
  let previous: BlockElement | undefined;
  let previousBullet: string | undefined;
  blocks.forEach((block, i) => {
    const origin = block.origin;
    const prevOrigin = previous?.origin;
    if (i === 0) {
      // Leading indentation belongs to the original block's layout; drop it if re-written.
      const leading = origin?.index === 0 ? origin.before : '';
      out += isUnedited(block, options) ? leading : leading.replace(/[ \t]+$/, '');
    } else if (origin && previous && prevOrigin && origin.index === prevOrigin.index + 1) {
      out += gapBetween(origin.before, isUnedited(previous, options) && isUnedited(block, options));
    } else {
      out += '\n\n';
    }
    const next = blocks[i + 1];
    const { text, bullet } = blockText(block, options, previous, previousBullet, next);
    out += text;
    previous = block;
    previousBullet = bullet;
  });
  const last = blocks[blocks.length - 1];
  if (last?.origin?.after !== undefined) out += last.origin.after;
  else if (out !== '') out += '\n';
  // A file that was empty has no line ending of its own to keep: end new text with one.
  if (
    last?.origin?.source === '' &&
    !isUnedited(last, options) &&
    out !== '' &&
    !out.endsWith('\n')
  ) {
    out += '\n';
  }
  return out;
}

/**
 * The text between two blocks that were neighbours in the file. Kept as it was when both are
 * unedited. Next to a re-written block it must still end the previous block: it needs a blank
 * line (else a paragraph could run on into a quote or list), and no indentation (else the
 * block could fall inside a list whose indentation remark-stringify chose differently).
 */
function gapBetween(original: string, bothUnedited: boolean): string {
  if (bothUnedited) return original;
  if (!/\n[ \t]*\n/.test(original)) return '\n\n';
  return original.replace(/[ \t]+$/, '');
}

function isBlock(node: Descendant): node is BlockElement {
  return 'type' in node && node.type !== 'link' && node.type !== 'protected-inline';
}

function isBlank(node: BlockElement): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.every((child) => 'text' in child && child.text.trim() === '')
  );
}

/** Whether a block still matches its origin; blocks are immutable, so the answer is cached. */
const unedited = new WeakMap<object, boolean>();

function isUnedited(block: BlockElement, options: SerialiseOptions): boolean {
  // Protected Markdown is never re-written, so it always counts as unedited.
  if (block.type === 'protected') return true;
  if (options.rewriteAll || !block.origin) return false;
  let result = unedited.get(block);
  if (result === undefined) {
    result = fingerprint(block) === block.origin.fingerprint;
    unedited.set(block, result);
  }
  return result;
}

const BULLETS = ['-', '*', '+'] as const;

/** The bullet a list block is written with: its own, unless that would merge it with a neighbour. */
function chooseBullet(
  block: BlockElement,
  previous: BlockElement | undefined,
  previousBullet: string | undefined,
  next: BlockElement | undefined,
): ListMarkers['bullet'] {
  const own = (block.type === 'bulleted-list' && block.marker) || '-';
  const taken = new Set<string>();
  if (previous?.type === block.type && previousBullet) taken.add(previousBullet);
  if (next?.type === block.type && next.type === 'bulleted-list') taken.add(next.marker ?? '-');
  const candidates = [own, ...BULLETS].filter((b): b is ListMarkers['bullet'] =>
    BULLETS.some((bullet) => bullet === b),
  );
  return candidates.find((b) => !taken.has(b)) ?? '-';
}

function blockText(
  block: BlockElement,
  options: SerialiseOptions,
  previous: BlockElement | undefined,
  previousBullet: string | undefined,
  next: BlockElement | undefined,
): { text: string; bullet?: string } {
  // Protected Markdown is never re-written: it goes back exactly as it was read.
  if (block.type === 'protected') return { text: block.source };
  const isList = block.type === 'bulleted-list' || block.type === 'numbered-list';
  if (isUnedited(block, options) && block.origin) {
    // An unedited list keeps the bullet it was read with.
    return { text: block.origin.source, bullet: isList ? block.marker : undefined };
  }
  const bullet = isList ? chooseBullet(block, previous, previousBullet, next) : '-';
  let ordered: ListMarkers['bulletOrdered'] =
    block.type === 'numbered-list' && block.marker === ')' ? ')' : '.';
  if (
    block.type === 'numbered-list' &&
    (previous?.type === 'numbered-list' || next?.type === 'numbered-list')
  ) {
    const neighbour = previous?.type === 'numbered-list' ? previous : next;
    if (neighbour?.type === 'numbered-list' && (neighbour.marker ?? '.') === ordered) {
      ordered = ordered === '.' ? ')' : '.';
    }
  }
  const key = bullet + ordered;
  const cached = options.rewriteAll ? undefined : cache.get(block);
  if (cached?.key === key) return { text: cached.text, bullet: isList ? bullet : undefined };
  const root: Root = { type: 'root', children: [toMdastBlock(block)] };
  const text = stringifyMarkdown(root, { bullet, bulletOrdered: ordered }).replace(/\n$/, '');
  if (!options.rewriteAll) cache.set(block, { key, text });
  return { text, bullet: isList ? bullet : undefined };
}

type MdBlock = BlockContent | DefinitionContent;

/** Converts one Slate block (and everything inside it) to mdast. */
export function toMdastBlock(block: BlockElement): MdBlock {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', children: toPhrasing(block.children) };
    case 'heading-two':
    case 'heading-three':
    case 'heading-four':
      return {
        type: 'heading',
        depth: block.type === 'heading-two' ? 2 : block.type === 'heading-three' ? 3 : 4,
        children: toPhrasing(block.children),
      };
    case 'bulleted-list':
    case 'numbered-list':
      return {
        type: 'list',
        ordered: block.type === 'numbered-list',
        start: block.type === 'numbered-list' ? (block.start ?? 1) : null,
        spread: Boolean(block.spread),
        children: block.children.filter(isListItem).map(toListItem),
      };
    case 'list-item':
      // A list item out of place (only possible mid-edit) is written as a one-item list.
      return { type: 'list', ordered: false, spread: false, children: [toListItem(block)] };
    case 'block-quote':
      return { type: 'blockquote', children: toMdastBlocks(block.children) };
    case 'activity':
    case 'facilitator-note':
      return {
        type: 'containerDirective',
        name: block.type === 'activity' ? 'activity' : 'facilitator',
        attributes: {},
        children: toMdastBlocks(block.children),
      };
    case 'image':
      return {
        type: 'paragraph',
        children: [{ type: 'image', url: block.src, alt: block.alt, title: block.title ?? null }],
      };
    case 'table':
      return {
        type: 'table',
        align: block.align,
        children: block.children.map(toTableRow),
      };
    case 'table-row':
      return { type: 'table', align: [], children: [toTableRow(block)] };
    case 'table-cell':
      return { type: 'paragraph', children: toPhrasing(block.children) };
    case 'protected':
      // The stored node is mdast JSON written by markdown-to-slate; its shape is mdast's.
      return JSON.parse(block.node) as MdBlock;
  }
}

function isListItem(node: BlockElement): node is ListItemElement {
  return node.type === 'list-item';
}

function toMdastBlocks(children: BlockElement[]): MdBlock[] {
  // Empty paragraphs (e.g. an Enter pressed at the end) have no Markdown form.
  const kept = children.filter((child) => !isBlank(child));
  return kept.map((child) => toMdastBlock(child));
}

function toListItem(item: ListItemElement): ListItem {
  return {
    type: 'listItem',
    spread: Boolean(item.spread),
    checked: null,
    children: toMdastBlocks(item.children),
  };
}

function toTableRow(row: TableRowElement): TableRow {
  return {
    type: 'tableRow',
    children: row.children.map((cell): TableCell => ({
      type: 'tableCell',
      children: toPhrasing(cell.children),
    })),
  };
}

type Mark = 'bold' | 'italic';

/** Rebuilds mdast phrasing (strong/emphasis nesting) from Slate's flat marked leaves. */
export function toPhrasing(children: InlineChild[]): PhrasingContent[] {
  return build(
    spacesOutsideMarks(
      trimEdges(children.filter((child) => !('text' in child) || child.text !== '')),
    ),
    new Set(),
  );
}

const MARKS: Mark[] = ['bold', 'italic'];
const marksOf = (child: InlineChild | undefined): Set<Mark> =>
  new Set(child ? MARKS.filter((m) => hasMark(child, m)) : []);

/**
 * Bold or italic cannot start or end with a space in Markdown (`** word**` is not bold), so
 * remark writes such a space as `&#x20;`. A space at the edge of a marked run (pasted text
 * often has one: `<b>Note: </b>`) is moved just outside the mark instead; the words read the same.
 */
function spacesOutsideMarks(children: InlineChild[]): InlineChild[] {
  const out: InlineChild[] = [];
  children.forEach((child, index) => {
    if (!('text' in child) || (!child.bold && !child.italic)) {
      out.push(child);
      return;
    }
    const before = marksOf(children[index - 1]);
    const after = marksOf(children[index + 1]);
    const { text, ...marks } = child;
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
    const [lead, body, trail] = [match?.[1] ?? '', match?.[2] ?? text, match?.[3] ?? ''];
    // A space keeps only the marks its neighbour on that side shares with it.
    const edge = (space: string, neighbour: Set<Mark>): FormattedText => ({
      text: space,
      ...Object.fromEntries(
        MARKS.filter((m) => marks[m] && neighbour.has(m)).map((m) => [m, true]),
      ),
    });
    if (body === '') {
      const shared = new Set(MARKS.filter((m) => before.has(m) && after.has(m)));
      out.push(edge(text, shared));
      return;
    }
    if (lead) out.push(edge(lead, before));
    out.push({ ...marks, text: body });
    if (trail) out.push(edge(trail, after));
  });
  return out;
}

/**
 * Markdown drops spaces at the start and end of a paragraph, so text left there by an edit
 * (e.g. Enter after a space) is trimmed rather than written as `&#x20;` escapes.
 */
function trimEdges(children: InlineChild[]): InlineChild[] {
  const out = [...children];
  const first = out[0];
  if (first && 'text' in first) out[0] = { ...first, text: first.text.replace(/^ +/, '') };
  const last = out[out.length - 1];
  if (last && 'text' in last) out[out.length - 1] = { ...last, text: last.text.replace(/ +$/, '') };
  return out.filter((child) => !('text' in child) || child.text !== '');
}

function hasMark(child: InlineChild, mark: Mark): boolean {
  if ('text' in child) return child[mark] === true;
  const leaves = textLeaves(child);
  return leaves.length > 0 && leaves.every((leaf) => leaf[mark] === true);
}

function textLeaves(node: Node): FormattedText[] {
  if ('text' in node) return [node];
  return node.children.flatMap((child) => textLeaves(child));
}

// Indexing below stays within `children` (and `open` is non-empty), so the casts that drop
// `undefined` from noUncheckedIndexedAccess are safe.
function build(children: InlineChild[], applied: Set<Mark>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < children.length) {
    const child = children[i] as InlineChild;
    const open = (['italic', 'bold'] as const).filter((m) => !applied.has(m) && hasMark(child, m));
    if (open.length > 0) {
      // Open the mark whose run is longest, so `*a **b** c*` keeps its nesting.
      let best: Mark = open[0] as Mark;
      let bestEnd = i;
      for (const mark of open) {
        let end = i;
        while (end < children.length && hasMark(children[end] as InlineChild, mark)) end += 1;
        if (end > bestEnd) {
          best = mark;
          bestEnd = end;
        }
      }
      const run = children.slice(i, bestEnd);
      const only = run[0];
      if (run.length === 1 && only && !('text' in only) && only.type === 'link') {
        // A link that is wholly bold or italic keeps the mark inside it, as it is usually written.
        out.push(...leaf(only, applied));
        i = bestEnd;
        continue;
      }
      const inner = build(run, new Set([...applied, best]));
      out.push(
        best === 'bold'
          ? { type: 'strong', children: inner }
          : { type: 'emphasis', children: inner },
      );
      i = bestEnd;
      continue;
    }
    out.push(...leaf(child, applied));
    i += 1;
  }
  return out;
}

function leaf(child: InlineChild, applied: Set<Mark>): PhrasingContent[] {
  if ('text' in child) return child.text === '' ? [] : [{ type: 'text', value: child.text }];
  const element: CustomElement = child;
  if (element.type === 'link') {
    return [
      {
        type: 'link',
        url: element.url,
        title: element.title ?? null,
        children: build(
          element.children.filter((c) => !('text' in c) || c.text !== ''),
          applied,
        ),
      },
    ];
  }
  // The stored node is mdast JSON written by markdown-to-slate from phrasing content.
  return [JSON.parse(element.node) as PhrasingContent];
}
