/**
 * One sync: commit this person's own changes, fetch the shared copy, merge, push. Every step
 * can be cut short (the process killed, the network gone) and the next sync picks up where it
 * stopped: the merge being written is recorded first (library/sync-state.ts), every file is written
 * whole, and the branch moves only once the files are in place.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { describeChanges } from './describe-changes.js';
import {
  commitIndex,
  currentBranch,
  excludeLocally,
  fetchBranch,
  filesAt,
  hashWorkingFile,
  isAncestor,
  isRepository,
  mergeBase,
  moveBranch,
  pushBranch,
  readBlob,
  remoteUrl,
  resolveCommit,
  stagePaths,
  workingChanges,
  writeBlob,
  type CommitId,
  type GitAuthHooks,
  type GitAuthor,
} from './git-engine.js';
import { mergeFile, planMerge, type PlannedWrite } from './plan-merge.js';
import { explainSyncError, SyncError } from './sync-errors.js';
import {
  clearSyncState,
  readSyncState,
  unresolvedConflicts,
  theirsPathFor,
  writeSyncState,
  type SyncConflict,
  type SyncState,
} from '../library/sync-state.js';

/** Never shared: half-written temp files, locks, the other side's copies, OS clutter. */
export const LOCAL_ONLY_PATTERNS = [
  '.*.tmp',
  '.*.lock',
  '.tandem-theirs-*',
  // Each person's own safety copies of text they did not keep (see the recovered-text store).
  '/.tandem/recovered/',
  // Deleted courses kept for Undo, and the record of a course rename under way.
  '/.tandem/trash/',
  '/.tandem/course-rename.json',
  // What `tandem check` keeps to check unchanged text faster next time.
  '/.tandem/cache/',
  '.DS_Store',
  'Thumbs.db',
];

export interface SyncOptions {
  author: GitAuthor;
  auth: GitAuthHooks;
}

export type SyncOutcome =
  | {
      state: 'in-step';
      /** Files of this person's changes that reached the shared copy. */
      sent: number;
      /** Files changed here by bringing in others' changes. */
      received: number;
    }
  | { state: 'needs-decision'; conflicts: SyncConflict[]; received: number };

/** Fetch-merge-push rounds before giving up when others keep pushing in between. */
const MAX_ROUNDS = 5;

/** Syncs the library working copy at `dir` with its shared copy. Throws SyncError. */
export async function syncLibrary(dir: string, options: SyncOptions): Promise<SyncOutcome> {
  if (!(await isRepository(dir))) {
    throw new SyncError('not-set-up', `${dir} is not connected to a shared library yet.`);
  }
  const url = await remoteUrl(dir);
  if (!url) throw new SyncError('not-set-up', `${dir} has no shared library address.`);
  await excludeLocally(dir, LOCAL_ONLY_PATTERNS);
  const branch = await currentBranch(dir);
  let received = 0;

  const pending = await finishInterruptedMerge(dir, branch, options.author);
  received += pending.received;
  if (pending.conflicts.length > 0) {
    return { state: 'needs-decision', conflicts: pending.conflicts, received };
  }
  let sent = await commitOwnChanges(dir, options.author);

  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const theirs = await fetchBranch(dir, branch, options.auth);
      const ours = await resolveCommit(dir, 'HEAD');
      if (!ours) return { state: 'in-step', sent, received };
      if (theirs && !(await isAncestor(dir, theirs, ours))) {
        const merged = await mergeIn(dir, branch, ours, theirs, options.author);
        received += merged.received;
        if (merged.conflicts.length > 0) {
          return { state: 'needs-decision', conflicts: merged.conflicts, received };
        }
        sent += await commitOwnChanges(dir, options.author);
      }
      const head = await resolveCommit(dir, 'HEAD');
      if (head === theirs) return { state: 'in-step', sent, received };
      if (await pushBranch(dir, branch, options.auth)) return { state: 'in-step', sent, received };
    }
  } catch (error) {
    throw explainSyncError(error, url);
  }
  throw new SyncError(
    'failed',
    'Others kept changing the shared library during the sync. Sync again.',
  );
}

/** Commits everything the person changed since the last commit; returns how many files. */
async function commitOwnChanges(
  dir: string,
  author: GitAuthor,
  parents?: CommitId[],
  message?: string,
): Promise<number> {
  const changes = await workingChanges(dir);
  if (changes.length === 0 && !parents) return 0;
  await stagePaths(
    dir,
    changes.map((change) => change.path),
  );
  await commitIndex(
    dir,
    message ?? (await describeChanges(dir, author.name, changes)),
    author,
    parents,
  );
  return changes.length;
}

/**
 * Deals with a merge a previous sync left: one killed while writing files is written again;
 * one waiting for decisions stays waiting (returns the conflicts) until every other-side copy
 * is gone, and is then committed.
 */
async function finishInterruptedMerge(
  dir: string,
  branch: string,
  author: GitAuthor,
): Promise<{ conflicts: SyncConflict[]; received: number }> {
  const none = { conflicts: [], received: 0 };
  const state = await readSyncState(dir);
  if (!state) return none;
  const head = await resolveCommit(dir, 'HEAD');
  if (head !== state.ours) {
    await clearSyncState(dir); // the branch already moved on: that merge was finished
    return none;
  }
  if (!state.applied) return mergeIn(dir, branch, state.ours, state.theirs, author);
  const open = await unresolvedConflicts(dir);
  if (open.length > 0) return { conflicts: open, received: 0 };
  const decided = state.conflicts.map((conflict) => conflict.path);
  const names = await describeChanges(
    dir,
    author.name,
    decided.map((file) => ({ path: file, change: 'modified' as const })),
  );
  const message = names.replace(/: edited /, ': decided between two versions of ');
  await commitOwnChanges(dir, author, [state.ours, state.theirs], message);
  await clearSyncState(dir);
  return none;
}

/**
 * Brings `theirs` into the working copy and the branch. Records the merge before touching any
 * file, so that a killed sync writes the same files again next time.
 */
async function mergeIn(
  dir: string,
  branch: string,
  ours: CommitId,
  theirs: CommitId,
  author: GitAuthor,
): Promise<{ conflicts: SyncConflict[]; received: number }> {
  const base = await mergeBase(dir, ours, theirs);
  const fastForward = base === ours;
  const [baseFiles, ourFiles, theirFiles] = await Promise.all([
    base ? filesAt(dir, base) : new Map<string, string>(),
    filesAt(dir, ours),
    filesAt(dir, theirs),
  ]);
  const plan = await planMerge(dir, baseFiles, ourFiles, theirFiles);
  const state: SyncState = { ours, theirs, applied: false, fastForward, conflicts: [] };
  await writeSyncState(dir, state);

  const conflicts = new Map<string, string>(plan.conflicts.map((c) => [c.path, c.theirs]));
  for (const write of plan.writes) {
    const clash = await applyWrite(dir, write, ourFiles.get(write.path));
    if (clash) conflicts.set(write.path, clash);
  }
  for (const [file, oid] of conflicts) {
    await writeFileAtomic(path.join(dir, theirsPathFor(file)), await readBlob(dir, oid));
  }
  await stagePaths(
    dir,
    plan.writes.map((write) => write.path).filter((file) => !conflicts.has(file)),
  );
  state.conflicts = [...conflicts.keys()].map((file) => ({
    path: file,
    theirsPath: theirsPathFor(file),
  }));
  state.applied = true;
  if (state.conflicts.length > 0) {
    await writeSyncState(dir, state);
    return { conflicts: state.conflicts, received: plan.writes.length };
  }
  if (fastForward) await moveBranch(dir, branch, theirs);
  else {
    await commitIndex(dir, `${author.name}: brought in changes from the shared library`, author, [
      ours,
      theirs,
    ]);
  }
  await clearSyncState(dir);
  return { conflicts: [], received: plan.writes.length };
}

/**
 * Writes one planned change into the working copy. When the person changed that file during
 * the sync (it no longer matches our commit), their edit is merged in too; if that clashes,
 * their file stays as it is and the planned version is returned to be kept beside it.
 */
async function applyWrite(
  dir: string,
  write: PlannedWrite,
  ourOid: string | undefined,
): Promise<string | undefined> {
  const target = path.join(dir, write.path);
  const current = await hashWorkingFile(dir, write.path);
  if (current === write.oid) return undefined;
  let oid = write.oid;
  if (current !== ourOid) {
    if (current === undefined || write.oid === undefined) return write.oid;
    const working = await writeBlob(dir, await readFile(target));
    oid = await mergeFile(dir, write.path, ourOid, working, write.oid);
    if (oid === undefined) return write.oid;
  }
  if (oid === undefined) {
    await rm(target, { force: true });
    return undefined;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, await readBlob(dir, oid));
  return undefined;
}
