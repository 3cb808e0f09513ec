/**
 * The course's place in the library, for administrators: rename its id, archive it, or delete
 * it with Undo. Each dialog first says which runs the change touches and whose sign-off ends.
 */
import { useEffect, useState } from 'react';
import type { CourseRunUse, CourseUses } from '../../main/api/contract.js';
import { ARCHIVE_FOLDER, ID_PATTERN } from '../../main/format/ids.js';
import { errorMessage, tandem } from '../api.js';
import { Dialog } from '../components/Dialog.js';
import { useApp } from '../state/AppContext.js';
import { dayAndMonth } from './planning/format-date.js';

type Change = 'rename' | 'archive' | 'delete';

const TITLES: Record<Change, string> = {
  rename: 'Rename the course id',
  archive: 'Archive this course',
  delete: 'Delete this course',
};

function runLine(run: CourseRunUse): string {
  const sessions = run.sessionCount === 1 ? '1 session' : `${run.sessionCount} sessions`;
  const from = run.firstSession ? `, from ${dayAndMonth(run.firstSession)}` : '';
  return `${run.termTitle}: run ${run.run}${from}, ${sessions}`;
}

function RunList({ intro, runs }: { intro: string; runs: CourseRunUse[] }) {
  return (
    <div className="course-folder__runs">
      <p>{intro}</p>
      <ul className="plain-list" id="course-folder-runs">
        {runs.map((run) => (
          <li key={`${run.file}:${run.run}`}>
            {runLine(run)} <span className="course-folder__file">({run.file})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const names = (people: string[]): string =>
  people.length <= 1
    ? (people[0] ?? '')
    : `${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;

export interface CourseFolderPanelProps {
  courseId: string;
  title: string;
  /** Saves what is open first; false when it could not be saved. */
  flush(): Promise<boolean>;
}

/** The "This course in the library" section of the course details. */
export function CourseFolderPanel({ courseId, title, flush }: CourseFolderPanelProps) {
  const { navigate, refreshLibrary, showToast, announce } = useApp();
  const [change, setChange] = useState<Change | undefined>(undefined);
  const [uses, setUses] = useState<CourseUses | undefined>(undefined);
  const [newId, setNewId] = useState(courseId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!change) return;
    let current = true;
    setUses(undefined);
    setError(undefined);
    setNewId(courseId);
    tandem()
      .findCourseUses(courseId)
      .then((found) => current && setUses(found))
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [change, courseId]);

  const close = () => setChange(undefined);
  const idProblem =
    change === 'rename' && !ID_PATTERN.test(newId)
      ? 'Use lower-case words joined by hyphens, like living-with-anxiety.'
      : undefined;

  const carryOut = async () => {
    if (!change || idProblem) return;
    setBusy(true);
    setError(undefined);
    try {
      if (!(await flush())) {
        setError('Your last changes are not saved yet; try again once they are.');
        return;
      }
      if (change === 'rename') {
        const renamed = await tandem().renameCourse(courseId, newId);
        await refreshLibrary();
        close();
        await navigate({ screen: 'course', courseId: renamed.id, tab: 'details' });
        const runs = renamed.termFiles.length;
        announce(
          `The course id is now ${renamed.id}${runs > 0 ? `, in ${runs === 1 ? '1 term' : `${runs} terms`} too` : ''}.`,
        );
      } else if (change === 'archive') {
        await tandem().archiveCourse(courseId);
        await refreshLibrary();
        close();
        await navigate({ screen: 'library' });
        showToast({
          message: `“${title}” is archived.`,
          actionLabel: 'Undo',
          focusAction: true,
          onAction: () =>
            void tandem()
              .unarchiveCourse(courseId)
              .then(refreshLibrary)
              .then(() => announce(`“${title}” is back among the courses.`))
              .catch((e: unknown) => showToast({ message: errorMessage(e) })),
        });
      } else {
        const deleted = await tandem().deleteCourse(courseId);
        await refreshLibrary();
        close();
        await navigate({ screen: 'library' });
        showToast({
          message: `“${title}” is deleted.`,
          actionLabel: 'Undo',
          focusAction: true,
          onAction: () =>
            void tandem()
              .restoreCourse(deleted)
              .then(refreshLibrary)
              .then(() => announce(`“${title}” is back, exactly as it was.`))
              .catch((e: unknown) => showToast({ message: errorMessage(e) })),
        });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const blocked =
    !uses ||
    uses.unreadableTerms.length > 0 ||
    (change !== 'rename' && uses.usedBy.length > 0) ||
    (change === 'delete' && uses.runs.length > 0) ||
    (change === 'rename' && (newId === courseId || idProblem !== undefined));

  return (
    <section className="course-folder" aria-labelledby="course-folder-heading">
      <h2 id="course-folder-heading">This course in the library</h2>
      <p className="hint">
        Its id, <code>{courseId}</code>, names its folder and its page on the website; terms name it
        in their runs.
      </p>
      <div className="course-folder__actions">
        <button type="button" className="button" onClick={() => setChange('rename')}>
          Rename the id…
        </button>
        <button type="button" className="button" onClick={() => setChange('archive')}>
          Archive…
        </button>
        <button type="button" className="button" onClick={() => setChange('delete')}>
          Delete…
        </button>
      </div>
      <Dialog open={change !== undefined} title={change ? TITLES[change] : ''} onClose={close}>
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void carryOut();
          }}
        >
          {!uses && !error && <p className="loading">Looking for the runs of this course…</p>}
          {uses && uses.unreadableTerms.length > 0 && (
            <p className="notice notice--problem" role="alert">
              {uses.unreadableTerms.join(', ')} cannot be read (its YAML needs fixing), so Tandem
              cannot tell whether it runs this course. Fix it first.
            </p>
          )}
          {uses && change !== 'rename' && uses.usedBy.length > 0 && (
            <p className="notice notice--problem" role="alert">
              {uses.usedBy.join(', ')} {uses.usedBy.length === 1 ? 'uses' : 'use'} pictures or pages
              of this course. Change {uses.usedBy.length === 1 ? 'it' : 'them'} first, so nothing is
              left pointing at a missing file.
            </p>
          )}
          {uses && change === 'rename' && (
            <>
              <div className="field">
                <label htmlFor="course-new-id">New id</label>
                <p className="hint" id="course-new-id-hint">
                  Lower-case words joined by hyphens. The folder and the website address change.
                </p>
                <input
                  id="course-new-id"
                  type="text"
                  value={newId}
                  autoFocus
                  spellCheck={false}
                  aria-invalid={idProblem ? true : undefined}
                  aria-describedby={`course-new-id-hint${idProblem ? ' course-new-id-problem' : ''}`}
                  onChange={(event) => setNewId(event.target.value.trim())}
                />
                {idProblem && (
                  <p id="course-new-id-problem" className="field__problem">
                    {idProblem}
                  </p>
                )}
              </div>
              {uses.runs.length > 0 ? (
                <RunList intro="These runs will name the new id:" runs={uses.runs} />
              ) : (
                <p>No term runs this course yet.</p>
              )}
              {uses.usedBy.length > 0 && (
                <p>
                  These files point into the course and will follow too: {uses.usedBy.join(', ')}.
                </p>
              )}
              {uses.signedBy.length > 0 && (
                <p className="notice">
                  A sign-off names the course id, so {names(uses.signedBy)} will need to sign this
                  course again after the rename. Their sign-offs so far stay in its signoffs.yml as
                  a record.
                </p>
              )}
            </>
          )}
          {uses && change === 'archive' && (
            <>
              <p>
                “{uses.title}” moves to the <code>{ARCHIVE_FOLDER}/</code> folder, with its
                sign-offs. It stays in the library, is left out of publishing and cannot be added to
                a term. You can bring it back from the course list at any time.
              </p>
              {uses.runs.length > 0 && (
                <RunList
                  intro="These runs stay in their terms, marked, but are not published:"
                  runs={uses.runs}
                />
              )}
            </>
          )}
          {uses && change === 'delete' && uses.runs.length > 0 && (
            <>
              <RunList intro="This course runs in:" runs={uses.runs} />
              <p>
                Remove those runs in the term planner first, or archive the course instead: an
                archived course keeps its history.
              </p>
            </>
          )}
          {uses && change === 'delete' && uses.runs.length === 0 && (
            <p>
              “{uses.title}” leaves the library. You can undo this straight away, and its folder is
              kept on this computer, in <code>.tandem/trash/</code>, either way.
            </p>
          )}
          {error && (
            <p className="notice notice--problem" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button
              type="submit"
              className={change === 'delete' ? 'button button--danger' : 'button button--primary'}
              disabled={busy || blocked}
            >
              {change === 'rename' ? 'Rename' : change === 'archive' ? 'Archive' : 'Delete'}
            </button>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
