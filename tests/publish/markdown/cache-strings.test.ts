/** The render cache's string list: every list comes back as written, and cut-short bytes are refused. */
import { describe, expect, it } from 'vitest';
import { decodeStrings, encodeStrings } from '../../../main/publish/markdown/cache-strings.js';

describe('cache strings', () => {
  it.each([
    ['no strings', []],
    ['an empty string', ['']],
    ['HTML and hex keys', ['<p>We meet <em>weekly</em>.</p>', 'ab12'.repeat(16)]],
    ['text beyond Latin-1', ['Croeso – “welcome” 🌱', 'naïve café', '\u0000\n']],
  ])('gives back %s', (_name, strings) => {
    expect(decodeStrings(encodeStrings(strings))).toEqual(strings);
  });

  it('writes the same strings as the same bytes', () => {
    const text = ['caf', 'é'].join('');
    expect(encodeStrings([text]).equals(encodeStrings(['café']))).toBe(true);
  });

  it.each([1, 3, 5, 12])('refuses the bytes cut after %i of them', (length) => {
    const bytes = encodeStrings(['one', 'and two']).subarray(0, length);
    expect(() => decodeStrings(bytes)).toThrow(RangeError);
  });
});
