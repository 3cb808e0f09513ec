/**
 * Calendar files of the student site (RFC 5545, written with ical-generator): one per course
 * run and one for the whole term. Times are local to the college's time zone, with its
 * VTIMEZONE block, so calendar apps show the right time on both sides of a clock change.
 * Nothing depends on the clock: DTSTAMP comes from SOURCE_DATE_EPOCH or from the library, and
 * each session's UID is built from what it is, so a rebuild updates events rather than
 * duplicating them.
 */
import ical, { type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { DEFAULT_TIME_ZONE } from '../../library/check-site-settings.js';
import type { Course, Run } from '../../library/types.js';
import type { SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/**
 * DTSTAMP of every event: SOURCE_DATE_EPOCH when set, else the latest sign-off of a published
 * course, else the start of the term. Never the time of the build.
 */
export function calendarStamp(model: SiteModel, env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw && /^\d+$/.test(raw)) return new Date(Number(raw) * 1000);
  const signed = [...model.ctx.statuses.values()]
    .flatMap((s) => s.authors.map((a) => a.lastSignedAt ?? ''))
    .filter((iso) => !Number.isNaN(Date.parse(iso)))
    .sort();
  const latest = signed.at(-1);
  return latest ? new Date(latest) : new Date(`${model.ctx.term.starts}T00:00:00Z`);
}

/** The host part of UIDs: the site's own host when known, else one made from the college name. */
export function uidDomain(model: SiteModel): string {
  const { siteUrl, name } = model.library.college;
  if (siteUrl) return new URL(siteUrl).host;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'college'}.tandem`;
}

interface CalendarContext {
  model: SiteModel;
  timeZone: string;
  stamp: Date;
}

/** `2027-03-29` and `10:00` → `2027-03-29T10:00:00`, a local time in the calendar's zone. */
const localTime = (date: string, time: string): string => `${date}T${time}:00`;

/**
 * The UID of session `index` (0-based) of `run`: term, course, venue, which run of the course
 * at that venue and which session, so moving a session to another day updates it.
 */
export function sessionUid(model: SiteModel, course: Course, run: Run, index: number): string {
  const runs = model.runsByCourse.get(course.id) ?? [];
  const atVenue = runs.filter((r) => r.venue === run.venue).indexOf(run) + 1;
  return `${model.ctx.term.id}.${course.id}.${run.venue}.run-${atVenue}.session-${index + 1}@${uidDomain(model)}`;
}

/** Adds the sessions of `run` to `calendar`. */
function addRun(calendar: ICalCalendar, c: CalendarContext, course: Course, run: Run): void {
  const { model } = c;
  const venue = model.venues.get(run.venue);
  const pageUrl = model.library.college.siteUrl
    ? new URL(sitePaths.course(course.id), model.library.college.siteUrl).href
    : undefined;
  const count = run.sessions.length;
  run.sessions.forEach((session, index) => {
    const where = venue?.online
      ? `${venue.name} (online): ${venue.address}`
      : venue
        ? `${venue.name}, ${venue.address}`
        : run.venue;
    calendar.createEvent({
      id: sessionUid(model, course, run, index),
      stamp: c.stamp,
      start: localTime(session.date, session.start),
      end: localTime(session.date, session.end),
      timezone: c.timeZone,
      summary: count > 1 ? `${course.title} (session ${index + 1} of ${count})` : course.title,
      location: venue?.online ? `Online: ${venue.address}` : where,
      description: [
        course.summary,
        venue?.online ? `This session is online. ${venue.address}` : `Where: ${where}`,
        pageUrl ? `More about the course: ${pageUrl}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      ...(pageUrl ? { url: pageUrl } : {}),
    });
  });
}

function newCalendar(c: CalendarContext, name: string): ICalCalendar {
  const calendar = ical({
    name,
    prodId: { company: 'Tandem', product: 'Student site', language: 'EN' },
  });
  // No calendar-wide zone: that would print DTSTAMP as local time, and RFC 5545 wants UTC.
  calendar.timezone({ name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  return calendar;
}

export interface CalendarFile {
  path: string;
  content: string;
}

/** The .ics of every run of every published course, and of the whole term. */
export function renderCalendars(
  model: SiteModel,
  env: NodeJS.ProcessEnv = process.env,
): CalendarFile[] {
  const c: CalendarContext = {
    model,
    timeZone: model.library.college.timeZone ?? DEFAULT_TIME_ZONE,
    stamp: calendarStamp(model, env),
  };
  const { college } = model.library;
  const files: CalendarFile[] = [];
  const term = newCalendar(c, `${college.name}: ${model.ctx.term.title}`);
  for (const course of model.ctx.courses) {
    (model.runsByCourse.get(course.id) ?? []).forEach((run, index) => {
      const calendar = newCalendar(c, `${course.title} (${college.name})`);
      addRun(calendar, c, course, run);
      files.push({ path: sitePaths.runCalendar(course.id, index), content: calendar.toString() });
      addRun(term, c, course, run);
    });
  }
  files.push({ path: sitePaths.termCalendar, content: term.toString() });
  return files;
}
