import { describe, expect, it } from 'vitest';
import { stableStructureIds } from '../../../main/publish/pdf/stable-structure-ids.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe('stableStructureIds', () => {
  it.each([
    ['no ids', '<</S /P>>', '<</S /P>>'],
    ['one id', '/ID (node00000852)', '/ID (node00000001)'],
    [
      'ids in order of first appearance, references kept',
      '/ID (node00000907) /ID (node00000852) /Headers [(node00000907)]',
      '/ID (node00000001) /ID (node00000002) /Headers [(node00000001)]',
    ],
    [
      'binary bytes untouched',
      '\u00ff\u0000 (node00000003) \u0080',
      '\u00ff\u0000 (node00000001) \u0080',
    ],
  ])('%s', (_, input, expected) => {
    const output = stableStructureIds(bytes(input));
    expect(text(output)).toBe(expected);
    expect(output.length).toBe(bytes(input).length);
  });

  it('gives two prints that differ only in node numbering the same bytes', () => {
    const first = stableStructureIds(bytes('/ID (node00000851) /ID (node00000900)'));
    const second = stableStructureIds(bytes('/ID (node00000852) /ID (node00000913)'));
    expect(text(first)).toBe(text(second));
  });
});
