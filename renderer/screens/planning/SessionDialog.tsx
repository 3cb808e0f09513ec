/** Change one session's date and times, or add a single session to a run. */
import { useMemo, useState } from 'react';
import type { PlannedSession, TermDocument } from '../../../main/api/contract.js';
import { Dialog } from '../../components/Dialog.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import { useApp } from '../../state/AppContext.js';
import { longDate } from './format-date.js';

type Editing =
  { kind: 'session'; run: number; session: number } | { kind: 'new-session'; run: number };

/** The session's fields as the form labels them, for the conflict view. */
const SESSION_FIELDS: RecordField<PlannedSession>[] = [
  { name: 'date', label: 'Date', show: (session) => (session.date ? longDate(session.date) : '') },
  { name: 'start', label: 'Starts' },
  { name: 'end', label: 'Ends' },
];

// Only the session's own fields: its place in the file is no part of the edit.
const timesOf = ({ date, start, end }: PlannedSession): PlannedSession => ({ date, start, end });

interface Props {
  editing: Editing | undefined;
  term: TermDocument;
  /** Library-relative term file, e.g. `terms/spring-2027.yml`. */
  file: string;
  /** The term as it is on disk now. */
  latest(): Promise<TermDocument | undefined>;
  onClose(): void;
  onSave(run: number, session: number | undefined, value: PlannedSession): Promise<boolean>;
}

/** The "Change session" / "Add a session" dialog. */
export function SessionDialog({ editing, term, file, latest, onClose, onSave }: Props) {
  const { library } = useApp();
  const run = editing ? term.plan.runs[editing.run] : undefined;
  const existing = editing?.kind === 'session' ? run?.sessions[editing.session] : undefined;
  const title = library?.courses.find((c) => c.id === run?.course)?.title ?? run?.course ?? '';
  const heading = existing ? `Change the session on ${longDate(existing.date)}` : 'Add a session';
  return (
    <Dialog open={editing !== undefined} title={heading} onClose={onClose} description={title}>
      {editing && run && (
        <SessionForm
          // A new form for each session, so one session's draft never carries over to another.
          key={`${editing.kind}-${editing.run}-${editing.kind === 'session' ? editing.session : ''}`}
          existing={existing}
          last={run.sessions.at(-1)}
          file={file}
          what={`the session of ${title}${existing ? ` on ${longDate(existing.date)}` : ''}`}
          latest={
            editing.kind === 'session'
              ? async () => {
                  const now = (await latest())?.plan.runs[editing.run]?.sessions[editing.session];
                  return now && timesOf(now);
                }
              : undefined
          }
          onClose={onClose}
          onSave={(value) =>
            onSave(editing.run, editing.kind === 'session' ? editing.session : undefined, value)
          }
        />
      )}
    </Dialog>
  );
}

function SessionForm({
  existing,
  last,
  file,
  what,
  latest,
  onClose,
  onSave,
}: {
  existing: PlannedSession | undefined;
  last: PlannedSession | undefined;
  file: string;
  what: string;
  latest?(): Promise<PlannedSession | undefined>;
  onClose(): void;
  onSave(value: PlannedSession): Promise<boolean>;
}) {
  const record = useMemo(
    () =>
      existing
        ? timesOf(existing)
        : { date: '', start: last?.start ?? '10:00', end: last?.end ?? '12:00' },
    [existing, last?.start, last?.end],
  );
  const edit = useRecordEdit({ record, fields: SESSION_FIELDS, file, what, latest, onSave });
  const { value, setValue } = edit.draft;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!value.date || !value.start || !value.end) {
            return setProblem('Please give the date and both times.');
          }
          if (value.end <= value.start) {
            return setProblem(`The session must end after it starts (${value.start}).`);
          }
          setProblem(undefined);
          void edit.submit();
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="session-date">Date</label>
            <input
              id="session-date"
              type="date"
              value={value.date}
              autoFocus
              onChange={(event) => setValue({ ...value, date: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="session-start">Starts</label>
            <input
              id="session-start"
              type="time"
              value={value.start}
              onChange={(event) => setValue({ ...value, start: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="session-end">Ends</label>
            <input
              id="session-end"
              type="time"
              value={value.end}
              onChange={(event) => setValue({ ...value, end: event.target.value })}
            />
          </div>
        </div>
        {problem && (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary">
            {existing ? 'Save session' : 'Add session'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
      <RecordEditNotices edit={edit} />
    </>
  );
}
