/**
 * Image blocks: Enter on a selected image adds a paragraph after it rather than replacing it,
 * and typing while an image is selected starts a new paragraph instead of deleting the image.
 */
import { Editor, Path, Transforms } from 'slate';
import type { CustomEditor } from '../custom-types.js';
import { isType } from '../element-kinds.js';

/** Adds image-block editing behaviour. */
export function withImages(editor: CustomEditor): CustomEditor {
  const { insertBreak, insertText } = editor;
  const selectedVoidBlock = () =>
    editor.selection
      ? Editor.above(editor, { match: isType('image', 'protected'), voids: true })
      : undefined;

  editor.insertBreak = () => {
    const entry = selectedVoidBlock();
    if (!entry) return insertBreak();
    Transforms.insertNodes(
      editor,
      { type: 'paragraph', children: [{ text: '' }] },
      { at: Path.next(entry[1]), select: true },
    );
  };

  editor.insertText = (text, options) => {
    const entry = selectedVoidBlock();
    if (!entry) return insertText(text, options);
    Transforms.insertNodes(
      editor,
      { type: 'paragraph', children: [{ text }] },
      { at: Path.next(entry[1]), select: true },
    );
  };
  return editor;
}
