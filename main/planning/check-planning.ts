/**
 * Planning rules across every term: trainers and rooms booked twice at once (errors) and
 * sessions on public holidays (warnings), each reported at the session it concerns.
 */
import { problemAt } from '../library/problem-at.js';
import { positionAt } from '../library/read-yaml-file.js';
import type { TermRefs } from '../library/reference-views.js';
import type { College, Problem } from '../library/types.js';
import { isIsoDate, isTime } from '../library/check-dates.js';
import { findClashes } from './clashes.js';
import type { SessionSlot } from './clashes.js';
import { DEFAULT_HOLIDAY_REGION, holidayCalendar } from './holidays.js';

/** Every readable session of every term, skipping any whose date or times cannot be read. */
export function sessionSlots(terms: readonly TermRefs[]): SessionSlot[] {
  const slots: SessionSlot[] = [];
  for (const term of terms) {
    term.runs.forEach((run, r) => {
      const course = run?.course;
      const venue = run?.venue;
      if (!run || !course || !venue) return;
      const facilitators = (run.facilitators ?? []).filter((id) => id !== undefined);
      run.sessions.forEach((session, s) => {
        const { date, start, end } = session ?? {};
        if (!date || !start || !end || !isIsoDate(date) || !isTime(start) || !isTime(end)) return;
        slots.push({
          termId: term.id,
          run: r,
          session: s,
          course,
          venue,
          facilitators,
          date,
          start,
          end,
        });
      });
    });
  }
  return slots;
}

/** Clash and holiday problems for `terms`, given the college's venues and holiday calendar. */
export function checkPlanning(college: College, terms: readonly TermRefs[]): Problem[] {
  const sourceOf = new Map(terms.map((term) => [term.id, term.source]));
  const slots = sessionSlots(terms);
  const online = new Set(college.venues.filter((venue) => venue.online).map((venue) => venue.id));
  const problems: Problem[] = [];
  const pathOf = (slot: SessionSlot) => ['runs', slot.run, 'sessions', slot.session];
  const where = (slot: SessionSlot) => {
    const source = sourceOf.get(slot.termId);
    return source ? `${source.file}:${positionAt(source, pathOf(slot)).line}` : slot.termId;
  };
  for (const clash of findClashes(slots, online)) {
    for (const [slot, other] of [
      [clash.first, clash.second],
      [clash.second, clash.first],
    ] as const) {
      const source = sourceOf.get(slot.termId);
      if (!source) continue;
      const booking = `${other.start} to ${other.end} for ${other.course}`;
      const message =
        clash.kind === 'trainer'
          ? `trainer ${clash.id} is also booked on ${other.date} ${booking} at ${other.venue} (${where(other)}); nobody can be in two places at once`
          : `venue ${clash.id} is also booked on ${other.date} ${booking} (${where(other)}); a room holds one session at a time unless the venue is online`;
      problems.push(problemAt(source, pathOf(slot), `${clash.kind}-clash`, message));
    }
  }
  const holidays = holidayCalendar(college.holidays ?? DEFAULT_HOLIDAY_REGION);
  for (const slot of slots) {
    const holiday = holidays.holidayOn(slot.date);
    const source = sourceOf.get(slot.termId);
    if (holiday === undefined || !source) continue;
    problems.push(
      problemAt(
        source,
        [...pathOf(slot), 'date'],
        'session-on-holiday',
        `the session on ${slot.date} is on a public holiday (${holiday}); check that the venue is open and that students expect it`,
        'warning',
      ),
    );
  }
  return problems;
}
