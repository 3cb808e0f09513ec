/**
 * While a sync waits for someone to decide between two versions of a file, the check reports
 * each such file as an error, so a half-decided library is never published without anyone
 * noticing.
 */
import type { Problem } from './types.js';
import { unresolvedConflicts } from './sync-state.js';

/** One error per file still waiting for a decision (none when no sync is waiting). */
export async function syncConflictProblems(root: string): Promise<Problem[]> {
  return (await unresolvedConflicts(root)).map((conflict) => ({
    file: conflict.path,
    line: 1,
    column: 1,
    message:
      `you and someone else changed the same lines of this file. Your version is here and ` +
      `theirs is in ${conflict.theirsPath}: keep what you want, delete their copy, then sync again.`,
    severity: 'error',
    code: 'sync-conflict',
  }));
}
