/**
 * The dates published pages show, taken from the content rather than the clock, so the same
 * library always publishes the same bytes: a course is dated by its newest valid sign-off, a
 * page showing several courses by the newest of theirs, and a build with no sign-offs at all
 * by the first day of its term. SOURCE_DATE_EPOCH, when set, dates everything.
 */
import type { Course, Term } from '../library/types.js';
import type { CourseStatus } from '../signoff/types.js';
import { utcDate } from './format-dates.js';

export interface PublicationDates {
  /** The date of the publication as a whole: the newest course date, or the term's first day. */
  site: Date;
  /** Each published course's own date, by course id (absent: use `site`). */
  courses: Map<string, Date>;
}

/** SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), when set and valid. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  return raw && /^\d+$/.test(raw) ? new Date(Number(raw) * 1000) : undefined;
}

/** The newest valid sign-off of a course, of any version: the last time its authors approved it. */
export function newestSignoff(status: CourseStatus | undefined): Date | undefined {
  let newest: string | undefined;
  for (const record of status?.records ?? []) {
    if (record.valid && (newest === undefined || record.time > newest)) newest = record.time;
  }
  return newest === undefined ? undefined : new Date(newest);
}

/** Dates of a build of `courses` for `term`. */
export function publicationDates(input: {
  env: NodeJS.ProcessEnv;
  term: Term;
  courses: readonly Course[];
  statuses: ReadonlyMap<string, CourseStatus>;
}): PublicationDates {
  const fixed = sourceDateEpoch(input.env);
  if (fixed) return { site: fixed, courses: new Map() };
  const courses = new Map<string, Date>();
  let site: Date | undefined;
  for (const course of input.courses) {
    const date = newestSignoff(input.statuses.get(course.id));
    if (!date) continue;
    courses.set(course.id, date);
    if (!site || date > site) site = date;
  }
  return { site: site ?? utcDate(input.term.starts), courses };
}

/** The newest date of `courses` (a page showing them), or the site's date when none has its own. */
export function dateOfCourses(
  dates: Pick<PublicationDates, 'site' | 'courses'>,
  courses: readonly Course[],
): Date {
  let newest: Date | undefined;
  for (const course of courses) {
    const date = dates.courses.get(course.id);
    if (date && (!newest || date > newest)) newest = date;
  }
  return newest ?? dates.site;
}
