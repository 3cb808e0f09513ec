/** The library as a whole: the overview the UI's home screen shows, and its problems. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CourseSummary, LibraryOverview, Problem } from '../contract.js';
import { loadLibrary } from '../../library/load-library.js';
import type { Library, LoadResult } from '../../library/types.js';
import { sortProblems } from '../../library/sort-problems.js';
import { getCourseStatus } from '../../signoff/course-status.js';
import { ID_PATTERN } from '../../format/ids.js';
import { checkRunReadiness } from '../../signoff/run-readiness.js';
import type { ApiContext } from './api-context.js';
import { formatProblem } from '../../format/problems.js';
import { listArchivedCourses } from './course-folder-handlers.js';

/** Loads the library from disk; problems are returned with it, never thrown. */
export async function loadForApi(context: ApiContext): Promise<LoadResult> {
  return loadLibrary(context.root);
}

function countProblems(problems: Problem[], courseId: string): number {
  return problems.filter((p) => p.file.startsWith(`${courseId}/`)).length;
}

/**
 * Course folders that have a course.md but did not load (their errors keep them out of the
 * model). The UI still lists them, so people can open and fix them.
 */
async function brokenCourseIds(root: string, loaded: Set<string>): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || loaded.has(entry.name) || !ID_PATTERN.test(entry.name)) continue;
    const info = await stat(path.join(root, entry.name, 'course.md')).catch(() => undefined);
    if (info?.isFile()) ids.push(entry.name);
  }
  return ids.sort();
}

/** Everything the home screen shows, from the files on disk now. */
export async function getLibrary(context: ApiContext): Promise<LibraryOverview> {
  const { library, problems } = await loadForApi(context);
  // Statuses are worked out side by side: each reads and hashes its own course folder.
  const courses: CourseSummary[] = await Promise.all(
    (library?.courses ?? []).map(async (course) => {
      const summary: CourseSummary = {
        id: course.id,
        title: course.title,
        code: course.code,
        category: course.category,
        authors: course.authors,
        problemCount: countProblems(problems, course.id),
      };
      try {
        if (library) summary.status = await getCourseStatus(library, course.id);
      } catch {
        // The summary's status stays undefined: the course's problems explain why.
      }
      return summary;
    }),
  );
  const loaded = new Set(courses.map((c) => c.id));
  for (const id of await brokenCourseIds(context.root, loaded)) {
    courses.push({
      id,
      title: id,
      code: '',
      category: '',
      authors: [],
      problemCount: Math.max(1, countProblems(problems, id)),
    });
  }
  return {
    root: context.root,
    collegeName: library?.college.name ?? '',
    currentTerm: library?.college.currentTerm ?? '',
    categories: library?.college.categories ?? [],
    venues: library?.college.venues ?? [],
    trainers: (library?.trainers ?? []).map(({ id, name, role }) => ({ id, name, role })),
    terms: (library?.terms ?? []).map(({ id, title, starts, ends }) => ({
      id,
      title,
      starts,
      ends,
    })),
    courses,
    problems,
    archived: await listArchivedCourses(context),
  };
}

/**
 * Every problem in the library, sorted by file and position, with information about runs of
 * courses not ready to publish.
 */
export async function getProblems(context: ApiContext): Promise<Problem[]> {
  const { library, problems, termRefs } = await loadForApi(context);
  if (!library) return problems;
  return sortProblems([...problems, ...(await checkRunReadiness(library, { termRefs }))]);
}

/**
 * Loads the library and throws a plain-words error when it cannot be used at all (college.yml
 * or trainers.yml unusable); used by operations that need the model.
 */
export async function requireLibrary(context: ApiContext): Promise<Library> {
  const { library, problems } = await loadForApi(context);
  if (!library) {
    const first = problems[0];
    const where = first ? ` First problem: ${formatProblem(first)}` : '';
    throw new Error(`The library at ${context.root} cannot be opened.${where}`);
  }
  return library;
}
