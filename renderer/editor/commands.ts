/**
 * Editing commands behind the toolbar, shortcuts and Markdown shortcuts. Each keeps the
 * document in a shape the Markdown writer can express (lists hold list items, list items hold
 * blocks, containers hold blocks).
 */
import { Editor, Element, Node, Path, Point, Range, Transforms } from 'slate';
import type {
  BlockElement,
  CustomEditor,
  HeadingType,
  ImageElement,
  LinkElement,
  TableElement,
} from './custom-types.js';
import {
  type ContainerType,
  type ListType,
  isList,
  isListItem,
  isTextBlock,
  isType,
} from './element-kinds.js';

export type Mark = 'bold' | 'italic';

/** True when the mark applies at the caret (or to the start of the selection). */
export function isMarkActive(editor: CustomEditor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

/** Turns bold or italic on or off for the selection. */
export function toggleMark(editor: CustomEditor, mark: Mark): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

/** The text block (paragraph, heading or table cell) the caret is in. */
export function currentTextBlock(editor: CustomEditor): BlockElement | undefined {
  if (!editor.selection) return undefined;
  const entry = Editor.above(editor, { match: isTextBlock, mode: 'lowest' });
  return entry?.[0];
}

/** Makes the selected text blocks headings of `type`, or paragraphs again if they already are. */
export function toggleHeading(editor: CustomEditor, type: HeadingType): void {
  const active = currentTextBlock(editor)?.type === type;
  Transforms.setNodes(
    editor,
    { type: active ? 'paragraph' : type },
    { match: isType('paragraph', 'heading-two', 'heading-three', 'heading-four') },
  );
}

/** The list the caret's list item belongs to, if any. */
export function currentListType(editor: CustomEditor): ListType | undefined {
  if (!editor.selection) return undefined;
  const entry = Editor.above(editor, { match: isList, mode: 'lowest' });
  return entry?.[0].type;
}

/** Wraps the selected blocks in a list, switches the list's kind, or turns it back into paragraphs. */
export function toggleList(editor: CustomEditor, type: ListType, start?: number): void {
  if (!editor.selection) return;
  const listEntry = Editor.above(editor, { match: isList, mode: 'lowest' });
  Editor.withoutNormalizing(editor, () => {
    if (listEntry && listEntry[0].type === type) {
      Transforms.unwrapNodes(editor, { match: isListItem, split: true, mode: 'lowest' });
      Transforms.unwrapNodes(editor, { match: isList, split: true, mode: 'lowest' });
      return;
    }
    if (listEntry) {
      Transforms.setNodes(editor, { type }, { at: listEntry[1] });
      return;
    }
    const blocks = Array.from(
      Editor.nodes(editor, {
        match: (n, p) =>
          isType('paragraph', 'heading-two', 'heading-three', 'heading-four')(n) && p.length > 0,
        mode: 'lowest',
      }),
    );
    for (const [, path] of blocks.reverse()) {
      Transforms.wrapNodes(
        editor,
        { type: 'list-item', spread: false, children: [] },
        { at: path },
      );
    }
    const list: BlockElement =
      type === 'numbered-list'
        ? { type, spread: false, start: start ?? 1, children: [] }
        : { type, spread: false, children: [] };
    Transforms.wrapNodes(editor, list, { match: isListItem, mode: 'lowest' });
  });
}

/** Moves the caret's list item one level deeper, under the item before it. */
export function indentListItem(editor: CustomEditor): boolean {
  const entry = Editor.above(editor, { match: isListItem, mode: 'lowest' });
  if (!entry) return false;
  const [, path] = entry;
  if (path[path.length - 1] === 0) return true; // Nothing to nest under; keep the caret here.
  const listNode = Node.parent(editor, path);
  if (!isList(listNode)) return false;
  const prevPath = Path.previous(path);
  const prev = Node.get(editor, prevPath);
  if (!Element.isElement(prev)) return false;
  const lastIndex = prev.children.length - 1;
  const last = prev.children[lastIndex];
  Editor.withoutNormalizing(editor, () => {
    if (last && isList(last) && last.type === listNode.type) {
      Transforms.moveNodes(editor, {
        at: path,
        to: [...prevPath, lastIndex, last.children.length],
      });
    } else {
      const to = [...prevPath, prev.children.length];
      Transforms.moveNodes(editor, { at: path, to });
      const list: BlockElement =
        listNode.type === 'numbered-list'
          ? { type: 'numbered-list', spread: false, start: 1, children: [] }
          : { type: 'bulleted-list', spread: false, children: [] };
      Transforms.wrapNodes(editor, list, { at: to });
    }
  });
  return true;
}

/** Moves the caret's list item one level out; from the top level it becomes plain blocks. */
export function outdentListItem(editor: CustomEditor): boolean {
  const entry = Editor.above(editor, { match: isListItem, mode: 'lowest' });
  if (!entry) return false;
  const [item, path] = entry;
  const index = path[path.length - 1] ?? 0;
  const listPath = Path.parent(path);
  const list = Node.get(editor, listPath);
  if (!isList(list)) return false;
  const grandPath = listPath.length > 0 ? Path.parent(listPath) : undefined;
  const grand = grandPath ? Node.get(editor, grandPath) : undefined;
  Editor.withoutNormalizing(editor, () => {
    if (grand && grandPath && isListItem(grand)) {
      // Items after this one stay after it: they become its own sub-list.
      const after = list.children.length - index - 1;
      if (after > 0) {
        const subList: BlockElement =
          list.type === 'numbered-list'
            ? { type: 'numbered-list', spread: false, start: 1, children: [] }
            : { type: 'bulleted-list', spread: false, children: [] };
        const subPath = [...path, item.children.length];
        Transforms.insertNodes(editor, subList, { at: subPath });
        for (let k = 0; k < after; k += 1) {
          Transforms.moveNodes(editor, { at: Path.next(path), to: [...subPath, k] });
        }
      }
      Transforms.moveNodes(editor, { at: path, to: Path.next(grandPath) });
    } else {
      Transforms.liftNodes(editor, { at: path });
      Transforms.unwrapNodes(editor, { at: index === 0 ? listPath : Path.next(listPath) });
    }
  });
  return true;
}

/** The container of `type` around the caret, if any. */
export function isContainerActive(editor: CustomEditor, type: ContainerType): boolean {
  if (!editor.selection) return false;
  return Boolean(Editor.above(editor, { match: isType(type) }));
}

/** Wraps the selected blocks in a quote, activity or facilitator note, or unwraps them. */
export function toggleContainer(editor: CustomEditor, type: ContainerType): void {
  if (!editor.selection) return;
  if (isContainerActive(editor, type)) {
    Transforms.unwrapNodes(editor, { match: isType(type), split: true });
    return;
  }
  // Wrap whole top-level blocks (a list moves into the container as a whole), but never a
  // table's rows or a list's items on their own.
  const [start] = Range.edges(editor.selection);
  const inContainer = Editor.above(editor, {
    at: start,
    match: isType('block-quote', 'activity', 'facilitator-note'),
  });
  const depth = inContainer ? inContainer[1].length + 1 : 1;
  Transforms.wrapNodes(
    editor,
    { type, children: [] },
    { match: (n, p) => Element.isElement(n) && p.length === depth && !editor.isInline(n) },
  );
}

/** The link around the caret, if any. */
export function activeLink(editor: CustomEditor): LinkElement | undefined {
  if (!editor.selection) return undefined;
  const entry = Editor.above(editor, { match: isType('link') });
  return entry?.[0];
}

/** Adds or updates a link on the selection; with a collapsed selection and no link, inserts the URL as text. */
export function setLink(editor: CustomEditor, url: string): void {
  if (!editor.selection) return;
  const existing = Editor.above(editor, { match: isType('link') });
  if (existing) {
    Transforms.setNodes(editor, { url }, { at: existing[1] });
    return;
  }
  if (Range.isCollapsed(editor.selection)) {
    const link: LinkElement = { type: 'link', url, children: [{ text: url }] };
    Transforms.insertNodes(editor, link);
  } else {
    Transforms.wrapNodes(editor, { type: 'link', url, children: [] }, { split: true });
    Transforms.collapse(editor, { edge: 'end' });
  }
  stepOutOfLinkEnd(editor);
}

/**
 * Moves a caret that sits at the very end of a link to just after it, as word processors do:
 * what is typed or broken next belongs to the text after the link, not to the link.
 */
export function stepOutOfLinkEnd(editor: CustomEditor): void {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return;
  const link = Editor.above(editor, { match: isType('link') });
  if (!link || !Point.equals(selection.anchor, Editor.end(editor, link[1]))) return;
  // Slate keeps a text node on each side of an inline, so the next sibling always exists.
  Transforms.select(editor, Editor.start(editor, Path.next(link[1])));
}

/** Removes the link around the caret, keeping its text. */
export function removeLink(editor: CustomEditor): void {
  Transforms.unwrapNodes(editor, { match: isType('link') });
}

/** Inserts an image block (the alt text is required by the dialog before this is called). */
export function insertImage(editor: CustomEditor, src: string, alt: string): void {
  // Insert after the selection, never in place of selected text.
  if (editor.selection && Range.isExpanded(editor.selection))
    Transforms.collapse(editor, { edge: 'end' });
  const image: ImageElement = { type: 'image', src, alt, children: [{ text: '' }] };
  Transforms.insertNodes(editor, [image, { type: 'paragraph', children: [{ text: '' }] }], {
    mode: 'highest',
  });
}

/** Inserts a table with a header row, `columns` wide and `rows` body rows deep. */
export function insertTable(editor: CustomEditor, columns = 3, rows = 2): void {
  const row = () => ({
    type: 'table-row' as const,
    children: Array.from({ length: columns }, () => ({
      type: 'table-cell' as const,
      children: [{ text: '' }],
    })),
  });
  if (editor.selection && Range.isExpanded(editor.selection))
    Transforms.collapse(editor, { edge: 'end' });
  const table: TableElement = {
    type: 'table',
    align: Array.from({ length: columns }, () => null),
    children: Array.from({ length: rows + 1 }, row),
  };
  Transforms.insertNodes(editor, [table, { type: 'paragraph', children: [{ text: '' }] }], {
    mode: 'highest',
  });
  const inserted = Editor.above(editor, { match: isType('paragraph') });
  if (inserted) {
    const tablePath = Path.previous(inserted[1]);
    Transforms.select(editor, Editor.start(editor, [...tablePath, 0, 0]));
  }
}

/**
 * Ctrl+Home / Ctrl+End: the caret (with Shift, the selection's moving end) to the start or end
 * of the module. Done in the document rather than left to the browser: in a long module, drawn
 * in chunks, the browser can put the caret beside the last paragraph instead of in its text,
 * which reads back as the paragraph's start, so what is typed next lands before it.
 */
export function moveToDocumentEdge(
  editor: CustomEditor,
  edge: 'start' | 'end',
  extend: boolean,
): void {
  const point = edge === 'start' ? Editor.start(editor, []) : Editor.end(editor, []);
  if (extend && editor.selection) {
    Transforms.select(editor, { anchor: editor.selection.anchor, focus: point });
  } else {
    Transforms.select(editor, point);
  }
}
