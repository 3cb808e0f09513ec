/**
 * The college library as Tandem sees it after loading and validating a library folder.
 * See docs/library-format.md for the files these come from.
 *
 * All paths stored here are relative to the library root and use forward slashes, so that
 * problem messages and published output look the same on every operating system.
 */
import type { MarkdownTrees } from './markdown-trees.js';
import type { TermRefs } from './reference-views.js';

import type { HolidayRegion } from '../planning/types.js';

import type { TrainerRole } from '../format/wording.js';

// Defined with the wording that names the roles.
export type { TrainerRole };

/** One problem found while loading or checking a library, reported as `file:line:column: message`. */
export interface Problem {
  /** Library-relative path, forward slashes. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 1 when the problem concerns the whole line or file. */
  column: number;
  message: string;
  /** `information` never blocks anything: something planners should know (a course not ready). */
  severity: 'error' | 'warning' | 'information';
  /** Stable kebab-case identifier of the rule, e.g. `unknown-category`. */
  code: string;
}

export interface Contact {
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  /** Free text, e.g. office opening hours. */
  hours?: string;
}

export interface Category {
  id: string;
  title: string;
  description: string;
}

export interface Venue {
  id: string;
  name: string;
  /** Postal address; for an online venue, how students join (never a live meeting link). */
  address: string;
  accessibility: string;
  online: boolean;
}

export interface College {
  name: string;
  tagline: string;
  contact: Contact;
  /** Id of the term published by default. */
  currentTerm: string;
  categories: Category[];
  venues: Venue[];
  /** Optional cover image for the prospectus, library-relative. */
  coverImage?: string;
  /** Whose public holidays the planner warns about; England and Wales when absent. */
  holidays?: HolidayRegion;
  /** IANA time zone of the college's sessions, for calendars (default Europe/London). */
  timeZone?: string;
  /** Public address of the published site, ending in `/`, for links in calendars and open data. */
  siteUrl?: string;
  /** The college's own words for the "Good to know" panel of course pages. */
  studentInfo?: StudentInfo;
}

/** Sentences shown on every course page; each has a default in the site. */
export interface StudentInfo {
  free?: string;
  referral?: string;
  enrol?: string;
  access?: string;
}

/** A public key line under a trainer in trainers.yml (used by sign-off). */
export interface TrainerKey {
  /** `ed25519:` followed by the base64 SPKI DER public key. */
  publicKey: string;
  /** ISO date the key was added, for people reading the file. */
  added?: string;
  /** ISO date from which the key no longer verifies anything. */
  revoked?: string;
}

export interface Trainer {
  id: string;
  name: string;
  role: TrainerRole;
  keys: TrainerKey[];
}

export interface Session {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** 24-hour HH:MM. */
  start: string;
  /** 24-hour HH:MM, after start. */
  end: string;
}

export interface Run {
  /** Course id. */
  course: string;
  /** Venue id. */
  venue: string;
  /** Trainer ids. */
  facilitators: string[];
  capacity?: number;
  /** Sorted by date and start time. */
  sessions: Session[];
}

export interface Term {
  id: string;
  /** Library-relative path of terms/<id>.yml. */
  file: string;
  title: string;
  /** ISO date. */
  starts: string;
  /** ISO date. */
  ends: string;
  /** ISO date. */
  enrolmentOpens?: string;
  runs: Run[];
}

export interface Page {
  slug: string;
  /** Library-relative path of pages/<slug>.md. */
  file: string;
  title: string;
  order: number;
  /** Markdown body (front matter removed). */
  body: string;
  /** 1-based line in `file` where `body` starts, to map Markdown positions to file lines. */
  bodyLine: number;
}

export interface Module {
  /** File name without the number prefix and extension: `02-noticing-stress.md` → `noticing-stress`. */
  slug: string;
  /** The NN prefix as a number; modules are sorted by it. */
  number: number;
  /** Library-relative path of <course-id>/modules/NN-<slug>.md. */
  file: string;
  title: string;
  /** Free text, e.g. "2 hours". */
  duration?: string;
  body: string;
  bodyLine: number;
}

export interface Course {
  /** The folder name: lower-case kebab-case. */
  id: string;
  /** Library-relative path of <course-id>/course.md. */
  file: string;
  title: string;
  code: string;
  /** Category id. */
  category: string;
  summary: string;
  audience: string;
  format: string;
  outcomes: string[];
  /** Trainer ids, in the order the authors listed themselves. */
  authors: string[];
  tags: string[];
  /** Markdown description (front matter removed). */
  body: string;
  bodyLine: number;
  /** Sorted by number. */
  modules: Module[];
  /** Library-relative paths of every file under <course-id>/images/, sorted. */
  images: string[];
}

export interface Library {
  /** Absolute path of the library folder. */
  root: string;
  college: College;
  trainers: Trainer[];
  /** Sorted by start date. */
  terms: Term[];
  /** Sorted by order, then slug. */
  pages: Page[];
  /** Courses that loaded well enough to be used, sorted by id. A broken course is left out. */
  courses: Course[];
}

export interface LoadResult {
  /**
   * Undefined only when college.yml or trainers.yml cannot be used at all; everything else
   * degrades course by course.
   */
  library: Library | undefined;
  /** Every problem found, sorted by file, line and column. */
  problems: Problem[];
  /** The Markdown bodies as parsed for the checks, for a build to render without parsing again. */
  markdownTrees?: MarkdownTrees;
  /** The terms as read, with where each field stands, for checks that report at a run's line. */
  termRefs?: TermRefs[];
  /** The bytes of every text file the load read, by library-relative path. */
  readBytes?: ReadonlyMap<string, Uint8Array>;
}
