/** Shows whether the work on screen is saved, and offers Retry when it is not. */
import type { SaveStatus } from '../hooks/useSavedDocument.js';

export interface SaveIndicatorProps {
  status: SaveStatus;
  error?: string;
  onRetry(): void;
}

/** "Saved", "Saving…" or "Not saved — Retry", announced politely. */
export function SaveIndicator({ status, error, onRetry }: SaveIndicatorProps) {
  return (
    <div className={`save-status save-status--${status}`} data-testid="save-status">
      <span role="status" aria-live="polite">
        {status === 'saved' && (
          <>
            <span aria-hidden="true">✓ </span>Saved
          </>
        )}
        {status === 'saving' && 'Saving…'}
        {status === 'conflict' && 'Not saved — this file was changed by someone else'}
        {status === 'error' && <>Not saved{error ? `: ${error}` : ''}</>}
      </span>
      {status === 'error' && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
