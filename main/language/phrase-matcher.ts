/**
 * Finds phrases in an nlcst tree, matching exactly as nlcst-search does (each word normalised
 * with nlcst-normalize, `*` for any word, whitespace between the words, literal words skipped),
 * for many phrase lists over one tree at a fraction of its cost. nlcst-search indexes its phrases
 * on every call and normalises every word again for every list; here each list is indexed once
 * (phraseMatcher) and each text's words are walked and normalised once (proseWords), so every
 * list then costs one Map look-up per word.
 */
import type { Nodes, Root, Sentence, SentenceContent, Word } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { normalize } from 'nlcst-normalize';
import { toString } from 'nlcst-to-string';

/** A phrase: its words after the first, normalised; undefined stands for `*` (any word). */
interface Pattern {
  phrase: string;
  rest: readonly (string | undefined)[];
}

/** A list of phrases, indexed by normalised first word; build with phraseMatcher. */
export interface PhraseMatcher {
  byWord: ReadonlyMap<string, readonly Pattern[]>;
  /** Phrases starting with `*`, tried at every word before the others. */
  anyWord: readonly Pattern[];
}

/** A word of a text, where it sits and its normalised form. */
interface ProseWord {
  node: Word;
  parent: Root | Sentence;
  index: number;
  normal: string;
  /** Whether the word is used as a literal (isLiteral), worked out when first needed. */
  literal?: boolean;
}

/** The words of one tree, in document order, walked once for every list matched against it. */
export interface ProseWords {
  words: readonly ProseWord[];
  normalOf: ReadonlyMap<Nodes, string>;
}

/** A match: the nodes from the first word to the last, and where the first sits in `parent`. */
export type PhraseHandler = (
  match: SentenceContent[],
  index: number,
  parent: Root | Sentence,
  phrase: string,
) => void;

const matchers = new WeakMap<readonly string[], PhraseMatcher>();

/** The matcher for `phrases`, built once per array (do not change the array later). */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  let matcher = matchers.get(phrases);
  if (matcher) return matcher;
  const byWord = new Map<string, Pattern[]>();
  const anyWord: Pattern[] = [];
  for (const phrase of phrases) {
    const [first = '', ...rest] = phrase.split(' ');
    const pattern: Pattern = {
      phrase,
      rest: rest.map((word) => (word === '*' ? undefined : normalize(word))),
    };
    // nlcst-search keys the first word by its normalised form, so "*" there means any word.
    const key = normalize(first);
    if (key === '*') anyWord.push(pattern);
    else byWord.set(key, [...(byWord.get(key) ?? []), pattern]);
  }
  matcher = { byWord, anyWord };
  matchers.set(phrases, matcher);
  return matcher;
}

/**
 * nlcst-normalize's answer for a word's text (lower case, without apostrophes and hyphens) in
 * one scan, as most words have neither: the same string for every word, for less of the time.
 */
export function normalizeWord(text: string): string {
  const lower = text.toLowerCase();
  return /['’-]/.test(lower) ? lower.replace(/['’-]/g, '') : lower;
}

/** Every word node of `tree` with its parent, in document order. */
export function proseWords(tree: Root): ProseWords {
  const words: ProseWord[] = [];
  const normalOf = new Map<Nodes, string>();
  // A plain walk: unist-util-visit makes a closure per node, which here costs more than the rest.
  const walk = (parent: Nodes) => {
    if (!('children' in parent)) return;
    const children = parent.children;
    for (let index = 0; index < children.length; index++) {
      const node = children[index] as Nodes;
      if (node.type !== 'WordNode') {
        walk(node);
        continue;
      }
      // nlcst puts words only in sentences; a word holds no words.
      const normal = normalizeWord(toString(node));
      normalOf.set(node, normal);
      words.push({ node, parent: parent as Root | Sentence, index, normal });
    }
  };
  walk(tree);
  return { words, normalOf };
}

/** Calls `handler` for each match of the matcher's phrases, in nlcst-search's order. */
export function matchPhrases(
  prose: ProseWords,
  matcher: PhraseMatcher,
  handler: PhraseHandler,
): void {
  const { anyWord, byWord } = matcher;
  for (const word of prose.words) {
    // nlcst-search's index holds "*" as a key too: a word normalised to "*" gets that list twice.
    const listed = word.normal === '*' ? anyWord : byWord.get(word.normal);
    if (anyWord.length === 0 && !listed) continue;
    word.literal ??= isLiteral(word.parent, word.index);
    if (word.literal) continue;
    const candidates = !listed ? anyWord : anyWord.length === 0 ? listed : [...anyWord, ...listed];
    for (const pattern of candidates) {
      const match = matchAt(prose.normalOf, word, pattern);
      if (match) handler(match, word.index, word.parent, pattern.phrase);
    }
  }
}

/** The nodes of `pattern` matched from `word` on, or undefined (the first word has matched). */
function matchAt(
  normalOf: ReadonlyMap<Nodes, string>,
  word: ProseWord,
  pattern: Pattern,
): SentenceContent[] | undefined {
  const siblings = word.parent.children as SentenceContent[];
  let at = word.index + 1;
  for (const expected of pattern.rest) {
    // Any run of whitespace may join two words of a phrase.
    while (siblings[at]?.type === 'WhiteSpaceNode') at++;
    const next = siblings[at];
    if (next?.type !== 'WordNode') return undefined;
    if (expected !== undefined && expected !== normalOf.get(next)) return undefined;
    at++;
  }
  return siblings.slice(word.index, at);
}
