/**
 * Checks one block of prose (a paragraph, heading or list item) for recovery-oriented and plain
 * language. Works on an nlcst tree whose positions point into `source`, so the same check serves
 * Markdown files (positions in the file) and the editor (positions in a paragraph's text).
 */
import type { Root, SentenceContent } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { wordForms } from './inflect.js';
import { allowSet, normalizePhrase } from './language-settings.js';
import type { CompiledList, LanguageSettings } from './language-settings.js';
import { matchPhrases, phraseMatcher, proseWords } from './phrase-matcher.js';
import type { ProseWords } from './phrase-matcher.js';
import { plainLanguageMessages, simplifyPhrases } from './plain-language.js';
import type { PlainMessage } from './plain-language.js';
import { isInside, quotedRanges } from './quoted-ranges.js';
import type { Range } from './quoted-ranges.js';
import { countProse, readingAge, sentencesOf } from './reading-age.js';
import type { ProseCounts } from './reading-age.js';
import type { Audience, LanguageFinding, LanguageRule } from './types.js';

export interface ProseResult {
  findings: LanguageFinding[];
  /** Word, sentence and syllable counts of student-facing text (zero for facilitators). */
  counts: ProseCounts;
}

/** Sentences longer than this are hard to follow in one reading. */
export const longSentenceWords = 25;
/** Passive verbs reported once a paragraph has this many. */
export const passiveLimit = 2;
/** Paragraphs shorter than this give the reading-age formula too little to go on. */
export const readingAgeMinWords = 25;

// Rules about a whole sentence or paragraph, which may overlap the word-level ones.
const wholeSentence = new Set<LanguageRule>(['reading-age', 'long-sentence']);

const noCounts: ProseCounts = { words: 0, sentences: 0, syllables: 0 };

// retext-simplify's list is written for technical English; these suggestions do not fit the
// gentle teaching voice of a course ("additional" is fine, "however" is not a hard word).
const simplifyIgnore = [
  'additional',
  'however',
  'type of',
  'it is',
  'there are',
  'there is',
  'provide',
  'require',
  'requirement',
  'support',
  'together',
  'appropriate',
  'approximately',
  'personal',
  'individual',
  'equivalent',
  'forward',
  'initial',
  'multiple',
  'similar to',
  'via',
  'whether or not',
  'in order to',
  'in addition',
  'encounter',
  'expiration',
  'function',
  'monitor',
  'purchase',
  'selection',
  'submit',
  'type',
  'benefit',
  'contains',
  'accompany',
  'component',
  'identify',
  'objective',
  'option',
  'maintain',
  'modify',
  'relocate',
  'therefore',
  'sufficient',
  'all of',
  'a number of',
  'any and all',
  'currently',
  'obtain',
  'assist',
  'assistance',
  'attempt',
  'close proximity',
];

const simplify = simplifyPhrases(simplifyIgnore);

export interface ProseOptions {
  settings: LanguageSettings;
  audience: Audience;
  /** Phrases or rule ids accepted in this block by an accept marker. */
  accepted?: readonly string[];
  /** The quoted ranges of `source` (quotedRanges), when many blocks of one source are checked. */
  quotes?: readonly Range[];
}

/** Checks one block; `source` is the text that the tree's offsets refer to. */
export function checkProse(tree: Root, source: string, options: ProseOptions): ProseResult {
  const { settings, audience } = options;
  const quotes = options.quotes ?? quotedRanges(source);
  const accepted = allowSet(options.accepted ?? []);
  const findings: LanguageFinding[] = [];
  const add = (finding: LanguageFinding) => {
    if (isInside(quotes, finding.start, finding.end)) return;
    const key = normalizePhrase(finding.text);
    for (const allowed of [settings.allowed, accepted]) {
      if (allowed.has(key) || allowed.has(finding.id) || allowed.has(finding.rule)) return;
    }
    // Two rules on the same words would be one suggestion too many; the first found stays.
    const overlaps = (other: LanguageFinding) =>
      !wholeSentence.has(other.rule) && other.start < finding.end && finding.start < other.end;
    if (!wholeSentence.has(finding.rule) && findings.some(overlaps)) return;
    findings.push(finding);
  };

  const prose = proseWords(tree);
  findPhrases(prose, settings.recovery, 'recovery-language', add);
  if (audience === 'facilitators') return { findings: sortFindings(findings), counts: noCounts };
  findPhrases(prose, settings.welcome, 'welcome-to-all', add, { skipNegated: true });
  findPlainLanguage(plainLanguageMessages(prose, simplify), source, add);
  findLongSentences(tree, add);

  const counts = countProse(tree);
  const age = readingAge(counts);
  if (age !== undefined && counts.words >= readingAgeMinWords && age > settings.readingAge) {
    const start = tree.position?.start.offset ?? 0;
    const firstSentence = firstSentenceEnd(tree) ?? tree.position?.end.offset ?? start;
    add({
      rule: 'reading-age',
      id: 'reading-age',
      start,
      end: firstSentence,
      text: source.slice(start, firstSentence),
      message: `this paragraph has a reading age of about ${age}; the college aims for ${settings.readingAge}`,
      suggestion: 'shorter sentences and everyday words',
      reason: 'plain words let everyone take part, whatever their reading',
    });
  }
  return { findings: sortFindings(findings), counts };
}

function findPhrases(
  prose: ProseWords,
  list: CompiledList,
  rule: LanguageRule,
  add: (finding: LanguageFinding) => void,
  { skipNegated = false } = {},
): void {
  matchPhrases(prose, phraseMatcher(list.phrases), (match, index, parent, phrase) => {
    // "You do not need a referral" says what the college wants said.
    if (skipNegated && negatedBefore(parent.children as SentenceContent[], index)) return;
    // A capitalised word mid-sentence is a name ("NHS Talking Therapies"), signposting elsewhere.
    if (skipNegated && isNameWord(parent.children as SentenceContent[], index)) return;
    const entry = list.entryOf.get(phrase);
    const first = match[0];
    const last = match[match.length - 1];
    const start = first?.position?.start.offset;
    const end = last?.position?.end.offset;
    if (!entry || start === undefined || end === undefined) return;
    if (entry.notBefore && entry.notBefore.length > 0) {
      const next = nextWord(parent.children as SentenceContent[], index + match.length);
      if (next && entry.notBefore.some((word) => wordForms(word).includes(next))) return;
    }
    const text = toString(match);
    add({
      rule,
      id: entry.id,
      start,
      end,
      text,
      message: `"${text}": ${entry.reason}`,
      suggestion: entry.suggestion,
      reason: entry.reason,
    });
  });
}

const negations = new Set(['no', 'not', 'never', 'without', 'nor', 'neither', 'none']);

/** Whether a negation comes earlier in the same sentence. */
function negatedBefore(siblings: readonly SentenceContent[], index: number): boolean {
  return siblings.slice(0, index).some((node) => {
    if (node.type !== 'WordNode') return false;
    const word = toString(node).toLowerCase().replace(/’/g, "'");
    return negations.has(word) || word.endsWith("n't");
  });
}

function isNameWord(siblings: readonly SentenceContent[], index: number): boolean {
  const first = siblings.findIndex((node) => node.type === 'WordNode');
  const node = siblings[index];
  return index !== first && node !== undefined && /^\p{Lu}/u.test(toString(node));
}

/** The next word after `from` in a sentence, lower case. */
function nextWord(siblings: readonly SentenceContent[], from: number): string | undefined {
  for (let i = from; i < siblings.length; i++) {
    const node = siblings[i];
    if (node?.type === 'WordNode') return toString(node).toLowerCase();
    if (node?.type !== 'WhiteSpaceNode') return undefined;
  }
  return undefined;
}

function findPlainLanguage(
  messages: readonly PlainMessage[],
  source: string,
  add: (finding: LanguageFinding) => void,
): void {
  // One passive verb in a paragraph reads naturally ("the course is run by"); several make a
  // paragraph hard to follow, so they are reported only then.
  const passives = messages.filter((message) => message.source === 'retext-passive').length;
  for (const { start, end, ...message } of messages) {
    if (start === undefined || end === undefined) continue;
    const text = source.slice(start, end);
    if (message.source === 'retext-passive') {
      if (passives < passiveLimit) continue;
      add({
        rule: 'passive-voice',
        id: 'passive-voice',
        start,
        end,
        text,
        message: `"${text}" is passive: say who does it`,
        suggestion: 'we …, you …',
        reason: 'sentences that name who acts are easier to follow',
      });
    } else {
      // Only words with a simpler one; "leave it out" advice ("very") is style, not plain words.
      const simpler = message.expected.filter((word) => word !== '');
      if (simpler.length === 0) continue;
      add({
        rule: 'simpler-word',
        id: 'simpler-word',
        start,
        end,
        text,
        message: `"${text}" has a simpler word`,
        suggestion: simpler.join(', '),
        reason: 'everyday words are quicker to read',
      });
    }
  }
}

function findLongSentences(tree: Root, add: (finding: LanguageFinding) => void): void {
  for (const sentence of sentencesOf(tree)) {
    const words = sentence.children.filter((node) => node.type === 'WordNode').length;
    const start = sentence.position?.start.offset;
    const end = sentence.position?.end.offset;
    if (words <= longSentenceWords || start === undefined || end === undefined) continue;
    add({
      rule: 'long-sentence',
      id: 'long-sentence',
      start,
      end,
      text: toString(sentence),
      message: `this sentence has ${words} words; try to keep to ${longSentenceWords} or fewer`,
      suggestion: 'split it in two',
      reason: 'long sentences are hard to follow in one reading',
    });
  }
}

function firstSentenceEnd(tree: Root): number | undefined {
  return sentencesOf(tree)[0]?.position?.end.offset;
}

function sortFindings(findings: LanguageFinding[]): LanguageFinding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
