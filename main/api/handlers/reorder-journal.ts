/**
 * Renames a course's module files all-or-nothing. Renumbering takes several renames, and a
 * process can end between any two of them (a crash, a closed laptop); the folder must never be
 * left with two modules sharing a number. So every moving file first steps aside under a
 * temporary name, and a journal in the course's private `.tandem/` folder says which phase the
 * reorder is in:
 *
 * - `staging` (files going to their temporary names): an interruption is rolled back, every
 *   file returns to its old name;
 * - `placing` (temporary names to new names): an interruption is finished, every file goes on to
 *   its new name.
 *
 * The journal is removed when the folder is whole again. `finishInterruptedReorder` does what an
 * interrupted reorder left to do; it runs when a library is opened and before each reorder.
 */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import type { OwnWrites } from '../own-writes.js';

/** Course-relative path of the journal. */
export const REORDER_JOURNAL = '.tandem/reorder.json';

/** Suffix of a module file's temporary name during a reorder (the watcher ignores it). */
export const REORDER_SUFFIX = '.reorder';

export interface ModuleMove {
  from: string;
  to: string;
}

const journalSchema = z.object({
  phase: z.enum(['staging', 'placing']),
  moves: z.array(z.object({ from: z.string(), to: z.string() })),
});
type Journal = z.infer<typeof journalSchema>;

const exists = async (file: string): Promise<boolean> =>
  (await stat(file).catch(() => undefined)) !== undefined;

/** A module file name as a plain name inside modules/ (the journal is data from disk). */
const plainName = (name: string): boolean =>
  name !== '' && !name.includes('/') && !name.includes('\\') && !name.startsWith('.');

async function writeJournal(courseDir: string, journal: Journal): Promise<void> {
  const file = path.join(courseDir, REORDER_JOURNAL);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(journal, null, 2)}\n`);
}

async function readJournal(courseDir: string): Promise<Journal | undefined> {
  const text = await readFile(path.join(courseDir, REORDER_JOURNAL), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const journal = journalSchema.parse(JSON.parse(text));
    const names = journal.moves.flatMap((move) => [move.from, move.to]);
    return names.every(plainName) ? journal : undefined;
  } catch {
    return undefined; // a torn or foreign file: nothing can be finished from it
  }
}

/**
 * Moves each staged file (still under its temporary name) to `target(move)`, never over a file
 * that is already there. Returns false when some file could not be placed.
 */
async function placeStaged(
  modulesDir: string,
  moves: ModuleMove[],
  target: (move: ModuleMove) => string,
  ownWrites: OwnWrites | undefined,
): Promise<boolean> {
  let whole = true;
  for (const move of moves) {
    const staged = path.join(modulesDir, move.from + REORDER_SUFFIX);
    if (!(await exists(staged))) continue;
    const to = path.join(modulesDir, target(move));
    if (await exists(to)) {
      whole = false;
      continue;
    }
    const bytes = await readFile(staged).catch(() => undefined);
    if (bytes) ownWrites?.wroteFile(to, bytes);
    await rename(staged, to);
  }
  return whole;
}

/** Finishes (or rolls back) a reorder that was interrupted; true when none is left pending. */
export async function finishInterruptedReorder(
  courseDir: string,
  ownWrites?: OwnWrites,
): Promise<boolean> {
  const journal = await readJournal(courseDir);
  const journalFile = path.join(courseDir, REORDER_JOURNAL);
  if (!journal) {
    await rm(journalFile, { force: true });
    return true;
  }
  const modulesDir = path.join(courseDir, 'modules');
  const target = journal.phase === 'placing' ? (m: ModuleMove) => m.to : (m: ModuleMove) => m.from;
  const whole = await placeStaged(modulesDir, journal.moves, target, ownWrites);
  // Kept when a file could not be placed, so the next opening tries again.
  if (whole) await rm(journalFile, { force: true });
  return whole;
}

/**
 * Renames `moves` inside the course's modules/ folder all-or-nothing (see the file comment).
 * A failure while staging is rolled back before the error is thrown; a failure while placing is
 * finished on the next attempt.
 */
export async function renameModulesAtomically(
  courseDir: string,
  moves: ModuleMove[],
  ownWrites: OwnWrites,
): Promise<void> {
  if (moves.length === 0) return;
  const modulesDir = path.join(courseDir, 'modules');
  await writeJournal(courseDir, { phase: 'staging', moves });
  try {
    for (const move of moves) {
      ownWrites.removed(path.join(modulesDir, move.from));
      await rename(
        path.join(modulesDir, move.from),
        path.join(modulesDir, move.from + REORDER_SUFFIX),
      );
    }
  } catch (error) {
    await finishInterruptedReorder(courseDir, ownWrites);
    throw error;
  }
  await writeJournal(courseDir, { phase: 'placing', moves });
  if (!(await finishInterruptedReorder(courseDir, ownWrites))) {
    throw new Error(
      'Some modules could not take their new number because a file with that name appeared meanwhile; they will be put in place the next time the library is opened.',
    );
  }
}

/** Runs `finishInterruptedReorder` for every course folder of the library that needs it. */
export async function finishInterruptedReorders(
  root: string,
  ownWrites?: OwnWrites,
): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const courseDir = path.join(root, entry.name);
    if (await exists(path.join(courseDir, REORDER_JOURNAL))) {
      await finishInterruptedReorder(courseDir, ownWrites).catch(() => false);
    }
  }
}
