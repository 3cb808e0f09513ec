/**
 * Keeps a selection the person is still making. Slate learns of the browser's selection from
 * `selectionchange`, which Chromium dispatches as a later task (and Slate throttles), but
 * writes its own, older selection back into the page on every render of the editable area.
 * A render that lands between Shift+Arrow moving the selection and that event (one from the
 * previous key's selection sync, an autosave status, a toolbar state) cuts the selection back
 * by a character or more; on a slow CPU this happens often.
 *
 * So, just before the editable area's render effects run, `AdoptUserSelection` looks at the
 * browser's selection: if it moved since the last render left it, and nothing but the
 * selection changed meanwhile, the person moved it, and Slate's model takes it over, so Slate
 * has nothing older to write back. `NoteRenderedSelection`, just after, records what the render
 * left. Both re-render with every editor change and every render of their parent, as the
 * editable area does.
 *
 * Place them as siblings around `<Editable>`, in this order (React runs the layout effects of
 * siblings in order): `<AdoptUserSelection />`, `<Editable />`, `<NoteRenderedSelection />`.
 */
import { useLayoutEffect } from 'react';
import { Range, Transforms, type Descendant } from 'slate';
import { ReactEditor, useSlate } from 'slate-react';
import type { CustomEditor } from './custom-types.js';

interface RenderedSelection {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
  /** The document the selection belonged to; a new one means DOM nodes may have changed. */
  children: Descendant[];
}

const rendered = new WeakMap<CustomEditor, RenderedSelection>();

/** The editable element, or undefined before the first mount has attached it. */
function editableElement(editor: CustomEditor): HTMLElement | undefined {
  try {
    return ReactEditor.toDOMNode(editor, editor);
  } catch {
    return undefined;
  }
}

function domSelectionIn(editor: CustomEditor): Selection | undefined {
  const root = editableElement(editor);
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !root?.contains(anchorNode) || !root?.contains(focusNode)) {
    return undefined;
  }
  return selection;
}

/** Before the editable area's render effects: the person's newer selection wins. */
export function AdoptUserSelection(): null {
  const editor = useSlate();
  useLayoutEffect(() => {
    const last = rendered.get(editor);
    const dom = domSelectionIn(editor);
    if (!last || !dom || !ReactEditor.isFocused(editor) || ReactEditor.isComposing(editor)) return;
    if (last.children !== editor.children) return; // an edit: Slate maps the selection itself
    const moved =
      dom.anchorNode !== last.anchorNode ||
      dom.anchorOffset !== last.anchorOffset ||
      dom.focusNode !== last.focusNode ||
      dom.focusOffset !== last.focusOffset;
    if (!moved) return;
    const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
    if (range && !(editor.selection && Range.equals(range, editor.selection))) {
      Transforms.select(editor, range);
    }
  });
  return null;
}

/** After the editable area's render effects: remembers the selection the render left. */
export function NoteRenderedSelection(): null {
  const editor = useSlate();
  useLayoutEffect(() => {
    const dom = domSelectionIn(editor);
    if (!dom) {
      rendered.delete(editor);
      return;
    }
    rendered.set(editor, {
      anchorNode: dom.anchorNode,
      anchorOffset: dom.anchorOffset,
      focusNode: dom.focusNode,
      focusOffset: dom.focusOffset,
      children: editor.children,
    });
  });
  return null;
}
