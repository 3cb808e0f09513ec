/**
 * Keeps both people's work when the same Markdown file was changed in two places: a three-way
 * merge (node-diff3) of paragraphs against the version both started from. Paragraphs only one
 * side changed are taken as changed; where both changed the same paragraphs, both versions are
 * kept one after the other, each under a bold label saying whose it is, for a person to tidy.
 */
import { diff3Merge } from 'node-diff3';

export interface ParagraphMerge {
  text: string;
  /** Places where both versions were kept one after the other. */
  conflicts: number;
}

export const MINE_LABEL = '**Your version:**';
export const THEIRS_LABEL = '**The version saved on disk:**';

/** Blocks separated by blank lines (the unit people edit), without the blank lines. */
const paragraphs = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p !== '');

/** Merges `mine` and `theirs`, both edited from `base`. */
export function mergeParagraphs(base: string, mine: string, theirs: string): ParagraphMerge {
  const regions = diff3Merge(paragraphs(mine), paragraphs(base), paragraphs(theirs), {
    excludeFalseConflicts: true,
  });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      conflicts += 1;
      out.push(MINE_LABEL, ...region.conflict.a, THEIRS_LABEL, ...region.conflict.b);
    }
  }
  return { text: out.length > 0 ? `${out.join('\n\n')}\n` : '', conflicts };
}
