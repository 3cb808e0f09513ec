/**
 * Where a text quotes someone: quotations are never flagged, since authors quote people in their
 * own words. Finds “…”, "…" and ‘…’ or '…' (telling a closing single quote from an apostrophe
 * by what follows it).
 */

/** A half-open range of character offsets, [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** The quoted ranges in `text`, quote marks included. An unclosed “ or ‘ runs to the end. */
export function quotedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const close = closingFor(text, i, char);
    if (close === undefined) {
      i++;
      continue;
    }
    const end = findClose(text, i + 1, close, char);
    if (end === undefined) {
      // A straight quote left open is more likely a stray mark than speech.
      if (char === '“' || char === '‘') ranges.push({ start: i, end: text.length });
      i++;
      continue;
    }
    ranges.push({ start: i, end: end + 1 });
    i = end + 1;
  }
  return ranges;
}

/** Whether [start, end) lies inside one of `ranges`. */
export function isInside(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((range) => start >= range.start && end <= range.end);
}

function closingFor(text: string, i: number, char: string): string | undefined {
  if (char === '“') return '”';
  if (char === '"') return '"';
  if (char === '‘') return '’';
  if (char === "'") {
    // An opening straight single quote follows a space or the start and comes before a letter.
    const before = text[i - 1];
    const after = text[i + 1] ?? '';
    if ((before === undefined || /[\s([]/.test(before)) && /\p{L}/u.test(after)) return "'";
  }
  return undefined;
}

function findClose(text: string, from: number, close: string, open: string): number | undefined {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== close) continue;
    if (open === '‘' || open === "'") {
      // ’ or ' inside a word ("don’t") is an apostrophe, not the end of the quote.
      if (/\p{L}/u.test(text[j + 1] ?? '')) continue;
    }
    return j;
  }
  return undefined;
}
