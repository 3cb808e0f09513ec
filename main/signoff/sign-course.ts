/** Signs off the current version of a course as one of its authors. */
import { sign } from 'node:crypto';
import { loadLibrary } from '../library/load-library.js';
import type { Library, Problem } from '../library/types.js';
import { canonicalMessage, signoffTime } from './canonical-message.js';
import type { ConfigDirOptions } from './config-dir.js';
import { courseDirOf, findCourse, getCourseStatus, statusFromFiles } from './course-status.js';
import { formatShortDate } from './format-date.js';
import { joinWithAnd } from '../format/wording.js';
import { hashContentFiles, readContentFiles } from './hash-course-version.js';
import { loadTrainerKey } from './key-store.js';
import { appendSignoff } from './signoffs-file.js';
import type { OnWrite } from '../fs/write-file-atomic.js';
import { saveSnapshot } from './snapshot-store.js';
import type { CourseStatus, SignoffRecord } from './types.js';
import { verifyRecords } from './verify-records.js';
import { formatProblem } from '../format/problems.js';

export interface SignOptions extends ConfigDirOptions {
  /** A short note kept with the sign-off, e.g. "Checked the new breathing exercise". */
  comment?: string;
  /** Signing time; defaults to now. */
  now?: Date;
  /** Told of the write to signoffs.yml just before it happens. */
  onWrite?: OnWrite;
}

const MAX_COMMENT = 500;

function describe(problems: Problem[]): string {
  const shown = problems.slice(0, 5).map((p) => `  ${formatProblem(p)}`);
  const more = problems.length > 5 ? `\n  …and ${problems.length - 5} more` : '';
  return `${shown.join('\n')}${more}`;
}

/**
 * Signs the course's content as it is on disk now, as `trainerId`, with the private key kept
 * in this computer's config folder. Refuses, with a plain-words error, when the library or the
 * course has errors, the trainer is not an author, there is no key here, the key is not listed
 * (or is revoked) for the trainer in trainers.yml, or they already signed this version.
 * Keeps a copy of the signed content, appends the record, and returns the new status.
 */
export async function signCourse(
  library: Library,
  courseId: string,
  trainerId: string,
  options: SignOptions = {},
): Promise<CourseStatus> {
  // Sign against the library as it is on disk now, not a possibly stale copy in memory.
  const loaded = await loadLibrary(library.root);
  const blocking = loaded.problems.filter(
    (p) =>
      p.severity === 'error' && (p.file.startsWith(`${courseId}/`) || p.file === 'trainers.yml'),
  );
  if (!loaded.library || blocking.length > 0) {
    throw new Error(
      `${courseId} cannot be signed off until these problems are fixed:\n${describe(blocking.length > 0 ? blocking : loaded.problems)}`,
    );
  }
  const fresh = loaded.library;
  const course = findCourse(fresh, courseId);
  const trainer = fresh.trainers.find((t) => t.id === trainerId);
  if (!trainer) throw new Error(`There is no trainer "${trainerId}" in trainers.yml.`);
  if (!course.authors.includes(trainerId)) {
    const names = course.authors.map((id) => fresh.trainers.find((t) => t.id === id)?.name ?? id);
    throw new Error(
      `${trainer.name} is not an author of ${course.title}; only its authors (${joinWithAnd(names)}) can sign it off.`,
    );
  }
  const comment = options.comment?.trim();
  if (comment && comment.length > MAX_COMMENT) {
    throw new Error(
      `The comment is too long (${comment.length} characters; at most ${MAX_COMMENT}).`,
    );
  }

  const key = await loadTrainerKey(trainerId, options);
  const listed = trainer.keys.find((k) => k.publicKey.trim() === key.publicKeyLine);
  if (!listed || listed.revoked) {
    throw new Error(
      listed
        ? `The key on this computer for ${trainer.name} was revoked on ${listed.revoked} in trainers.yml; create a new key and list it.`
        : `The key on this computer for ${trainer.name} is not listed in trainers.yml. ` +
            `Add this line under ${trainerId} → keys (as publicKey):\n  ${key.publicKeyLine}`,
    );
  }

  const courseDir = courseDirOf(fresh, course);
  const files = await readContentFiles(courseDir);
  const version = hashContentFiles(files);
  const before = await statusFromFiles(fresh, course, files);
  const already = before.records.find(
    (r) => r.valid && r.trainer === trainerId && r.version === version,
  );
  if (already) {
    throw new Error(
      `${trainer.name} already signed off this version of ${course.title} on ${formatShortDate(already.time)}.`,
    );
  }

  const time = signoffTime(options.now ?? new Date());
  const fields = { courseId, version, trainer: trainerId, role: trainer.role, time, comment };
  const signature = sign(null, canonicalMessage(fields), key.privateKey).toString('base64');
  const record: SignoffRecord = {
    trainer: trainerId,
    role: trainer.role,
    version,
    time,
    signature,
  };
  if (comment) record.comment = comment;

  // Never write a record that would not count (e.g. a roster the verifier reads differently).
  const [check] = verifyRecords([{ ...record, line: 0 }], course, fresh.trainers);
  if (!check?.valid) {
    throw new Error(`The new sign-off would not verify: ${check?.reason ?? 'unknown reason'}.`);
  }
  // The signed copy goes first, so a record never points at content nobody can look at.
  await saveSnapshot(courseDir, version, files);
  await appendSignoff(courseDir, courseId, record, options.onWrite);
  return getCourseStatus(fresh, courseId);
}
