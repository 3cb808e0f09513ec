/**
 * Calendar files of the student site (RFC 5545, written with ical-generator): one per course
 * run and one for the whole term. Times are local to the college's time zone, with its
 * VTIMEZONE block, so calendar apps show the right time on both sides of a clock change.
 * Nothing depends on the clock: DTSTAMP comes from SOURCE_DATE_EPOCH or from the library, and
 * each session's UID is built from what it is, so a rebuild updates events rather than
 * duplicating them.
 */
import ical, { type ICalEventData } from 'ical-generator';
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

const uidDomains = new WeakMap<SiteModel, string>();

/**
 * The host part of UIDs: the site's own host when known, else one made from the college name.
 * Worked out once per site model: every session's UID carries it.
 */
export function uidDomain(model: SiteModel): string {
  let domain = uidDomains.get(model);
  if (domain === undefined) {
    domain = makeUidDomain(model);
    uidDomains.set(model, domain);
  }
  return domain;
}

function makeUidDomain(model: SiteModel): string {
  const { siteUrl, name } = model.library.college;
  if (siteUrl) return new URL(siteUrl).host;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'college'}.tandem`;
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

/** The events of the sessions of `run`, as ical-generator takes them. */
export function runEvents(c: CalendarContext, course: Course, run: Run): ICalEventData[] {
  const { model } = c;
  const venue = model.venues.get(run.venue);
  const pageUrl = model.library.college.siteUrl
    ? new URL(sitePaths.course(course.id), model.library.college.siteUrl).href
    : undefined;
  const count = run.sessions.length;
  return run.sessions.map((session, index) => {
    const where = venue?.online
      ? `${venue.name} (online): ${venue.address}`
      : venue
        ? `${venue.name}, ${venue.address}`
        : run.venue;
    return {
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
    };
  });
}

const BEGIN_EVENT = 'BEGIN:VEVENT\r\n';
const END_EVENT = 'END:VEVENT\r\n';

/** The lines of every event of a calendar's text, from the first BEGIN:VEVENT to the last END:VEVENT. */
function eventLines(text: string): string {
  const start = text.indexOf(BEGIN_EVENT);
  return start < 0 ? '' : text.slice(start, text.lastIndexOf(END_EVENT) + END_EVENT.length);
}

/** A calendar's text with the lines of its events replaced by `events`. */
function withEventLines(calendar: string, events: string): string {
  const start = calendar.indexOf(BEGIN_EVENT);
  if (start < 0) return calendar;
  const end = calendar.lastIndexOf(END_EVENT) + END_EVENT.length;
  return calendar.slice(0, start) + events + calendar.slice(end);
}

/** Octets of one character (or surrogate pair) in UTF-8, as TextEncoder counts them. */
function octets(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length > 1) return Buffer.byteLength(ch);
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

/** One line folded as ical-generator's foldLines does it: after 74 octets, CRLF and a space. */
function foldLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- the test is for ASCII, control characters included
  if (line.length <= 74 && /^[\x00-\x7f]*$/.test(line)) return line;
  let result = '';
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    let ch = line.charAt(i);
    if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
    const size = octets(ch);
    count += size;
    if (count > 74) {
      result += '\r\n ';
      count = size;
    }
    result += ch;
  }
  return result;
}

/**
 * ical-generator's line folding (RFC 5545 3.1), byte for byte, at a fraction of its cost: its
 * foldLines makes a TextEncoder for every character, most of a site's calendar time (fixed
 * upstream only in versions for Node 22).
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/**
 * The .ics text of a calendar named `title` (on one line) holding `events`, all in one zone.
 * ical-generator writes the calendar around a stand-in event in the first event's zone (all
 * of them share it); every event's lines are its own text folded by `foldLines` above, which
 * is what ical-generator writes for the calendar whole, folded line by line.
 */
export function calendarText(title: string, events: ICalEventData[]): string {
  // ical-generator writes the name as it is: a line break in a course title would start lines
  // of the library's choosing (events, alarms) in every student's calendar.
  const name = title.replace(/[\r\n]+/g, ' ');
  const [first] = events;
  if (!first) return newCalendar(name).toString();
  const calendar = newCalendar(FRAME_NAME);
  const lines = events.map((event) => foldLines(calendar.createEvent(event).toString()));
  return withEventLines(withName(frameAround(first), name), lines.join(''));
}

/** A stand-in calendar name, swapped for the real one in the frame's text (see `withName`). */
const FRAME_NAME = 'frame';

function newCalendar(name: string) {
  const calendar = ical({
    name,
    prodId: { company: 'Tandem', product: 'Student site', language: 'EN' },
  });
  // No calendar-wide zone: that would print DTSTAMP as local time, and RFC 5545 wants UTC.
  calendar.timezone({ name: null, generator: timeZoneBlock });
  return calendar;
}

const frames = new Map<string, string>();

/**
 * The calendar around a small stand-in event in the zone of `first`: only that zone shapes
 * it, so it is made once per zone for all of a build's calendars (each costs ical-generator
 * a slow fold of its whole VTIMEZONE block).
 */
function frameAround(first: ICalEventData): string {
  const { start, end, timezone, stamp } = first;
  const key = String(timezone);
  let frame = frames.get(key);
  if (frame === undefined) {
    const calendar = newCalendar(FRAME_NAME);
    calendar.createEvent({ id: 'frame', start, end, timezone, stamp });
    frame = calendar.toString();
    frames.set(key, frame);
  }
  return frame;
}

/**
 * The frame with its calendar name lines written for `name`, as ical-generator writes them
 * (unescaped, then folded line by line, which `foldLines` does byte for byte).
 */
function withName(frame: string, name: string): string {
  return frame
    .replace(`\r\nNAME:${FRAME_NAME}\r\n`, () => `\r\n${foldLines(`NAME:${name}`)}\r\n`)
    .replace(
      `\r\nX-WR-CALNAME:${FRAME_NAME}\r\n`,
      () => `\r\n${foldLines(`X-WR-CALNAME:${name}`)}\r\n`,
    );
}

const timeZoneBlocks = new Map<string, string | null>();

/** The VTIMEZONE block of `zone`, made once per zone for all of a build's calendars. */
function timeZoneBlock(zone: string): string | null {
  let block = timeZoneBlocks.get(zone);
  if (block === undefined) {
    block = tzlib_get_ical_block(zone)[0] ?? null;
    timeZoneBlocks.set(zone, block);
  }
  return block;
}

export interface CalendarFile {
  path: string;
  content: string;
}

/** The settings of a build's calendars: its site model, the college's zone, every event's DTSTAMP. */
export interface CalendarContext {
  model: SiteModel;
  timeZone: string;
  stamp: Date;
}

/**
 * The .ics of every run of every published course, and of the whole term. A run's file is
 * taken from the build's cache when an earlier build made it from the same events.
 */
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
  const termEvents: string[] = [];
  let firstEvent: ICalEventData | undefined;
  for (const course of model.ctx.courses) {
    (model.runsByCourse.get(course.id) ?? []).forEach((run, index) => {
      const name = `${course.title} (${college.name})`;
      const events = runEvents(c, course, run);
      firstEvent ??= events[0];
      const make = () => calendarText(name, events);
      const content = model.renderCache
        ? model.renderCache.derived(['calendar', name, c.timeZone, events], make)
        : make();
      files.push({ path: sitePaths.runCalendar(course.id, index), content });
      termEvents.push(eventLines(content));
    });
  }
  // The term's file is the runs' events as their own files hold them, inside the calendar
  // around one of them: ical-generator folds each line on its own, so the bytes are the same
  // as making it whole, without folding every event a second time (most of its cost).
  const around = calendarText(
    `${college.name}: ${model.ctx.term.title}`,
    firstEvent ? [firstEvent] : [],
  );
  const content = withEventLines(around, termEvents.join(''));
  files.push({ path: sitePaths.termCalendar, content });
  return files;
}
