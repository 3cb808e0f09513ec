/**
 * Sharing with the other trainers, always in view in the sidebar: where this copy stands,
 * a Sync button, and the files waiting for a decision, each opening both versions side by side.
 */
import { useEffect, useState } from 'react';
import type { SyncChoice, SyncConflictFile, SyncStatus } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useSyncStatus } from '../hooks/useSyncStatus.js';
import { ConflictDialog } from './ConflictDialog.js';

const changes = (n: number): string => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** The status in a few plain words. */
export function syncLabel(status: SyncStatus): string {
  switch (status.state) {
    case 'in-step':
      return 'Up to date';
    case 'changes': {
      const parts = [];
      if (status.toSend > 0) parts.push(`${changes(status.toSend)} to send`);
      if (status.toReceive > 0) parts.push(`${changes(status.toReceive)} to receive`);
      return parts.join(', ');
    }
    case 'needs-decision':
      return `Needs a decision (${status.conflicts.length === 1 ? '1 file' : `${status.conflicts.length} files`})`;
    case 'offline':
      return 'Offline: your changes are kept here';
    case 'sign-in':
      return 'Sign-in was not accepted';
    case 'not-set-up':
      return 'Only on this computer';
    default:
      return 'Sync did not finish';
  }
}

const fileName = (file: string): string => file.split('/').slice(-2).join('/');

export function SyncPanel() {
  const { status, syncing, error, sync, refresh, automatic, setAutomatic } = useSyncStatus();
  const [open, setOpen] = useState<SyncConflictFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const decideAbout = async (file: string) => {
    try {
      setOpen(await tandem().readSyncConflict(file));
      setProblem(null);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  };
  const choose = async (file: string, choice: SyncChoice) => {
    setOpen(null);
    try {
      await tandem().resolveSyncConflict(file, choice);
      await refresh(false);
    } catch (caught) {
      setProblem(errorMessage(caught));
    }
  };
  const runSync = async () => {
    const next = await sync();
    const first = next?.state === 'needs-decision' ? next.conflicts[0] : undefined;
    if (first) await decideAbout(first);
  };

  // A sync that stopped (here or on opening) shows the first file to decide about.
  const firstConflict = status?.state === 'needs-decision' ? status.conflicts[0] : undefined;
  useEffect(() => {
    if (!firstConflict) setOpen(null);
  }, [firstConflict]);

  if (!status || status.state === 'not-set-up') return null;
  const tone =
    status.state === 'in-step' ? 'good' : status.state === 'changes' ? 'wait' : 'problem';
  return (
    <section className="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading" className="sync__heading">
        Shared library{status.host ? <span className="muted"> on {status.host}</span> : null}
      </h2>
      <p className={`sync__status sync__status--${tone}`} role="status" data-testid="sync-status">
        {syncing ? 'Syncing…' : syncLabel(status)}
      </p>
      {status.message && <p className="hint">{status.message}</p>}
      {(error || problem) && <p className="hint sync__problem">{error ?? problem}</p>}
      {status.state === 'needs-decision' && (
        <ul className="sync__conflicts">
          {status.conflicts.map((file) => (
            <li key={file}>
              <span className="sync__file" title={file}>
                {fileName(file)}
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => void decideAbout(file)}
              >
                Decide
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => void choose(file, 'both')}
              >
                Keep both
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--small sync__button"
        aria-disabled={syncing ? true : undefined}
        onClick={() => void runSync()}
      >
        {syncing ? 'Syncing…' : 'Sync'}
      </button>
      <label className="sync__auto">
        <input
          type="checkbox"
          checked={automatic}
          onChange={(event) => setAutomatic(event.target.checked)}
        />
        Sync when Tandem opens and after each sign-off
      </label>
      {open && (
        <ConflictDialog
          open
          what={`“${open.path}” (you and someone else changed the same lines)`}
          mine={open.mine}
          theirs={open.theirs}
          onKeepMine={() => void choose(open.path, 'mine')}
          onTakeTheirs={() => void choose(open.path, 'theirs')}
        />
      )}
    </section>
  );
}
