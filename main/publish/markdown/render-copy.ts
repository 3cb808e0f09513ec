/**
 * The copy of a shared Markdown tree a render may change. Node by node it is a deep copy, but
 * positions are shared with the shared tree: a render only reads them (the hast conversion and
 * the sanitizer make positions of their own), and they are most of what a deep copy allocates.
 */
import type { Root } from 'mdast';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import { parseLibraryMarkdown } from '../../format/parse-library-markdown.js';

/** A copy of a shared node (and all inside it) for a render to change. */
export function copyToRender<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyToRender) as T; // cast: same shape, copied
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = key === 'position' ? value[key] : copyToRender(value[key]);
  return copy as T; // cast: same keys, copied
}

/** A tree of `markdown` for a render to change: copied from `trees` when given, else parsed. */
export function treeToRender(markdown: string, trees: MarkdownTrees | undefined): Root {
  return trees ? copyToRender(trees.tree(markdown)) : parseLibraryMarkdown(markdown);
}
