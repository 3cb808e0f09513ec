/**
 * Links: pasting or typing a bare URL over selected text links it, instead of replacing it;
 * pressing Enter at the end of a link starts the new line outside the link.
 */
import { Range } from 'slate';
import type { CustomEditor } from '../custom-types.js';
import { setLink, stepOutOfLinkEnd } from '../commands.js';

/** True for text that is a single web or mail link. */
export function isUrl(text: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(text.trim());
}

/** Makes pasting a URL over a selection turn that selection into a link. */
export function withLinks(editor: CustomEditor): CustomEditor {
  const { insertData, insertBreak } = editor;
  editor.insertBreak = () => {
    stepOutOfLinkEnd(editor);
    insertBreak();
  };
  editor.insertData = (data) => {
    const text = data.getData('text/plain');
    if (editor.selection && Range.isExpanded(editor.selection) && isUrl(text)) {
      setLink(editor, text.trim());
      return;
    }
    insertData(data);
  };
  return editor;
}
