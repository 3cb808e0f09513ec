/** The term's title and dates: first and last day, and when enrolment opens. */
import { useMemo } from 'react';
import type { TermPlan } from '../../../main/api/contract.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import { longDate } from './format-date.js';

export type TermDates = Pick<TermPlan, 'title' | 'starts' | 'ends' | 'enrolmentOpens'>;

/** The term's own fields, without its runs: a run added meanwhile is no change to them. */
export function termDates({ title, starts, ends, enrolmentOpens }: TermPlan): TermDates {
  return enrolmentOpens ? { title, starts, ends, enrolmentOpens } : { title, starts, ends };
}

const day = (date: string | undefined) => (date ? longDate(date) : '');

/** The form's fields as it labels them, for the conflict view. */
const DATE_FIELDS: RecordField<TermDates>[] = [
  { name: 'title', label: 'Title' },
  { name: 'starts', label: 'First day', show: (dates) => day(dates.starts) },
  { name: 'ends', label: 'Last day', show: (dates) => day(dates.ends) },
  { name: 'enrolmentOpens', label: 'Enrolment opens', show: (dates) => day(dates.enrolmentOpens) },
];

interface Props {
  plan: TermPlan;
  /** Library-relative term file, e.g. `terms/spring-2027.yml`. */
  file: string;
  busy: boolean;
  /** The term's dates as they are on disk now. */
  latest(): Promise<TermDates | undefined>;
  onSave(dates: TermDates): Promise<boolean>;
}

/** Edits the term's own fields; saved with its button. */
export function TermDatesForm({ plan, file, busy, latest, onSave }: Props) {
  const record = useMemo(() => termDates(plan), [plan]);
  const edit = useRecordEdit({
    record,
    fields: DATE_FIELDS,
    file,
    what: `the dates of ${plan.title}`,
    latest,
    onSave,
  });
  const { value: dates, setValue: setDates } = edit.draft;
  const set = (key: keyof TermDates) => (event: { target: { value: string } }) => {
    const next = { ...dates, [key]: event.target.value };
    if (!next.enrolmentOpens) delete next.enrolmentOpens;
    setDates(next);
  };
  return (
    <section className="panel" aria-labelledby="planner-dates">
      <h2 id="planner-dates" tabIndex={-1}>
        Term dates
      </h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void edit.submit();
        }}
      >
        <div className="field">
          <label htmlFor="term-title">Title</label>
          <input id="term-title" type="text" value={dates.title} onChange={set('title')} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="term-starts">First day</label>
            <input id="term-starts" type="date" value={dates.starts} onChange={set('starts')} />
          </div>
          <div className="field">
            <label htmlFor="term-ends">Last day</label>
            <input id="term-ends" type="date" value={dates.ends} onChange={set('ends')} />
          </div>
          <div className="field">
            <label htmlFor="term-enrolment">Enrolment opens</label>
            <input
              id="term-enrolment"
              type="date"
              value={dates.enrolmentOpens ?? ''}
              onChange={set('enrolmentOpens')}
            />
          </div>
        </div>
        <button type="submit" className="button" disabled={busy || !edit.draft.dirty}>
          Save term dates
        </button>
      </form>
      <RecordEditNotices edit={edit} />
    </section>
  );
}
