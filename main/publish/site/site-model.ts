/**
 * Shared pieces of the student site: lookups built once per build, the page layout (header,
 * navigation, footer) and the small views several pages show (course cards, runs).
 */
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import type { Course, Library, Module, Page, Run, Trainer, Venue } from '../../library/types.js';
import type { CourseStatus } from '../../signoff/types.js';
import { firstParagraphText, truncateWords } from '../markdown/plain-text.js';
import { formatDate, formatDateRange, formatLongDate, formatTimeRange } from '../format-dates.js';
import { DRAFT_LABEL } from '../../format/wording.js';
import { dateOfCourses } from '../content-dates.js';
import type { RenderCache } from '../markdown/render-cache.js';
import { courseViewsOf, type CourseViews } from '../course-views.js';
import type { PublishContext } from '../types.js';
import type { PublishableImages } from './course-images.js';
import { modulePaths, relativeHref, sitePaths } from './site-paths.js';
import { newThisTerm } from './student-info.js';

/** Slug of the front page the home page and navigation link to for enrolling. */
export const ENROL_PAGE_SLUG = 'how-to-enrol';
/** Slug of the front page whose opening paragraph introduces the college on the home page. */
export const WELCOME_PAGE_SLUG = 'welcome';

/** Everything the page renderers look up, built once per build. */
export interface SiteModel {
  ctx: PublishContext;
  library: Library;
  trainers: Map<string, Trainer>;
  venues: Map<string, Venue>;
  categoryTitles: Map<string, string>;
  /** Runs, drafts and co-production lines, the same as the prospectus shows. */
  courseViews: CourseViews;
  /** Runs of each published course in this term, by first session. */
  runsByCourse: ReadonlyMap<string, Run[]>;
  modulePaths: Map<string, Map<Module, string>>;
  /** Published courses that are not signed off (only with `--draft`). */
  draftCourses: ReadonlySet<string>;
  images: PublishableImages;
  /** Site path → library path of every course image a page used. */
  usedImages: Map<string, string>;
  /** Site path of the college's cover image, when it has a publishable one. */
  coverImage: string | null;
  /** Markdown rendered by earlier builds (write-site.ts), when the build keeps one. */
  renderCache?: RenderCache;
  /** Courses running this term that did not run in the previous one. */
  newCourses: Set<string>;
}

/** Looks everything up once. */
export function buildSiteModel(
  ctx: PublishContext,
  images: PublishableImages,
  coverImage: string | null = null,
  renderCache?: RenderCache,
): SiteModel {
  const { library } = ctx;
  const courseViews = courseViewsOf(ctx);
  const model: SiteModel = {
    ctx,
    library,
    trainers: new Map(library.trainers.map((t) => [t.id, t])),
    venues: new Map(library.college.venues.map((v) => [v.id, v])),
    categoryTitles: new Map(library.college.categories.map((c) => [c.id, c.title])),
    courseViews,
    runsByCourse: courseViews.runsByCourse,
    modulePaths: new Map(ctx.courses.map((c) => [c.id, modulePaths(c)])),
    draftCourses: courseViews.draftCourses,
    images,
    usedImages: new Map(),
    coverImage,
    renderCache,
    newCourses: new Set(),
  };
  model.newCourses = newThisTerm(model);
  return model;
}

/** A `<time datetime>` value with its visible text. */
export interface TimeView {
  iso: string;
  text: string;
}

export interface LinkView {
  label: string;
  href: string;
  /** True on the page the link points to (`aria-current="page"`). */
  current: boolean;
}

export interface LayoutView {
  title: string;
  /** Plain text for `<meta name="description">`. */
  description: string;
  collegeName: string;
  tagline: string;
  stylesheet: string;
  homeHref: string;
  nav: LinkView[];
  footerPages: LinkView[];
  contact: {
    email: string | null;
    phone: string | null;
    phoneHref: string | null;
    address: string | null;
    website: string | null;
    hours: string | null;
  };
  termTitle: string;
  builtAt: TimeView;
  draft: boolean;
  draftLabel: string;
  /** `sha256:…` content version of the course the page belongs to, when known. */
  version: string | null;
  breadcrumbs: LinkView[] | null;
  /** The app's own scripts for this page (hrefs), loaded at the end of the body. */
  scripts: string[];
}

/** Which top-level section a page belongs to, to mark the current navigation link. */
export type Section = 'home' | 'courses' | 'timetable' | 'venues' | 'enrol' | 'page' | 'search';

export interface LayoutOptions {
  title: string;
  description?: string;
  section: Section;
  draft?: boolean;
  version?: string | null;
  breadcrumbs?: { label: string; path: string }[];
  /** The courses the page shows, which date it (content-dates.ts); absent: the site's date. */
  datedBy?: readonly Course[];
  /** Site paths of the app's own scripts the page needs. */
  scripts?: string[];
}

function enrolPage(library: Library): Page | undefined {
  return library.pages.find((p) => p.slug === ENROL_PAGE_SLUG);
}

/** A safe `tel:` target from a phone number as written ("01632 960 418" → "01632960418"). */
function phoneHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 3 ? `tel:${digits}` : null;
}

/** A website link only when it is an http(s) URL: college.yml is untrusted text too. */
function safeWebsite(url: string | undefined): string | null {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

/** The header, navigation and footer of page `pagePath`. */
export function layoutView(model: SiteModel, pagePath: string, options: LayoutOptions): LayoutView {
  const { library, ctx } = model;
  const college = library.college;
  const link = (label: string, target: string, current: boolean): LinkView => ({
    label,
    href: relativeHref(pagePath, target),
    current,
  });
  const enrol = enrolPage(library);
  const nav: LinkView[] = [
    link('Home', sitePaths.home, options.section === 'home'),
    link('Courses', sitePaths.courses, options.section === 'courses'),
    link('Timetable', sitePaths.timetable, options.section === 'timetable'),
    link('Venues', sitePaths.venues, options.section === 'venues'),
  ];
  if (enrol)
    nav.push(link('How to enrol', sitePaths.page(enrol.slug), options.section === 'enrol'));
  nav.push(link('Search', sitePaths.search, options.section === 'search'));
  const contact = college.contact;
  return {
    title: options.title,
    description: options.description ?? college.tagline,
    collegeName: college.name,
    tagline: college.tagline,
    stylesheet: relativeHref(pagePath, sitePaths.stylesheet),
    homeHref: relativeHref(pagePath, sitePaths.home),
    nav,
    footerPages: library.pages.map((p) =>
      link(p.title, sitePaths.page(p.slug), sitePaths.page(p.slug) === pagePath),
    ),
    contact: {
      email: contact.email ?? null,
      // Non-breaking spaces keep a phone number on one line.
      phone: contact.phone ? contact.phone.replace(/ /g, '\u00a0') : null,
      phoneHref: contact.phone ? phoneHref(contact.phone) : null,
      address: contact.address ?? null,
      website: safeWebsite(contact.website),
      hours: contact.hours ?? null,
    },
    termTitle: ctx.term.title,
    builtAt: pageDate(ctx, options.datedBy),
    draft: options.draft ?? false,
    draftLabel: DRAFT_LABEL,
    version: options.version ?? null,
    breadcrumbs: options.breadcrumbs
      ? options.breadcrumbs.map((b) => link(b.label, b.path, b.path === pagePath))
      : null,
    scripts: (options.scripts ?? []).map((script) => relativeHref(pagePath, script)),
  };
}

function pageDate(ctx: PublishContext, datedBy: readonly Course[] | undefined): TimeView {
  const date = datedBy
    ? dateOfCourses({ site: ctx.builtAt, courses: ctx.courseDates ?? new Map() }, datedBy)
    : ctx.builtAt;
  return { iso: date.toISOString(), text: formatDate(date.toISOString()) };
}

/** "Monday 18 January 2027" as a `<time>`. */
export function dateView(iso: string): TimeView {
  return { iso, text: formatLongDate(iso) };
}

export interface RunView {
  /** Anchor id on the course page. */
  id: string;
  /** `showTime` is set when sessions have different times, so each shows its own. */
  sessions: { date: TimeView; time: string; showTime: boolean; startIso: string; endIso: string }[];
  sessionCount: string;
  /** The shared time when every session has the same one. */
  time: string | null;
  venueName: string;
  venueHref: string;
  online: boolean;
  capacity: string | null;
  /** Set only when the people delivering the run differ from the course's authors. */
  deliveredBy: string | null;
  /** The run's sessions as an .ics file for calendar apps. */
  calendarHref: string;
}

/** The runs of `course` this term, for the course page (and its first session for cards). */
export function runViews(model: SiteModel, course: Course, pagePath: string): RunView[] {
  const runs = model.runsByCourse.get(course.id) ?? [];
  return runs.map((run, index) => {
    const venue = model.venues.get(run.venue);
    const first = run.sessions[0];
    const sameTime = run.sessions.every((s) => s.start === first?.start && s.end === first.end);
    const count = run.sessions.length;
    return {
      id: `run-${index + 1}`,
      sessions: run.sessions.map((s) => ({
        date: dateView(s.date),
        time: formatTimeRange(s.start, s.end),
        showTime: !sameTime,
        startIso: `${s.date}T${s.start}`,
        endIso: `${s.date}T${s.end}`,
      })),
      sessionCount: `${count} ${count === 1 ? 'session' : 'sessions'}`,
      time: sameTime && first ? formatTimeRange(first.start, first.end) : null,
      venueName: venue?.name ?? run.venue,
      venueHref: relativeHref(pagePath, `${sitePaths.venues}#venue-${run.venue}`),
      online: venue?.online ?? false,
      capacity: run.capacity !== undefined ? `Up to ${run.capacity} students` : null,
      deliveredBy: model.courseViews.deliveredBy(course, run),
      calendarHref: relativeHref(pagePath, sitePaths.runCalendar(course.id, index)),
    };
  });
}

export interface CourseCardView {
  /** Unique on a page: each course appears once in any list. */
  anchorId: string;
  title: string;
  href: string;
  code: string;
  summary: string;
  categoryTitle: string;
  /** "Starts Monday 18 January 2027 at The Old Library", or that it is not running this term. */
  starts: TimeView | null;
  where: string | null;
  moreRuns: string | null;
  draft: boolean;
  /** Not in the previous term's timetable. */
  isNew: boolean;
}

/** A course as a card in lists (home, category, all courses). */
export function courseCard(model: SiteModel, course: Course, pagePath: string): CourseCardView {
  const runs = model.runsByCourse.get(course.id) ?? [];
  const first = runs[0];
  const firstSession = first?.sessions[0];
  const venue = first ? model.venues.get(first.venue) : undefined;
  return {
    anchorId: `course-${course.id}`,
    title: course.title,
    href: relativeHref(pagePath, sitePaths.course(course.id)),
    code: course.code,
    summary: course.summary,
    categoryTitle: model.categoryTitles.get(course.category) ?? course.category,
    starts: firstSession ? dateView(firstSession.date) : null,
    where: firstSession
      ? `${formatTimeRange(firstSession.start, firstSession.end)}, ${venue?.name ?? first?.venue ?? ''}`
      : null,
    moreRuns:
      runs.length > 1
        ? `Also runs ${runs.length - 1} more ${runs.length === 2 ? 'time' : 'times'} this term`
        : null,
    draft: model.draftCourses.has(course.id),
    isNew: model.newCourses.has(course.id),
  };
}

/** The plain-text description of a page for search engines and link previews. */
export function describe(text: string): string {
  return truncateWords(text.replace(/\s+/g, ' ').trim(), 160);
}

/** The opening paragraph of a Markdown body, as plain text. */
export function excerpt(markdown: string, max = 300, trees?: MarkdownTrees): string {
  return firstParagraphText(markdown, max, trees);
}

/** "Spring term 2027: 11 January to 26 March 2027". */
export function termDates(model: SiteModel): string {
  return formatDateRange(model.ctx.term.starts, model.ctx.term.ends);
}

/** The status of a published course, when sign-off data exists. */
export function statusOf(model: SiteModel, courseId: string): CourseStatus | undefined {
  return model.ctx.statuses.get(courseId);
}
