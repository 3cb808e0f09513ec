/**
 * Where this copy stands against the shared one, for the app's always-visible sync status:
 * files to send (changed here, not yet shared) and to receive (changed there, as of the last
 * fetch), or files waiting for a decision.
 */
import {
  currentBranch,
  fetchBranch,
  filesAt,
  isRepository,
  mergeBase,
  remoteRef,
  remoteUrl,
  resolveCommit,
  workingChanges,
  type GitAuthHooks,
} from './git-engine.js';
import { explainSyncError, hostOf } from './sync-errors.js';
import { unresolvedConflicts } from '../library/sync-state.js';
import type { SyncErrorKind, SyncStatus } from './types.js';

/** Paths whose blob differs between two file maps. */
function changedPaths(a: Map<string, string>, b: Map<string, string>): Set<string> {
  const paths = new Set<string>();
  for (const [file, oid] of a) if (b.get(file) !== oid) paths.add(file);
  for (const file of b.keys()) if (!a.has(file)) paths.add(file);
  return paths;
}

/** Works out the standing; with `auth`, asks the shared copy first (a fetch). */
export async function syncStanding(dir: string, auth?: GitAuthHooks): Promise<SyncStatus> {
  const url = (await isRepository(dir)) ? await remoteUrl(dir) : undefined;
  if (!url) return { state: 'not-set-up', toSend: 0, toReceive: 0, conflicts: [] };
  const host = hostOf(url);
  const open = await unresolvedConflicts(dir);
  if (open.length > 0) {
    const conflicts = open.map((conflict) => conflict.path);
    return { state: 'needs-decision', toSend: 0, toReceive: 0, conflicts, host };
  }
  const branch = await currentBranch(dir);
  let failure: { state: SyncErrorKind; message: string } | undefined;
  if (auth) {
    try {
      await fetchBranch(dir, branch, auth);
    } catch (error) {
      const explained = explainSyncError(error, url);
      failure = { state: explained.kind, message: explained.message };
    }
  }
  const head = await resolveCommit(dir, 'HEAD');
  const theirs = await resolveCommit(dir, remoteRef(branch));
  const base = head && theirs ? await mergeBase(dir, head, theirs) : undefined;
  const empty = new Map<string, string>();
  const [baseFiles, headFiles, theirFiles] = await Promise.all([
    base ? filesAt(dir, base) : empty,
    head ? filesAt(dir, head) : empty,
    theirs ? filesAt(dir, theirs) : empty,
  ]);
  const toSend = changedPaths(baseFiles, headFiles);
  for (const change of await workingChanges(dir)) toSend.add(change.path);
  const toReceive = changedPaths(baseFiles, theirFiles).size;
  const counts = { toSend: toSend.size, toReceive, conflicts: [], host };
  if (failure) return { ...counts, ...failure };
  return { ...counts, state: toSend.size + toReceive === 0 ? 'in-step' : 'changes' };
}
