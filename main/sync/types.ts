/**
 * Sync vocabulary shared by the back end and the app (pure types, no Node code: the renderer
 * sees these through main/api/contract.ts).
 */

/** Why a sync could not run: sign-in refused, no network, wrong address, not in Git, other. */
export type SyncErrorKind = 'sign-in' | 'offline' | 'not-found' | 'not-set-up' | 'failed';

/** Where this copy of the library stands against the shared one. */
export interface SyncStatus {
  state: 'in-step' | 'changes' | 'needs-decision' | SyncErrorKind;
  /** Files changed here and not yet sent. */
  toSend: number;
  /** Files changed in the shared copy (as of the last check) and not yet here. */
  toReceive: number;
  /** Library-relative paths waiting for a decision. */
  conflicts: string[];
  /** The Git host, e.g. `github.com` (never with credentials). */
  host?: string;
  /** Why the shared copy could not be reached, in plain words. */
  message?: string;
}

/** Both versions of a file that both sides changed in the same place. */
export interface SyncConflictFile {
  path: string;
  /** This person's version (what the file holds now). */
  mine: string;
  /** The other version, kept beside the file. */
  theirs: string;
}

/** How a person decides: keep theirs or mine, or keep both texts one after the other. */
export type SyncChoice = 'mine' | 'theirs' | 'both';
