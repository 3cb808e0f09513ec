/** Loads every <course-id>/course.md with its modules and the list of its images. */
import type { z } from 'zod';
import { parseFrontMatter } from './front-matter.js';
import { ARCHIVE_FOLDER, MODULE_FILE_PATTERN, isKebabCase } from '../format/ids.js';
import { fileProblem } from './problem-at.js';
import { LibraryFiles } from './read-library-file.js';
import { courseRefs } from './reference-views.js';
import type { CourseRefs } from './reference-views.js';
import { checkSchema } from './schema-problems.js';
import type { SchemaResult } from './schema-problems.js';
import { courseSchema, moduleSchema } from './schemas.js';
import type { MarkdownFile } from './check-markdown.js';
import type { Course, Module, Problem } from './types.js';

export interface LoadedCourses {
  /** Courses that could be used, sorted by id. */
  courses: Course[];
  /** What every readable course.md refers to, usable or not, for cross-file checks. */
  refs: CourseRefs[];
  /** Ids of every course folder found (every folder with a course.md), usable or not. */
  courseIds: string[];
  /** Ids of the courses kept in archive/ (not loaded, checked or published). */
  archivedIds: string[];
  /** Bodies to check for Markdown problems, including those of broken courses. */
  markdown: MarkdownFile[];
  problems: Problem[];
}

/** Folders at the library root that hold other things than courses. */
const reservedFolders = new Set(['terms', 'pages']);

/** Ids of the folders in `folder` that hold a course.md. */
async function courseFolders(files: LibraryFiles, folder: string): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of await files.list(folder)) {
    if (!entry.isDirectory || entry.name.startsWith('.')) continue;
    const inside = await files.list(folder === '.' ? entry.name : `${folder}/${entry.name}`);
    if (inside.some((file) => file.isFile && file.name === 'course.md')) ids.push(entry.name);
  }
  return ids;
}

/** Ids of the courses in archive/ (docs/library-format.md, "Archived courses"), sorted. */
export async function listArchivedCourseIds(from: string | LibraryFiles): Promise<string[]> {
  const files = LibraryFiles.of(from);
  const atRoot = await files.list(ARCHIVE_FOLDER);
  if (atRoot.some((file) => file.isFile && file.name === 'course.md')) return [];
  return courseFolders(files, ARCHIVE_FOLDER);
}

/**
 * Finds course folders (any root folder with a course.md, except dot-folders, terms and pages)
 * and loads each. A course with an unusable file is left out; the others still load.
 */
export async function loadCourses(from: string | LibraryFiles): Promise<LoadedCourses> {
  const files = LibraryFiles.of(from);
  const result: LoadedCourses = {
    courses: [],
    refs: [],
    courseIds: [],
    archivedIds: [],
    markdown: [],
    problems: [],
  };
  const found = await courseFolders(files, '.');
  // archive/ is the archive unless it is itself a course (a library made before archiving).
  const archiveIsFolder = !found.includes(ARCHIVE_FOLDER);
  const ids = found.filter(
    (id) => !reservedFolders.has(id) && !(archiveIsFolder && id === ARCHIVE_FOLDER),
  );
  if (archiveIsFolder) result.archivedIds = await listArchivedCourseIds(files);
  // Courses load in parallel, each into its own result, merged in id order for a stable output.
  const loaded = await Promise.all(
    ids.map(async (id) => {
      const own: LoadedCourses = {
        courses: [],
        refs: [],
        courseIds: [id],
        archivedIds: [],
        markdown: [],
        problems: [],
      };
      const course = await loadCourse(files, id, own);
      if (course) own.courses.push(course);
      return own;
    }),
  );
  for (const own of loaded) {
    result.courses.push(...own.courses);
    result.refs.push(...own.refs);
    result.courseIds.push(...own.courseIds);
    result.markdown.push(...own.markdown);
    result.problems.push(...own.problems);
  }
  return result;
}

async function loadCourse(
  files: LibraryFiles,
  id: string,
  result: LoadedCourses,
): Promise<Course | undefined> {
  const file = `${id}/course.md`;
  let usable = true;
  if (!isKebabCase(id)) {
    usable = false;
    const suggestion = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    result.problems.push(
      fileProblem(
        file,
        'course-id-format',
        `course folder name "${id}" must be lower-case words joined by hyphens; rename the folder to "${suggestion}"`,
      ),
    );
  }

  const read = await files.read(file);
  if (read.problem) {
    result.problems.push(read.problem);
    return undefined;
  }
  const parsed = parseFrontMatter(read.text, file, files.derived);
  result.problems.push(...parsed.problems);
  if (parsed.source) {
    result.markdown.push({ file, body: parsed.body, bodyLine: parsed.bodyLine, imageFolder: id });
  }
  let checked: SchemaResult<z.infer<typeof courseSchema>> | undefined;
  if (parsed.source && parsed.data !== undefined) {
    checked = checkSchema(courseSchema, parsed.data, parsed.source);
    result.problems.push(...checked.problems);
    result.refs.push(courseRefs(id, file, parsed.source, parsed.data));
  }

  const modules = await loadModules(files, id, result);
  const images = await files.listDeep(`${id}/images`);
  const value = checked?.value;
  if (!value || !modules || !usable) return undefined;
  return {
    id,
    file,
    title: value.title,
    code: value.code,
    category: value.category,
    summary: value.summary,
    audience: value.audience,
    format: value.format,
    outcomes: value.outcomes,
    authors: value.authors,
    tags: value.tags ?? [],
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    modules,
    images,
  };
}

/** Loads <course-id>/modules/*.md; undefined when any module is unusable. */
async function loadModules(
  files: LibraryFiles,
  courseId: string,
  result: LoadedCourses,
): Promise<Module[] | undefined> {
  const folder = `${courseId}/modules`;
  const modules: Module[] = [];
  const byNumber = new Map<number, string[]>();
  let usable = true;
  for (const entry of await files.list(folder)) {
    if (!entry.isFile || entry.name.startsWith('.') || !entry.name.endsWith('.md')) continue;
    const file = `${folder}/${entry.name}`;
    const match = MODULE_FILE_PATTERN.exec(entry.name);
    if (!match) {
      usable = false;
      result.problems.push(
        fileProblem(
          file,
          'module-file-name',
          `module file name "${entry.name}" must be a two-digit number, a hyphen and lower-case words joined by hyphens, like 01-what-is-anxiety.md`,
        ),
      );
    } else {
      const number = Number(match[1]);
      byNumber.set(number, [...(byNumber.get(number) ?? []), file]);
    }

    const read = await files.read(file);
    if (read.problem) {
      usable = false;
      result.problems.push(read.problem);
      continue;
    }
    const parsed = parseFrontMatter(read.text, file, files.derived);
    result.problems.push(...parsed.problems);
    if (parsed.source) {
      result.markdown.push({
        file,
        body: parsed.body,
        bodyLine: parsed.bodyLine,
        imageFolder: courseId,
      });
    }
    if (!parsed.source || parsed.data === undefined) {
      usable = false;
      continue;
    }
    const checked = checkSchema(moduleSchema, parsed.data, parsed.source);
    result.problems.push(...checked.problems);
    if (!checked.value || !match) {
      usable = false;
      continue;
    }
    modules.push({
      slug: match[2] ?? '',
      number: Number(match[1]),
      file,
      title: checked.value.title,
      ...(checked.value.duration !== undefined && { duration: checked.value.duration }),
      body: parsed.body,
      bodyLine: parsed.bodyLine,
    });
  }

  for (const [number, files] of byNumber) {
    if (files.length < 2) continue;
    usable = false;
    for (const file of files) {
      const others = files
        .filter((other) => other !== file)
        .map((other) => other.slice(folder.length + 1));
      result.problems.push(
        fileProblem(
          file,
          'duplicate-module-number',
          `module number ${String(number).padStart(2, '0')} is also used by ${others.join(', ')}; give each module its own number`,
        ),
      );
    }
  }
  if (!usable) return undefined;
  return modules.sort((a, b) => a.number - b.number);
}
