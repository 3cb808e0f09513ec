/**
 * The passive-voice and simpler-word rules report what retext-passive and retext-simplify
 * themselves report, message for message, for every phrase of their lists: an upgrade of either
 * plugin that changes what it finds fails here.
 */
import type { Root } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { proseWords } from '../../main/language/phrase-matcher.js';
import { plainLanguageMessages, simplifyPhrases } from '../../main/language/plain-language.js';

const parser = new ParseEnglish();
const ignore = ['however', 'in order to', 'type'];
const plugins = unified().use(retextPassive).use(retextSimplify, { ignore });

interface Reported {
  source: string;
  start: number | undefined;
  end: number | undefined;
  expected: readonly string[];
}

/** What the plugins report over `text`, in their order. */
function fromPlugins(tree: Root, text: string): Reported[] {
  const file = new VFile({ value: text });
  plugins.runSync(tree, file);
  return file.messages.map((message) => ({
    source: message.source ?? '',
    start: message.place && 'start' in message.place ? message.place.start.offset : undefined,
    end: message.place && 'end' in message.place ? message.place.end.offset : undefined,
    expected: message.expected ?? [],
  }));
}

function fromRules(tree: Root): Reported[] {
  return plainLanguageMessages(proseWords(tree), simplifyPhrases(ignore));
}

// Every simpler-word phrase, and every passive participle after a form of "to be" and without.
const everySimplify = simplifyPhrases([]).map(
  (phrase, i) => `${i % 2 ? 'We' : 'You'} ${i % 3 ? phrase : phrase.toUpperCase()} it, ${phrase}.`,
);
const participles = ['given', 'found', 'taken', 'told', 'used', 'helped', 'shown', 'known'];
const everyPassive = participles.flatMap((word) => [
  `It was ${word} to us.`,
  `They are always ${word}.`,
  `We ${word} it.`,
  `Is it "${word}"?`,
]);

// [what it shows, text]
const cases: [string, string][] = [
  ['no findings', 'We meet once a week and have a cup of tea.'],
  [
    'a passive with its verb earlier in the sentence',
    'The course was slowly and carefully designed.',
  ],
  ['a passive verb across a comma', 'It is, we hope, understood.'],
  ['a passive in the second sentence only', 'We found it. It was found.'],
  ['simpler words at the start and end of sentences', 'Utilise it. We can facilitate.'],
  ['an ignored phrase and a listed one', 'However, we want to utilise it in order to learn.'],
  ['case and hyphens', 'We UTILISE it and pre-arrange it.'],
  ['every simpler-word phrase', everySimplify.join(' ')],
  ['every passive case', everyPassive.join(' ')],
];

describe('plainLanguageMessages', () => {
  it.each(cases)('reports what the plugins report: %s', (_name, text) => {
    const tree = parser.parse(text);
    expect(fromRules(tree)).toEqual(fromPlugins(tree, text));
  });

  it('finds both kinds, the passive first', () => {
    const text = 'The form was given. Please utilise it.';
    const found = fromRules(parser.parse(text)).map(
      ({ source, start, end }) => `${source}:${text.slice(start, end)}`,
    );
    expect(found).toEqual(['retext-passive:given', 'retext-simplify:utilise']);
  });

  it('leaves out ignored phrases', () => {
    expect(simplifyPhrases(ignore)).not.toContain('however');
    expect(simplifyPhrases([])).toContain('however');
    expect(fromRules(parser.parse('However, it works.'))).toEqual([]);
  });
});
