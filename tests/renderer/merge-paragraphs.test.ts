import { describe, expect, test } from 'vitest';
import {
  mergeParagraphs,
  MINE_LABEL,
  THEIRS_LABEL,
} from '../../renderer/components/merge-paragraphs.js';

const doc = (...paragraphs: string[]) => `${paragraphs.join('\n\n')}\n`;
const base = doc('One.', 'Two.', 'Three.');

describe('keeping both versions of a file', () => {
  test.each([
    {
      name: 'different paragraphs changed: both changes kept',
      mine: doc('One, mine.', 'Two.', 'Three.'),
      theirs: doc('One.', 'Two.', 'Three, theirs.'),
      expected: doc('One, mine.', 'Two.', 'Three, theirs.'),
      conflicts: 0,
    },
    {
      name: 'each added a paragraph in a different place',
      mine: doc('One.', 'Mine after one.', 'Two.', 'Three.'),
      theirs: doc('One.', 'Two.', 'Three.', 'Theirs at the end.'),
      expected: doc('One.', 'Mine after one.', 'Two.', 'Three.', 'Theirs at the end.'),
      conflicts: 0,
    },
    {
      name: 'the same change on both sides is kept once',
      mine: doc('One.', 'Two, fixed.', 'Three.'),
      theirs: doc('One.', 'Two, fixed.', 'Three.'),
      expected: doc('One.', 'Two, fixed.', 'Three.'),
      conflicts: 0,
    },
    {
      name: 'the same paragraph changed differently: both, labelled, one after the other',
      mine: doc('One.', 'Two, as I see it.', 'Three.'),
      theirs: doc('One.', 'Two, as they see it.', 'Three.'),
      expected: doc(
        'One.',
        MINE_LABEL,
        'Two, as I see it.',
        THEIRS_LABEL,
        'Two, as they see it.',
        'Three.',
      ),
      conflicts: 1,
    },
  ])('$name', ({ mine, theirs, expected, conflicts }) => {
    const merged = mergeParagraphs(base, mine, theirs);
    expect(merged.text).toBe(expected);
    expect(merged.conflicts).toBe(conflicts);
  });

  test('no words from either side are lost', () => {
    const mine = doc('One.', 'Mine.', 'Two, changed by me.', 'Three.');
    const theirs = doc('Theirs first.', 'One.', 'Two, changed by them.');
    const merged = mergeParagraphs(base, mine, theirs).text;
    for (const words of ['Mine.', 'Two, changed by me.', 'Theirs first.', 'Two, changed by them.'])
      expect(merged).toContain(words);
  });
});
