/** The prospectus's timetable: every session of the term, week by week. */
import { formatDate, formatShortDate, formatTimeRange, mondayOf } from '../format-dates.js';
import type { PublishContext } from '../types.js';
import { anchors } from './prospectus-anchors.js';
import type { TimetableRow, TimetableWeek } from './prospectus-views.js';

/** Sessions by date, then start, then course, grouped by the week (from Monday) they fall in. */
export function timetableWeeks(ctx: PublishContext): TimetableWeek[] {
  const rows: (TimetableRow & { iso: string; start: string })[] = [];
  for (const run of ctx.runs) {
    const course = ctx.courses.find((c) => c.id === run.course);
    if (!course) continue;
    const venue = ctx.library.college.venues.find((v) => v.id === run.venue);
    run.sessions.forEach((s, i) => {
      rows.push({
        iso: s.date,
        start: s.start,
        date: formatShortDate(s.date),
        time: formatTimeRange(s.start, s.end),
        course: course.title,
        code: course.code,
        courseAnchor: anchors.course(course.id),
        session: `${i + 1} of ${run.sessions.length}`,
        venue: venue?.name ?? run.venue,
      });
    });
  }
  rows.sort(
    (a, b) =>
      a.iso.localeCompare(b.iso) ||
      a.start.localeCompare(b.start) ||
      a.course.localeCompare(b.course),
  );
  const termMonday = mondayOf(ctx.term.starts);
  const weeks = new Map<string, TimetableWeek>();
  for (const row of rows) {
    const monday = mondayOf(row.iso);
    let week = weeks.get(monday);
    if (!week) {
      const days = Math.round((Date.parse(monday) - Date.parse(termMonday)) / 86_400_000);
      const number = Math.floor(days / 7) + 1;
      const label =
        number >= 1
          ? `Week ${number}: from Monday ${formatDate(monday)}`
          : `Week of Monday ${formatDate(monday)}`;
      week = { label, rows: [] };
      weeks.set(monday, week);
    }
    week.rows.push({
      date: row.date,
      time: row.time,
      course: row.course,
      code: row.code,
      courseAnchor: row.courseAnchor,
      session: row.session,
      venue: row.venue,
    });
  }
  return [...weeks.values()];
}
