/** Chooses which courses a build publishes: the sign-off gate. */
import type { Course, Library } from '../library/types.js';
import type { ExcludedCourse } from './types.js';
import { getCourseStatus, loadedCourseContent } from '../signoff/course-status.js';
import { exclusionReason } from '../signoff/exclusion-reason.js';
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

/**
 * With `draft`, every course is published (and its status returned, so templates can mark
 * the ones not signed off); otherwise only courses that are `ready`. Statuses are always
 * returned for published courses. `readBytes`: the text files the load read
 * (`LoadResult.readBytes`), so the gate vouches for exactly the text about to be published.
 */
export async function selectPublishedCourses(
  library: Library,
  options: { draft: boolean },
  readBytes?: ReadonlyMap<string, Uint8Array>,
): Promise<PublishedSelection> {
  const courses: Course[] = [];
  const excluded: ExcludedCourse[] = [];
  const statuses = new Map<string, CourseStatus>();
  const loaded = readBytes ? loadedCourseContent(library, readBytes) : undefined;
  // Courses are read and hashed a few at a time, so waiting on the disk overlaps with hashing.
  const outcomes = await inBatches(library.courses, STATUS_CONCURRENCY, (course) =>
    getCourseStatus(library, course.id, loaded?.get(course.id)).then(
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
