/** Signs through the real loader, the way the CLI and the app do. */
import { openLibrary } from '../../main/signoff/open-library.js';
import { signCourse, type SignOptions } from '../../main/signoff/sign-course.js';
import type { CourseStatus } from '../../main/signoff/types.js';

/** Loads the library at `root` and signs `courseId` as `trainerId`. */
export async function sign(
  root: string,
  courseId: string,
  trainerId: string,
  options: SignOptions,
): Promise<CourseStatus> {
  const { library } = await openLibrary(root);
  return signCourse(library, courseId, trainerId, options);
}
