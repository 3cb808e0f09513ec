import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, test } from 'vitest';
import {
  indentListItem,
  moveToDocumentEdge,
  outdentListItem,
  setLink,
} from '../../renderer/editor/commands.js';
import type { CustomEditor } from '../../renderer/editor/custom-types.js';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';
import { withLinks } from '../../renderer/editor/plugins/with-links.js';
import { withMarkdownShortcuts } from '../../renderer/editor/plugins/with-markdown-shortcuts.js';
import { leaveTable, moveToCell, withTables } from '../../renderer/editor/plugins/with-tables.js';
import { withTandemBlocks } from '../../renderer/editor/plugins/with-tandem-blocks.js';
import { slateToMarkdown } from '../../renderer/editor/slate-to-markdown.js';

/**
 * The editor's plugins without React: they only use Slate's core API, so the DOM half of
 * CustomEditor is never touched.
 */
function editorFor(markdown: string): CustomEditor {
  const editor = withTables(
    withMarkdownShortcuts(withTandemBlocks(withHistory(createEditor()) as CustomEditor)),
  );
  editor.children = markdownToSlate(markdown);
  return editor;
}

/** Puts the caret at the start or end of the first text containing `text`. */
function caretAt(editor: CustomEditor, text: string, edge: 'start' | 'end'): void {
  for (const [node, path] of Editor.nodes(editor, { at: [], match: (n) => 'text' in n })) {
    const offset = (node as { text: string }).text.indexOf(text);
    if (offset >= 0) {
      const at = edge === 'start' ? offset : offset + text.length;
      Transforms.select(editor, { path, offset: at });
      return;
    }
  }
  throw new Error(`"${text}" not in document`);
}

const save = (editor: CustomEditor) => slateToMarkdown(editor.children as Descendant[]);
const type = (editor: CustomEditor, text: string) => {
  for (const char of text) editor.insertText(char);
};

describe('editing behaviour', () => {
  const cases: {
    name: string;
    markdown: string;
    act(editor: CustomEditor): void;
    expected: string;
  }[] = [
    {
      name: 'Enter at the end of a heading starts a paragraph',
      markdown: '## Title\n',
      act: (e) => {
        caretAt(e, 'Title', 'end');
        e.insertBreak();
        type(e, 'Body');
      },
      expected: '## Title\n\nBody\n',
    },
    {
      name: 'Backspace at the start of a heading makes it a paragraph',
      markdown: 'Intro.\n\n## Title\n',
      act: (e) => {
        caretAt(e, 'Title', 'start');
        e.deleteBackward('character');
      },
      expected: 'Intro.\n\nTitle\n',
    },
    {
      name: 'Enter in a list item adds an item',
      markdown: '- one\n',
      act: (e) => {
        caretAt(e, 'one', 'end');
        e.insertBreak();
        type(e, 'two');
      },
      expected: '- one\n- two\n',
    },
    {
      name: 'Enter on an empty last item leaves the list',
      markdown: '- one\n',
      act: (e) => {
        caretAt(e, 'one', 'end');
        e.insertBreak();
        e.insertBreak();
        type(e, 'After.');
      },
      expected: '- one\n\nAfter.\n',
    },
    {
      name: 'Backspace at the start of the first item turns it into a paragraph',
      markdown: '- one\n- two\n',
      act: (e) => {
        caretAt(e, 'one', 'start');
        e.deleteBackward('character');
      },
      expected: 'one\n\n- two\n',
    },
    {
      name: 'Shift+Tab on a nested item moves it out, keeping later items under it',
      markdown: '- a\n  - b\n  - c\n',
      act: (e) => {
        caretAt(e, 'b', 'end');
        outdentListItem(e);
      },
      expected: '- a\n- b\n  - c\n',
    },
    {
      name: 'Tab on the first item does nothing',
      markdown: '- a\n- b\n',
      act: (e) => {
        caretAt(e, 'a', 'end');
        indentListItem(e);
      },
      expected: '- a\n- b\n',
    },
    {
      name: 'Enter on an empty last line of an activity steps out of it',
      markdown: ':::activity\nTalk.\n:::\n',
      act: (e) => {
        caretAt(e, 'Talk.', 'end');
        e.insertBreak();
        e.insertBreak();
        type(e, 'Outside.');
      },
      expected: ':::activity\nTalk.\n:::\n\nOutside.\n',
    },
    {
      name: '"### " at the start of a paragraph makes a level 3 heading',
      markdown: 'Intro.\n',
      act: (e) => {
        caretAt(e, 'Intro.', 'end');
        e.insertBreak();
        type(e, '### Steps');
      },
      expected: 'Intro.\n\n### Steps\n',
    },
    {
      name: '"1. " starts a numbered list and "> " a quote',
      markdown: 'Intro.\n',
      act: (e) => {
        caretAt(e, 'Intro.', 'end');
        e.insertBreak();
        type(e, '1. First');
        e.insertBreak();
        e.insertBreak();
        type(e, '> Quote');
      },
      expected: 'Intro.\n\n1. First\n\n> Quote\n',
    },
    {
      name: 'Backspace at the start of a table cell keeps the grid',
      markdown: '| a | b |\n| - | - |\n| c | d |\n',
      act: (e) => {
        caretAt(e, 'd', 'start');
        e.deleteBackward('character');
        e.insertBreak();
      },
      expected: '| a | b |\n| - | - |\n| c | d |\n',
    },
    {
      name: 'Tab moves to the next cell; in the last cell it adds a row',
      markdown: '| a | b |\n| - | - |\n| c | d |\n',
      act: (e) => {
        caretAt(e, 'c', 'end');
        moveToCell(e, 1);
        type(e, '!');
        moveToCell(e, 1);
        type(e, 'e');
      },
      expected: '| a | b  |\n| - | -- |\n| c | d! |\n| e |    |\n',
    },
    {
      name: 'Escape leaves a table that ends the module, onto a new line after it',
      markdown: '| a | b |\n| - | - |\n| c | d |\n',
      act: (e) => {
        caretAt(e, 'c', 'end');
        leaveTable(e);
        type(e, 'After');
      },
      expected: '| a | b |\n| - | - |\n| c | d |\n\nAfter\n',
    },
    {
      name: 'Escape leaves a table onto the block after it',
      markdown: '| a | b |\n| - | - |\n| c | d |\n\nNext\n',
      act: (e) => {
        caretAt(e, 'a', 'end');
        leaveTable(e);
        type(e, 'The ');
      },
      expected: '| a | b |\n| - | - |\n| c | d |\n\nThe Next\n',
    },
    {
      name: '`> ` in a list item quotes that item, not the whole list',
      markdown: '- one\n- two\n',
      act: (e) => {
        caretAt(e, 'two', 'end');
        e.insertBreak();
        type(e, '> Said');
      },
      expected: '- one\n- two\n- > Said\n',
    },
  ];

  test.each(cases)('$name', ({ markdown, act, expected }) => {
    const editor = editorFor(markdown);
    act(editor);
    expect(save(editor)).toBe(expected);
  });
});

test('one Undo takes back a Markdown shortcut and the characters that made it', async () => {
  const editor = editorFor('Intro\n');
  caretAt(editor, 'Intro', 'end');
  // Each key is its own change, as in the browser (Slate ends a change in a microtask).
  const key = async (action: () => void) => {
    action();
    await Promise.resolve();
  };
  await key(() => editor.insertBreak());
  for (const char of '## Title') await key(() => editor.insertText(char));
  expect(save(editor)).toBe('Intro\n\n## Title\n');
  editor.undo(); // the title's words
  editor.undo(); // the heading, with its `##`
  expect(save(editor)).toBe('Intro\n');
});

describe('links end where the person stopped linking', () => {
  const linkEditor = (markdown: string) => withLinks(editorFor(markdown));

  test('Enter at the end of a link starts the new line outside the link', () => {
    const editor = linkEditor('Visit our [website](https://example.org/calm) today.\n');
    caretAt(editor, 'website', 'end');
    editor.insertBreak();
    type(editor, 'Then');
    expect(save(editor)).toBe('Visit our [website](https://example.org/calm)\n\nThen today.\n');
  });

  test('typing after adding a link to a selection continues outside it', () => {
    const editor = linkEditor('Visit our website today.\n');
    caretAt(editor, 'website', 'start');
    Transforms.move(editor, { distance: 'website'.length, edge: 'focus' });
    setLink(editor, 'https://example.org/calm');
    type(editor, ' soon');
    expect(save(editor)).toBe('Visit our [website](https://example.org/calm) soon today.\n');
  });
});

describe('Ctrl+Home and Ctrl+End move in the document', () => {
  test.each([
    { edge: 'end' as const, extend: false, saved: 'First step.\n\nLast step.Then\n' },
    { edge: 'start' as const, extend: false, saved: 'ThenFirst step.\n\nLast step.\n' },
    { edge: 'end' as const, extend: true, saved: 'First Then\n' },
    { edge: 'start' as const, extend: true, saved: 'Thenstep.\n\nLast step.\n' },
  ])('to the $edge, extending: $extend', ({ edge, extend, saved }) => {
    const editor = editorFor('First step.\n\nLast step.\n');
    caretAt(editor, 'step', 'start');
    moveToDocumentEdge(editor, edge, extend);
    type(editor, 'Then');
    expect(save(editor)).toBe(saved);
  });
});
