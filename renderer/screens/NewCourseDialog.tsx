/** Starts a new course: title, category and the authors who will write it. */
import { useState } from 'react';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { Dialog } from '../components/Dialog.js';
import { AuthorPicker, authorsProblem } from '../components/AuthorPicker.js';

/** The "New course" dialog. */
export function NewCourseDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { library, identity, navigate, refreshLibrary, announce } = useApp();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [authors, setAuthors] = useState<string[]>(() =>
    identity?.trainerId ? [identity.trainerId] : [],
  );
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  if (!library) return null;

  const titleProblem = title.trim() ? undefined : 'Please give the course a title.';
  const categoryProblem = category ? undefined : 'Please choose a category.';
  const whoProblem = authorsProblem(library.trainers, authors);

  const create = async () => {
    setTried(true);
    if (titleProblem || categoryProblem || whoProblem) {
      announce('Some details are still needed. They are described under each field.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const course = await tandem().createCourse({ title: title.trim(), category, authors });
      await refreshLibrary();
      onClose();
      setTitle('');
      setTried(false);
      await navigate({ screen: 'course', courseId: course.id, tab: 'details' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} title="New course" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor="new-title">Title</label>
          <input
            id="new-title"
            type="text"
            value={title}
            autoFocus
            aria-invalid={tried && titleProblem ? true : undefined}
            aria-describedby={tried && titleProblem ? 'new-title-problem' : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {tried && titleProblem && (
            <p id="new-title-problem" className="field__problem">
              {titleProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="new-category">Category</label>
          <select
            id="new-category"
            value={category}
            aria-invalid={tried && categoryProblem ? true : undefined}
            aria-describedby={tried && categoryProblem ? 'new-category-problem' : undefined}
            onChange={(event) => setCategory(event.target.value)}
          >
            <option value="">Choose a category</option>
            {library.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {tried && categoryProblem && (
            <p id="new-category-problem" className="field__problem">
              {categoryProblem}
            </p>
          )}
        </div>
        <AuthorPicker
          trainers={library.trainers}
          selected={authors}
          onChange={setAuthors}
          problem={tried ? whoProblem : undefined}
        />
        {error && (
          <p className="notice notice--problem" role="alert">
            The course could not be created: {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create course'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
