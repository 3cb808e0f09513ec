/**
 * Turns a PublishContext into the plain data the print templates show: sections in order,
 * courses by category, the timetable by week, the A–Z index and the colophon. Pure: page
 * numbers and rendered Markdown come in as arguments.
 */
import path from 'node:path';
import type { Course, Library, Run, Trainer, TrainerRole } from '../../library/types.js';
import type { PublishContext } from '../types.js';
import {
  formatDate,
  formatDateRange,
  formatLongDate,
  formatShortDate,
  formatTimeRange,
  mondayOf,
} from '../format-dates.js';
import { joinWithAnd } from '../../format/wording.js';
import { printLibraryUrl } from './print-images.js';
import { formatBuildTime, summariseSessions } from './summarise-sessions.js';
import type { LibraryVersion } from './library-version.js';
import type { PageStyle } from './page-css.js';

/** What a draft course's pages say, in its banner and running footer. */
export const draftLabel = 'Draft – not yet signed off';

/** Page number of each anchor id; missing on the first pass, before layout is known. */
export type PageNumbers = ReadonlyMap<string, number>;

export interface PersonView {
  name: string;
  roleLabel: string;
}

export interface RunView {
  dates: string[];
  time?: string;
  venue: string;
  venueAnchor: string;
  /** Set only when the people delivering this run differ from the course's co-authors. */
  deliveredBy?: string;
  capacity?: string;
}

export interface CourseView {
  id: string;
  anchor: string;
  title: string;
  code: string;
  summary: string;
  audience: string;
  format: string;
  outcomes: string[];
  coProduction: string;
  runs: RunView[];
  draft: boolean;
  /** CSS named page; differs from the category's only for draft courses. */
  pageName: string;
  page: string;
}

export interface SectionView {
  anchor: string;
  title: string;
  pageName: string;
  page: string;
}

export interface CategoryView extends SectionView {
  description: string;
  /** Named page of the category's opening (its first course's), so the two share a page. */
  openingPageName: string;
  courses: CourseView[];
}

export interface FrontPageView extends SectionView {
  html: string;
}

export interface TimetableRow {
  date: string;
  time: string;
  course: string;
  code: string;
  courseAnchor: string;
  session: string;
  venue: string;
}

export interface TimetableWeek {
  label: string;
  rows: TimetableRow[];
}

export interface IndexLetter {
  letter: string;
  entries: { title: string; code: string; anchor: string; page: string }[];
}

export interface ColophonCourse {
  title: string;
  code: string;
  authors: { name: string; roleLabel: string; signed: string }[];
}

export interface ContentsEntry {
  title: string;
  anchor: string;
  page: string;
  children: { title: string; anchor: string; page: string }[];
}

export interface ProspectusModel {
  lang: string;
  paper: 'A4' | 'A5';
  largePrint: boolean;
  /** Narrow pages or big type: the timetable leaves out its "session n of m" column. */
  compactTimetable: boolean;
  draftBuild: boolean;
  anyDraft: boolean;
  draftLabel: string;
  title: string;
  college: {
    name: string;
    tagline: string;
    email?: string;
    phone?: string;
    address?: string;
    website?: string;
    hours?: string;
  };
  term: { title: string; dates: string; enrolmentOpens?: string };
  coverImageUrl?: string;
  contents: SectionView & { entries: ContentsEntry[] };
  frontPages: FrontPageView[];
  categories: CategoryView[];
  timetable: SectionView & { weeks: TimetableWeek[] };
  venues: SectionView & {
    list: {
      anchor: string;
      name: string;
      address: string;
      accessibility: string;
      online: boolean;
    }[];
  };
  index: SectionView & { letters: IndexLetter[] };
  colophon: SectionView & {
    builtAt: string;
    version: string;
    variant: string;
    courses: ColophonCourse[];
  };
  back: SectionView;
  pageStyles: PageStyle[];
}

export interface ProspectusInputs {
  ctx: PublishContext;
  pages: PageNumbers;
  version: LibraryVersion;
  /** Renders a front page's Markdown body for students. */
  renderFrontPage: (body: string, file: string) => string;
}

/** Role as written after a name: "peer trainer", "practitioner trainer". */
export function roleLabel(role: TrainerRole): string {
  return role === 'peer' ? 'peer trainer' : 'practitioner trainer';
}

/** "Amira Hassan (peer trainer) and Hannah Lewis (practitioner trainer)". */
export function peopleWithRoles(ids: string[], library: Library): string {
  return joinWithAnd(
    ids.map((id) => {
      const trainer = findTrainer(library, id);
      return trainer ? `${trainer.name} (${roleLabel(trainer.role)})` : id;
    }),
  );
}

function findTrainer(library: Library, id: string): Trainer | undefined {
  return library.trainers.find((t) => t.id === id);
}

/** Whether a course is published as a draft (only possible in a draft build). */
export function isDraftCourse(ctx: PublishContext, courseId: string): boolean {
  // Without sign-off data a course cannot be shown as signed off.
  return ctx.options.draft && ctx.statuses.get(courseId)?.state !== 'ready';
}

/**
 * Ids are kebab-case by the library's rules, but an id is also a PDF destination name, so
 * anything else is spelled out rather than trusted to survive the trip through Chromium.
 */
function anchorSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}_`);
}

/** Anchor ids, shared by the templates, the contents and the page-number reader. */
export const anchors = {
  course: (id: string) => `course-${anchorSafe(id)}`,
  category: (id: string) => `category-${anchorSafe(id)}`,
  frontPage: (slug: string) => `page-${anchorSafe(slug)}`,
  venue: (id: string) => `venue-${anchorSafe(id)}`,
  contents: 'contents',
  timetable: 'timetable',
  venues: 'venues',
  index: 'a-to-z',
  colophon: 'colophon',
  back: 'contact-us',
};

/** Builds the whole view model of the prospectus. */
export function buildProspectusModel(inputs: ProspectusInputs): ProspectusModel {
  const { ctx, pages, version } = inputs;
  const { library, term } = ctx;
  const college = library.college;
  const pageOf = (anchor: string) => {
    const n = pages.get(anchor);
    return n === undefined ? '' : String(n);
  };
  const pageStyles: PageStyle[] = [];
  let sectionNumber = 0;
  const section = (anchor: string, title: string): SectionView => {
    sectionNumber += 1;
    const pageName = `s${sectionNumber}`;
    pageStyles.push({ name: pageName, footer: title });
    return { anchor, title, pageName, page: pageOf(anchor) };
  };

  const contentsSection = section(anchors.contents, 'Contents');
  const frontPages: FrontPageView[] = library.pages.map((p) => ({
    ...section(anchors.frontPage(p.slug), p.title),
    html: inputs.renderFrontPage(p.body, p.file),
  }));

  const runsByCourse = new Map<string, Run[]>();
  for (const run of ctx.runs) {
    const list = runsByCourse.get(run.course) ?? [];
    list.push(run);
    runsByCourse.set(run.course, list);
  }

  const categories: CategoryView[] = [];
  for (const category of college.categories) {
    const courses = ctx.courses.filter((c) => c.category === category.id);
    if (courses.length === 0) continue;
    const base = section(anchors.category(category.id), category.title);
    const draftPage = `${base.pageName}d`;
    let needsDraftPage = false;
    const views = courses.map((course) => {
      const draft = isDraftCourse(ctx, course.id);
      if (draft) needsDraftPage = true;
      return courseView(
        ctx,
        course,
        runsByCourse.get(course.id) ?? [],
        draft,
        draft ? draftPage : base.pageName,
        pageOf,
      );
    });
    if (needsDraftPage)
      pageStyles.push({ name: draftPage, footer: `${category.title} · ${draftLabel}` });
    categories.push({
      ...base,
      description: category.description,
      openingPageName: views[0]?.pageName ?? base.pageName,
      courses: views,
    });
  }

  const timetable = { ...section(anchors.timetable, 'Timetable'), weeks: timetableWeeks(ctx) };
  const venues = {
    ...section(anchors.venues, 'Venues'),
    list: usedVenues(ctx).map((v) => ({
      anchor: anchors.venue(v.id),
      name: v.name,
      address: v.address,
      accessibility: v.accessibility,
      online: v.online,
    })),
  };
  const index = {
    ...section(anchors.index, 'Courses from A to Z'),
    letters: indexLetters(ctx.courses, pageOf),
  };
  const colophon = {
    ...section(anchors.colophon, 'About this prospectus'),
    builtAt: formatBuildTime(ctx.builtAt),
    version: version.label,
    variant: variantLabel(ctx),
    courses: ctx.courses.map((course) => colophonCourse(ctx, course)),
  };
  const back = section(anchors.back, 'How to enrol and contact us');

  const contents: ContentsEntry[] = [
    ...frontPages.map((p) => ({ title: p.title, anchor: p.anchor, page: p.page, children: [] })),
    ...categories.map((c) => ({
      title: c.title,
      anchor: c.anchor,
      page: c.page,
      children: c.courses.map((course) => ({
        title: course.title,
        anchor: course.anchor,
        page: course.page,
      })),
    })),
    ...[timetable, venues, index, colophon, back].map((s) => ({
      title: s.title,
      anchor: s.anchor,
      page: s.page,
      children: [],
    })),
  ];

  return {
    lang: 'en-GB',
    paper: ctx.options.paper,
    largePrint: ctx.options.largePrint,
    compactTimetable: ctx.options.largePrint || ctx.options.paper === 'A5',
    draftBuild: ctx.options.draft,
    anyDraft: categories.some((c) => c.courses.some((course) => course.draft)),
    draftLabel,
    title: `${college.name}: ${term.title} prospectus`,
    college: { name: college.name, tagline: college.tagline, ...college.contact },
    term: {
      title: term.title,
      dates: formatDateRange(term.starts, term.ends),
      ...(term.enrolmentOpens ? { enrolmentOpens: formatLongDate(term.enrolmentOpens) } : {}),
    },
    ...(college.coverImage
      ? { coverImageUrl: printLibraryUrl(path.posix.normalize(college.coverImage)) }
      : {}),
    contents: { ...contentsSection, entries: contents },
    frontPages,
    categories,
    timetable,
    venues,
    index,
    colophon,
    back,
    pageStyles,
  };
}

function courseView(
  ctx: PublishContext,
  course: Course,
  runs: Run[],
  draft: boolean,
  pageName: string,
  pageOf: (anchor: string) => string,
): CourseView {
  const { library } = ctx;
  const authors = [...course.authors].sort((a, b) => roleOrder(library, a) - roleOrder(library, b));
  const authorKey = [...course.authors].sort().join(' ');
  return {
    id: course.id,
    anchor: anchors.course(course.id),
    title: course.title,
    code: course.code,
    summary: course.summary,
    audience: course.audience,
    format: course.format,
    outcomes: course.outcomes,
    coProduction: `Co-produced and co-delivered by ${peopleWithRoles(authors, library)}.`,
    runs: runs.map((run) => {
      const venue = library.college.venues.find((v) => v.id === run.venue);
      const summary = summariseSessions(run.sessions);
      const sameTeam =
        [...run.facilitators].sort().join(' ') === authorKey || run.facilitators.length === 0;
      return {
        dates: summary.dates,
        ...(summary.time ? { time: summary.time } : {}),
        venue: venue?.name ?? run.venue,
        venueAnchor: anchors.venue(run.venue),
        ...(sameTeam
          ? {}
          : { deliveredBy: `Delivered by ${peopleWithRoles(run.facilitators, library)}.` }),
        ...(run.capacity ? { capacity: `${run.capacity} places` } : {}),
      };
    }),
    draft,
    pageName,
    page: pageOf(anchors.course(course.id)),
  };
}

/** Peer trainer first: the college's commitment to lived experience leads. */
function roleOrder(library: Library, id: string): number {
  const role = findTrainer(library, id)?.role;
  return role === 'peer' ? 0 : role === 'practitioner' ? 1 : 2;
}

function timetableWeeks(ctx: PublishContext): TimetableWeek[] {
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

function usedVenues(ctx: PublishContext) {
  const used = new Set(ctx.runs.map((r) => r.venue));
  const venues = ctx.library.college.venues;
  // With no runs yet, list every venue so students still know where the college meets.
  return used.size === 0 ? venues : venues.filter((v) => used.has(v.id));
}

function indexLetters(courses: Course[], pageOf: (anchor: string) => string): IndexLetter[] {
  const sorted = [...courses].sort((a, b) =>
    a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base', ignorePunctuation: true }),
  );
  const letters: IndexLetter[] = [];
  for (const course of sorted) {
    const first = course.title
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]/g, '')
      .charAt(0)
      .toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    let group = letters[letters.length - 1];
    if (!group || group.letter !== letter) {
      group = { letter, entries: [] };
      letters.push(group);
    }
    const anchor = anchors.course(course.id);
    group.entries.push({ title: course.title, code: course.code, anchor, page: pageOf(anchor) });
  }
  return letters;
}

function colophonCourse(ctx: PublishContext, course: Course): ColophonCourse {
  const status = ctx.statuses.get(course.id);
  return {
    title: course.title,
    code: course.code,
    authors: course.authors.map((id) => {
      const trainer = findTrainer(ctx.library, id);
      const signoff = status?.authors.find((a) => a.trainerId === id);
      const signed =
        signoff?.signedCurrent && signoff.lastSignedAt
          ? `signed off ${formatDate(signoff.lastSignedAt.slice(0, 10))}`
          : status
            ? 'not yet signed off this version'
            : 'sign-off not recorded';
      return {
        name: trainer?.name ?? id,
        roleLabel: trainer ? roleLabel(trainer.role) : 'trainer',
        signed,
      };
    }),
  };
}

function variantLabel(ctx: PublishContext): string {
  const parts = [`${ctx.options.paper} pages`];
  if (ctx.options.largePrint) parts.push('large print');
  if (ctx.options.draft) parts.push('draft proof including courses not yet signed off');
  return parts.join(', ');
}
