/** The front-matter fields of course.md (docs/library-format.md), for every check that reads them. */

/** The fields of one line of text each, in the order the format lists them. */
export const COURSE_TEXT_FIELDS = [
  'title',
  'code',
  'category',
  'summary',
  'audience',
  'format',
] as const;

export type CourseTextField = (typeof COURSE_TEXT_FIELDS)[number];

/** The fields that are lists. */
export const COURSE_LIST_FIELDS = ['outcomes', 'authors', 'tags'] as const;

/** Every field a course form edits, in the order a new course.md is written. */
export const COURSE_FIELD_ORDER = [...COURSE_TEXT_FIELDS, ...COURSE_LIST_FIELDS] as const;

/** The same value (a schema, say) for each of `keys`: `{ title: value, code: value, … }`. */
export function sameForEach<K extends string, V>(keys: readonly K[], value: V): Record<K, V> {
  // cast: fromEntries loses the keys' names; every key of K is given a value here
  return Object.fromEntries(keys.map((key) => [key, value])) as Record<K, V>;
}
