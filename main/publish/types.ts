/** Publishing vocabulary shared by the CLI, the build pipeline and the app (pure types). */
import type { MarkdownTrees } from '../library/markdown-trees.js';
import type { Course, Library, Problem, Run, Term } from '../library/types.js';
import type { CourseStatus } from '../signoff/types.js';

export type PaperSize = 'A4' | 'A5';

export interface BuildOptions {
  /** Term id; defaults to college.yml's currentTerm. */
  termId?: string;
  /** Output folder, absolute or relative to the working directory. */
  outDir: string;
  /** Build only the site or only the PDFs. */
  only?: 'site' | 'pdf';
  paper: PaperSize;
  largePrint: boolean;
  /** Also write prospectus-booklet.pdf (A5 pages imposed two-up for saddle stitching). */
  booklet: boolean;
  facilitatorPacks: boolean;
  /** Publish every course, marking the ones not signed off as drafts. */
  draft: boolean;
  /** The site's templates folder (default: templates/site/ in the app). */
  siteTemplatesDir?: string;
}

export interface BuildProgress {
  phase: 'load' | 'site' | 'pdf' | 'facilitator-packs' | 'done';
  done: number;
  total: number;
  message: string;
}

export interface ExcludedCourse {
  courseId: string;
  title: string;
  /** Plain words, e.g. "awaiting sign-off from Sam Okafor". */
  reason: string;
  /** Why: `--draft` can show a course not yet signed off, never one with errors. */
  cause: 'errors' | 'sign-off';
}

export interface BuildResult {
  ok: boolean;
  /** Absolute paths of what was written. */
  siteDir?: string;
  prospectusPdf?: string;
  bookletPdf?: string;
  facilitatorPacks: string[];
  excluded: ExcludedCourse[];
  /** Library problems (a build with errors stops before writing anything). */
  problems: Problem[];
  /** Other failures in plain words, e.g. no browser found for the PDF. */
  errors: string[];
}

/**
 * Everything a renderer of published output (site, prospectus, facilitator packs) needs,
 * assembled once per build by main/publish/build.ts.
 */
export interface PublishContext {
  library: Library;
  term: Term;
  /** The courses to publish (signed off, or all of them with `draft`), sorted by category then title. */
  courses: Course[];
  /** Runs of `term` whose course is published, sorted by first session. */
  runs: Run[];
  /** Sign-off status of each published course, by course id, when sign-off data is available. */
  statuses: Map<string, CourseStatus>;
  options: BuildOptions;
  /**
   * The publication's date: SOURCE_DATE_EPOCH when set, otherwise taken from the content (the
   * newest sign-off, or the term's first day; content-dates.ts), never the clock.
   */
  builtAt: Date;
  /** Each published course's own date (its newest sign-off), by course id; absent: `builtAt`. */
  courseDates?: Map<string, Date>;
  /** The library's Markdown as parsed when it was checked, so a build never parses it again. */
  markdownTrees?: MarkdownTrees;
  onProgress: (progress: BuildProgress) => void;
}

/** A page of the student site to preview: home, timetable, a course page or one session's page. */
export type PreviewPage =
  | { page: 'home' }
  | { page: 'timetable' }
  | { page: 'course'; courseId: string }
  /** `file` is the module's file name inside modules/, e.g. `02-noticing-stress.md`. */
  | { page: 'module'; courseId: string; file: string };

/** A previewed page, or why there is none (e.g. the course has errors that keep it off the site). */
export type SitePreview =
  | {
      ok: true;
      /** A whole HTML document with its stylesheet and images inside; it runs no script. */
      html: string;
      /** Where the page lives on the published site, e.g. `courses/finding-calm/index.html`. */
      path: string;
      /** The page's course is not signed off by all its authors (the page says so too). */
      draft: boolean;
    }
  | { ok: false; reason: string };
