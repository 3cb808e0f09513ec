/**
 * Builds the PublishContext every renderer (site, prospectus, facilitator packs) works from,
 * so they all agree on which courses, runs and order a build publishes.
 */
import type { MarkdownTrees } from '../library/markdown-trees.js';
import type { Course, Library, Run, Term } from '../library/types.js';
import type { CourseStatus } from '../signoff/types.js';
import { sourceDateEpoch } from './content-dates.js';
import type { BuildOptions, BuildProgress, PublishContext } from './types.js';

/** The term a build publishes, or a plain-words error naming the terms that do exist. */
export function pickTerm(
  library: Library,
  termId: string | undefined,
): { term: Term } | { error: string } {
  const wanted = termId ?? library.college.currentTerm;
  const term = library.terms.find((t) => t.id === wanted);
  if (term) return { term };
  const known = library.terms.map((t) => t.id);
  const list =
    known.length > 0
      ? `Terms in this library: ${known.join(', ')}.`
      : 'This library has no terms yet.';
  const source = termId === undefined ? ' (the currentTerm in college.yml)' : '';
  return {
    error: `There is no term "${wanted}"${source}: terms/${wanted}.yml does not exist. ${list}`,
  };
}

/** Stable text order, independent of the build machine's locale. */
function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Courses in prospectus order: by the category order of college.yml, then title, then id. */
export function sortCoursesForPublishing(library: Library, courses: readonly Course[]): Course[] {
  const categoryIndex = new Map(library.college.categories.map((c, i) => [c.id, i]));
  const rank = (course: Course): number =>
    categoryIndex.get(course.category) ?? Number.MAX_SAFE_INTEGER;
  return [...courses].sort(
    (a, b) => rank(a) - rank(b) || compareText(a.title, b.title) || compareText(a.id, b.id),
  );
}

/** Sort key of a run: its first session's date and start time ('' sorts a run without sessions first). */
export function runStartKey(run: Run): string {
  const first = run.sessions[0];
  return first ? `${first.date}T${first.start}` : '';
}

/** The term's runs of published courses, by first session, then course id and venue. */
export function publishedRuns(term: Term, courses: readonly Course[]): Run[] {
  const published = new Set(courses.map((c) => c.id));
  return term.runs
    .filter((run) => published.has(run.course))
    .map((run, index) => ({ run, index }))
    .sort(
      (a, b) =>
        compareText(runStartKey(a.run), runStartKey(b.run)) ||
        compareText(a.run.course, b.run.course) ||
        compareText(a.run.venue, b.run.venue) ||
        a.index - b.index,
    )
    .map(({ run }) => run);
}

/**
 * The build time: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention)
 * when set and valid, otherwise `fallback` (builds pass the content's own date: content-dates.ts).
 */
export function buildTime(
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => Date = () => new Date(),
): Date {
  return sourceDateEpoch(env) ?? fallback();
}

export interface AssembleInput {
  library: Library;
  term: Term;
  /** The courses chosen by the sign-off gate, in any order. */
  courses: readonly Course[];
  statuses: Map<string, CourseStatus>;
  options: BuildOptions;
  builtAt: Date;
  /** Each course's own date (content-dates.ts); courses not in it are dated `builtAt`. */
  courseDates?: Map<string, Date>;
  markdownTrees?: MarkdownTrees;
  onProgress?: (progress: BuildProgress) => void;
}

/** Assembles the context: courses in publishing order and the runs of those courses only. */
export function assemblePublishContext(input: AssembleInput): PublishContext {
  const courses = sortCoursesForPublishing(input.library, input.courses);
  return {
    library: input.library,
    term: input.term,
    courses,
    runs: publishedRuns(input.term, courses),
    statuses: input.statuses,
    options: input.options,
    builtAt: input.builtAt,
    courseDates: input.courseDates ?? new Map(),
    markdownTrees: input.markdownTrees,
    onProgress: input.onProgress ?? (() => undefined),
  };
}
