/** Plain-words descriptions of YAML values and fields for problem messages. */

/** How a value looks to someone who wrote it in YAML: `"abc"`, `the number 12`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

/** The field a zod issue path ends at: `["runs", 0, "venue"]` → `"venue"`, `["outcomes", 2]` → `item 3 of "outcomes"`. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return list === undefined ? `item ${last + 1}` : `item ${last + 1} of "${String(list)}"`;
  }
  return last === undefined ? 'the file' : `"${String(last)}"`;
}

/** The value at a zod issue path in plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    // Plain YAML data: objects and arrays indexed by string keys or numbers.
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** The known item closest to `value` by edit distance, if close enough to be a likely typo. */
export function closestMatch(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(value.length / 4));
  return bestDistance <= allowed ? best : undefined;
}

/** `a, b, c` with at most `max` items, then `and N more`. */
export function listOf(items: readonly string[], max = 8): string {
  if (items.length === 0) return '(none)';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
