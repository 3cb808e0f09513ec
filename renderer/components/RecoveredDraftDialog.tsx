/**
 * Text that was typed here but never saved (the page was reloaded, the app or the server
 * stopped) is found in the journal when its file is opened again: offer it back, calmly.
 */
import type { RecoveredDraft } from '../hooks/useSavedDocument.js';
import { Dialog } from './Dialog.js';
import { formatWhen } from './format-when.js';

export interface RecoveredDraftDialogProps {
  recovered: RecoveredDraft;
  onRestore(): void;
  onDiscard(): void;
}

export function RecoveredDraftDialog({
  recovered,
  onRestore,
  onDiscard,
}: RecoveredDraftDialogProps) {
  return (
    <Dialog
      open
      title="Unsaved text found"
      // Escape keeps the text: nothing typed is dropped without a clear choice.
      onClose={onRestore}
      description={
        <p data-testid="recovered-draft-message">
          You have unsaved text from {formatWhen(recovered.changedAt)} in {recovered.label}.
        </p>
      }
    >
      <p className="hint">
        Restoring it lets you carry on where you left off, and saves it as usual. If the file has
        changed since, you will see both versions and choose what to keep.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onRestore}>
          Restore it
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </Dialog>
  );
}
