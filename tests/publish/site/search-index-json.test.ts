/**
 * The site's search index is written from each course's term counts, not by MiniSearch
 * itself: it must be exactly what MiniSearch would serialise (terms aside, whose order
 * `loadJSON` ignores), and search the same once loaded.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  fieldTerms,
  searchIndexJson,
  tokenize,
} from '../../../main/publish/site/search-index-json.js';

const FIELDS = ['title', 'text'] as const;
const STORED = ['title', 'path'] as const;

interface Doc {
  id: string;
  title: string;
  text: string;
  path: string;
}

const doc = (id: string, title: string, text: string): Doc => ({
  id,
  title,
  text,
  path: `courses/${id}.html`,
});

const cases: { name: string; docs: Doc[]; queries: string[] }[] = [
  { name: 'no documents', docs: [], queries: ['sleep'] },
  {
    name: 'repeated words in mixed case',
    docs: [doc('a', 'Sleep well', 'Sleep, SLEEP and sleep again. Rest.')],
    queries: ['sleep', 'rest', 'again'],
  },
  {
    name: 'text that starts and ends with punctuation, and empty fields',
    docs: [doc('a', '', '"Hope" — control; opportunity!'), doc('b', '…', '')],
    queries: ['hope', 'control'],
  },
  {
    name: 'words that are names of object properties',
    docs: [doc('a', 'constructor', '__proto__ toString hasOwnProperty valueOf 2027 10')],
    queries: ['constructor', '__proto__', 'tostring', '2027'],
  },
  {
    name: 'letters beyond ASCII, and space other than spaces',
    docs: [
      doc('a', 'Café à la mode', 'Ünïcode\u00a0words\u2003and\ttabs\nnew lines'),
      doc('b', 'İstanbul ΣΊΣΥΦΟΣ', 'straße STRASSE'),
    ],
    queries: ['café', 'words', 'straße', 'σίσυφος'],
  },
  {
    name: 'several documents sharing terms, for the running means',
    docs: Array.from({ length: 7 }, (_, i) =>
      doc(`c${i}`, `Course ${i}`, 'word '.repeat(i * 3 + 1) + `unique${i} shared`),
    ),
    queries: ['word', 'shared', 'unique3', 'course'],
  },
];

/** MiniSearch's own serialisation, with its terms in code-unit order. */
function miniSearchJson(docs: Doc[]) {
  const search = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: [...STORED] });
  search.addAll(docs);
  const json = search.toJSON();
  json.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return json;
}

describe('searchIndexJson', () => {
  it.each(cases)('serialises $name as MiniSearch does', ({ docs }) => {
    const ours = searchIndexJson(
      FIELDS,
      docs.map((d) => ({
        id: d.id,
        fields: FIELDS.map((f) => fieldTerms(d[f])),
        stored: { title: d.title, path: d.path },
      })),
    );
    expect(JSON.parse(ours)).toStrictEqual(JSON.parse(JSON.stringify(miniSearchJson(docs))));
  });

  it.each(cases)('searches $name as an index MiniSearch made', ({ docs, queries }) => {
    const options = { fields: [...FIELDS], storeFields: [...STORED] };
    const ours = MiniSearch.loadJSON<Doc>(
      searchIndexJson(
        FIELDS,
        docs.map((d) => ({
          id: d.id,
          fields: FIELDS.map((f) => fieldTerms(d[f])),
          stored: { title: d.title, path: d.path },
        })),
      ),
      options,
    );
    const theirs = new MiniSearch<Doc>(options);
    theirs.addAll(docs);
    for (const query of queries) {
      for (const searchOptions of [{}, { prefix: true, fuzzy: 0.2 }]) {
        // As JSON: a result's `match` for the term "__proto__" is an odd object on both sides.
        expect(JSON.stringify(ours.search(query, searchOptions))).toBe(
          JSON.stringify(theirs.search(query, searchOptions)),
        );
      }
    }
  });
});

describe('tokenize', () => {
  const split = (text: string) => text.split(/[\n\r\p{Z}\p{P}]+/u);
  it.each([
    '',
    ' ',
    'word',
    '  two  words  ',
    '"Quoted," she said — and left…',
    'tabs\tstay\tinside words; $ + < = > ^ ` | ~ are symbols, not punctuation',
    'no\u00a0break\u2003em space\u2028line separator',
    'astral 𐄀 punctuation and 😀 emoji, a😀b',
    'lone \ud800 high and \udc00 low surrogates',
    'ünïcödé ß İ and combining e\u0301 marks',
    '\r\n\r\nCRLF lines\r\n',
  ])('splits %j as MiniSearch does', (text) => {
    expect(tokenize(text)).toEqual(split(text));
  });

  it('splits random text from a mixed alphabet as MiniSearch does', () => {
    const alphabet = [...'ab Z9_-.,;:!?()[]{}\'"\t\n\r$+<=>|~'].concat([
      '\u00a0',
      '\u2003',
      '\u2014',
      '\u2026',
      '𐄀',
      '😀',
      '\ud800',
      '\udc00',
      'é',
      'ß',
    ]);
    // A fixed sequence, so a failure can be replayed.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(next() * 20);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      expect(tokenize(text)).toEqual(split(text));
    }
  });
});
