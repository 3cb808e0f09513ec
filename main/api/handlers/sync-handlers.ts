/** Sync from the app: where the library stands, Sync itself, and deciding between two versions. */
import type { SyncChoice, SyncConflictFile, SyncStatus } from '../contract.js';
import { credentialHooks } from '../../sync/git-credentials.js';
import { readConflict, resolveConflict } from '../../sync/resolve-conflict.js';
import { syncAuthor } from '../../sync/sync-author.js';
import { SyncError } from '../../sync/sync-errors.js';
import { syncLibrary } from '../../sync/sync-library.js';
import { syncStanding } from '../../sync/sync-status.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';

async function auth(context: ApiContext) {
  return credentialHooks({ token: await context.options.gitToken?.() });
}

/** The sync status; with `check`, asks the shared copy first (needs the network). */
export async function getSyncStatus(context: ApiContext, check = false): Promise<SyncStatus> {
  return context.serialize('sync', async () =>
    syncStanding(context.root, check ? await auth(context) : undefined),
  );
}

/** One sync; a sync that cannot run is reported in the status, not thrown. */
export async function syncNow(context: ApiContext): Promise<SyncStatus> {
  return context.serialize('sync', async () => {
    try {
      await syncLibrary(context.root, {
        author: await syncAuthor(context.root, { configDir: context.configDir }),
        auth: await auth(context),
      });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const status = await syncStanding(context.root);
      return { ...status, state: error.kind, message: error.message };
    }
    return syncStanding(context.root);
  });
}

/** Both versions of a file waiting for a decision. */
export async function readSyncConflict(
  context: ApiContext,
  file: string,
): Promise<SyncConflictFile> {
  try {
    return await readConflict(context.root, file);
  } catch (error) {
    throw new TandemApiError('not-found', (error as Error).message); // cast: thrown values here are Errors
  }
}

/** Records the decision, then syncs so the merge completes as soon as nothing is left to decide. */
export async function resolveSyncConflict(
  context: ApiContext,
  file: string,
  choice: SyncChoice,
): Promise<SyncStatus> {
  try {
    await context.serialize('sync', () => resolveConflict(context.root, file, choice));
  } catch (error) {
    throw new TandemApiError('not-found', (error as Error).message); // cast: thrown values here are Errors
  }
  return syncNow(context);
}
