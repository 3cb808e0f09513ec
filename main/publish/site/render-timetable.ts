/** The term timetable: every session of every published run, one table per week. */
import { formatLongDate, formatShortDate, formatTimeRange, mondayOf } from '../format-dates.js';
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { describe, layoutView, termDates } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

interface Row {
  key: string;
  date: { iso: string; text: string; long: string };
  time: string;
  startIso: string;
  courseTitle: string;
  courseHref: string;
  session: string;
  venueName: string;
  venueHref: string;
  draft: boolean;
}

/** Renders timetable.html. */
export function renderTimetable(model: SiteModel, templates: SiteTemplates): RenderedPage {
  const path = sitePaths.timetable;
  const titles = new Map(model.ctx.courses.map((c) => [c.id, c.title]));
  const rows: Row[] = [];
  for (const run of model.ctx.runs) {
    const venue = model.venues.get(run.venue);
    run.sessions.forEach((s, i) => {
      rows.push({
        key: `${s.date}T${s.start}\u0000${titles.get(run.course) ?? ''}\u0000${run.course}\u0000${run.venue}`,
        date: { iso: s.date, text: formatShortDate(s.date), long: formatLongDate(s.date) },
        time: formatTimeRange(s.start, s.end),
        startIso: `${s.date}T${s.start}`,
        courseTitle: titles.get(run.course) ?? run.course,
        courseHref: relativeHref(path, sitePaths.course(run.course)),
        session: `${i + 1} of ${run.sessions.length}`,
        venueName: venue?.name ?? run.venue,
        venueHref: relativeHref(path, `${sitePaths.venues}#venue-${run.venue}`),
        draft: model.draftCourses.has(run.course),
      });
    });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const weeks: { id: string; caption: string; monday: string; rows: Row[] }[] = [];
  for (const row of rows) {
    const monday = mondayOf(row.date.iso);
    let week = weeks[weeks.length - 1];
    if (!week || week.monday !== monday) {
      week = { id: `week-${monday}`, caption: '', monday, rows: [] };
      weeks.push(week);
    }
    week.rows.push(row);
  }
  const termMonday = mondayOf(model.ctx.term.starts);
  for (const week of weeks) {
    const number =
      Math.floor((Date.parse(week.monday) - Date.parse(termMonday)) / (7 * 86_400_000)) + 1;
    const from = `from ${formatLongDate(week.monday)}`;
    week.caption = number >= 1 ? `Week ${number}: ${from}` : `The week ${from}`;
  }
  const view = {
    layout: layoutView(model, path, {
      title: `Timetable – ${model.ctx.term.title}`,
      description: describe(`Every session of ${model.ctx.term.title}, week by week.`),
      section: 'timetable',
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: 'Timetable', path },
      ],
    }),
    termTitle: model.ctx.term.title,
    termDates: termDates(model),
    weeks: weeks.map((w) => ({ id: w.id, caption: w.caption, rows: w.rows })),
    empty: weeks.length === 0,
    coursesHref: relativeHref(path, sitePaths.courses),
    calendarHref: relativeHref(path, sitePaths.termCalendar),
  };
  return sitePage(templates, 'timetable', path, view);
}
