/**
 * Add a run: the course (with its sign-off status), venue, trainers from the roster with their
 * roles, places, and sessions as a weekly pattern or as single dates.
 */
import { useEffect, useState } from 'react';
import type { PlannedRun, PlannedSession, TermDocument } from '../../../main/api/contract.js';
import { errorMessage, tandem } from '../../api.js';
import { AuthorPicker } from '../../components/AuthorPicker.js';
import { Dialog } from '../../components/Dialog.js';
import { statusText } from '../../components/StatusBadge.js';
import { useApp } from '../../state/AppContext.js';
import { longDate } from './format-date.js';

interface Props {
  open: boolean;
  term: TermDocument;
  onClose(): void;
  onAdd(run: PlannedRun, title: string): Promise<void>;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The "Add a run" dialog. */
export function RunDialog({ open, term, onClose, onAdd }: Props) {
  const { library } = useApp();
  const [course, setCourse] = useState('');
  const [venue, setVenue] = useState('');
  const [facilitators, setFacilitators] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('12');
  const [mode, setMode] = useState<'pattern' | 'dates'>('pattern');
  const [weekday, setWeekday] = useState(1);
  const [from, setFrom] = useState(term.plan.starts);
  const [weeks, setWeeks] = useState('4');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('12:00');
  const [dates, setDates] = useState('');
  const [pattern, setPattern] = useState<{ sessions: PlannedSession[]; description: string }>();
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const weekCount = Number(weeks);
  const patternOk =
    /^\d{4}-\d{2}-\d{2}$/.test(from) &&
    Number.isInteger(weekCount) &&
    weekCount >= 1 &&
    weekCount <= 52 &&
    start < end;
  useEffect(() => {
    if (mode !== 'pattern' || !patternOk) return setPattern(undefined);
    let current = true;
    tandem()
      .expandPattern({ from, weekday, start, end, weeks: weekCount })
      .then((result) => current && setPattern(result))
      .catch((e: unknown) => current && setProblem(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [mode, patternOk, from, weekday, start, end, weekCount]);
  if (!library) return null;

  const singleDates = dates
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((date) => ({ date, start, end }));
  const sessions = mode === 'pattern' ? (pattern?.sessions ?? []) : singleDates;
  const title = library.courses.find((c) => c.id === course)?.title ?? course;

  const add = () => {
    const roles = new Set(
      library.trainers.filter((t) => facilitators.includes(t.id)).map((t) => t.role),
    );
    const why = !course
      ? 'Please choose the course.'
      : !venue
        ? 'Please choose where it runs.'
        : !roles.has('peer') || !roles.has('practitioner')
          ? 'Please choose a peer trainer and a practitioner trainer: every run is delivered by both.'
          : start >= end
            ? 'The sessions must end after they start.'
            : sessions.length === 0
              ? 'Please give the sessions: a weekly pattern or some dates.'
              : sessions.find((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s.date))
                ? 'Write each date as year-month-day, like 2027-01-12.'
                : undefined;
    setProblem(why);
    if (why) return;
    const places = Number(capacity);
    void onAdd(
      {
        course,
        venue,
        facilitators,
        ...(Number.isInteger(places) && places > 0 && { capacity: places }),
        sessions,
      },
      title,
    );
  };

  return (
    <Dialog open={open} title="Add a run" onClose={onClose} wide>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="run-course">Course</label>
            <select
              id="run-course"
              value={course}
              autoFocus
              onChange={(event) => setCourse(event.target.value)}
            >
              <option value="">Choose a course</option>
              {[...library.courses]
                .sort((a, b) => a.title.localeCompare(b.title))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title} ({statusText(c.status)})
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="run-venue">Venue</label>
            <select id="run-venue" value={venue} onChange={(event) => setVenue(event.target.value)}>
              <option value="">Choose a venue</option>
              {library.venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--short">
            <label htmlFor="run-capacity">Places</label>
            <input
              id="run-capacity"
              type="number"
              min={1}
              value={capacity}
              onChange={(event) => setCapacity(event.target.value)}
            />
          </div>
        </div>
        <AuthorPicker
          trainers={library.trainers}
          selected={facilitators}
          onChange={setFacilitators}
          legend="Trainers"
          hint="Every run is delivered by at least one peer trainer and one practitioner trainer."
        />
        <fieldset className="field">
          <legend>Sessions</legend>
          <label className="check">
            <input
              type="radio"
              name="run-mode"
              checked={mode === 'pattern'}
              onChange={() => setMode('pattern')}
            />
            <span>Every week</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="run-mode"
              checked={mode === 'dates'}
              onChange={() => setMode('dates')}
            />
            <span>On single dates</span>
          </label>
          <div className="field-row">
            {mode === 'pattern' && (
              <>
                <div className="field">
                  <label htmlFor="run-weekday">Every</label>
                  <select
                    id="run-weekday"
                    value={weekday}
                    onChange={(event) => setWeekday(Number(event.target.value))}
                  >
                    {WEEKDAYS.map((day, i) => (
                      <option key={day} value={i}>
                        {day}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="run-from">From</label>
                  <input
                    id="run-from"
                    type="date"
                    value={from}
                    onChange={(event) => setFrom(event.target.value)}
                  />
                </div>
                <div className="field field--short">
                  <label htmlFor="run-weeks">Weeks</label>
                  <input
                    id="run-weeks"
                    type="number"
                    min={1}
                    max={52}
                    value={weeks}
                    onChange={(event) => setWeeks(event.target.value)}
                  />
                </div>
              </>
            )}
            {mode === 'dates' && (
              <div className="field field--wide">
                <label htmlFor="run-dates">Dates</label>
                <textarea
                  id="run-dates"
                  rows={3}
                  value={dates}
                  aria-describedby="run-dates-hint"
                  onChange={(event) => setDates(event.target.value)}
                />
                <p id="run-dates-hint" className="hint">
                  One date per line, year-month-day: 2027-01-12
                </p>
              </div>
            )}
            <div className="field field--short">
              <label htmlFor="run-start">Starts</label>
              <input
                id="run-start"
                type="time"
                value={start}
                onChange={(event) => setStart(event.target.value)}
              />
            </div>
            <div className="field field--short">
              <label htmlFor="run-end">Ends</label>
              <input
                id="run-end"
                type="time"
                value={end}
                onChange={(event) => setEnd(event.target.value)}
              />
            </div>
          </div>
          {mode === 'pattern' && pattern && (
            <div className="pattern-preview" role="status">
              <p>
                <strong>{pattern.description}</strong>
              </p>
              <ul className="plain-list">
                {pattern.sessions.map((s) => (
                  <li key={s.date}>{longDate(s.date)}</li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
        {problem && (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary">
            Add run
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
