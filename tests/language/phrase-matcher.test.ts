/** The phrase matcher finds what nlcst-search finds, in the same order, for any list and text. */
import type { Root } from 'nlcst';
import { search } from 'nlcst-search';
import { toString } from 'nlcst-to-string';
import { ParseEnglish } from 'parse-english';
import { describe, expect, it } from 'vitest';
import { normalize } from 'nlcst-normalize';
import {
  matchPhrases,
  normalizeWord,
  phraseMatcher,
  proseWords,
} from '../../main/language/phrase-matcher.js';

const parser = new ParseEnglish();

type Found = [start: number, end: number, phrase: string, text: string, index: number];

function describeMatch(match: Parameters<Parameters<typeof search>[2]>[0]) {
  const start = match[0]?.position?.start.offset ?? -1;
  const end = match.at(-1)?.position?.end.offset ?? -1;
  return [start, end, toString(match)] as const;
}

/** Every match nlcst-search reports, in its order. */
function searched(tree: Root, phrases: readonly string[]): Found[] {
  const found: Found[] = [];
  search(tree, [...phrases], (match, index, _parent, phrase) => {
    const [start, end, text] = describeMatch(match);
    found.push([start, end, phrase, text, index]);
  });
  return found;
}

/** Every match the matcher reports, in its order. */
function matched(tree: Root, phrases: readonly string[]): Found[] {
  const found: Found[] = [];
  matchPhrases(proseWords(tree), phraseMatcher(phrases), (match, index, _parent, phrase) => {
    const [start, end, text] = describeMatch(match);
    found.push([start, end, phrase, text, index]);
  });
  return found;
}

const phrases = [
  'mental illness',
  'suffer from',
  'suffers from',
  'sufferer',
  'self-harm',
  'selfharm',
  "don't worry",
  'the mentally ill',
  'we',
  'in order to',
  'in order',
  'commit suicide',
  'at this point in time',
  'victim of',
  'victim of',
];
const wildcard = [...phrases, '* ill', 'feel * better', 'a *'];

// [what it shows, text, the matches as `phrase=text` in order]
const cases: [string, string, string[]][] = [
  ['no phrase at all', 'A calm walk by the lake. They rest.', []],
  [
    'a phrase at the start of a sentence',
    'Suffers from worry, she says.',
    ['suffers from=Suffers from'],
  ],
  [
    'a phrase at the end of a sentence',
    'She lives with a mental illness.',
    ['mental illness=mental illness'],
  ],
  [
    'a phrase ending the text without a stop',
    'the mentally ill',
    ['the mentally ill=the mentally ill'],
  ],
  [
    'upper and mixed case',
    'MENTAL ILLNESS and Mental Illness.',
    ['mental illness=MENTAL ILLNESS', 'mental illness=Mental Illness'],
  ],
  [
    'a plural form listed on its own',
    'Many sufferers came. One sufferer spoke.',
    ['sufferer=sufferer'],
  ],
  ['a comma between the words stops a match', 'It was mental, illness aside.', []],
  ['a full stop between the words stops a match', 'He was a victim. Of what?', []],
  ['a dash between the words stops a match', 'mental — illness', []],
  ['a line break joins the words', 'a mental\nillness', ['mental illness=mental\nillness']],
  ['several spaces join the words', 'a mental   illness', ['mental illness=mental   illness']],
  [
    'a hyphen is ignored',
    'Self-harm, selfharm and self harm.',
    ['self-harm=Self-harm', 'selfharm=Self-harm', 'self-harm=selfharm', 'selfharm=selfharm'],
  ],
  [
    'straight and curly apostrophes',
    "Don't worry. Don’t worry.",
    ["don't worry=Don't worry", "don't worry=Don’t worry"],
  ],
  [
    'phrases sharing a first word, in list order',
    'We do it in order to learn.',
    ['we=We', 'in order to=in order to', 'in order=in order'],
  ],
  [
    'a phrase listed twice is reported twice',
    'a victim of it',
    ['victim of=victim of', 'victim of=victim of'],
  ],
  [
    'overlapping phrases are each reported',
    'at this point in time',
    ['at this point in time=at this point in time'],
  ],
  ['a quoted word is a literal, not a use', 'The word "sufferer" is on the list.', []],
  ['a word in brackets is a literal', 'The term (sufferer) is old.', []],
  ['a word after a colon is a literal', 'Avoid: sufferer', []],
  [
    'a quoted phrase is not a literal of its first word',
    'They said "mental illness" here.',
    ['mental illness=mental illness'],
  ],
  [
    'phrases in several paragraphs',
    'We meet.\n\nShe suffers from low mood.',
    ['we=We', 'suffers from=suffers from'],
  ],
  ['numbers and symbols between words stop a match', 'mental 2 illness, mental & illness', []],
];

describe('phraseMatcher and matchPhrases', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const tree = parser.parse(text);
    const found = matched(tree, phrases);
    expect(found.map(([, , phrase, match]) => `${phrase}=${match}`)).toEqual(expected);
    expect(found).toEqual(searched(tree, phrases));
  });

  it.each(cases)('with phrases starting with any word: %s', (_name, text) => {
    const tree = parser.parse(text);
    expect(matched(tree, wildcard)).toEqual(searched(tree, wildcard));
  });

  it('matches "*" with any word, and reports those phrases first at each word', () => {
    const tree = parser.parse('I feel a lot better. The ill.');
    const found = matched(tree, wildcard).map(([, , phrase, text]) => `${phrase}=${text}`);
    expect(found).toEqual(['a *=a lot', '* ill=The ill']);
    expect(matched(tree, ['feel * better'])).toEqual([]);
    expect(matched(tree, ['feel a * better']).map(([, , , text]) => text)).toEqual([
      'feel a lot better',
    ]);
  });

  it('builds each list once and reads each list as nlcst-search does', () => {
    expect(phraseMatcher(phrases)).toBe(phraseMatcher(phrases));
    const tree = parser.parse('An empty list finds nothing.');
    expect(matched(tree, [])).toEqual([]);
    expect(matched(tree, ['an  empty'])).toEqual(searched(tree, ['an  empty']));
  });
});

describe('normalizeWord', () => {
  it.each([
    'Word',
    'WORD',
    "don't",
    'don’t',
    "rock'n'roll",
    'self-harm',
    '--',
    "'",
    '’’',
    'Ærø',
    'İstanbul',
    'ß',
    '',
    "a-b’c'd",
  ])('normalises %j as nlcst-normalize does', (text) => {
    expect(normalizeWord(text)).toBe(normalize(text));
  });
});
