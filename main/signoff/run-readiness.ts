/**
 * Information for planners: each run in a term whose course is not ready to publish (not
 * signed off by all its authors), reported at the run's `course` line. Such a run is allowed
 * (a course is often planned before its last sign-off) but stays out of the prospectus and the
 * website until the course is ready, so the planner should know.
 */
import { loadTerms } from '../library/load-terms.js';
import { problemsAt, type ProblemFound } from '../library/problem-at.js';
import type { TermRefs } from '../library/reference-views.js';
import type { Library, Problem } from '../library/types.js';
import { getCourseStatus } from './course-status.js';
import { exclusionReason } from './exclusion-reason.js';
import type { CourseStatus } from './types.js';

/** A course's status, or why it could not be worked out. */
export type StatusOutcome = CourseStatus | Error;

/**
 * `information` problems for the runs of `terms` whose course is not ready. `statusOf` gives
 * a loaded course's status; courses it does not know (unknown or broken ones, reported as
 * errors elsewhere) are skipped.
 */
export function runReadinessProblems(
  terms: readonly TermRefs[],
  statusOf: (courseId: string) => StatusOutcome | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const term of terms) {
    const found: ProblemFound[] = [];
    term.runs.forEach((run, r) => {
      const course = run?.course;
      const status = course === undefined ? undefined : statusOf(course);
      if (course === undefined || status === undefined) return;
      const why =
        status instanceof Error
          ? `its sign-off could not be checked: ${status.message}`
          : status.state === 'ready'
            ? undefined
            : exclusionReason(status);
      if (why === undefined) return;
      found.push({
        path: ['runs', r, 'course'],
        code: 'course-not-ready',
        message: `course ${course} is not ready to publish (${why}); this run stays out of the prospectus and the website until it is`,
        severity: 'information',
      });
    });
    problems.push(...problemsAt(term.source, found));
  }
  return problems;
}

/**
 * Reads the term files again (for positions) and the sign-off of each course they run, then
 * returns `runReadinessProblems`. `termFile`, when given, limits this to one term file, so the
 * planner only hashes the courses of the term it shows. `known` reuses statuses already read.
 */
export async function checkRunReadiness(
  library: Library,
  options: {
    termFile?: string;
    known?: ReadonlyMap<string, CourseStatus>;
    /** The terms as the library's load read them, so they are not read again. */
    termRefs?: readonly TermRefs[];
  } = {},
): Promise<Problem[]> {
  const refs = options.termRefs ?? (await loadTerms(library.root)).refs;
  const terms = refs.filter((term) => !options.termFile || term.source.file === options.termFile);
  const loaded = new Set(library.courses.map((course) => course.id));
  const wanted = new Set(
    terms
      .flatMap((term) => term.runs.map((run) => run?.course ?? ''))
      .filter((id) => loaded.has(id)),
  );
  const statuses = new Map<string, StatusOutcome>();
  await Promise.all(
    [...wanted].map(async (id) => {
      const known = options.known?.get(id);
      statuses.set(
        id,
        known ??
          (await getCourseStatus(library, id).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          )),
      );
    }),
  );
  return runReadinessProblems(terms, (id) => statuses.get(id));
}
