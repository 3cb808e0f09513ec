/** Which writing suggestion the keyboard shortcut opens, from where the caret is. */
import { Point, Range } from 'slate';
import type { PlacedFinding } from './language-blocks.js';

/**
 * The suggestion under the caret (the innermost, so a word beats its paragraph's reading age),
 * or else the next one after it, wrapping round to the first.
 */
export function suggestionAt(
  findings: readonly PlacedFinding[],
  caret: Point | null,
): PlacedFinding | undefined {
  if (!caret) return findings[0];
  const under = findings.filter((placed) => Range.includes(placed.range, caret));
  const innermost = under.reduce<PlacedFinding | undefined>(
    (best, placed) =>
      !best || Point.isAfter(Range.start(placed.range), Range.start(best.range)) ? placed : best,
    undefined,
  );
  if (innermost) return innermost;
  const after = findings.filter((placed) => Point.isAfter(Range.start(placed.range), caret));
  const sorted = [...after].sort((a, b) =>
    Point.compare(Range.start(a.range), Range.start(b.range)),
  );
  return sorted[0] ?? findings[0];
}
