import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, test } from 'vitest';
import {
  indentListItem,
  insertTable,
  setLink,
  toggleContainer,
  toggleHeading,
  toggleList,
} from '../../renderer/editor/commands.js';
import type { CustomEditor } from '../../renderer/editor/custom-types.js';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';
import { withTandemBlocks } from '../../renderer/editor/plugins/with-tandem-blocks.js';
import { slateToMarkdown } from '../../renderer/editor/slate-to-markdown.js';

/**
 * A Slate editor with the module schema but without React: the commands and plugins under
 * test only use Slate's core API, so the DOM half of CustomEditor is never touched.
 */
function editorFor(markdown: string): CustomEditor {
  const editor = withTandemBlocks(withHistory(createEditor()) as CustomEditor);
  editor.children = markdownToSlate(markdown);
  return editor;
}

/** Selects the first occurrence of `word` in the document. */
function selectWord(editor: CustomEditor, word: string): void {
  for (const [node, path] of Editor.nodes(editor, { at: [], match: (n) => 'text' in n })) {
    const offset = (node as { text: string }).text.indexOf(word);
    if (offset >= 0) {
      Transforms.select(editor, {
        anchor: { path, offset },
        focus: { path, offset: offset + word.length },
      });
      return;
    }
  }
  throw new Error(`"${word}" not in document`);
}

const save = (editor: CustomEditor): string => slateToMarkdown(editor.children as Descendant[]);

const MODULE = `## Welcome

Welcome to the course.   Today we meet.

* first thing
* second thing

:::facilitator
Peer trainer opens.
:::

Last words.
`;

describe('edits are written as Markdown, touching only the edited block', () => {
  const cases: { name: string; edit(editor: CustomEditor): void; expected: string }[] = [
    {
      name: 'making a word bold',
      edit: (e) => {
        selectWord(e, 'course');
        Editor.addMark(e, 'bold', true);
      },
      expected: MODULE.replace(
        'Welcome to the course.   Today we meet.',
        'Welcome to the **course**.   Today we meet.',
      ),
    },
    {
      name: 'making a word italic',
      edit: (e) => {
        selectWord(e, 'Today');
        Editor.addMark(e, 'italic', true);
      },
      expected: MODULE.replace('   Today', '   *Today*'),
    },
    {
      name: 'typing into a list item keeps the list marker',
      edit: (e) => {
        selectWord(e, 'second');
        Transforms.insertText(e, 'next');
      },
      expected: MODULE.replace('second thing', 'next thing'),
    },
    {
      name: 'turning a paragraph into a heading',
      edit: (e) => {
        selectWord(e, 'Last');
        toggleHeading(e, 'heading-three');
      },
      expected: MODULE.replace('Last words.', '### Last words.'),
    },
    {
      name: 'editing inside a facilitator note',
      edit: (e) => {
        selectWord(e, 'opens');
        Transforms.insertText(e, 'welcomes everyone');
      },
      expected: MODULE.replace('Peer trainer opens.', 'Peer trainer welcomes everyone.'),
    },
    {
      name: 'adding a link',
      edit: (e) => {
        selectWord(e, 'course');
        setLink(e, 'https://example.org/course');
      },
      expected: MODULE.replace('the course.', 'the [course](https://example.org/course).'),
    },
    {
      name: 'wrapping a paragraph in an activity',
      edit: (e) => {
        selectWord(e, 'Last');
        toggleContainer(e, 'activity');
      },
      expected: MODULE.replace('Last words.', ':::activity\nLast words.\n:::'),
    },
    {
      name: 'turning a paragraph into a numbered list',
      edit: (e) => {
        selectWord(e, 'Last');
        toggleList(e, 'numbered-list');
      },
      expected: MODULE.replace('Last words.', '1. Last words.'),
    },
    {
      name: 'nesting a list item with Tab',
      edit: (e) => {
        selectWord(e, 'second');
        indentListItem(e);
      },
      expected: MODULE.replace('* first thing\n* second thing', '* first thing\n  * second thing'),
    },
    {
      name: 'splitting a paragraph with Enter',
      edit: (e) => {
        selectWord(e, 'Today');
        Transforms.collapse(e, { edge: 'start' });
        e.insertBreak();
      },
      expected: MODULE.replace(
        'Welcome to the course.   Today we meet.',
        'Welcome to the course.\n\nToday we meet.',
      ),
    },
    {
      name: 'deleting a block leaves its neighbours as they were',
      edit: (e) => Transforms.removeNodes(e, { at: [2] }),
      expected: MODULE.replace('* first thing\n* second thing\n\n', ''),
    },
  ];

  test.each(cases)('$name', ({ edit, expected }) => {
    const editor = editorFor(MODULE);
    expect(save(editor)).toBe(MODULE);
    edit(editor);
    expect(save(editor)).toBe(expected);
  });

  test('undo returns the exact original bytes', () => {
    const editor = editorFor(MODULE);
    selectWord(editor, 'course');
    Transforms.insertText(editor, 'session');
    expect(save(editor)).not.toBe(MODULE);
    editor.undo();
    expect(save(editor)).toBe(MODULE);
  });

  test('an inserted table is a GFM table', () => {
    const editor = editorFor('Intro.\n');
    Transforms.select(editor, Editor.end(editor, []));
    insertTable(editor, 2, 1);
    Transforms.insertText(editor, 'Step');
    expect(save(editor)).toBe('Intro.\n\n| Step |   |\n| ---- | - |\n|      |   |\n');
  });

  test('two lists next to each other stay two lists when one is rewritten', () => {
    const editor = editorFor('- a\n\n<!-- -->\n\n- b\n');
    Transforms.removeNodes(editor, { at: [1] }); // the comment that kept them apart
    selectWord(editor, 'b');
    Transforms.insertText(editor, 'c');
    const saved = save(editor);
    expect(saved).toBe('- a\n\n* c\n');
    expect(
      markdownToSlate(saved).filter((n) => 'type' in n && n.type === 'bulleted-list'),
    ).toHaveLength(2);
  });

  test('protected Markdown around an edit is written back verbatim', () => {
    const source = '<div class="note">\nKeep me\n</div>\n\nEdit me.\n\n```\ncode   stays\n```\n';
    const editor = editorFor(source);
    selectWord(editor, 'Edit');
    Transforms.insertText(editor, 'Edited');
    expect(save(editor)).toBe(source.replace('Edit me.', 'Edited me.'));
  });

  test('a paragraph containing a protected code span keeps it when edited', () => {
    const editor = editorFor('Run `npm  test` **now**.\n');
    selectWord(editor, 'Run');
    Transforms.insertText(editor, 'Please run');
    expect(save(editor)).toBe('Please run `npm  test` **now**.\n');
  });

  test('a new document written from scratch', () => {
    const editor = editorFor('');
    Transforms.select(editor, Editor.start(editor, []));
    Transforms.insertText(editor, 'Hello');
    toggleHeading(editor, 'heading-two');
    expect(save(editor)).toBe('## Hello\n');
  });
});

describe('saved Markdown stays readable: escapes only where Markdown needs them', () => {
  const rewrite = (markdown: string) =>
    slateToMarkdown(markdownToSlate(markdown), { rewriteAll: true });
  test.each([
    ['times', 'We start at 10:00 and finish at 12:30.\n'],
    ['ratios and labels', 'Mix 1:2. Note:this is prose, as is a:b.\n'],
    ['a colon after a word', 'Bring: a pen and paper.\n'],
  ])('%s are written as typed', (_name, markdown) => {
    expect(rewrite(markdown)).toBe(markdown);
  });

  test.each([
    ['a block directive at the start of a line', '\\::\\:activity\n'],
    ['a leaf directive at the start of a line', '\\::note\n'],
    ['emphasis characters', 'Use \\*stars\\* here\n'],
  ])('%s stays escaped', (_name, markdown) => {
    expect(rewrite(markdown)).toBe(markdown);
  });
});

describe('a space at the edge of bold or italic is written outside it, never as &#x20;', () => {
  const paragraph = (...children: object[]): Descendant[] => [
    { type: 'paragraph', children } as Descendant,
  ];
  test.each([
    [
      'bold ending in a space',
      paragraph({ text: 'Note: ', bold: true }, { text: 'bring a pen' }),
      '**Note:** bring a pen\n',
    ],
    [
      'italic starting with a space',
      paragraph({ text: 'Take' }, { text: ' care', italic: true }),
      'Take *care*\n',
    ],
    [
      'a space between two bold words',
      paragraph({ text: 'one ', bold: true }, { text: 'two', bold: true, italic: true }),
      '**one _two_**\n',
    ],
    [
      'a bold space alone',
      paragraph({ text: 'a' }, { text: ' ', bold: true }, { text: 'b' }),
      'a b\n',
    ],
  ])('%s', (_name, value, expected) => {
    const markdown = slateToMarkdown(value);
    expect(markdown).toBe(expected);
    expect(markdown).not.toContain('&#x20;');
  });
});
