/**
 * Three-way merge of text by line (node-diff3): changes to different lines — different
 * paragraphs of a module — come together; changes to the same lines are a conflict.
 */
import { diff3Merge } from 'node-diff3';

export type TextMerge = { clean: true; text: string } | { clean: false };

/** Merges `mine` and `theirs`, both changed from `base`. */
export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  if (mine === theirs || theirs === base) return { clean: true, text: mine };
  if (mine === base) return { clean: true, text: theirs };
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {
    excludeFalseConflicts: true,
  });
  const lines: string[] = [];
  for (const region of regions) {
    if (region.conflict) return { clean: false };
    lines.push(...(region.ok ?? []));
  }
  return { clean: true, text: lines.join('\n') };
}
