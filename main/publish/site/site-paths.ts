/**
 * Where each page of the student site lives, and relative links between them. Every link is
 * relative so the site works from file://, on any web server and under any sub-path.
 * Paths are site-relative with forward slashes.
 */
import path from 'node:path';
import type { Course, Module } from '../../library/types.js';

/** Anything that is not a safe file-name character becomes a hyphen (ids are kebab-case anyway). */
function safeSegment(value: string): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'untitled';
}

/** Site-relative paths of every kind of page and asset. */
export const sitePaths = {
  home: 'index.html',
  courses: 'courses/index.html',
  timetable: 'timetable.html',
  venues: 'venues.html',
  stylesheet: 'assets/site.css',
  search: 'search.html',
  searchScript: 'assets/search.js',
  searchIndexScript: 'assets/search-index.js',
  miniSearchScript: 'assets/minisearch.js',
  filtersScript: 'assets/filters.js',
  courseFactsScript: 'assets/course-facts.js',
  /** Open data: every published course and run, and a feed of the term's courses. */
  coursesJson: 'courses.json',
  feed: 'courses.atom',
  /** Every session of the term, for calendar apps. */
  termCalendar: 'timetable.ics',
  /** Marks a folder as Tandem's output, so a rebuild may clear it. */
  marker: '.tandem-site',
  category: (categoryId: string): string => `categories/${safeSegment(categoryId)}.html`,
  course: (courseId: string): string => `courses/${safeSegment(courseId)}/index.html`,
  page: (slug: string): string => `pages/${safeSegment(slug)}.html`,
  /** The calendar of run `runIndex` (0-based, as on the course page) of a course. */
  runCalendar: (courseId: string, runIndex: number): string =>
    `courses/${safeSegment(courseId)}/run-${runIndex + 1}.ics`,
  /** A course image, keeping its path below the course's images/ folder. */
  courseImage: (courseId: string, pathInImages: string): string =>
    `courses/${safeSegment(courseId)}/images/${pathInImages}`,
};

/**
 * File name of each module page of a course: `<slug>.html`, or `<NN>-<slug>.html` when the
 * slug would clash with the course's index page or with another module.
 */
export function modulePaths(course: Course): Map<Module, string> {
  const counts = new Map<string, number>();
  for (const m of course.modules)
    counts.set(safeSegment(m.slug), (counts.get(safeSegment(m.slug)) ?? 0) + 1);
  const result = new Map<Module, string>();
  for (const m of course.modules) {
    const slug = safeSegment(m.slug);
    const name =
      slug === 'index' || slug === 'images' || (counts.get(slug) ?? 0) > 1
        ? `${String(m.number).padStart(2, '0')}-${slug}`
        : slug;
    result.set(m, `courses/${safeSegment(course.id)}/${name}.html`);
  }
  return result;
}

/** A path with an empty, `.` or `..` segment, or a leading slash, which path.posix resolves. */
const UNCLEAN_PATH = /(?:^|\/)(?:\.\.?)?(?:\/|$)/;

/**
 * Site-relative `target` from the folder `fromDir` (`.` at the top), segment by segment: the
 * same as path.posix.relative for clean paths, without resolving both against the working folder
 * (called for every link of every page).
 */
function relativeSegments(fromDir: string, target: string): string[] {
  if (UNCLEAN_PATH.test(fromDir === '.' ? 'x' : fromDir) || UNCLEAN_PATH.test(target)) {
    const relative = path.posix.relative(fromDir, target);
    return relative === '' ? [] : relative.split('/');
  }
  const from = fromDir === '.' ? [] : fromDir.split('/');
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)];
}

/**
 * Hrefs already worked out, by the folder of the page and the target: every page of a folder
 * links to the same places (navigation, stylesheet, footer). Emptied when large, as a long
 * running app builds many sites.
 */
const knownHrefs = new Map<string, string>();
const KNOWN_HREFS_LIMIT = 100_000;

/** The href from page `from` to site file `to`, both site-relative (`to` may carry a #fragment). */
export function relativeHref(from: string, to: string): string {
  // A link to the page itself ('' or '#…') depends on the page's own name.
  if (to === '' || to.startsWith('#')) return hrefFrom(from, to);
  const key = `${path.posix.dirname(from)}\n${to}`;
  let href = knownHrefs.get(key);
  if (href === undefined) {
    if (knownHrefs.size >= KNOWN_HREFS_LIMIT) knownHrefs.clear();
    href = hrefFrom(from, to);
    knownHrefs.set(key, href);
  }
  return href;
}

function hrefFrom(from: string, to: string): string {
  const [target = '', fragment] = to.split('#', 2);
  let segments =
    target === ''
      ? [path.posix.basename(from)]
      : relativeSegments(path.posix.dirname(from), target);
  if (segments.length === 0) segments = [path.posix.basename(target)];
  const encoded = segments
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
  return fragment === undefined ? encoded : `${encoded}#${fragment}`;
}
