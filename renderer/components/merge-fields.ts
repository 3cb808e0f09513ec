/**
 * Keep both, for a draft's short text fields (a module's title and duration, a page's title):
 * each field is merged against the version both sides started from. A field changed on one side
 * takes that side's value; a field both changed differently keeps mine and is named in
 * `clashes`, so the caller keeps the file on disk aside and nothing is lost.
 */
export interface MergedFields<T> {
  merged: T;
  clashes: string[];
}

/** `theirs` is the file's front matter on disk; a field it lacks is empty there. */
export function mergeFields<T extends object>(
  base: T,
  mine: T,
  theirs: Record<string, unknown>,
  skip: (keyof T)[] = [],
): MergedFields<T> {
  const merged = { ...mine };
  const clashes: string[] = [];
  for (const key of Object.keys(mine) as (keyof T & string)[]) {
    const own = mine[key];
    if (skip.includes(key) || typeof own !== 'string') continue;
    const start = base[key];
    const value = theirs[key];
    const other = value === undefined || value === null ? '' : String(value);
    if (other === own || other === start) continue;
    if (own === start)
      merged[key] = other as T[typeof key]; // cast: a string field, as checked
    else clashes.push(key);
  }
  return { merged, clashes };
}
