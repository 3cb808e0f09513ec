/**
 * The plain data the print templates show (templates/print/prospectus.hbs): one view type per
 * section, filled in by buildProspectusModel and the section files beside it.
 */
import type { PublishContext } from '../types.js';
import type { LibraryVersion } from './library-version.js';
import type { PageStyle } from './page-css.js';

/** Page number of each anchor id; missing on the first pass, before layout is known. */
export type PageNumbers = ReadonlyMap<string, number>;

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

export interface VenueView {
  anchor: string;
  name: string;
  address: string;
  accessibility: string;
  online: boolean;
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
  venues: SectionView & { list: VenueView[] };
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

/** The page number of an anchor as printed; empty before layout is known. */
export type PageOf = (anchor: string) => string;

/** Opens the next section: its own named page, with `title` in its running footer. */
export type StartSection = (anchor: string, title: string) => SectionView;
