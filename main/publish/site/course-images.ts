/**
 * Course images on the site: only files under the course's own images/ folder are published,
 * only in common web formats, and an SVG is published only when it carries nothing that could
 * run (a browser runs scripts in an SVG opened on its own).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Course, Problem } from '../../library/types.js';
import { inBatches } from './in-batches.js';
import { relativeHref, sitePaths } from './site-paths.js';

const WEB_IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;
const UNSAFE_SVG = /<script|<foreignobject|\son[a-z]+\s*=|javascript:|<iframe|<!entity/i;

/** The library files a build may publish as images, with the reason for each one left out. */
export interface PublishableImages {
  /** Library-relative paths. */
  allowed: Set<string>;
  warnings: Problem[];
}

/**
 * Whether library image `file` may be published: a web format and, for an SVG, nothing that
 * could run. Returns a warning for an image that must be left out.
 */
export async function checkImage(libraryRoot: string, file: string): Promise<Problem | undefined> {
  if (!WEB_IMAGE.test(file)) {
    return {
      file,
      line: 1,
      column: 1,
      severity: 'warning',
      code: 'unsupported-image',
      message:
        'this file is not a web image (SVG, PNG, JPEG, GIF, WebP or AVIF), so it is left off the site',
    };
  }
  if (!/\.svg$/i.test(file)) return undefined;
  const text = await readFile(path.join(libraryRoot, file), 'utf8').catch(() => undefined);
  if (text !== undefined && !UNSAFE_SVG.test(text)) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'unsafe-svg',
    message:
      text === undefined
        ? 'this image could not be read, so it is left off the site'
        : 'this SVG contains a script, event handler or embedded page, so it is left off the site',
  };
}

/** Checks every image of `courses` once per build. */
export async function checkCourseImages(
  libraryRoot: string,
  courses: readonly Course[],
): Promise<PublishableImages> {
  const allowed = new Set<string>();
  const warnings: Problem[] = [];
  // Files that are not web images are simply not candidates; only unsafe SVGs get a warning.
  const files = courses.flatMap((course) => course.images.filter((file) => WEB_IMAGE.test(file)));
  // Checked concurrently (SVGs are read), reported in library order.
  const problems = await inBatches(files, 32, (file) => checkImage(libraryRoot, file));
  files.forEach((file, i) => {
    const problem = problems[i];
    if (problem) warnings.push(problem);
    else allowed.add(file);
  });
  return { allowed, warnings };
}

/** Site path of a library image (`<course>/images/a/b.png` → `courses/<course>/images/a/b.png`). */
export function siteImagePath(course: Course, libraryPath: string): string {
  return sitePaths.courseImage(course.id, libraryPath.slice(`${course.id}/images/`.length));
}

/**
 * A resolveImage function for one Markdown file of `course` shown on site page `pagePath`:
 * relative URLs into the course's images/ folder are rewritten for the page; anything else
 * (remote, absolute, outside images/, unsafe) is dropped. Used images are added to `used`.
 */
export function imageResolver(
  course: Course,
  markdownFile: string,
  pagePath: string,
  images: PublishableImages,
  used: Map<string, string>,
): (src: string) => string | undefined {
  return (src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\'))
      return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
    const libraryPath = path.posix.normalize(
      path.posix.join(path.posix.dirname(markdownFile), decoded),
    );
    if (!libraryPath.startsWith(`${course.id}/images/`) || !images.allowed.has(libraryPath))
      return undefined;
    const target = siteImagePath(course, libraryPath);
    used.set(target, libraryPath);
    return relativeHref(pagePath, target);
  };
}
