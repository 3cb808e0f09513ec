/**
 * What a sync leaves for the next one, in `.git/tandem-sync.json` (this computer only, never
 * shared): a merge that is being written, or is waiting for a person to decide about files
 * both sides changed. Written whole (temp file and rename), so a killed sync never leaves half.
 */
import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

/** A file both sides changed in the same place. */
export interface SyncConflict {
  /** Library-relative path; the working copy keeps this person's version there. */
  path: string;
  /** Library-relative path of the other version, kept beside it until someone decides. */
  theirsPath: string;
}

export interface SyncState {
  /** Our commit the merge started from. */
  ours: string;
  /** The shared copy's commit being brought in. */
  theirs: string;
  /** False while files are still being written; a new sync then writes them again. */
  applied: boolean;
  /** Fast-forward: the branch moves to `theirs` once the files are written. */
  fastForward: boolean;
  conflicts: SyncConflict[];
}

const stateFile = (dir: string): string => path.join(dir, '.git', 'tandem-sync.json');

/** The saved state, or undefined when no merge is under way. */
export async function readSyncState(dir: string): Promise<SyncState | undefined> {
  try {
    const parsed = JSON.parse(await readFile(stateFile(dir), 'utf8')) as SyncState; // cast: only Tandem writes this file
    return typeof parsed.theirs === 'string' && Array.isArray(parsed.conflicts)
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSyncState(dir: string, state: SyncState): Promise<void> {
  await writeFileAtomic(stateFile(dir), `${JSON.stringify(state, null, 2)}\n`);
}

export async function clearSyncState(dir: string): Promise<void> {
  await rm(stateFile(dir), { force: true });
}

/** Prefix of the other side's copy kept beside a conflicted file; a dot keeps Tandem from reading it. */
export const THEIRS_PREFIX = '.tandem-theirs-';

/** `modules/02-x.md` → `modules/.tandem-theirs-02-x.md`. */
export function theirsPathFor(file: string): string {
  const slash = file.lastIndexOf('/');
  return `${file.slice(0, slash + 1)}${THEIRS_PREFIX}${file.slice(slash + 1)}`;
}

/** The conflicts of a waiting sync whose other-side copy is still beside the file. */
export async function unresolvedConflicts(dir: string): Promise<SyncConflict[]> {
  const state = await readSyncState(dir);
  if (!state?.applied) return [];
  const open: SyncConflict[] = [];
  for (const conflict of state.conflicts) {
    const present = await access(path.join(dir, conflict.theirsPath)).then(
      () => true,
      () => false,
    );
    if (present) open.push(conflict);
  }
  return open;
}
