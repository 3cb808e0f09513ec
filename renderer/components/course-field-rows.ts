/**
 * Course details in conflict, as the same labelled fields on both sides: the draft's fields,
 * and the same fields read from the course.md now on disk. Rows mark the fields that differ.
 */
import type { CourseFields } from '../../main/api/contract.js';
import { frontMatterOf } from './front-matter-of.js';

export interface FieldRow {
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

/** The course form's fields, in its order, with the labels it shows. */
const FIELDS: { name: keyof CourseFields; label: string }[] = [
  { name: 'title', label: 'Title' },
  { name: 'code', label: 'Course code' },
  { name: 'category', label: 'Category' },
  { name: 'summary', label: 'Summary' },
  { name: 'audience', label: 'Who it is for' },
  { name: 'format', label: 'Format' },
  { name: 'outcomes', label: 'Learning outcomes' },
  { name: 'authors', label: 'Authors' },
  { name: 'tags', label: 'Tags' },
];

/** A front-matter value as the form would show it: lists one item a line. */
function shown(value: unknown, nameOf: (id: string) => string, isAuthors: boolean): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    return value.map((item) => (isAuthors ? nameOf(String(item)) : String(item))).join('\n');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One row per field plus the description; undefined when the file on disk has no readable
 * front matter (the dialog then shows both files as text).
 */
export function courseFieldRows(
  mine: { fields: CourseFields; description: string },
  theirsFile: string,
  theirsBody: string,
  nameOf: (trainerId: string) => string = (id) => id,
): FieldRow[] | undefined {
  const theirs = frontMatterOf(theirsFile);
  if (!theirs) return undefined;
  const rows = FIELDS.map(({ name, label }) => {
    const a = shown(mine.fields[name], nameOf, name === 'authors');
    const b = shown(theirs[name], nameOf, name === 'authors');
    return { label, mine: a, theirs: b, differs: a !== b };
  });
  // The form trims the description's surrounding blank lines; so does the comparison.
  const description = { mine: mine.description.trim(), theirs: theirsBody.trim() };
  rows.push({
    label: 'Description',
    ...description,
    differs: description.mine !== description.theirs,
  });
  return rows;
}
