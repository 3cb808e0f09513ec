/** Chooses which courses a build publishes: the sign-off gate. */
import type { Course, Library } from '../library/types.js';
import type { ExcludedCourse } from './types.js';
import { getCourseStatus } from '../signoff/course-status.js';
import { joinWithAnd } from '../format/wording.js';
import type { CourseStatus } from '../signoff/types.js';
import { inBatches } from './site/in-batches.js';

/** How many courses are read and hashed at once. */
const STATUS_CONCURRENCY = 16;

export interface PublishedSelection {
  /** Courses to publish, in library order. */
  courses: Course[];
  excluded: ExcludedCourse[];
  statuses: Map<string, CourseStatus>;
}

/** Why a course that is not `ready` stays out of a build, in plain words. */
export function exclusionReason(status: CourseStatus): string {
  const nameOf = (id: string): string => status.authors.find((a) => a.trainerId === id)?.name ?? id;
  switch (status.state) {
    case 'awaiting': {
      const parts: string[] = [];
      if (status.awaiting.length > 0) {
        parts.push(`awaiting sign-off from ${joinWithAnd(status.awaiting.map(nameOf))}`);
      }
      const roles = new Set(status.authors.map((a) => a.role));
      if (!roles.has('peer') || !roles.has('practitioner')) {
        parts.push('it needs both a peer and a practitioner trainer among its authors');
      }
      return parts.join('; ');
    }
    case 'changed':
      return `changed since sign-off by ${joinWithAnd(status.changedSince.map(nameOf))}`;
    case 'draft':
      return status.authors.length > 0
        ? `not yet signed off by ${joinWithAnd(status.authors.map((a) => a.name))}`
        : 'not yet signed off (the course lists no authors)';
    case 'ready':
      return '';
  }
}

/**
 * With `draft`, every course is published (and its status returned, so templates can mark
 * the ones not signed off); otherwise only courses that are `ready`. Statuses are always
 * returned for published courses.
 */
export async function selectPublishedCourses(
  library: Library,
  options: { draft: boolean },
): Promise<PublishedSelection> {
  const courses: Course[] = [];
  const excluded: ExcludedCourse[] = [];
  const statuses = new Map<string, CourseStatus>();
  // Courses are read and hashed a few at a time, so waiting on the disk overlaps with hashing.
  const outcomes = await inBatches(library.courses, STATUS_CONCURRENCY, (course) =>
    getCourseStatus(library, course.id).then(
      (status) => ({ status }),
      (error: unknown) => ({ error }),
    ),
  );
  library.courses.forEach((course, index) => {
    const outcome = outcomes[index] ?? { error: new Error('it was not read') };
    if ('error' in outcome) {
      const { error } = outcome;
      // A course whose sign-off cannot be worked out is never published as signed off.
      if (options.draft) courses.push(course);
      else {
        excluded.push({
          courseId: course.id,
          title: course.title,
          reason: `its sign-off could not be checked: ${(error as Error).message}`, // cast: thrown values here are Errors
          cause: 'sign-off',
        });
      }
      return;
    }
    const { status } = outcome;
    if (options.draft || status.state === 'ready') {
      courses.push(course);
      statuses.set(course.id, status);
    } else {
      excluded.push({
        courseId: course.id,
        title: course.title,
        reason: exclusionReason(status),
        cause: 'sign-off',
      });
    }
  });
  return { courses, excluded, statuses };
}
