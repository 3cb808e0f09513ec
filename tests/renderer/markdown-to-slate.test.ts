import { describe, expect, test } from 'vitest';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';

/** The Slate value without `origin` bookkeeping, for structure assertions. */
function structure(markdown: string): unknown {
  return JSON.parse(
    JSON.stringify(markdownToSlate(markdown), (k, v: unknown) => (k === 'origin' ? undefined : v)),
  );
}

const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const t = (text: string, marks: Record<string, true> = {}) => ({ text, ...marks });

describe('Markdown → Slate, per construct', () => {
  const cases: { name: string; markdown: string; expected: unknown[] }[] = [
    { name: 'paragraph', markdown: 'Hello there.\n', expected: [p(t('Hello there.'))] },
    {
      name: 'bold and italic',
      markdown: 'A **bold** and *italic* and ***both***.\n',
      expected: [
        p(
          t('A '),
          t('bold', { bold: true }),
          t(' and '),
          t('italic', { italic: true }),
          t(' and '),
          t('both', { bold: true, italic: true }),
          t('.'),
        ),
      ],
    },
    {
      name: 'heading level 2',
      markdown: '## Welcome\n',
      expected: [{ type: 'heading-two', children: [t('Welcome')] }],
    },
    {
      name: 'heading level 3',
      markdown: '### Why\n',
      expected: [{ type: 'heading-three', children: [t('Why')] }],
    },
    {
      name: 'heading level 4',
      markdown: '#### Detail\n',
      expected: [{ type: 'heading-four', children: [t('Detail')] }],
    },
    {
      name: 'bulleted list keeps its marker',
      markdown: '* one\n* two\n',
      expected: [
        {
          type: 'bulleted-list',
          spread: false,
          marker: '*',
          children: [
            { type: 'list-item', spread: false, children: [p(t('one'))] },
            { type: 'list-item', spread: false, children: [p(t('two'))] },
          ],
        },
      ],
    },
    {
      name: 'numbered list with start',
      markdown: '3. three\n4. four\n',
      expected: [
        {
          type: 'numbered-list',
          spread: false,
          start: 3,
          marker: '.',
          children: [
            { type: 'list-item', spread: false, children: [p(t('three'))] },
            { type: 'list-item', spread: false, children: [p(t('four'))] },
          ],
        },
      ],
    },
    {
      name: 'nested list',
      markdown: '- a\n  - b\n',
      expected: [
        {
          type: 'bulleted-list',
          spread: false,
          marker: '-',
          children: [
            {
              type: 'list-item',
              spread: false,
              children: [
                p(t('a')),
                {
                  type: 'bulleted-list',
                  spread: false,
                  marker: '-',
                  children: [{ type: 'list-item', spread: false, children: [p(t('b'))] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'quote',
      markdown: '> Wise words.\n',
      expected: [{ type: 'block-quote', children: [p(t('Wise words.'))] }],
    },
    {
      name: 'link with title',
      markdown: 'See [Mind](https://www.mind.org.uk "Mind") today.\n',
      expected: [
        p(
          t('See '),
          { type: 'link', url: 'https://www.mind.org.uk', title: 'Mind', children: [t('Mind')] },
          t(' today.'),
        ),
      ],
    },
    {
      name: 'image on its own line',
      markdown: '![A calm lake](../images/calm-lake.svg)\n',
      expected: [
        { type: 'image', src: '../images/calm-lake.svg', alt: 'A calm lake', children: [t('')] },
      ],
    },
    {
      name: 'table with alignment',
      markdown: '| A | B |\n| :-- | --: |\n| 1 | 2 |\n',
      expected: [
        {
          type: 'table',
          align: ['left', 'right'],
          children: [
            {
              type: 'table-row',
              children: [
                { type: 'table-cell', children: [t('A')] },
                { type: 'table-cell', children: [t('B')] },
              ],
            },
            {
              type: 'table-row',
              children: [
                { type: 'table-cell', children: [t('1')] },
                { type: 'table-cell', children: [t('2')] },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'activity',
      markdown: ':::activity\nTalk in pairs.\n:::\n',
      expected: [{ type: 'activity', children: [p(t('Talk in pairs.'))] }],
    },
    {
      name: 'facilitator note',
      markdown: ':::facilitator\n**Timings:** 20 min.\n:::\n',
      expected: [
        { type: 'facilitator-note', children: [p(t('Timings:', { bold: true }), t(' 20 min.'))] },
      ],
    },
  ];
  test.each(cases)('$name', ({ markdown, expected }) => {
    expect(structure(markdown)).toEqual(expected);
  });
});

describe('what the editor cannot represent is kept as written', () => {
  const protectedCases: { name: string; markdown: string }[] = [
    { name: 'heading level 1', markdown: '# Title' },
    { name: 'heading level 5', markdown: '##### Small' },
    { name: 'fenced code', markdown: '```js\nlet a = 1;\n```' },
    { name: 'indented code', markdown: '    code' },
    { name: 'HTML block', markdown: '<div class="x">\nhi\n</div>' },
    { name: 'thematic break', markdown: '---' },
    { name: 'link reference definition', markdown: '[mind]: https://www.mind.org.uk' },
    { name: 'footnote definition', markdown: '[^1]: A note.' },
    { name: 'unknown directive', markdown: ':::warning\nCareful.\n:::' },
    { name: 'directive with attributes', markdown: ':::activity{.wide}\nGo.\n:::' },
    { name: 'directive with a label', markdown: ':::activity[Warm up]\nGo.\n:::' },
    { name: 'task list', markdown: '- [x] done\n- [ ] to do' },
    { name: 'bold inside bold', markdown: '**a **b** c**' },
  ];
  test.each(protectedCases)(
    '$name becomes one protected block with its exact source',
    ({ markdown }) => {
      const value = markdownToSlate(`${markdown}\n`);
      expect(value).toHaveLength(1);
      expect(value[0]).toMatchObject({ type: 'protected', source: markdown });
    },
  );

  const inlineCases: { name: string; markdown: string; source: string }[] = [
    { name: 'code span', markdown: 'Run `npm test` now.', source: '`npm test`' },
    { name: 'inline HTML', markdown: 'A <kbd>Ctrl</kbd> key.', source: '<kbd>' },
    { name: 'strikethrough', markdown: 'Not ~~this~~ one.', source: '~~this~~' },
    { name: 'footnote reference', markdown: 'Fact.[^1]\n\n[^1]: Source.', source: '[^1]' },
    {
      name: 'text directive',
      markdown: 'Say :abbr[RC]{title="Recovery College"} here.',
      source: ':abbr[RC]{title="Recovery College"}',
    },
    {
      name: 'inline image',
      markdown: 'An icon ![x](../images/x.svg) inline.',
      source: '![x](../images/x.svg)',
    },
  ];
  test.each(inlineCases)(
    '$name stays in its paragraph as protected inline Markdown',
    ({ markdown, source }) => {
      const [first] = markdownToSlate(`${markdown}\n`);
      expect(first).toMatchObject({ type: 'paragraph' });
      const inline = (first as { children: { type?: string; source?: string }[] }).children.find(
        (c) => c.type === 'protected-inline',
      );
      expect(inline?.source).toBe(source);
    },
  );

  test('a protected block inside an activity keeps the activity editable', () => {
    const [activity] = markdownToSlate(':::activity\nTry this:\n\n```\ncode\n```\n:::\n');
    expect(activity).toMatchObject({
      type: 'activity',
      children: [{ type: 'paragraph' }, { type: 'protected', source: '```\ncode\n```' }],
    });
  });

  test('an empty file is one empty paragraph', () => {
    expect(structure('')).toEqual([p(t(''))]);
  });
});
