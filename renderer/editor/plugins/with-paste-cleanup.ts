/**
 * Paste from Word, Google Docs or web pages keeps only the structure a module can hold
 * (see html-to-slate.ts); anything else is pasted as plain text.
 */
import { Transforms } from 'slate';
import type { CustomEditor } from '../custom-types.js';
import { htmlToSlate } from '../html-to-slate.js';

/** Cleans up pasted HTML before it enters the document. */
export function withPasteCleanup(editor: CustomEditor): CustomEditor {
  const { insertData } = editor;
  editor.insertData = (data) => {
    // Copy and paste inside the editor keeps Slate's own fragment.
    if (data.getData('application/x-slate-fragment')) return insertData(data);
    const html = data.getData('text/html');
    if (html) {
      const blocks = htmlToSlate(html);
      if (blocks.length > 0) {
        Transforms.insertFragment(editor, blocks);
        return;
      }
    }
    const text = data.getData('text/plain');
    if (text) {
      editor.insertTextData(data);
      return;
    }
    insertData(data);
  };
  return editor;
}
