/**
 * Tables keep their grid: deleting never merges cells, Enter stays in the cell, and Tab /
 * Shift+Tab move between cells (Tab in the last cell adds a row).
 */
import { Editor, Element, Node, Path, Point, Range, Transforms } from 'slate';
import type { CustomEditor, TableRowElement } from '../custom-types.js';
import { isType } from '../element-kinds.js';

const isCell = isType('table-cell');

/** The cell holding the caret, if any. */
function cellAt(editor: CustomEditor, point?: Point) {
  const at = point ?? editor.selection ?? undefined;
  if (!at) return undefined;
  return Editor.above(editor, { at, match: isCell });
}

/** Adds grid-preserving table editing. */
export function withTables(editor: CustomEditor): CustomEditor {
  const { deleteBackward, deleteForward, deleteFragment, insertBreak } = editor;

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const cell = cellAt(editor);
      if (cell && Point.equals(selection.anchor, Editor.start(editor, cell[1]))) return;
    }
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const cell = cellAt(editor);
      if (cell && Point.equals(selection.anchor, Editor.end(editor, cell[1]))) return;
    }
    deleteForward(unit);
  };

  editor.deleteFragment = (options) => {
    const { selection } = editor;
    if (selection) {
      const [start, end] = Range.edges(selection);
      const a = cellAt(editor, start);
      const b = cellAt(editor, end);
      // Across cells: clear the text of each selected cell instead of merging them.
      if ((a || b) && !(a && b && Path.equals(a[1], b[1]))) {
        Editor.withoutNormalizing(editor, () => {
          const cells = Array.from(
            Editor.nodes(editor, { at: selection, match: isCell }),
          ).reverse();
          for (const [, path] of cells) {
            const range = Editor.range(editor, path);
            const part = Range.intersection(range, selection);
            if (part) Transforms.delete(editor, { at: part });
          }
        });
        Transforms.collapse(editor, { edge: 'start' });
        return;
      }
    }
    deleteFragment(options);
  };

  editor.insertBreak = () => {
    if (cellAt(editor)) return; // A Markdown table cell is one line.
    insertBreak();
  };

  return editor;
}

/** Moves the caret to the next (or previous) cell; returns false when not in a table. */
export function moveToCell(editor: CustomEditor, direction: 1 | -1): boolean {
  const cell = cellAt(editor);
  if (!cell) return false;
  const [, cellPath] = cell;
  const rowPath = Path.parent(cellPath);
  const tablePath = Path.parent(rowPath);
  const cells = Array.from(Editor.nodes(editor, { at: tablePath, match: isCell }));
  const index = cells.findIndex(([, p]) => Path.equals(p, cellPath));
  const target = cells[index + direction];
  if (target) {
    Transforms.select(editor, Editor.end(editor, target[1]));
    return true;
  }
  if (direction === 1) {
    const row = Node.get(editor, rowPath);
    if (!Element.isElement(row)) return true;
    const newRow: TableRowElement = {
      type: 'table-row',
      children: row.children.map(() => ({ type: 'table-cell', children: [{ text: '' }] })),
    };
    const table = Node.get(editor, tablePath);
    const at = [...tablePath, Element.isElement(table) ? table.children.length : 0];
    Transforms.insertNodes(editor, newRow, { at });
    Transforms.select(editor, Editor.start(editor, [...at, 0]));
  }
  return true;
}

/**
 * Moves the caret out of the table to the start of the block after it, adding an empty
 * paragraph there when the table is last; returns false when not in a table.
 */
export function leaveTable(editor: CustomEditor): boolean {
  const cell = cellAt(editor);
  if (!cell) return false;
  const tablePath = Path.parent(Path.parent(cell[1]));
  const after = Path.next(tablePath);
  if (!Node.has(editor, after)) {
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: after });
  }
  Transforms.select(editor, Editor.start(editor, after));
  return true;
}
