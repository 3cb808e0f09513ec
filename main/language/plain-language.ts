/**
 * Passive voice and simpler words: what retext-passive and retext-simplify find, with their own
 * word lists, matched by phrase-matcher over words walked once (running the two plugins was most
 * of a first `tandem check`). tests/language/plain-language-plugins.test.ts holds this to the
 * plugins' own messages, so an upgrade of either that changes what they find fails there.
 */
import type { Root, Sentence, SentenceContent } from 'nlcst';
import { toString } from 'nlcst-to-string';
// The plugins' data, which their package entry points do not export.
import { list as passiveList } from '../../node_modules/retext-passive/lib/list.js';
import { patterns as simplifyPatterns } from '../../node_modules/retext-simplify/lib/patterns.js';
import { matchPhrases, phraseMatcher } from './phrase-matcher.js';
import type { ProseWords } from './phrase-matcher.js';

/** One thing the plain-language rules found, at offsets into the checked text. */
export interface PlainMessage {
  source: 'retext-passive' | 'retext-simplify';
  start: number | undefined;
  end: number | undefined;
  /** Simpler words to use instead (retext-simplify's `expected`; empty for the passive). */
  expected: readonly string[];
}

// The forms of "to be" that make a following past participle passive (retext-passive's).
const beVerbs = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);

/** Simpler-word phrases, less those in `ignore` (as retext-simplify's `ignore` option). */
export function simplifyPhrases(ignore: readonly string[]): readonly string[] {
  return Object.keys(simplifyPatterns).filter((phrase) => !ignore.includes(phrase));
}

/**
 * What retext-passive and then retext-simplify (with `simplify`, from simplifyPhrases) report
 * over the words, in the plugins' order.
 */
export function plainLanguageMessages(
  prose: ProseWords,
  simplify: readonly string[],
): PlainMessage[] {
  const messages: PlainMessage[] = [];
  const place = (match: readonly SentenceContent[]) => ({
    start: match[0]?.position?.start.offset,
    end: match[match.length - 1]?.position?.end.offset,
  });
  matchPhrases(prose, phraseMatcher(passiveList), (match, index, parent) => {
    const before = wordBefore(parent, index);
    if (!before || !beVerbs.has(toString(before).toLowerCase())) return;
    messages.push({ source: 'retext-passive', ...place(match), expected: [] });
  });
  matchPhrases(prose, phraseMatcher(simplify), (match, _index, _parent, phrase) => {
    const expected = simplifyPatterns[phrase]?.replace ?? [];
    messages.push({ source: 'retext-simplify', ...place(match), expected });
  });
  return messages;
}

/** The nearest word before `index` in `parent` (unist-util-find-before's answer). */
function wordBefore(parent: Root | Sentence, index: number): SentenceContent | undefined {
  const siblings = parent.children as SentenceContent[];
  for (let i = index - 1; i >= 0; i--) {
    const node = siblings[i];
    if (node?.type === 'WordNode') return node;
  }
  return undefined;
}
