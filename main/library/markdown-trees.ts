/**
 * Each Markdown body of a library parsed once, shared by the checks and every renderer of a
 * build: copying a tree is much cheaper than parsing its text again.
 */
import type { Root } from 'mdast';
import { parseLibraryMarkdown } from '../format/parse-library-markdown.js';

export class MarkdownTrees {
  readonly #trees = new Map<string, Root>();
  #earlier: Map<string, Root> | undefined;

  /**
   * `earlier`: the trees of an earlier load of the same library, taken over for every body
   * that has not changed (a long-running back end loads the library again after each save).
   * Only the bodies this load asks for are kept, so old versions of a text do not pile up.
   */
  constructor(earlier?: MarkdownTrees) {
    this.#earlier = earlier ? earlier.#trees : undefined;
  }

  /** The shared tree of `body`, parsed on first use. Read it; never change it. */
  tree(body: string): Root {
    let tree = this.#trees.get(body);
    if (!tree) {
      tree = this.#earlier?.get(body) ?? parseLibraryMarkdown(body);
      this.#trees.set(body, tree);
    }
    return tree;
  }

  /** Lets go of the earlier load's trees once this load has taken the ones it needs. */
  forgetEarlier(): void {
    this.#earlier = undefined;
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
