import { describe, expect, it } from 'vitest';
import { mergeText } from '../../main/sync/merge-text.js';

const base = 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n';

describe('mergeText', () => {
  it.each([
    [
      'only I changed it',
      base.replace('First', 'My first'),
      base,
      base.replace('First', 'My first'),
    ],
    [
      'only they changed it',
      base,
      base.replace('Third', 'Their third'),
      base.replace('Third', 'Their third'),
    ],
    [
      'we changed different paragraphs',
      base.replace('First', 'My first'),
      base.replace('Third', 'Their third'),
      base.replace('First', 'My first').replace('Third', 'Their third'),
    ],
    [
      'we made the same change',
      base.replace('Second', 'Same second'),
      base.replace('Second', 'Same second'),
      base.replace('Second', 'Same second'),
    ],
    [
      'I added a paragraph at the end and they edited the first',
      `${base}\nA new paragraph.\n`,
      base.replace('First', 'Their first'),
      `${base.replace('First', 'Their first')}\nA new paragraph.\n`,
    ],
  ])('merges when %s', (_case, mine, theirs, merged) => {
    expect(mergeText(base, mine, theirs)).toEqual({ clean: true, text: merged });
  });

  it.each([
    [
      'we changed the same line',
      base.replace('Second', 'My second'),
      base.replace('Second', 'Their second'),
    ],
    ['we both added different files from nothing', 'Mine\n', 'Theirs\n'],
  ])('is a conflict when %s', (_case, mine, theirs) => {
    const from = _case.includes('nothing') ? '' : base;
    expect(mergeText(from, mine, theirs)).toEqual({ clean: false });
  });
});
