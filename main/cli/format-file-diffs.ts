/** Renders per-file differences as a readable unified diff, optionally coloured. */
import type { styleText } from 'node:util';
import { printable } from './printable.js';
import type { FileDiff } from '../signoff/types.js';

/** Applies a `util.styleText` style, or returns the text unchanged when not colouring. */
export type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;

/** Renders file differences as a readable unified diff (`signed/…` → `now/…`). */
export function formatFileDiffs(diffs: readonly FileDiff[], paint: Paint): string {
  const out: string[] = [];
  for (const file of diffs) {
    const name = printable(file.path);
    const oldName = file.change === 'added' ? '/dev/null' : `signed/${name}`;
    const newName = file.change === 'removed' ? '/dev/null' : `now/${name}`;
    out.push(paint('bold', `--- ${oldName}`), paint('bold', `+++ ${newName}`));
    if (file.hunks.length === 0) {
      out.push(`Binary file ${name} ${file.change}`);
    }
    for (const hunk of file.hunks) {
      const oldCount = hunk.lines.filter((l) => l.kind !== 'added').length;
      const newCount = hunk.lines.filter((l) => l.kind !== 'removed').length;
      out.push(paint('cyan', `@@ -${hunk.oldStart},${oldCount} +${hunk.newStart},${newCount} @@`));
      for (const line of hunk.lines) {
        if (line.kind === 'added') out.push(paint('green', `+${printable(line.text)}`));
        else if (line.kind === 'removed') out.push(paint('red', `-${printable(line.text)}`));
        else out.push(` ${printable(line.text)}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
