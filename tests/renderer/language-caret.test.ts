/** Which writing suggestion the keyboard shortcut opens, for each place the caret can be. */
import type { Path, Point } from 'slate';
import { describe, expect, it } from 'vitest';
import type { PlacedFinding } from '../../renderer/editor/language-blocks.js';
import { suggestionAt } from '../../renderer/editor/language-caret.js';

/** A finding on one text node, from `start` to `end`. */
function placed(key: string, path: Path, start: number, end: number): PlacedFinding {
  return {
    key,
    // Only the range matters here; the rest is a finding's ordinary shape.
    finding: { rule: 'recovery-language', id: key, start, end, text: '', message: '', reason: '' },
    blockPath: path.slice(0, 1),
    range: { anchor: { path, offset: start }, focus: { path, offset: end } },
    pieces: [],
  };
}

const readingAge = placed('paragraph', [1, 0], 0, 120);
const word = placed('word', [1, 0], 40, 51);
const later = placed('later', [3, 0], 5, 12);
const findings = [readingAge, word, later];
const at = (block: number, offset: number): Point => ({ path: [block, 0], offset });

describe('suggestionAt', () => {
  it.each([
    ['inside a word that is also in a long paragraph: the word', at(1, 45), 'word'],
    ['at the first letter of the word', at(1, 40), 'word'],
    ['elsewhere in that paragraph: the paragraph', at(1, 10), 'paragraph'],
    ['in a paragraph without one: the next one', at(2, 3), 'later'],
    ['before everything: the first one', at(0, 0), 'paragraph'],
    ['after everything: round to the first', at(5, 0), 'paragraph'],
  ])('caret %s', (_name, caret, key) => {
    expect(suggestionAt(findings, caret)?.key).toBe(key);
  });

  it('opens the first one when the text has no caret, and none when there are none', () => {
    expect(suggestionAt(findings, null)?.key).toBe('paragraph');
    expect(suggestionAt([], at(1, 0))).toBeUndefined();
  });
});
