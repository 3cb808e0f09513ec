/**
 * Each Markdown body of a library parsed once, shared by the checks and every renderer of a
 * build: copying a tree is much cheaper than parsing its text again.
 */
import type { Root } from 'mdast';
import { parseLibraryMarkdown } from '../format/parse-library-markdown.js';

export class MarkdownTrees {
  readonly #trees = new Map<string, Root>();

  /** The shared tree of `body`, parsed on first use. Read it; never change it. */
  tree(body: string): Root {
    let tree = this.#trees.get(body);
    if (!tree) {
      tree = parseLibraryMarkdown(body);
      this.#trees.set(body, tree);
    }
    return tree;
  }

  /** A private copy of the tree of `body`, for a pipeline that changes it. */
  copy(body: string): Root {
    return copyPlainData(this.tree(body));
  }
}

/**
 * A deep copy of JSON-like data (objects, arrays, strings, numbers, booleans, null), which is
 * all an mdast tree holds. Several times faster than structuredClone, which serialises.
 */
export function copyPlainData<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlainData) as T; // cast: same shape, copied
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyPlainData(value[key]);
  return copy as T; // cast: same keys, copied
}
