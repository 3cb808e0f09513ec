/** Change one session's date and times, or add a single session to a run. */
import { useEffect, useState } from 'react';
import type { PlannedSession, TermDocument } from '../../../main/api/contract.js';
import { Dialog } from '../../components/Dialog.js';
import { useApp } from '../../state/AppContext.js';
import { longDate } from './format-date.js';

interface Props {
  editing:
    | { kind: 'session'; run: number; session: number }
    | { kind: 'new-session'; run: number }
    | undefined;
  term: TermDocument;
  onClose(): void;
  onSave(run: number, session: number | undefined, value: PlannedSession): Promise<void>;
}

/** The "Change session" / "Add a session" dialog. */
export function SessionDialog({ editing, term, onClose, onSave }: Props) {
  const { library } = useApp();
  const run = editing ? term.plan.runs[editing.run] : undefined;
  const existing = editing?.kind === 'session' ? run?.sessions[editing.session] : undefined;
  const last = run?.sessions.at(-1);
  const [value, setValue] = useState<PlannedSession>({ date: '', start: '', end: '' });
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    setProblem(undefined);
    if (existing) setValue({ date: existing.date, start: existing.start, end: existing.end });
    else setValue({ date: '', start: last?.start ?? '10:00', end: last?.end ?? '12:00' });
  }, [editing, existing, last]);
  const title = library?.courses.find((c) => c.id === run?.course)?.title ?? run?.course ?? '';
  const heading = existing ? `Change the session on ${longDate(existing.date)}` : 'Add a session';
  return (
    <Dialog open={editing !== undefined} title={heading} onClose={onClose} description={title}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!editing) return;
          if (!value.date || !value.start || !value.end) {
            return setProblem('Please give the date and both times.');
          }
          if (value.end <= value.start) {
            return setProblem(`The session must end after it starts (${value.start}).`);
          }
          void onSave(editing.run, editing.kind === 'session' ? editing.session : undefined, value);
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
    </Dialog>
  );
}
