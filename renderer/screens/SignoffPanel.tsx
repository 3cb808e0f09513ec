/**
 * Who has signed off this course, what changed since, and the button to sign off the current
 * version. A course is ready when every author has signed the version as it is now.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AuthorSignoff, CourseStatus, FileDiff } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';
import { SIGNED_OFF_EVENT } from '../hooks/useSyncStatus.js';
import { statusText } from '../components/StatusBadge.js';
import { DiffView } from '../components/DiffView.js';
import { formatWhen } from '../components/format-when.js';

export interface SignoffPanelProps {
  courseId: string;
  /** Saves open work first, so the signed version is what is on screen. */
  flush(): Promise<boolean>;
  authors: string[] | undefined;
}

const stateMarks: Record<CourseStatus['state'], string> = {
  draft: '✎',
  awaiting: '…',
  changed: '!',
  ready: '✓',
};

function explain(status: CourseStatus): string {
  switch (status.state) {
    case 'ready':
      return 'Every author has signed off this version. It can go in the prospectus.';
    case 'changed':
      return 'The course has changed since it was signed off. Each author needs to look at the changes and sign off again before it can be published.';
    case 'awaiting':
      return 'Some authors have signed off this version. It will be ready when the others have too.';
    default:
      return 'Nobody has signed off this course yet. When it is finished, each author signs off the version they agree with.';
  }
}

/** The sign-off tab of the course screen. */
export function SignoffPanel({ courseId, flush, authors }: SignoffPanelProps) {
  const { identity, trainer, refreshLibrary, announce } = useApp();
  const [status, setStatus] = useState<CourseStatus | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | undefined>(undefined);
  const reasonId = useId();

  const load = useCallback(async () => {
    try {
      setStatus(await tandem().getStatus(courseId));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [courseId]);

  useEffect(() => {
    // Save open work first, so the status describes what is on screen.
    void flush().then(load);
  }, [flush, load]);

  useTandemEvent((event) => {
    if (event.type === 'library-changed' && event.files.some((f) => f.includes(`${courseId}/`)))
      void load();
  });

  if (loadError)
    return (
      <p className="notice notice--problem" role="alert">
        The sign-off status could not be worked out: {loadError}
      </p>
    );
  if (!status) return <p className="loading">Checking sign-offs…</p>;

  const me = identity?.trainerId ? trainer(identity.trainerId) : undefined;
  const mine = status.authors.find((a) => a.trainerId === me?.id);
  const isAuthor = Boolean(me && (mine || authors?.includes(me.id)));
  const reason = !me
    ? 'Choose who you are under “Your profile” first.'
    : !isAuthor
      ? `Only this course’s authors can sign it off, and ${me.name} is not one of them.`
      : !identity?.hasKey
        ? 'Create your signing key under “Your profile” first. It proves the sign-off is yours.'
        : mine?.signedCurrent
          ? 'You have signed off this version.'
          : undefined;

  const signOff = async () => {
    if (reason || signing) return;
    setSigning(true);
    setSignError(undefined);
    try {
      if (!(await flush())) {
        setSignError('Your latest changes are not saved yet. Save them, then sign off.');
        return;
      }
      const next = await tandem().signOff(courseId, comment.trim() || undefined);
      setStatus(next);
      setComment('');
      announce(`Signed off. The course is now: ${next.label}.`);
      window.dispatchEvent(new Event(SIGNED_OFF_EVENT));
      void refreshLibrary();
    } catch (error) {
      setSignError(errorMessage(error));
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="signoff">
      <section className="signoff__summary" aria-labelledby="signoff-title">
        <h2 id="signoff-title">Sign-off</h2>
        <p className="signoff__state">
          <span aria-hidden="true">{stateMarks[status.state]} </span>
          {statusText(status)[0]?.toUpperCase()}
          {statusText(status).slice(1)}
        </p>
        <p>{explain(status)}</p>
      </section>

      <section className="signoff__people" aria-labelledby="signoff-authors">
        <h3 id="signoff-authors">Authors</h3>
        <ul className="signoff__authors">
          {status.authors.map((author) => (
            <AuthorRow key={author.trainerId} courseId={courseId} author={author} />
          ))}
        </ul>
      </section>

      <section className="signoff__action" aria-labelledby="signoff-now">
        <h3 id="signoff-now">Sign off this version</h3>
        <p className="hint">
          Signing off says: “I have read this version and I am happy for it to be published.”
        </p>
        <div className="field">
          <label htmlFor="signoff-comment">Comment (optional)</label>
          <textarea
            id="signoff-comment"
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={reason || signing ? true : undefined}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void signOff()}
        >
          {signing ? 'Signing off…' : 'Sign off this version'}
        </button>
        {reason && (
          <p id={reasonId} className="hint signoff__reason">
            {reason}
          </p>
        )}
        {signError && (
          <p className="field__problem" role="alert">
            {signError}
          </p>
        )}
      </section>

      {status.records.some((r) => !r.valid) && (
        <section className="signoff__history" aria-labelledby="signoff-history">
          <h3 id="signoff-history">Sign-offs that do not count</h3>
          <ul className="plain-list">
            {status.records
              .filter((r) => !r.valid)
              .map((r) => (
                <li key={`${r.line}`}>
                  {trainer(r.trainer)?.name ?? r.trainer}, {formatWhen(r.time)}: {r.reason}
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function AuthorRow({ courseId, author }: { courseId: string; author: AuthorSignoff }) {
  const [diffs, setDiffs] = useState<FileDiff[] | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const changed = Boolean(author.lastSignedVersion) && !author.signedCurrent;
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    try {
      setDiffs(await tandem().diffSince(courseId, author.trainerId));
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className="signoff-author" data-trainer={author.trainerId}>
      <div className="signoff-author__who">
        <span className="signoff-author__name">{author.name}</span>{' '}
        <span className="muted">{author.role} trainer</span>
      </div>
      <div className="signoff-author__what">
        {author.signedCurrent ? (
          <span className="signed signed--yes">
            <span aria-hidden="true">✓ </span>Signed off this version
            {author.lastSignedAt && <> on {formatWhen(author.lastSignedAt)}</>}
          </span>
        ) : changed ? (
          <span className="signed signed--old">
            <span aria-hidden="true">! </span>Signed an earlier version
            {author.lastSignedAt && <> on {formatWhen(author.lastSignedAt)}</>}
          </span>
        ) : (
          <span className="signed signed--no">Not signed off yet</span>
        )}
      </div>
      {changed && (
        <div className="signoff-author__diff">
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            onClick={() => void toggle()}
          >
            {open ? 'Hide' : 'Show'} what changed since {author.name.split(' ')[0]} signed
          </button>
          {open && error && (
            <p className="field__problem" role="alert">
              The changes could not be shown: {error}
            </p>
          )}
          {open && !error && !diffs && <p className="loading">Finding the changes…</p>}
          {open && diffs && <DiffView diffs={diffs} />}
        </div>
      )}
    </li>
  );
}
