/**
 * Which errors stop a build, and which only keep one course or page out of it. A library is
 * shared, so one person's mistake (or one hostile file) in a course must not stop the whole
 * college publishing: an error inside a course folder leaves that course out, an error in a
 * front page leaves that page out, and a symbolic link (never followed) leaves out what it
 * belongs to. Errors in college-wide files (college.yml, trainers.yml, terms) still stop it.
 */
import type { Library, Problem } from '../library/types.js';
import type { ExcludedCourse } from './types.js';
import { problemPlace } from '../format/problems.js';

export interface ConfinedProblems {
  /** Errors that stop the build. */
  blocking: Problem[];
  /** The library without the courses and pages that have errors. */
  library: Library;
  /** Courses left out, with the first error of each. */
  excluded: ExcludedCourse[];
}

const COLLEGE_WIDE = new Set(['college.yml', 'trainers.yml', 'terms']);

/** Sorts the errors of `problems` into blocking ones and courses or pages to leave out. */
export function confineProblems(library: Library, problems: readonly Problem[]): ConfinedProblems {
  const blocking: Problem[] = [];
  const courseErrors = new Map<string, Problem>();
  const pageErrors = new Set<string>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const [top = '', ...rest] = problem.file.split('/');
    if (top === 'pages') pageErrors.add(problem.file);
    else if (rest.length > 0 && !COLLEGE_WIDE.has(top)) {
      if (!courseErrors.has(top)) courseErrors.set(top, problem);
    } else if (problem.code !== 'symbolic-link') blocking.push(problem);
  }
  const excluded = library.courses.flatMap((course) => {
    const problem = courseErrors.get(course.id);
    if (!problem) return [];
    const where = problemPlace(problem);
    return [
      {
        courseId: course.id,
        title: course.title,
        reason: `it has errors to fix first (the first is at ${where}; run tandem check)`,
        cause: 'errors' as const,
      },
    ];
  });
  return {
    blocking,
    library: {
      ...library,
      courses: library.courses.filter((course) => !courseErrors.has(course.id)),
      pages: library.pages.filter((page) => !pageErrors.has(page.file)),
    },
    excluded,
  };
}
