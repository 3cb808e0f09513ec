/**
 * Term roll-over: a term copied to a new start date. Each session keeps its weekday, time and
 * week of term. A session that would fall on a public holiday moves to the first later week in
 * which its run has no session (same weekday and time); when no such week is left before the
 * term ends it stays where it is and is reported, for the administrator to decide.
 */
import type { Session } from '../library/types.js';
import type { HolidayCalendar } from './holidays.js';
import { addDays, daysBetween, mondayOf } from './iso-dates.js';

export interface TermDates {
  starts: string;
  ends: string;
  enrolmentOpens?: string;
}

export interface RollOverSource extends TermDates {
  runs: readonly { course: string; sessions: readonly Session[] }[];
}

/** A session that moved off a public holiday. Indexes are as written in the source term. */
export interface SessionMove {
  run: number;
  session: number;
  course: string;
  /** The holiday it would have fallen on. */
  from: string;
  holiday: string;
  to: string;
}

/** A session left on a public holiday because its run has no free week before the term ends. */
export interface StuckSession {
  run: number;
  session: number;
  course: string;
  date: string;
  holiday: string;
}

export interface RollOver extends TermDates {
  /** The new dates of every session, same run and session indexes as the source. */
  runs: Session[][];
  moves: SessionMove[];
  stuck: StuckSession[];
}

/** Plans the copy of `source` starting on `starts`; nothing is written. */
export function rollOver(
  source: RollOverSource,
  starts: string,
  holidays: HolidayCalendar,
): RollOver {
  // Whole weeks, so weekdays and weeks of term stay the same.
  const shift = daysBetween(mondayOf(source.starts), mondayOf(starts));
  const ends = addDays(source.ends, shift);
  const moves: SessionMove[] = [];
  const stuck: StuckSession[] = [];
  const runs = source.runs.map((run, r) => {
    const sessions = run.sessions.map((session) => ({
      ...session,
      date: addDays(session.date, shift),
    }));
    const weeksUsed = (except: number) =>
      new Set(sessions.filter((_, i) => i !== except).map((s) => mondayOf(s.date)));
    // In date order, so an earlier move is known when a later session looks for a free week.
    const order = sessions
      .map((session, index) => ({ session, index }))
      .sort((a, b) => (a.session.date < b.session.date ? -1 : 1));
    for (const { session, index } of order) {
      const holiday = holidays.holidayOn(session.date);
      if (holiday === undefined) continue;
      const used = weeksUsed(index);
      let to: string | undefined;
      for (let candidate = addDays(session.date, 7); candidate <= ends;) {
        if (!used.has(mondayOf(candidate)) && holidays.holidayOn(candidate) === undefined) {
          to = candidate;
          break;
        }
        candidate = addDays(candidate, 7);
      }
      if (to === undefined) {
        stuck.push({ run: r, session: index, course: run.course, date: session.date, holiday });
        continue;
      }
      moves.push({ run: r, session: index, course: run.course, from: session.date, holiday, to });
      session.date = to;
    }
    return sessions;
  });
  const byDate = (a: { from?: string; date?: string }, b: { from?: string; date?: string }) =>
    (a.from ?? a.date ?? '') < (b.from ?? b.date ?? '') ? -1 : 1;
  return {
    starts,
    ends,
    ...(source.enrolmentOpens !== undefined && {
      enrolmentOpens: addDays(source.enrolmentOpens, shift),
    }),
    runs,
    moves: moves.sort(byDate),
    stuck: stuck.sort(byDate),
  };
}
