/** Searching only the sentences and phrases that can match finds what a search of everything finds. */
import type { Root } from 'nlcst';
import { search } from 'nlcst-search';
import { toString } from 'nlcst-to-string';
import { ParseEnglish } from 'parse-english';
import { describe, expect, it } from 'vitest';
import { phraseSearch } from '../../main/language/phrase-search.js';

const parser = new ParseEnglish();

/** Every match as `offset:phrase:text`, in the order the search reports them. */
function matches(tree: Root, phrases: readonly string[]): string[] {
  const found: string[] = [];
  search(tree, [...phrases], (match, _index, _parent, phrase) => {
    found.push(`${match[0]?.position?.start.offset ?? -1}:${phrase}:${toString(match)}`);
  });
  return found;
}

const phrases = [
  'mental illness',
  'suffering from',
  'suffers',
  'self-harm',
  "don't worry",
  'the mentally ill',
  'we',
  '* ill',
];

describe('phraseSearch', () => {
  it.each([
    ['no phrase at all', 'A calm walk by the lake. We rest.'],
    ['one in the second sentence', 'A calm walk. She was suffering from a mental illness.'],
    [
      'phrases across paragraphs',
      'Self-harm is talked about.\n\nHe suffers. Don’t worry, we listen.',
    ],
    ['a first word without the rest', 'Mental health matters. The mentally ill, they said.'],
    ['a quoted literal', 'The word "suffers" is on the list.'],
  ])('finds the same as a whole search: %s', (_name, text) => {
    const tree = parser.parse(text);
    const listed = phrases.filter((p) => !p.startsWith('*'));
    const where = phraseSearch(tree, listed);
    expect(matches(where.tree, where.phrases)).toEqual(matches(tree, listed));
    // With a phrase that may start with any word, the whole tree is searched.
    const any = phraseSearch(tree, phrases);
    expect(any.tree).toBe(tree);
    expect(matches(any.tree, any.phrases)).toEqual(matches(tree, phrases));
  });

  it('leaves out sentences and phrases that cannot match', () => {
    const tree = parser.parse('A calm walk. She was suffering from a mental illness. We rest.');
    const where = phraseSearch(tree, ['mental illness', 'suffering from', 'self-harm']);
    expect(where.phrases).toEqual(['mental illness', 'suffering from']);
    expect(where.tree.children.map((s) => toString(s))).toEqual([
      'She was suffering from a mental illness.',
    ]);
  });
});
