/** How the course screen loads and saves its two kinds of file through the API. */
import type { CourseDocument, CourseFields, SaveResult } from '../../main/api/contract.js';
import { tandem } from '../api.js';
import type { Loaded } from '../hooks/useSavedDocument.js';

export interface CourseDraft {
  fields: CourseFields;
  description: string;
}

export interface ModuleDraft {
  title: string;
  duration: string;
  body: string;
}

const isStringList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** True for a course draft as this version of the app keeps it (checks the journal's copy). */
export function isCourseDraft(value: unknown): value is CourseDraft {
  if (typeof value !== 'object' || value === null) return false;
  const { fields, description } = value as Record<string, unknown>; // cast: an object, checked field by field
  if (typeof description !== 'string' || typeof fields !== 'object' || fields === null)
    return false;
  const f = fields as Record<string, unknown>; // cast: as above
  return (
    ['title', 'code', 'category', 'summary', 'audience', 'format'].every(
      (name) => typeof f[name] === 'string',
    ) && ['outcomes', 'authors', 'tags'].every((name) => isStringList(f[name]))
  );
}

/** True for a module draft (checks the journal's copy). */
export function isModuleDraft(value: unknown): value is ModuleDraft {
  if (typeof value !== 'object' || value === null) return false;
  const { title, duration, body } = value as Record<string, unknown>; // cast: an object, checked field by field
  return typeof title === 'string' && typeof duration === 'string' && typeof body === 'string';
}

/** Field-by-field equality of two course drafts. */
export function sameCourse(a: CourseDraft, b: CourseDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Equality of two module drafts. */
export function sameModule(a: ModuleDraft, b: ModuleDraft): boolean {
  return a.title === b.title && a.duration === b.duration && a.body === b.body;
}

/** Reads course.md; `onDocument` also receives the module list and images. */
export async function loadCourse(
  courseId: string,
  onDocument: (doc: CourseDocument) => void,
): Promise<Loaded<CourseDraft>> {
  const doc = await tandem().readCourse(courseId);
  onDocument(doc);
  return { value: { fields: doc.fields, description: doc.description }, version: doc.version };
}

/** Saves course.md against the version it was loaded at. */
export function saveCourse(
  courseId: string,
  draft: CourseDraft,
  baseVersion: string,
): Promise<SaveResult> {
  return tandem().saveCourse({
    courseId,
    fields: draft.fields,
    description: draft.description,
    baseVersion,
  });
}

/** Reads one module file. */
export async function loadModule(courseId: string, file: string): Promise<Loaded<ModuleDraft>> {
  const doc = await tandem().readModule(courseId, file);
  return {
    value: { title: doc.title, duration: doc.duration ?? '', body: doc.body },
    version: doc.version,
  };
}

/** Saves one module file against the version it was loaded at. */
export function saveModule(
  courseId: string,
  file: string,
  draft: ModuleDraft,
  baseVersion: string,
): Promise<SaveResult> {
  return tandem().saveModule({
    courseId,
    file,
    title: draft.title,
    duration: draft.duration.trim() || undefined,
    body: draft.body,
    baseVersion,
  });
}

/** The course form's fields as readable text, for showing beside the file on disk in a conflict. */
export function courseAsText(draft: CourseDraft): string {
  const f = draft.fields;
  return [
    `Title: ${f.title}`,
    `Code: ${f.code}`,
    `Category: ${f.category}`,
    `Summary: ${f.summary}`,
    `Who it is for: ${f.audience}`,
    `Format: ${f.format}`,
    'Learning outcomes:',
    ...f.outcomes.map((o) => `  - ${o}`),
    `Authors: ${f.authors.join(', ')}`,
    `Tags: ${f.tags.join(', ')}`,
    '',
    draft.description,
  ].join('\n');
}
