/**
 * Regression: the editor read its own Markdown with a parser of its own, which took the `:30` of
 * "10:30" (or the `:2` of "3:2") for a directive and showed it as a protected chip that could not
 * be typed in. It now reads with the format layer's dialect: a colon in prose is text, and only
 * what is written as a directive stays protected.
 */
import { describe, expect, it } from 'vitest';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';
import { slateToMarkdown } from '../../renderer/editor/slate-to-markdown.js';

const inlineKinds = (markdown: string) => {
  const [first] = markdownToSlate(markdown);
  const children = (first as { children: { type?: string; text?: string }[] }).children;
  return {
    protected: children.filter((c) => c.type === 'protected-inline').length,
    text: children.map((c) => c.text ?? '').join(''),
  };
};

describe('a time or ratio in the editor is plain text', () => {
  it.each([
    ['a time', 'We start at 10:30 and finish at 12:00.\n'],
    ['a ratio', 'Mix them 3:2 with water.\n'],
    ['a word after a colon', 'Note:this is prose.\n'],
  ])('%s is editable text', (_name, markdown) => {
    expect(inlineKinds(markdown)).toEqual({ protected: 0, text: markdown.trimEnd() });
    expect(slateToMarkdown(markdownToSlate(markdown), { rewriteAll: true })).toBe(markdown);
  });

  it('keeps a facilitator note written inline as it was', () => {
    const markdown = 'Welcome everyone :facilitator[check the room is warm] and begin.\n';
    expect(inlineKinds(markdown).protected).toBe(1);
    expect(slateToMarkdown(markdownToSlate(markdown), { rewriteAll: true })).toBe(markdown);
  });
});
