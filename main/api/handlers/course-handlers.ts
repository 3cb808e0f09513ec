/** Reading, creating and saving a course's course.md (its form fields and description). */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import type {
  CourseDocument,
  CourseFields,
  NewCourse,
  SaveCourseRequest,
  SaveResult,
} from '../contract.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import { COURSE_FIELD_ORDER } from '../../format/course-fields.js';
import { ID_PATTERN } from '../../format/ids.js';
import type { ApiContext } from './api-context.js';
import { listImages, listModules } from './list-course-files.js';
import { saveMarkdownFile } from './save-markdown-file.js';
import {
  composeMarkdown,
  listField,
  parseMarkdownFile,
  setFields,
  slugify,
  stringField,
} from './markdown-file.js';

function fieldsFrom(data: Record<string, unknown>): CourseFields {
  return {
    title: stringField(data, 'title'),
    code: stringField(data, 'code'),
    category: stringField(data, 'category'),
    summary: stringField(data, 'summary'),
    audience: stringField(data, 'audience'),
    format: stringField(data, 'format'),
    outcomes: listField(data, 'outcomes'),
    authors: listField(data, 'authors'),
    tags: listField(data, 'tags'),
  };
}

/** Reads a course for the editor, from disk. */
export async function readCourse(context: ApiContext, courseId: string): Promise<CourseDocument> {
  const dir = await context.courseDir(courseId);
  const bytes = await readFile(path.join(dir, 'course.md'));
  const parsed = parseMarkdownFile(bytes.toString('utf8'));
  return {
    id: courseId,
    fields: fieldsFrom(parsed.data),
    description: parsed.body,
    version: versionOf(bytes),
    modules: await listModules(dir),
    images: await listImages(dir),
  };
}

/**
 * Makes a new course folder with a course.md (and an empty modules/ folder). The folder is
 * created without `recursive`, so an existing course is never overwritten.
 */
export async function createCourse(
  context: ApiContext,
  course: NewCourse,
): Promise<CourseDocument> {
  const id = course.id ?? slugify(course.title, 'new-course');
  if (!ID_PATTERN.test(id)) {
    throw new TandemApiError('invalid-argument', `"${id}" cannot be a course id.`);
  }
  const dir = await resolveInside(context.root, id);
  context.ownWrites.madeDir(dir);
  try {
    await mkdir(dir);
  } catch (error) {
    // cast: Node fs errors carry `code`
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new TandemApiError('conflict', `There is already a course folder called "${id}".`);
    }
    throw error;
  }
  const modulesDir = path.join(dir, 'modules');
  context.ownWrites.madeDir(modulesDir);
  await mkdir(modulesDir);
  const fields: CourseFields = {
    title: course.title.trim(),
    code: '',
    category: course.category,
    summary: '',
    audience: '',
    format: '',
    outcomes: [],
    authors: course.authors,
    tags: [],
  };
  const doc = new Document(
    Object.fromEntries(
      COURSE_FIELD_ORDER.filter((key) => key !== 'tags').map((key) => [key, fields[key]]),
    ),
  );
  await context.writeFile(path.join(dir, 'course.md'), composeMarkdown(doc, ''));
  return readCourse(context, id);
}

/** Saves the form fields and description, unless course.md changed on disk since it was read. */
export async function saveCourse(
  context: ApiContext,
  request: SaveCourseRequest,
): Promise<SaveResult> {
  const dir = await context.courseDir(request.courseId);
  const label = `${request.courseId}/course.md`;
  return saveMarkdownFile(
    context,
    path.join(dir, 'course.md'),
    request.baseVersion,
    label,
    (doc) => {
      const fields: Record<string, string | string[]> = {};
      for (const key of COURSE_FIELD_ORDER) fields[key] = request.fields[key];
      setFields(doc, fields, ['tags', 'outcomes']);
      return request.description;
    },
  );
}
