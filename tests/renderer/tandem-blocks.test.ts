import { describe, expect, test } from 'vitest';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';
import { parseEditableMarkdown as parseMarkdown } from '../../main/format/parse-library-markdown.js';
import { slateToMarkdown } from '../../renderer/editor/slate-to-markdown.js';
import { generateModule, SAMPLE_MODULE } from '../bench/editor-harness/generate-module.js';

/** mdast without positions: what a re-written document must still say. */
const tree = (markdown: string) =>
  JSON.stringify(parseMarkdown(markdown), (key, value: unknown) =>
    key === 'position' ? undefined : value,
  );

const REALISTIC_MODULE = `## Welcome

Welcome to the course. Today we get to know each other and agree how we want to learn together.

:::facilitator
**Timings:** welcome and learning agreement 20 min; "alarm system" 35 min; break 15 min.

Peer trainer opens and leads the welcome. Point out the quiet room.
:::

## Anxiety is our body's alarm system

When we sense a threat, the body gets ready to **fight**, **run away** (flight) or **keep very still** (freeze).

### What anxiety can feel like

- a fast heartbeat or tight chest
- feeling sick, or "butterflies" in your tummy
  - sometimes *both*

![A calm lake with soft hills and a rising sun](../images/calm-lake.svg)

:::activity
**Body map** — On the outline of a body, mark where you notice anxiety. You can always pass.
:::

| Feeling | Where |
| :------ | ----: |
| Tense   | Neck  |

> About 1 in 4 people will experience a mental health problem each year.

1. [Mind: anxiety](https://www.mind.org.uk/)
2. [NHS: anxiety](https://www.nhs.uk/ "NHS")

<!-- Reviewed by both trainers, spring term -->
`;

const documents = [
  { name: 'realistic module', markdown: REALISTIC_MODULE },
  { name: 'sample module', markdown: SAMPLE_MODULE },
  {
    name: 'nested Tandem blocks',
    markdown: '::::activity\nOuter.\n\n:::facilitator\nInner note.\n:::\n::::\n',
  },
  { name: 'Windows line endings', markdown: '## Hi\r\n\r\nSome *text*.\r\n' },
  { name: 'no final newline', markdown: ':::activity\nTalk.\n:::' },
  { name: 'generated long module', markdown: generateModule(3000) },
];

describe('Tandem documents', () => {
  test.each(documents)('$name round-trips byte for byte', ({ markdown }) => {
    expect(slateToMarkdown(markdownToSlate(markdown))).toBe(markdown);
  });

  test.each(documents)('$name says the same after every block is re-written', ({ markdown }) => {
    const rewritten = slateToMarkdown(markdownToSlate(markdown), { rewriteAll: true });
    expect(tree(rewritten)).toBe(tree(markdown));
  });

  test('activity and facilitator blocks are editable containers', () => {
    const types = markdownToSlate(REALISTIC_MODULE).map((node) =>
      'type' in node ? node.type : 'text',
    );
    expect(types).toEqual([
      'heading-two',
      'paragraph',
      'facilitator-note',
      'heading-two',
      'paragraph',
      'heading-three',
      'bulleted-list',
      'image',
      'activity',
      'table',
      'block-quote',
      'numbered-list',
      'protected',
    ]);
  });

  test('a re-written facilitator note is still a :::facilitator block', () => {
    const value = markdownToSlate(':::facilitator\nNote.\n:::\n');
    expect(slateToMarkdown(value, { rewriteAll: true })).toBe(':::facilitator\nNote.\n:::\n');
  });
});
