/**
 * The record of a course rename under way, `<library>/.tandem/course-rename.json`: the old and
 * new id and the text before and after of each file it changes (terms, pages, college.yml). A
 * rename writes those files first and renames the folder last (one atomic step), so after an
 * interruption the folder says which side the rename is on: still under the old id, the files
 * are put back; under the new one, the rest are written. `recoverRename` runs when a library is
 * opened and before each rename.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import type { OwnWrites } from '../own-writes.js';
import type { ApiContext } from './api-context.js';

/** Library-relative path of the journal. */
export const RENAME_JOURNAL = '.tandem/course-rename.json';

const stepSchema = z.object({ file: z.string(), before: z.string(), after: z.string() });
const journalSchema = z.object({ from: z.string(), to: z.string(), steps: z.array(stepSchema) });

export type RenameStep = z.infer<typeof stepSchema>;
type Journal = z.infer<typeof journalSchema>;

const journalPath = (root: string): string => path.join(root, ...RENAME_JOURNAL.split('/'));

export async function writeRenameJournal(context: ApiContext, journal: Journal): Promise<void> {
  const file = journalPath(context.root);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(journal));
}

export async function removeRenameJournal(context: ApiContext): Promise<void> {
  await rm(journalPath(context.root), { force: true });
}

const isCourse = async (root: string, id: string): Promise<boolean> =>
  (await stat(path.join(root, id, 'course.md')).catch(() => undefined))?.isFile() === true;

/** Finishes or undoes a rename an interruption left half done; nothing when there is none. */
export async function recoverRename(root: string, ownWrites: OwnWrites): Promise<void> {
  const text = await readFile(journalPath(root), 'utf8').catch(() => undefined);
  if (text === undefined) return;
  let journal: Journal | undefined;
  try {
    journal = journalSchema.parse(JSON.parse(text));
  } catch {
    journal = undefined; // not one Tandem wrote whole: nothing in it can be trusted
  }
  if (journal && !(await isCourse(root, journal.from)) && (await isCourse(root, journal.to))) {
    await applySteps(root, ownWrites, journal.steps, 'before', 'after');
  } else if (journal) {
    await applySteps(root, ownWrites, journal.steps, 'after', 'before');
  }
  await rm(journalPath(root), { force: true });
}

/** Writes `to` over each file whose text is still exactly `from` (anything else is left alone). */
async function applySteps(
  root: string,
  ownWrites: OwnWrites,
  steps: RenameStep[],
  from: 'before' | 'after',
  to: 'before' | 'after',
): Promise<void> {
  for (const step of steps) {
    // Only the files a rename writes: term files, front pages and college.yml.
    if (!/^(?:terms\/[a-z0-9-]+\.yml|pages\/[a-z0-9-]+\.md|college\.yml)$/.test(step.file))
      continue;
    const file = path.join(root, ...step.file.split('/'));
    const now = await readFile(file, 'utf8').catch(() => undefined);
    if (now !== step[from]) continue;
    ownWrites.wroteFile(file, step[to]);
    await writeFileAtomic(file, step[to]);
  }
}
