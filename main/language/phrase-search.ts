/**
 * What nlcst-search needs to look at for a list of phrases in a tree. It indexes every phrase
 * it is given on each call and visits every node, which for a long list and a paragraph of
 * prose costs far more than the matching. A phrase matches only where its first word is (or
 * when that word is `*`), so phrases whose first word the tree lacks are left out and so are
 * sentences without any first word: the search then finds the same matches in the same order.
 */
import type { Nodes, Root, Sentence } from 'nlcst';
import { normalize } from 'nlcst-normalize';

/** Each list's phrases by first word, as nlcst-search normalises it (no options). */
const byFirstWord = new WeakMap<readonly string[], Map<string, number[]>>();

function firstWords(phrases: readonly string[]): Map<string, number[]> {
  let index = byFirstWord.get(phrases);
  if (!index) {
    index = new Map();
    for (const [at, phrase] of phrases.entries()) {
      const word = normalize(phrase.split(' ', 1)[0] ?? '');
      const list = index.get(word) ?? [];
      list.push(at);
      index.set(word, list);
    }
    byFirstWord.set(phrases, index);
  }
  return index;
}

/** What to search for a list's phrases: the sentences where some may match, and those phrases. */
export interface PhraseSearch {
  tree: Root;
  phrases: string[];
}

/**
 * The phrases of `phrases` that may match in `tree`, in list order, and a tree of only the
 * sentences holding their first words (the sentences themselves, so matches point into
 * `tree`). A phrase never spans two sentences, so searching these finds every match. Do not
 * change `phrases` later.
 */
export function phraseSearch(tree: Root, phrases: readonly string[]): PhraseSearch {
  const index = firstWords(phrases);
  const anyWord = index.get('*') ?? [];
  const picked = new Set<number>(anyWord);
  const sentences: Sentence[] = [];
  // A phrase starting with any word, or a word outside a sentence: search the whole tree.
  let whole = anyWord.length > 0;
  // A plain walk: unist-util-visit makes a closure per node, which here costs more than the rest.
  const walk = (node: Nodes, sentence: Sentence | undefined) => {
    if (node.type === 'WordNode') {
      const starting = index.get(normalize(node));
      if (!starting) return;
      for (const at of starting) picked.add(at);
      if (!sentence) whole = true;
      else if (sentences.at(-1) !== sentence) sentences.push(sentence);
    } else if ('children' in node) {
      const inner = node.type === 'SentenceNode' ? node : sentence;
      for (const child of node.children) walk(child, inner);
    }
  };
  walk(tree, undefined);
  return {
    tree: whole ? tree : { type: 'RootNode', children: sentences },
    phrases: [...picked].sort((a, b) => a - b).map((at) => phrases[at] ?? ''),
  };
}
