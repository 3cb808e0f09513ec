/** Keys of the build's caches: equal data gives one key, any difference another. */
import { describe, expect, it } from 'vitest';
import { hashPlainData } from '../../../main/publish/markdown/hash-plain-data.js';

describe('hashPlainData', () => {
  it('gives equal data the same key, whatever made it', () => {
    expect(hashPlainData({ a: ['x', 1, null], b: { c: true } })).toBe(
      hashPlainData(JSON.parse('{"a":["x",1,null],"b":{"c":true}}')),
    );
  });

  // Pairs that JSON or a naive concatenation would give the same text.
  const different: [string, unknown, unknown][] = [
    ['strings split differently', ['ab', 'c'], ['a', 'bc']],
    ['a string and a number', ['1'], [1]],
    ['null and undefined', [null], [undefined]],
    ['0 and -0', [0], [-0]],
    ['NaN and null', [Number.NaN], [null]],
    ['Infinity and -Infinity', [Infinity], [-Infinity]],
    ['an array and an object', [['a']], [{ 0: 'a' }]],
    ['nesting', [['a'], 'b'], [['a', 'b']]],
    ['key and value swapped', { a: 'b' }, { b: 'a' }],
    ['a missing key and an undefined one', {}, { a: undefined }],
    ['two lone surrogates', ['\ud800'], ['\ud801']],
    ['a lone surrogate and the replacement character', ['\ud800'], ['\ufffd']],
    ['a letter and the same letter with a combining accent', ['é'], ['e\u0301']],
    ['a string and its JSON', ['"a"'], ['a']],
    [
      'a long text and the same words in two',
      ['w'.repeat(10_000)],
      ['w'.repeat(5_000), 'w'.repeat(5_000)],
    ],
    ['long texts one letter apart', ['w'.repeat(9_999) + 'x'], ['w'.repeat(9_999) + 'y']],
    [
      'a long text with a lone surrogate',
      ['w'.repeat(9_999) + '\ud800'],
      ['w'.repeat(9_999) + '\ud801'],
    ],
  ];
  it.each(different)('tells apart %s', (_name, a, b) => {
    expect(hashPlainData(a)).not.toBe(hashPlainData(b));
  });

  it('keys other objects only through a stand-in, and refuses them without one', () => {
    class Box {
      constructor(readonly text: string) {}
    }
    const standIn = (value: object) => (value instanceof Box ? value.text : undefined);
    expect(hashPlainData([new Box('a')], standIn)).toBe(hashPlainData([new Box('a')], standIn));
    expect(hashPlainData([new Box('a')], standIn)).not.toBe(hashPlainData(['a'], standIn));
    expect(() => hashPlainData([new Box('a')])).toThrow(/cannot key/);
    expect(() => hashPlainData([new Map()], standIn)).toThrow(/cannot key/);
    expect(() => hashPlainData([() => 1])).toThrow(/cannot key/);
  });
});
