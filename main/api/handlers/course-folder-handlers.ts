/**
 * A course's place in the library: renaming its id (the folder and every run that names it),
 * archiving it (archive/<id>/, out of terms and publishing) and deleting it with Undo (kept in
 * `.tandem/trash/` on this computer). Each is one folder rename, so a course is never split.
 */
import { readFile, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type {
  ArchivedCourse,
  CourseRunUse,
  CourseUses,
  DeletedCourse,
  RenamedCourse,
} from '../contract.js';
import { ARCHIVE_FOLDER, ID_PATTERN, RECOVERED_ID_PATTERN } from '../../format/ids.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { listArchivedCourseIds } from '../../library/load-courses.js';
import { pageReferencesTo, renamePageReferences } from '../../library/course-references.js';
import { listFolder, readLibraryFile } from '../../library/read-library-file.js';
import { MAX_YAML_ALIASES } from '../../library/read-yaml-file.js';
import { getCourseStatus } from '../../signoff/course-status.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';
import { requireLibrary } from './library-handlers.js';
import { parseMarkdownFile } from './markdown-file.js';
import { moveFolder } from './move-folder.js';
import { newId } from './recovered-handlers.js';
import { editTextOrRefuse } from './save-yaml-file.js';
import {
  recoverRename,
  removeRenameJournal,
  writeRenameJournal,
  type RenameStep,
} from './rename-journal.js';

/** Library-relative folder of deleted courses, kept for Undo (never shared by Sync). */
export const TRASH_FOLDER = '.tandem/trash';

/** Root folder names that are never a course id. */
const RESERVED_IDS = new Set(['terms', 'pages', 'images', ARCHIVE_FOLDER]);

/** Course folder changes run one at a time, each against the folders as they are then. */
const FOLDERS_QUEUE = 'course-folders';

interface TermText {
  file: string;
  text: string;
}

/** The readable files of one library folder whose names end with `ending`. */
async function readTexts(context: ApiContext, folder: string, ending: string) {
  const texts: TermText[] = [];
  for (const entry of await listFolder(context.root, folder)) {
    if (!entry.isFile || entry.name.startsWith('.') || !entry.name.endsWith(ending)) continue;
    const file = `${folder}/${entry.name}`;
    const read = await readLibraryFile(context.root, file);
    if (read.text !== undefined) texts.push({ file, text: read.text });
  }
  return texts;
}

const readTermTexts = (context: ApiContext) => readTexts(context, 'terms', '.yml');
const readPageTexts = (context: ApiContext) => readTexts(context, 'pages', '.md');

/** The runs of `courseId` in one term file; undefined when the file cannot be read as YAML. */
function runsIn(term: TermText, courseId: string): CourseRunUse[] | undefined {
  const doc = parseDocument(term.text);
  if (doc.errors.length > 0) return undefined;
  const data: unknown = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>; // cast: checked to be an object
  const runs = Array.isArray(fields.runs) ? (fields.runs as unknown[]) : []; // cast: checked to be a list
  const termId = term.file.slice('terms/'.length, -'.yml'.length);
  const uses: CourseRunUse[] = [];
  runs.forEach((run, index) => {
    const entry = (typeof run === 'object' && run !== null ? run : {}) as Record<string, unknown>; // cast: checked to be an object
    if (entry.course !== courseId) return;
    const sessions = Array.isArray(entry.sessions) ? (entry.sessions as unknown[]) : []; // cast: checked to be a list
    const dates = sessions
      .map((s) =>
        typeof s === 'object' && s !== null ? (s as { date?: unknown }).date : undefined,
      ) // cast: checked to be an object
      .filter((d): d is string => typeof d === 'string')
      .sort();
    uses.push({
      termId,
      termTitle: typeof fields.title === 'string' ? fields.title : termId,
      file: term.file,
      run: index + 1,
      sessionCount: sessions.length,
      ...(dates[0] !== undefined && { firstSession: dates[0] }),
    });
  });
  return uses;
}

/** college.yml's `coverImage` when it is a picture of the course; undefined otherwise. */
function coverOf(college: TermText | undefined, courseId: string): string | undefined {
  if (!college) return undefined;
  const doc = parseDocument(college.text);
  const cover: unknown = isMap(doc.contents) ? doc.contents.get('coverImage') : undefined;
  return typeof cover === 'string' && cover.startsWith(`${courseId}/`) ? cover : undefined;
}

async function readCollegeText(context: ApiContext): Promise<TermText | undefined> {
  const read = await readLibraryFile(context.root, 'college.yml');
  return read.text === undefined ? undefined : { file: 'college.yml', text: read.text };
}

/**
 * Every run of the course in the library's terms, the term files that could not be read, and
 * the files outside the course that use its pictures or link into it.
 */
async function findRuns(context: ApiContext, courseId: string) {
  const runs: CourseRunUse[] = [];
  const unreadable: string[] = [];
  for (const term of await readTermTexts(context)) {
    const found = runsIn(term, courseId);
    if (found) runs.push(...found);
    else if (term.text.includes(courseId)) unreadable.push(term.file);
  }
  const usedBy: string[] = [];
  if (coverOf(await readCollegeText(context), courseId)) usedBy.push('college.yml (coverImage)');
  for (const page of await readPageTexts(context)) {
    if (pageReferencesTo(page.text, page.file, courseId).length > 0) usedBy.push(page.file);
  }
  return { runs, unreadable, usedBy };
}

function refuseUsedBy(usedBy: string[], what: string): void {
  if (usedBy.length === 0) return;
  throw new TandemApiError(
    'conflict',
    `${usedBy.join(', ')} ${usedBy.length === 1 ? 'uses' : 'use'} pictures or pages of this course, which would then be missing. Change ${usedBy.length === 1 ? 'it' : 'them'} first, then ${what} again.`,
  );
}

function refuseUnreadable(unreadable: string[], what: string): void {
  if (unreadable.length === 0) return;
  throw new TandemApiError(
    'conflict',
    `${unreadable.join(', ')} cannot be read as YAML, so Tandem cannot tell whether it runs this course. Fix ${unreadable.length === 1 ? 'it' : 'them'} first, then ${what} again.`,
  );
}

async function titleOf(dir: string, fallback: string): Promise<string> {
  const text = await readFile(path.join(dir, 'course.md'), 'utf8').catch(() => '');
  try {
    const title = parseMarkdownFile(text).data.title;
    return typeof title === 'string' && title.trim() ? title : fallback;
  } catch {
    return fallback;
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** A folder at the root or in archive/ that is, or would be, the course `id`. */
async function folderIsTaken(context: ApiContext, id: string): Promise<boolean> {
  return (
    (await exists(path.join(context.root, id))) ||
    (await exists(path.join(context.root, ARCHIVE_FOLDER, id)))
  );
}

function checkNewId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new TandemApiError(
      'invalid-argument',
      `"${id}" cannot be a course id: use lower-case words joined by hyphens, like understanding-anxiety.`,
    );
  }
  if (RESERVED_IDS.has(id)) {
    throw new TandemApiError('invalid-argument', `"${id}" is a folder Tandem keeps for itself.`);
  }
}

async function archivedDir(context: ApiContext, courseId: string): Promise<string> {
  if (!ID_PATTERN.test(courseId)) {
    throw new TandemApiError('invalid-argument', `"${courseId}" is not a course id.`);
  }
  if (!(await listArchivedCourseIds(context.root)).includes(courseId)) {
    throw new TandemApiError('not-found', `There is no archived course "${courseId}".`);
  }
  const link = await linkOnPath(context.root, `${ARCHIVE_FOLDER}/${courseId}`);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
  return resolveInside(context.root, `${ARCHIVE_FOLDER}/${courseId}`);
}

/** Where a course is run, and whose sign-offs count now: what to tell people before a change. */
export async function findCourseUses(context: ApiContext, courseId: string): Promise<CourseUses> {
  const dir = await context.courseDir(courseId);
  const { runs, unreadable, usedBy } = await findRuns(context, courseId);
  let signedBy: string[] = [];
  try {
    const library = await requireLibrary(context);
    const status = await getCourseStatus(library, courseId);
    const ids = [...new Set(status.records.filter((r) => r.valid).map((r) => r.trainer))];
    signedBy = ids.map((id) => library.trainers.find((t) => t.id === id)?.name ?? id);
  } catch {
    // A course with errors has no sign-off state to lose.
  }
  return {
    courseId,
    title: await titleOf(dir, courseId),
    runs,
    unreadableTerms: unreadable,
    usedBy,
    signedBy,
  };
}

/** The run's `course` values in a term file's text changed from `from` to `to`. */
function renameInTerm(text: string, file: string, from: string, to: string): string {
  return editTextOrRefuse(text, file, (doc) => {
    const runs = isMap(doc.contents) ? doc.contents.get('runs', true) : undefined;
    if (!isSeq(runs)) return;
    for (const run of runs.items) {
      const course = isMap(run) ? run.get('course', true) : undefined;
      if (isScalar(course) && course.value === from) course.value = to;
    }
  });
}

/** The changes to the cover picture's path and to the front pages' links into the course. */
async function referenceSteps(
  context: ApiContext,
  from: string,
  to: string,
): Promise<RenameStep[]> {
  const steps: RenameStep[] = [];
  const college = await readCollegeText(context);
  const cover = coverOf(college, from);
  if (college && cover) {
    const after = editTextOrRefuse(college.text, college.file, (doc) => {
      doc.set('coverImage', `${to}/${cover.slice(from.length + 1)}`);
    });
    steps.push({ file: college.file, before: college.text, after });
  }
  for (const page of await readPageTexts(context)) {
    const renamed = renamePageReferences(page.text, page.file, from, to);
    if (renamed.left.length > 0) {
      throw new TandemApiError(
        'conflict',
        `${page.file} points into the course as ${renamed.left.join(', ')}, which Tandem cannot change safely; write it as ../${from}/… or change it by hand first.`,
      );
    }
    if (renamed.text !== page.text) {
      steps.push({ file: page.file, before: page.text, after: renamed.text });
    }
  }
  return steps;
}

/**
 * Gives a course a new id: its folder is renamed and every run that names it follows. All or
 * nothing: the term files are written first and put back if any step fails, and a journal
 * lets the next opening of the library finish or undo a rename a crash interrupted.
 */
export async function renameCourse(
  context: ApiContext,
  courseId: string,
  newId: string,
): Promise<RenamedCourse> {
  return context.serialize(FOLDERS_QUEUE, async () => {
    await recoverRename(context.root, context.ownWrites);
    const from = await context.courseDir(courseId);
    checkNewId(newId);
    if (newId === courseId) return { id: newId, termFiles: [] };
    if (await folderIsTaken(context, newId)) {
      throw new TandemApiError('conflict', `There is already a folder called "${newId}".`);
    }
    const to = await resolveInside(context.root, newId);
    const terms = await readTermTexts(context);
    refuseUnreadable(
      terms
        .filter((t) => runsIn(t, courseId) === undefined && t.text.includes(courseId))
        .map((t) => t.file),
      'rename the course',
    );
    const steps: RenameStep[] = [];
    for (const term of terms) {
      if (!runsIn(term, courseId)?.length) continue;
      steps.push({
        file: term.file,
        before: term.text,
        after: renameInTerm(term.text, term.file, courseId, newId),
      });
    }
    steps.push(...(await referenceSteps(context, courseId, newId)));
    await writeRenameJournal(context, { from: courseId, to: newId, steps });
    const written: RenameStep[] = [];
    try {
      for (const step of steps) {
        await context.writeFile(path.join(context.root, step.file), step.after);
        written.push(step);
      }
      await moveFolder(context.ownWrites, from, to);
    } catch (error) {
      for (const step of written.reverse()) {
        await context.writeFile(path.join(context.root, step.file), step.before);
      }
      await removeRenameJournal(context);
      throw error;
    }
    await removeRenameJournal(context);
    return {
      id: newId,
      termFiles: steps.map((step) => step.file).filter((file) => file.startsWith('terms/')),
    };
  });
}

/** Moves a course into archive/: kept with the library, out of terms and publishing. */
export async function archiveCourse(context: ApiContext, courseId: string): Promise<void> {
  await context.serialize(FOLDERS_QUEUE, async () => {
    const from = await context.courseDir(courseId);
    refuseUsedBy((await findRuns(context, courseId)).usedBy, 'archive the course');
    const to = await resolveInside(context.root, `${ARCHIVE_FOLDER}/${courseId}`);
    if (await exists(to)) {
      throw new TandemApiError(
        'conflict',
        `There is already a course "${courseId}" in ${ARCHIVE_FOLDER}/; rename one of them first.`,
      );
    }
    const archive = path.join(context.root, ARCHIVE_FOLDER);
    if (await exists(path.join(archive, 'course.md'))) {
      throw new TandemApiError(
        'conflict',
        `The folder ${ARCHIVE_FOLDER}/ is itself a course, so it cannot hold archived courses; rename that course first.`,
      );
    }
    await moveFolder(context.ownWrites, from, to);
  });
}

/** Brings an archived course back among the library's courses, under the same id. */
export async function unarchiveCourse(context: ApiContext, courseId: string): Promise<void> {
  await context.serialize(FOLDERS_QUEUE, async () => {
    const from = await archivedDir(context, courseId);
    const to = await resolveInside(context.root, courseId);
    if (await exists(to)) {
      throw new TandemApiError('conflict', `There is already a folder called "${courseId}".`);
    }
    await moveFolder(context.ownWrites, from, to);
  });
}

/** The archived courses, by title. */
export async function listArchivedCourses(context: ApiContext): Promise<ArchivedCourse[]> {
  const courses: ArchivedCourse[] = [];
  for (const id of await listArchivedCourseIds(context.root)) {
    const dir = path.join(context.root, ARCHIVE_FOLDER, id);
    courses.push({ id, title: await titleOf(dir, id) });
  }
  return courses.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Deletes a course no term runs (its runs would name nothing): the folder moves, whole and
 * byte for byte, to `.tandem/trash/<kept id>/<course id>/`, from where Undo puts it back.
 */
export async function deleteCourse(context: ApiContext, courseId: string): Promise<DeletedCourse> {
  return context.serialize(FOLDERS_QUEUE, async () => {
    const from = await context.courseDir(courseId);
    const { runs, unreadable, usedBy } = await findRuns(context, courseId);
    refuseUnreadable(unreadable, 'delete the course');
    refuseUsedBy(usedBy, 'delete the course');
    if (runs.length > 0) {
      const where = runs.map((run) => `${run.file} (run ${run.run})`).join(', ');
      throw new TandemApiError(
        'conflict',
        `This course runs in ${where}. Remove those runs first, or archive the course instead.`,
      );
    }
    const link = await linkOnPath(context.root, TRASH_FOLDER);
    if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
    const keptAs = newId(new Date());
    const title = await titleOf(from, courseId);
    await moveFolder(
      context.ownWrites,
      from,
      path.join(context.root, ...TRASH_FOLDER.split('/'), keptAs, courseId),
    );
    return { courseId, title, keptAs };
  });
}

/** Undo of `deleteCourse`: the folder goes back exactly as it was, if its id is still free. */
export async function restoreCourse(context: ApiContext, deleted: DeletedCourse): Promise<void> {
  await context.serialize(FOLDERS_QUEUE, async () => {
    if (!ID_PATTERN.test(deleted.courseId) || !RECOVERED_ID_PATTERN.test(deleted.keptAs)) {
      throw new TandemApiError('invalid-argument', 'That is not a deleted course.');
    }
    const link = await linkOnPath(context.root, TRASH_FOLDER);
    if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
    const from = path.join(
      context.root,
      ...TRASH_FOLDER.split('/'),
      deleted.keptAs,
      deleted.courseId,
    );
    if (!(await exists(path.join(from, 'course.md')))) {
      throw new TandemApiError(
        'not-found',
        `The deleted course "${deleted.title}" is no longer kept.`,
      );
    }
    if (await folderIsTaken(context, deleted.courseId)) {
      throw new TandemApiError(
        'conflict',
        `There is a folder called "${deleted.courseId}" again, so the deleted course cannot go back there.`,
      );
    }
    await moveFolder(context.ownWrites, from, path.join(context.root, deleted.courseId));
    await rmdir(path.dirname(from)).catch(() => undefined); // only when nothing else is in it
  });
}
