/**
 * Open data of the student site, so partner organisations and directories can reuse the
 * listing: `courses.json` (every published course and run, shaped after OpenActive's course
 * and session model), an Atom feed of the term's courses, and schema.org Course JSON-LD for
 * each course page. Times carry the college's UTC offset; nothing depends on the clock.
 */
import { Feed } from 'feed';
import type { Course as SchemaCourse, CourseInstance, WithContext } from 'schema-dts';
import { DEFAULT_TIME_ZONE } from '../../library/check-site-settings.js';
import type { Course, Run } from '../../library/types.js';
import { formatLongDate, formatTimeRange } from '../format-dates.js';
import { calendarStamp, sessionUid } from './calendars.js';
import type { SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** One formatter per zone: making one costs far more than formatting with it. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** "+01:00": the offset of `zone` from UTC at the instant `utc`. */
function offsetAt(utc: Date, zone: string): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(utc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** Times already written, by zone and local time: a term's sessions share a few dozen. */
const zonedTimes = new Map<string, string>();

/** `2027-03-29`, `10:00` in Europe/London → `2027-03-29T10:00:00+01:00`. */
export function zonedIso(date: string, time: string, zone: string): string {
  const key = `${zone} ${date} ${time}`;
  let iso = zonedTimes.get(key);
  if (iso === undefined) {
    iso = zonedIsoOnce(date, time, zone);
    zonedTimes.set(key, iso);
  }
  return iso;
}

function zonedIsoOnce(date: string, time: string, zone: string): string {
  const local = `${date}T${time}:00`;
  // The offset at the wall-clock time read as UTC, then again at the instant it gives, is
  // right on both sides of a clock change (a time that does not exist gets the later offset).
  const guess = new Date(`${local}Z`);
  const first = offsetAt(guess, zone);
  const toMinutes = (o: string) =>
    (o[0] === '-' ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4)));
  const instant = new Date(guess.getTime() - toMinutes(first) * 60_000);
  return `${local}${offsetAt(instant, zone)}`;
}

/** The URL of a site path: absolute when the site's address is known, else site-relative. */
function siteHref(model: SiteModel, sitePath: string): string {
  const base = model.library.college.siteUrl;
  return base ? new URL(sitePath, base).href : sitePath;
}

const zoneOf = (model: SiteModel): string => model.library.college.timeZone ?? DEFAULT_TIME_ZONE;

function locationOf(model: SiteModel, run: Run) {
  const venue = model.venues.get(run.venue);
  if (venue?.online)
    return { '@type': 'VirtualLocation' as const, name: venue.name, description: venue.address };
  return {
    '@type': 'Place' as const,
    identifier: run.venue,
    name: venue?.name ?? run.venue,
    address: venue?.address ?? '',
    ...(venue ? { amenityFeature: venue.accessibility } : {}),
  };
}

/** The people who deliver a run, each with their role. */
function leadersOf(model: SiteModel, run: Run) {
  return run.facilitators.map((id) => {
    const trainer = model.trainers.get(id);
    return {
      '@type': 'Person' as const,
      name: trainer?.name ?? id,
      jobTitle: trainer?.role === 'peer' ? 'Peer trainer' : 'Practitioner trainer',
    };
  });
}

/** One course and its runs, in OpenActive's CourseInstance / ScheduledSession shape. */
function courseRecord(model: SiteModel, course: Course) {
  const zone = zoneOf(model);
  const runs = model.runsByCourse.get(course.id) ?? [];
  return {
    '@type': 'Course',
    identifier: course.id,
    courseCode: course.code,
    name: course.title,
    description: course.summary,
    audience: course.audience,
    teaches: course.outcomes,
    keywords: course.tags,
    genre: model.categoryTitles.get(course.category) ?? course.category,
    timeRequired: course.format,
    isAccessibleForFree: true,
    url: siteHref(model, sitePaths.course(course.id)),
    draft: model.draftCourses.has(course.id),
    courseInstances: runs.map((run, index) => ({
      '@type': 'CourseInstance',
      identifier: `${course.id}-run-${index + 1}`,
      courseMode: model.venues.get(run.venue)?.online ? 'online' : 'in person',
      location: locationOf(model, run),
      ...(run.capacity !== undefined ? { maximumAttendeeCapacity: run.capacity } : {}),
      leader: leadersOf(model, run),
      calendar: siteHref(model, sitePaths.runCalendar(course.id, index)),
      subEvent: run.sessions.map((session, n) => ({
        '@type': 'ScheduledSession',
        identifier: sessionUid(model, course, run, n),
        startDate: zonedIso(session.date, session.start, zone),
        endDate: zonedIso(session.date, session.end, zone),
      })),
    })),
  };
}

/** `courses.json`: the college, the term and every published course with its runs. */
export function coursesJson(model: SiteModel): string {
  const { college } = model.library;
  const { term } = model.ctx;
  const data = {
    '@context': ['https://schema.org/', 'https://openactive.io/'],
    '@type': 'DataFeed',
    generator: 'Tandem',
    dateModified: calendarStamp(model).toISOString(),
    provider: {
      '@type': 'EducationalOrganization',
      name: college.name,
      ...(college.contact.email ? { email: college.contact.email } : {}),
      ...(college.contact.phone ? { telephone: college.contact.phone } : {}),
      ...(college.contact.address ? { address: college.contact.address } : {}),
      ...(college.siteUrl ? { url: college.siteUrl } : {}),
    },
    timeZone: zoneOf(model),
    term: { identifier: term.id, name: term.title, startDate: term.starts, endDate: term.ends },
    dataFeedElement: model.ctx.courses.map((course) => courseRecord(model, course)),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Text for the feed's `type="html"` title and summary: readers treat them as HTML, so course
 * text is HTML-escaped (and then cannot contain `]]>`, which would end the CDATA section the
 * feed library writes).
 */
function feedHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The Atom category of a course: its id as the term, and its title as the label unless the
 * title holds a `<`, which the feed library leaves unescaped inside the attribute.
 */
function categoryOf(model: SiteModel, course: Course): { term: string; name?: string } {
  const title = model.categoryTitles.get(course.category);
  return title && !title.includes('<')
    ? { term: course.category, name: title }
    : { term: course.category };
}

/**
 * An Atom feed of the term's courses, one entry per course. Feed readers need absolute links,
 * so there is a feed only when college.yml gives the site's address (`siteUrl`).
 */
export function coursesFeed(model: SiteModel): string | null {
  const { college } = model.library;
  if (!college.siteUrl) return null;
  const stamp = calendarStamp(model);
  const feed = new Feed({
    id: siteHref(model, sitePaths.home),
    title: `${college.name}: ${model.ctx.term.title} courses`,
    description: college.tagline,
    link: siteHref(model, sitePaths.home),
    language: 'en-GB',
    updated: stamp,
    generator: 'Tandem',
    copyright: college.name,
    feedLinks: { atom: siteHref(model, sitePaths.feed) },
  });
  for (const course of model.ctx.courses) {
    const first = model.runsByCourse.get(course.id)?.[0]?.sessions[0];
    const url = siteHref(model, sitePaths.course(course.id));
    feed.addItem({
      title: feedHtml(course.title),
      id: url,
      link: url,
      date: stamp,
      description: feedHtml(
        first
          ? `${course.summary} Starts ${formatLongDate(first.date)}, ${formatTimeRange(first.start, first.end)}.`
          : course.summary,
      ),
      category: [categoryOf(model, course)],
    });
  }
  return feed.atom1();
}

/** schema.org Course with a CourseInstance per run, for the JSON-LD of a course page. */
export function courseJsonLd(model: SiteModel, course: Course): WithContext<SchemaCourse> {
  const zone = zoneOf(model);
  const { college } = model.library;
  const instances: CourseInstance[] = (model.runsByCourse.get(course.id) ?? []).map((run) => {
    const venue = model.venues.get(run.venue);
    const first = run.sessions[0];
    const last = run.sessions.at(-1);
    return {
      '@type': 'CourseInstance',
      courseMode: venue?.online ? 'online' : 'onsite',
      ...(first ? { startDate: zonedIso(first.date, first.start, zone) } : {}),
      ...(last ? { endDate: zonedIso(last.date, last.end, zone) } : {}),
      location: venue?.online
        ? { '@type': 'VirtualLocation', name: venue.name }
        : { '@type': 'Place', name: venue?.name ?? run.venue, address: venue?.address ?? '' },
      instructor: leadersOf(model, run),
      ...(run.capacity !== undefined ? { maximumAttendeeCapacity: run.capacity } : {}),
    };
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description: course.summary,
    courseCode: course.code,
    provider: {
      '@type': 'EducationalOrganization',
      name: college.name,
      ...(college.siteUrl ? { url: college.siteUrl } : {}),
    },
    isAccessibleForFree: true,
    audience: { '@type': 'Audience', audienceType: course.audience },
    teaches: course.outcomes,
    ...(college.siteUrl ? { url: siteHref(model, sitePaths.course(course.id)) } : {}),
    hasCourseInstance: instances,
  };
}
