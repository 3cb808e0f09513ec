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
import type { CourseLoads } from './course-loads.js';
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
 * and loads each. A course with an unusable file is left out; the others still load. `loads`:
 * what this load finds of each course is kept there, and a course whose folder has not changed
 * since the earlier load it follows is taken over from that instead (course-loads.ts).
 */
export async function loadCourses(
  from: string | LibraryFiles,
  loads?: CourseLoads,
): Promise<LoadedCourses> {
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
  const loadOne = async (id: string): Promise<LoadedCourses> => {
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
  };
  // Each course loads into its own result, merged in id order for a stable output: in parallel,
  // or one at a time when what each one reads and derives is noted for the next load.
  const loaded: LoadedCourses[] = [];
  if (loads) {
    for (const id of ids) loaded.push(await loadKept(files, id, loads, loadOne));
  } else {
    loaded.push(...(await Promise.all(ids.map(loadOne))));
  }
  for (const own of loaded) {
    result.courses.push(...own.courses);
    result.refs.push(...own.refs);
    result.courseIds.push(...own.courseIds);
    result.markdown.push(...own.markdown);
    result.problems.push(...own.problems);
  }
  return result;
}

/**
 * Course `id` taken over from the earlier load `loads` follows, when nothing its load reads
 * has changed, else loaded by `loadOne`; kept in `loads` either way, when it can be.
 */
async function loadKept(
  files: LibraryFiles,
  id: string,
  loads: CourseLoads,
  loadOne: (id: string) => Promise<LoadedCourses>,
): Promise<LoadedCourses> {
  const fingerprint = files.fingerprint(id);
  if (fingerprint === undefined) return loadOne(id);
  const derived = files.derived;
  const earlier = loads.earlier(id, fingerprint);
  if (
    earlier?.checked !== undefined &&
    (derived ? (derived.keepTexts?.(earlier.kept) ?? false) : true) &&
    files.takeOverAll(earlier.texts)
  ) {
    loads.keep(id, earlier);
    loads.takenOver += 1;
    return earlier.loaded;
  }
  const log = { files: [] as string[], failed: false };
  const kept: string[] = [];
  files.logReads(log);
  derived?.recordTexts?.(kept);
  try {
    const loaded = await loadOne(id);
    // A file that could not be read is tried again next time, as is all of its course.
    if (!log.failed) {
      loads.keep(id, { fingerprint, loaded, texts: log.files, kept, checked: undefined });
    }
    return loaded;
  } finally {
    files.logReads(undefined);
    derived?.recordTexts?.(undefined);
  }
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
