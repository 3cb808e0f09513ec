/**
 * Markdown typing shortcuts at the start of a paragraph: `## `, `### `, `#### ` for headings,
 * `- `, `* `, `+ ` for a bulleted list, `1. ` for a numbered list, `> ` for a quote.
 */
import { Editor, Element, Node, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { CustomEditor, HeadingType } from '../custom-types.js';
import { toggleContainer, toggleList } from '../commands.js';
import { isListItem, isType } from '../element-kinds.js';

const HEADING_SHORTCUTS: Record<string, HeadingType> = {
  '##': 'heading-two',
  '###': 'heading-three',
  '####': 'heading-four',
};

/** Turns Markdown prefixes typed at the start of a paragraph into formatting. */
export function withMarkdownShortcuts(editor: CustomEditor): CustomEditor {
  const { insertText } = editor;

  editor.insertText = (text, options) => {
    const { selection } = editor;
    if (text !== ' ' || !selection || !Range.isCollapsed(selection))
      return insertText(text, options);
    const entry = Editor.above(editor, { match: isType('paragraph'), mode: 'lowest' });
    if (!entry) return insertText(text, options);
    const [, path] = entry;
    const start = Editor.start(editor, path);
    const range = { anchor: selection.anchor, focus: start };
    const before = Editor.string(editor, range);
    const parent = Node.parent(editor, path);
    const inListItem = isListItem(parent);
    const inTable = Element.isElement(parent) && parent.type === 'table-cell';
    if (inTable) return insertText(text, options);

    const heading = HEADING_SHORTCUTS[before];
    const bullet = /^[-*+]$/.test(before);
    const numbered = /^(\d{1,9})[.)]$/.exec(before);
    const quote = before === '>';
    if (!heading && !(bullet && !inListItem) && !(numbered && !inListItem) && !quote) {
      return insertText(text, options);
    }
    const apply = () => {
      Transforms.select(editor, range);
      Transforms.delete(editor);
      if (heading) Transforms.setNodes(editor, { type: heading }, { at: path });
      else if (bullet) toggleList(editor, 'bulleted-list');
      else if (numbered) toggleList(editor, 'numbered-list', Number(numbered[1]));
      // In a list item, only that item's paragraph becomes a quote (`- > words`).
      else if (inListItem)
        Transforms.wrapNodes(editor, { type: 'block-quote', children: [] }, { at: path });
      else toggleContainer(editor, 'block-quote');
    };
    // One undo step with the typed prefix: Undo takes back the shortcut and its characters.
    if (HistoryEditor.isHistoryEditor(editor)) HistoryEditor.withMerging(editor, apply);
    else apply();
  };
  return editor;
}
