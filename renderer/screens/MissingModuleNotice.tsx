/**
 * Shown when the module being edited disappears from disk (a co-author deleted or renamed it,
 * a sync tool moved it). The text stays in the editor; the person chooses to put the module
 * back with it, or to close it.
 */
import { useState } from 'react';
import { stringify } from 'yaml';
import type { ModuleRef } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import type { ModuleDraft } from './course-documents.js';

export interface MissingModuleNoticeProps {
  courseId: string;
  module: ModuleRef;
  draft: ModuleDraft | undefined;
  /** The module is back on disk as `file`. */
  onRestored(file: string): Promise<void>;
  /** Closes the module, leaving it deleted; resolves once any unsaved text is kept. */
  onClose(): Promise<void>;
}

/** The module file as it would be saved from `draft`. */
export function moduleFileText(draft: ModuleDraft): string {
  const fields: Record<string, string> = { title: draft.title };
  if (draft.duration.trim()) fields.duration = draft.duration.trim();
  return `---\n${stringify(fields)}---\n\n${draft.body}`;
}

export function MissingModuleNotice(props: MissingModuleNoticeProps) {
  const { courseId, module, draft } = props;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      const ref = await tandem().restoreModule(courseId, {
        module,
        content: moduleFileText(draft),
      });
      await props.onRestored(ref.file);
    } catch (error) {
      setProblem(`The module could not be put back: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    setBusy(true);
    try {
      await props.onClose();
    } catch (error) {
      setProblem(`Your text could not be kept, so the module stays open: ${errorMessage(error)}`);
      setBusy(false);
    }
  };
  return (
    <div className="notice notice--problem" role="alert" data-testid="module-missing">
      <p>
        <strong>“{module.title}” is no longer on disk.</strong> Someone deleted, renamed or moved
        its file (modules/{module.file}) while it was open here. Your text is still below, and
        nothing has been lost.
      </p>
      <p className="notice__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !draft}
          onClick={() => void restore()}
        >
          Put the module back with my text
        </button>{' '}
        <button type="button" className="button" disabled={busy} onClick={() => void close()}>
          Close it without putting it back
        </button>
      </p>
      {problem && <p>{problem}</p>}
    </div>
  );
}
