/** A short, plain-words guide to the app, opened from the Help menu. */
import { Dialog } from './Dialog.js';

/** The help dialog. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} title="How Tandem works" onClose={onClose}>
      <ul className="plain-list help-list">
        <li>
          <strong>Courses</strong> lists every course. Choose one to write its modules, change its
          details or sign it off.
        </li>
        <li>
          Your writing <strong>saves by itself</strong> a moment after you stop typing. The note at
          the top right says “Saved” when it is safe.
        </li>
        <li>
          <strong>Writing suggestions</strong> are underlined as you write: wording that puts the
          person first, and plain words for every reader. Click one to see why, then replace the
          words or keep them. Suggestions never stop you publishing.
        </li>
        <li>
          If your co-author changes the same text at the same time, Tandem shows both versions and
          lets you choose. Nothing is lost.
        </li>
        <li>
          <strong>Preview the student page</strong> shows, beside your writing, the page students
          will see. It changes each time your work is saved.
        </li>
        <li>
          When a course is finished, <strong>both authors sign it off</strong>. Then it is ready for
          the prospectus.
        </li>
        <li>
          <strong>Publish</strong> makes the printable prospectus and the website for a term.
        </li>
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
