/**
 * Works out where a course stands in sign-off. Precedence, first match wins:
 *
 * 1. `ready`    every listed author's latest valid sign-off is of the current version, and the
 *               authors include at least one peer and one practitioner trainer;
 * 2. `awaiting` at least one author validly signed the current version (label names who is
 *               still missing), because then the useful news is who has to sign next;
 * 3. `changed`  nobody signed the current version but someone validly signed an earlier one,
 *               i.e. the content changed since sign-off;
 * 4. `draft`    nobody has ever validly signed.
 */
import path from 'node:path';
import type { Course, Library, Trainer } from '../library/types.js';
import { formatShortDate } from './format-date.js';
import { joinWithAnd } from '../format/wording.js';
import {
  hashContentFiles,
  isContentPath,
  readContentFiles,
  type ContentFile,
} from './hash-course-version.js';
import { readSignoffs } from './signoffs-file.js';
import type { AuthorSignoff, CheckedRecord, CourseState, CourseStatus } from './types.js';
import { verifyRecords } from './verify-records.js';

/** Absolute path of a course's folder. */
export function courseDirOf(library: Library, course: Course): string {
  return path.join(library.root, ...path.posix.dirname(course.file).split('/'));
}

/** Finds a course of the library or throws a plain-words error. */
export function findCourse(library: Library, courseId: string): Course {
  const course = library.courses.find((c) => c.id === courseId);
  if (!course) {
    throw new Error(
      `There is no course "${courseId}" in ${library.root} (or it has errors that stop it loading).`,
    );
  }
  return course;
}

/**
 * The latest record that counts for `trainerId` (optionally only of `version`). "Latest" is the
 * last in the file, not the largest time: records are only ever appended, while the time is
 * whatever the signer's clock said.
 */
export function latestValidRecord(
  records: readonly CheckedRecord[],
  trainerId: string,
  version?: string,
): CheckedRecord | undefined {
  let latest: CheckedRecord | undefined;
  for (const r of records) {
    if (!r.valid || r.trainer !== trainerId) continue;
    if (version !== undefined && r.version !== version) continue;
    if (!latest || r.line >= latest.line) latest = r;
  }
  return latest;
}

/** Builds the status from already-checked records (pure, for tests and callers with records). */
export function summariseStatus(
  course: Pick<Course, 'id' | 'authors'>,
  trainers: readonly Trainer[],
  version: string,
  records: CheckedRecord[],
): CourseStatus {
  const authors: AuthorSignoff[] = [];
  const awaiting: string[] = [];
  const changedSince: string[] = [];
  const unknownAuthors: string[] = [];
  const changedNotes: string[] = [];
  for (const authorId of course.authors) {
    const trainer = trainers.find((t) => t.id === authorId);
    if (!trainer) {
      unknownAuthors.push(authorId);
      awaiting.push(authorId);
      continue;
    }
    // Only an author's latest sign-off counts: signing a newer version withdraws the older
    // one, so restoring older text that was once signed needs signing again.
    const latest = latestValidRecord(records, authorId);
    const current = latest?.version === version;
    const author: AuthorSignoff = {
      trainerId: authorId,
      name: trainer.name,
      role: trainer.role,
      signedCurrent: current,
    };
    if (latest) {
      author.lastSignedVersion = latest.version;
      author.lastSignedAt = latest.time;
      author.lastSignedLine = latest.line;
    }
    authors.push(author);
    if (!current) awaiting.push(authorId);
    if (latest && latest.version !== version) {
      changedSince.push(authorId);
      changedNotes.push(`${trainer.name} on ${formatShortDate(latest.time)}`);
    }
  }
  const nameOf = (id: string): string => authors.find((a) => a.trainerId === id)?.name ?? id;
  const hasPeer = authors.some((a) => a.role === 'peer');
  const hasPractitioner = authors.some((a) => a.role === 'practitioner');
  const anyCurrent = authors.some((a) => a.signedCurrent);
  const anyEver = authors.some((a) => a.lastSignedVersion !== undefined);

  let state: CourseState;
  let label: string;
  if (authors.length > 0 && awaiting.length === 0 && hasPeer && hasPractitioner) {
    state = 'ready';
    label = 'ready';
  } else if (anyCurrent) {
    state = 'awaiting';
    const missing = awaiting.map(nameOf);
    if (!hasPeer) missing.push('a peer trainer as co-author');
    if (!hasPractitioner) missing.push('a practitioner trainer as co-author');
    label = `awaiting ${joinWithAnd(missing)}`;
  } else if (anyEver) {
    state = 'changed';
    label = `changed since sign-off (signed by ${joinWithAnd(changedNotes)})`;
  } else {
    state = 'draft';
    label = 'draft';
  }
  return {
    courseId: course.id,
    version,
    state,
    label,
    authors,
    awaiting,
    changedSince,
    records,
  };
}

/** Status of a course whose content files were already read (so the caller signs those bytes). */
export async function statusFromFiles(
  library: Library,
  course: Course,
  files: readonly ContentFile[],
): Promise<CourseStatus> {
  const version = hashContentFiles(files);
  const { records, problems } = await readSignoffs(courseDirOf(library, course), course.id);
  const checked = verifyRecords(records, course, library.trainers);
  const status = summariseStatus(course, library.trainers, version, checked);
  if (problems.length > 0) status.problems = problems;
  return status;
}

/**
 * Where `courseId` stands in sign-off, from the files on disk now. `loaded`: the course's
 * content files as a load read them (see `loadedCourseContent`); those bytes are hashed instead
 * of the disk's, so the status vouches for exactly the text that was loaded.
 */
export async function getCourseStatus(
  library: Library,
  courseId: string,
  loaded?: ReadonlyMap<string, Buffer>,
): Promise<CourseStatus> {
  const course = findCourse(library, courseId);
  const files = await readContentFiles(courseDirOf(library, course), loaded);
  if (loaded) {
    const listed = new Set(files.map((file) => file.path));
    for (const rel of loaded.keys()) {
      // What was loaded is what would be published: a file gone since is not in the hash.
      if (!listed.has(rel)) {
        throw new Error(`${course.id}/${rel} was removed while publishing; publish again.`);
      }
    }
  }
  return statusFromFiles(library, course, files);
}

/**
 * The content files of each course among the text files a load read (`LoadResult.readBytes`,
 * by library-relative path): by course id, then by course-relative path (NFC). Every course of
 * the library has an entry, empty when the load read none of its content.
 */
export function loadedCourseContent(
  library: Library,
  readBytes: ReadonlyMap<string, Uint8Array>,
): Map<string, Map<string, Buffer>> {
  const byFolder = new Map<string, Map<string, Buffer>>();
  const byCourse = new Map<string, Map<string, Buffer>>();
  for (const course of library.courses) {
    const content = new Map<string, Buffer>();
    byFolder.set(path.posix.dirname(course.file), content);
    byCourse.set(course.id, content);
  }
  for (const [file, bytes] of readBytes) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      const content = byFolder.get(parts.slice(0, depth).join('/'));
      if (!content) continue;
      const rel = parts.slice(depth).join('/').normalize('NFC');
      if (isContentPath(rel)) {
        content.set(rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }
      break;
    }
  }
  return byCourse;
}

/**
 * The status of every course of the library, by course id. A course whose status cannot be
 * worked out (e.g. it contains a symbolic link) is left out; `getCourseStatus` says why.
 */
export async function getLibraryStatuses(library: Library): Promise<Map<string, CourseStatus>> {
  const statuses = new Map<string, CourseStatus>();
  for (const course of library.courses) {
    try {
      statuses.set(course.id, await getCourseStatus(library, course.id));
    } catch {
      // Left out on purpose: callers treat a missing status as "cannot be signed off yet".
    }
  }
  return statuses;
}
