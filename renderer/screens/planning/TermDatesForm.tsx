/** The term's title and dates: first and last day, and when enrolment opens. */
import { useEffect, useState } from 'react';
import type { TermPlan } from '../../../main/api/contract.js';

type Dates = Pick<TermPlan, 'title' | 'starts' | 'ends' | 'enrolmentOpens'>;

interface Props {
  plan: TermPlan;
  busy: boolean;
  onSave(dates: Dates): Promise<boolean>;
}

/** Edits the term's own fields; saved with its button. */
export function TermDatesForm({ plan, busy, onSave }: Props) {
  const [dates, setDates] = useState<Dates>(plan);
  useEffect(() => setDates(plan), [plan]);
  const set = (key: keyof Dates) => (event: { target: { value: string } }) =>
    setDates({ ...dates, [key]: event.target.value });
  const changed =
    dates.title !== plan.title ||
    dates.starts !== plan.starts ||
    dates.ends !== plan.ends ||
    (dates.enrolmentOpens ?? '') !== (plan.enrolmentOpens ?? '');
  return (
    <section className="panel" aria-labelledby="planner-dates">
      <h2 id="planner-dates" tabIndex={-1}>
        Term dates
      </h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const { enrolmentOpens, ...rest } = dates;
          void onSave(enrolmentOpens ? { ...rest, enrolmentOpens } : rest);
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
        <button type="submit" className="button" disabled={busy || !changed}>
          Save term dates
        </button>
      </form>
    </section>
  );
}
