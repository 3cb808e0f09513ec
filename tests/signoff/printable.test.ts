import { describe, expect, it } from 'vitest';
import { parseSignoffs } from '../../main/signoff/signoffs-file.js';
import { printable } from '../../main/cli/printable.js';

describe('printable', () => {
  it.each([
    ['plain text', 'Checked the outcomes', 'Checked the outcomes'],
    ['tabs', 'a\tb', 'a\tb'],
    ['an escape sequence', 'ok\u001b[2J', 'ok\uFFFD[2J'],
    ['a newline', 'one\ntwo', 'one\uFFFDtwo'],
    ['an 8-bit CSI', 'x\u009b31m', 'x\uFFFD31m'],
    ['non-ASCII letters', 'Siân Ó Briain', 'Siân Ó Briain'],
  ])('keeps %s safe', (_name, input, expected) => {
    expect(printable(input)).toBe(expected);
  });
});

describe('parseSignoffs against hostile files', () => {
  it('does not expand an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    const text = `- trainer: ann-lee\n  ${bomb.join('\n  ')}\n  comment: *d\n`;
    const { records } = parseSignoffs(text, 'c/signoffs.yml');
    expect(records).toHaveLength(1);
    expect(records[0]?.malformed).toBe('the record uses too many YAML aliases to be read');
  });
});
