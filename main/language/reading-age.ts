/**
 * UK reading age of a piece of prose: the Flesch–Kincaid grade (a US school year) plus 5, the
 * age at which children start that year. Counted on nlcst: words, sentences and syllables.
 */
import type { Nodes, Root, Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { syllable } from 'syllable';

export interface ProseCounts {
  words: number;
  sentences: number;
  syllables: number;
}

// Syllables per word as written: prose repeats its words, and counting one (the syllable
// package's rules and exceptions) costs far more than a look-up. Bounded, for long editing sessions.
const syllableCache = new Map<string, number>();
const syllableCacheLimit = 50_000;

function syllablesOf(word: string): number {
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCache.size >= syllableCacheLimit) syllableCache.clear();
    syllableCache.set(word, count);
  }
  return count;
}

/** Every sentence of a tree, in order (a plain walk: cheaper than unist-util-visit's per-node closures). */
export function sentencesOf(tree: Root): Sentence[] {
  const sentences: Sentence[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'SentenceNode') sentences.push(node);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return sentences;
}

/** Counts the words, sentences (with at least one word) and syllables of a tree. */
export function countProse(tree: Root): ProseCounts {
  const counts: ProseCounts = { words: 0, sentences: 0, syllables: 0 };
  for (const sentence of sentencesOf(tree)) {
    let words = 0;
    // Words sit directly in their sentence.
    for (const word of sentence.children) {
      if (word.type !== 'WordNode') continue;
      const text = toString(word);
      // Numbers are read as one short word; counting their "syllables" would make no sense.
      if (!/\p{L}/u.test(text)) continue;
      words++;
      counts.syllables += Math.max(1, syllablesOf(text));
    }
    counts.words += words;
    if (words > 0) counts.sentences++;
  }
  return counts;
}

/** Adds counts together, for a reading age of a whole module. */
export function addCounts(a: ProseCounts, b: ProseCounts): ProseCounts {
  return {
    words: a.words + b.words,
    sentences: a.sentences + b.sentences,
    syllables: a.syllables + b.syllables,
  };
}

/** The UK reading age in whole years, or undefined when there are no words. */
export function readingAge(counts: ProseCounts): number | undefined {
  if (counts.words === 0 || counts.sentences === 0) return undefined;
  const grade =
    0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
  // Below a first-year reader the formula stops meaning anything.
  return Math.max(5, Math.round(grade + 5));
}
