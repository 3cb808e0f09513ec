/**
 * The conflict view for a Markdown text (a module, a front page): both texts side by side, and
 * Keep both, which merges them paragraph by paragraph against the version both started from.
 */
import type { SavedDocument } from '../hooks/useSavedDocument.js';
import { ConflictDialog } from './ConflictDialog.js';
import { frontMatterOf } from './front-matter-of.js';
import { mergeFields } from './merge-fields.js';
import { mergeParagraphs } from './merge-paragraphs.js';

export interface BodyConflictDialogProps<T extends { body: string }> {
  document: SavedDocument<T>;
  /** What the file is, e.g. `the page “Welcome”`. */
  what: string;
  announce(message: string): void;
}

/** Shown while `document` has a conflict; nothing otherwise. */
export function BodyConflictDialog<T extends { body: string }>(props: BodyConflictDialogProps<T>) {
  const { document, what, announce } = props;
  const conflict = document.conflict;
  if (!conflict) return null;
  // The draft as it is now: anything typed after the refused save began is in it too.
  const mine = document.value ?? conflict.mine;
  return (
    <ConflictDialog
      open
      what={what}
      mine={mine.body}
      theirs={conflict.theirsBody}
      onKeepMine={document.keepMine}
      onTakeTheirs={() => void document.takeTheirs()}
      onKeepBoth={() => {
        const merged = mergeParagraphs(conflict.base.body, mine.body, conflict.theirsBody);
        // The title and other fields too: a change on one side is kept; where both changed one,
        // mine is kept here and the file on disk goes to Recovered text, whole.
        const onDisk = frontMatterOf(conflict.theirs);
        const fields = mergeFields(conflict.base, mine, onDisk ?? {}, ['body']);
        const setTheirsAside = !onDisk || fields.clashes.length > 0;
        document.keepBoth({ ...fields.merged, body: merged.text }, { setTheirsAside });
        announce(
          merged.conflicts === 0
            ? 'Both versions are kept, put together.'
            : 'Both versions are kept. Where you both changed the same words, both are there, one after the other, labelled.',
        );
      }}
    />
  );
}
