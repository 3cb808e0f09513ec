/**
 * The term planner: the term's dates, every session week by week (a list, readable at any zoom
 * and by keyboard), and its runs, each with its checks beside it. Every change is saved as it is
 * made, then checked again.
 */
import { useState } from 'react';
import type {
  PlannedRun,
  PlannedSession,
  Problem,
  TermDocument,
  TermPlan,
} from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { severityLabel } from '../../components/severity-label.js';
import { nameWithRole } from '../../../main/format/wording.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
import { useApp } from '../../state/AppContext.js';
import { routeHash } from '../../state/route.js';
import { RunDialog } from './RunDialog.js';
import { SaveNotices } from './SaveNotices.js';
import { SessionDialog } from './SessionDialog.js';
import { TermDatesForm, termDates } from './TermDatesForm.js';
import { dateRange, longDate, shortDate } from './format-date.js';

type Editing =
  | { kind: 'new-run' }
  | { kind: 'session'; run: number; session: number }
  | { kind: 'new-session'; run: number };

/** The planner for one term. */
export function TermPlannerScreen({ termId }: { termId: string }) {
  const { navigate, showToast } = useApp();
  const heading = usePageHeading();
  const file = `terms/${termId}.yml`;
  const state = usePlanningFile(file, () => tandem().readTerm(termId));
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const term = state.doc;

  /** Saves `change` applied to the plan as loaded now. */
  const change = (what: string, edit: (plan: TermPlan) => void) =>
    state.save(what, (doc: TermDocument) => {
      const plan = structuredClone(doc.plan);
      edit(plan);
      return tandem().saveTerm({ termId, plan, baseVersion: doc.version });
    });

  const deleteRun = async (r: number, title: string) => {
    const removed = term?.plan.runs[r];
    if (!removed) return;
    const saved = await change(`deleting the run of ${title}`, (plan) => plan.runs.splice(r, 1));
    if (!saved) return;
    showToast({
      message: `The run of ${title} was deleted.`,
      actionLabel: 'Undo',
      focusAction: true,
      onAction: () =>
        void change(`putting back the run of ${title}`, (plan) =>
          plan.runs.splice(r, 0, withoutIndexes(removed)),
        ),
    });
  };

  return (
    <div className="screen planner">
      <p className="breadcrumb">
        <a
          href={routeHash({ screen: 'terms' })}
          onClick={(event) => {
            event.preventDefault();
            void navigate({ screen: 'terms' });
          }}
        >
          Terms
        </a>
      </p>
      <div className="screen__header">
        <h1 ref={heading} tabIndex={-1}>
          {term?.plan.title ?? termId}
        </h1>
        {term && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ kind: 'new-run' })}
          >
            Add a run
          </button>
        )}
      </div>
      <SaveNotices state={state} file={file} />
      {!term && !state.loadError && <p className="loading">Reading the term…</p>}
      {term && (
        <>
          <p className="screen__intro">
            {dateRange(term.plan.starts, term.plan.ends)} · {term.plan.runs.length} runs ·{' '}
            <CheckSummary problems={term.problems} />
          </p>
          <nav className="planner__jump" aria-label="On this page">
            <a href="#planner-weeks">Week by week</a> · <a href="#planner-runs">Runs</a> ·{' '}
            <a href="#planner-dates">Term dates</a>
          </nav>
          <WeekByWeek term={term} onEdit={setEditing} onCancel={cancelSession(change, term)} />
          <section className="panel" aria-labelledby="planner-runs">
            <h2 id="planner-runs" tabIndex={-1}>
              Runs
            </h2>
            {term.plan.runs.length === 0 && (
              <p className="empty">No runs yet. Add a run to start planning this term.</p>
            )}
            <ul className="run-list">
              {term.plan.runs.map((run, r) => (
                <RunCard
                  key={`${run.index ?? 'new'}-${r}`}
                  run={run}
                  problems={term.runProblems[r] ?? []}
                  onAddSession={() => setEditing({ kind: 'new-session', run: r })}
                  onDelete={(title) => void deleteRun(r, title)}
                />
              ))}
            </ul>
          </section>
          <TermDatesForm
            plan={term.plan}
            file={file}
            busy={state.busy}
            latest={async () => {
              const now = await state.reload();
              return now && termDates(now.plan);
            }}
            onSave={(dates) =>
              change('the term dates', (plan) => {
                Object.assign(plan, dates);
                if (!dates.enrolmentOpens) delete plan.enrolmentOpens;
              })
            }
          />
          <RunDialog
            open={editing?.kind === 'new-run'}
            term={term}
            onClose={() => setEditing(undefined)}
            onAdd={async (run, title) => {
              const saved = await change(`the new run of ${title}`, (plan) => plan.runs.push(run));
              if (saved) setEditing(undefined);
            }}
          />
          <SessionDialog
            editing={editing?.kind === 'new-run' ? undefined : editing}
            term={term}
            file={file}
            latest={state.reload}
            onClose={() => setEditing(undefined)}
            onSave={async (r, s, session) => {
              const saved = await change(
                s === undefined ? 'the new session' : `the session on ${longDate(session.date)}`,
                (plan) => {
                  const sessions = plan.runs[r]?.sessions;
                  if (!sessions) return;
                  if (s === undefined) sessions.push(session);
                  else sessions[s] = { ...sessions[s], ...session };
                },
              );
              if (saved) setEditing(undefined);
              return saved;
            }}
          />
        </>
      )}
    </div>
  );
}

function withoutIndexes(run: PlannedRun): PlannedRun {
  // Put back as a new run: its old place in the file belongs to the run that is there now. Its
  // YAML as read (comments and all) comes back with it, and its sessions' places are in that.
  const restored: PlannedRun = { ...run };
  delete restored.index;
  if (restored.yaml === undefined) {
    restored.sessions = run.sessions.map(({ date, start, end }) => ({ date, start, end }));
  }
  return restored;
}

function cancelSession(
  change: (what: string, edit: (plan: TermPlan) => void) => Promise<boolean>,
  term: TermDocument,
) {
  return (r: number, s: number) => {
    const session = term.plan.runs[r]?.sessions[s];
    if (!session) return;
    void change(`cancelling the session on ${longDate(session.date)}`, (plan) => {
      plan.runs[r]?.sessions.splice(s, 1);
    });
  };
}

function CheckSummary({ problems }: { problems: Problem[] }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (errors + warnings === 0) {
    return (
      <span className="signed signed--yes">
        <span aria-hidden="true">✓ </span>no clashes or problems
      </span>
    );
  }
  return (
    <span className="signed signed--no">
      <span aria-hidden="true">! </span>
      {errors > 0 && `${errors} to fix`}
      {errors > 0 && warnings > 0 && ', '}
      {warnings > 0 && `${warnings} to check`}
    </span>
  );
}

/** One problem, in words, with how serious it is shown in words too. */
export function ProblemLine({ problem }: { problem: Problem }) {
  return (
    <li className={`problem problem--${problem.severity}`}>
      <span className="problem__severity">{severityLabel(problem.severity)}</span>{' '}
      <span className="problem__message">{problem.message}</span>
    </li>
  );
}

interface SessionRow {
  run: number;
  session: number;
  value: PlannedSession;
  course: string;
  problems: Problem[];
}

function WeekByWeek({
  term,
  onEdit,
  onCancel,
}: {
  term: TermDocument;
  onEdit(editing: Editing): void;
  onCancel(run: number, session: number): void;
}) {
  const { library } = useApp();
  const titleOf = (id: string) => library?.courses.find((c) => c.id === id)?.title ?? id;
  const venueOf = (id: string) => library?.venues.find((v) => v.id === id)?.name ?? id;
  const nameOf = (id: string) => library?.trainers.find((t) => t.id === id)?.name ?? id;
  const rows: SessionRow[] = term.plan.runs.flatMap((run, r) =>
    run.sessions.map((value, s) => ({
      run: r,
      session: s,
      value,
      course: run.course,
      problems: term.sessionProblems[r]?.[s] ?? [],
    })),
  );
  rows.sort((a, b) => (a.value.date + a.value.start).localeCompare(b.value.date + b.value.start));
  const outside = rows.filter(
    (row) => row.value.date < term.plan.starts || row.value.date > term.plan.ends,
  );
  return (
    <section className="panel" aria-labelledby="planner-weeks">
      <h2 id="planner-weeks" tabIndex={-1}>
        Week by week
      </h2>
      <ol className="week-list">
        {term.weeks.map((week) => {
          const inWeek = rows.filter(
            (row) => row.value.date >= week.starts && row.value.date <= week.ends,
          );
          const holidays = term.holidays.filter(
            (h) => h.date >= week.starts && h.date <= week.ends,
          );
          return (
            <li key={week.number} className="week">
              <h3 className="week__title">
                Week {week.number} <span className="week__dates">from {longDate(week.starts)}</span>
              </h3>
              {holidays.map((h) => (
                <p key={h.date} className="week__holiday">
                  <span aria-hidden="true">☀ </span>
                  {shortDate(h.date)}: {h.name} (public holiday)
                </p>
              ))}
              {inWeek.length === 0 ? (
                <p className="week__empty">No sessions.</p>
              ) : (
                <ul className="session-list">
                  {inWeek.map((row) => {
                    const run = term.plan.runs[row.run];
                    const label = `${titleOf(row.course)} on ${longDate(row.value.date)}`;
                    return (
                      <li
                        key={`${row.run}-${row.session}`}
                        className={row.problems.length ? 'session session--problem' : 'session'}
                      >
                        <div className="session__when">
                          {shortDate(row.value.date)}, {row.value.start} to {row.value.end}
                        </div>
                        <div className="session__what">
                          <strong>{titleOf(row.course)}</strong>
                          <span className="session__detail">
                            {venueOf(run?.venue ?? '')} ·{' '}
                            {(run?.facilitators ?? []).map(nameOf).join(' and ')}
                          </span>
                          {row.problems.length > 0 && (
                            <ul className="problem-list">
                              {row.problems.map((problem, i) => (
                                <ProblemLine key={i} problem={problem} />
                              ))}
                            </ul>
                          )}
                        </div>
                        <div className="session__actions">
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Change ${label}`}
                            onClick={() =>
                              onEdit({ kind: 'session', run: row.run, session: row.session })
                            }
                          >
                            Change
                          </button>
                          <button
                            type="button"
                            className="button button--small button--quiet"
                            aria-label={`Cancel session: ${label}`}
                            onClick={() => onCancel(row.run, row.session)}
                          >
                            Cancel session
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {outside.length > 0 && (
        <p className="notice notice--problem">
          {outside.length} session{outside.length === 1 ? ' is' : 's are'} outside the term&rsquo;s
          dates; see the runs below.
        </p>
      )}
    </section>
  );
}

function RunCard({
  run,
  problems,
  onAddSession,
  onDelete,
}: {
  run: PlannedRun;
  problems: Problem[];
  onAddSession(): void;
  onDelete(title: string): void;
}) {
  const { library } = useApp();
  const course = library?.courses.find((c) => c.id === run.course);
  const title = course?.title ?? run.course;
  const venue = library?.venues.find((v) => v.id === run.venue);
  const first = run.sessions[0];
  return (
    <li className="run-card">
      <div className="run-card__main">
        <h3 className="run-card__title">{title}</h3>
        <p className="run-card__meta">
          <StatusBadge status={course?.status} />
        </p>
        <dl className="run-card__facts">
          <dt>Where</dt>
          <dd>
            {venue?.name ?? run.venue}
            {venue?.online && ' (online)'}
          </dd>
          <dt>Trainers</dt>
          <dd>
            {run.facilitators
              .map((id) => {
                const trainer = library?.trainers.find((t) => t.id === id);
                return trainer ? nameWithRole(trainer.name, trainer.role) : id;
              })
              .join(', ')}
          </dd>
          <dt>Places</dt>
          <dd>{run.capacity ?? 'not set'}</dd>
          <dt>Sessions</dt>
          <dd>
            {run.sessions.length}
            {first && `, from ${longDate(first.date)} at ${first.start}`}
          </dd>
        </dl>
        {problems.length > 0 && (
          <ul className="problem-list">
            {problems.map((problem, i) => (
              <ProblemLine key={i} problem={problem} />
            ))}
          </ul>
        )}
      </div>
      <div className="run-card__actions">
        <button type="button" className="button button--small" onClick={onAddSession}>
          Add a session<span className="visually-hidden"> to {title}</span>
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => onDelete(title)}
        >
          Delete run<span className="visually-hidden"> of {title}</span>
        </button>
      </div>
    </li>
  );
}
