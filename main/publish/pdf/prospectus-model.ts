/**
 * Turns a PublishContext into the plain data the print templates show: sections in order,
 * courses by category, the timetable by week, the A–Z index and the colophon. Pure: page
 * numbers and rendered Markdown come in as arguments. The view types are in
 * prospectus-views.ts, each section in a file of its own.
 */
import path from 'node:path';
import { DRAFT_LABEL } from '../../format/wording.js';
import { formatDateRange, formatLongDate } from '../format-dates.js';
import type { PageStyle } from './page-css.js';
import { printLibraryUrl } from './print-images.js';
import { indexLetters } from './prospectus-a-to-z.js';
import { anchors } from './prospectus-anchors.js';
import { colophonCourse, variantLabel } from './prospectus-colophon.js';
import { categoryViews } from './prospectus-courses.js';
import { timetableWeeks } from './prospectus-timetable.js';
import { venueViews } from './prospectus-venues.js';
import type {
  ContentsEntry,
  FrontPageView,
  PageOf,
  ProspectusInputs,
  ProspectusModel,
  StartSection,
} from './prospectus-views.js';
import { formatBuildTime } from './summarise-sessions.js';

/** Builds the whole view model of the prospectus. */
export function buildProspectusModel(inputs: ProspectusInputs): ProspectusModel {
  const { ctx, pages, version } = inputs;
  const { library, term } = ctx;
  const college = library.college;
  const pageOf: PageOf = (anchor) => {
    const n = pages.get(anchor);
    return n === undefined ? '' : String(n);
  };
  const pageStyles: PageStyle[] = [];
  let sectionNumber = 0;
  const section: StartSection = (anchor, title) => {
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

  const categories = categoryViews(ctx, section, pageOf, pageStyles);

  const timetable = { ...section(anchors.timetable, 'Timetable'), weeks: timetableWeeks(ctx) };
  const venues = {
    ...section(anchors.venues, 'Venues'),
    list: venueViews(ctx),
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
    draftLabel: DRAFT_LABEL,
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
