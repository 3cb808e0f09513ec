/**
 * Course images on the site: only files under the course's own images/ folder are published,
 * only in common web formats, only when their real path (links resolved) is inside the
 * library, and an SVG only as checked and written out again by `safeSvg` (a browser runs
 * scripts in an SVG opened on its own).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isInside } from '../../fs/resolve-inside.js';
import { cachedJson, type DerivedTexts } from '../../library/check-markdown.js';
import type { Course, Problem } from '../../library/types.js';
import { sha256Hex } from '../markdown/hash-plain-data.js';
import { safeSvg, type SafeSvg } from '../safe-svg.js';
import { relativeHref, sitePaths } from './site-paths.js';

const WEB_IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;

/** What to publish for one library image: the real file to copy, or the checked SVG text. */
export type ImageSource = { file: string; svg?: string };

/** The library files a build may publish as images, with the reason for each one left out. */
export interface PublishableImages {
  /** Library-relative paths, each with what to publish for it. */
  allowed: Map<string, ImageSource>;
  warnings: Problem[];
}

const leftOut = (file: string, code: string, message: string): Problem => ({
  file,
  line: 1,
  column: 1,
  severity: 'warning',
  code,
  message,
});

/** What the cache keeps of an SVG's check: the SVG to publish, or only that it was refused. */
const keptSvgSchema = z.union([
  z.strictObject({ ok: z.literal(true), svg: z.string() }),
  z.strictObject({ ok: z.literal(false) }),
]);

/**
 * `safeSvg` of `bytes`; with `derived` (a build's render cache), the SVG an earlier build
 * found safe in exactly these bytes, when what is kept has that shape: parsing and checking an
 * SVG costs far more than hashing it. Of a refused SVG only the refusal is kept (its reason can
 * quote what was refused, and the cache holds no hostile text), so a refused SVG, which is
 * rare, is checked again for the reason.
 */
function checkedSvg(bytes: Buffer, derived: DerivedTexts | undefined): SafeSvg {
  if (!derived) return safeSvg(bytes);
  const kept = cachedJson(derived, ['safe-svg', sha256Hex(bytes)], keptSvgSchema, () => {
    const checked = safeSvg(bytes);
    return checked.ok ? checked : { ok: false as const };
  });
  return kept.ok ? kept : safeSvg(bytes);
}

/** The file's bytes, or undefined when it cannot be read. */
function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Checks library images for one build: whether image `file` may be published (a web format,
 * really inside the library and, for an SVG, safe), giving what to publish or a warning for an
 * image left out. The library's real path is asked once, not per image. `derived`: as for
 * `checkedSvg`. Synchronous file calls: a large library has thousands of images, and the
 * promise forms cost several times the CPU time for the same answers.
 */
export function imageChecker(
  libraryRoot: string,
  derived?: DerivedTexts,
): (file: string) => ImageSource | Problem {
  let root: string | null | undefined;
  const realRoot = (): string | null => {
    if (root === undefined) {
      try {
        // The native realpath(3), as the promise form uses: each link is resolved by the system.
        root = realpathSync.native(libraryRoot);
      } catch {
        root = null;
      }
    }
    return root;
  };
  return (file) => {
    if (!WEB_IMAGE.test(file)) {
      return leftOut(
        file,
        'unsupported-image',
        'this file is not a web image (SVG, PNG, JPEG, GIF, WebP or AVIF), so it is left off the site',
      );
    }
    const unreadable = () =>
      leftOut(file, 'image-unreadable', 'this image could not be read, so it is left off the site');
    const inside = realRoot();
    if (inside === null) return unreadable();
    let real: string;
    try {
      real = realpathSync.native(path.join(inside, file));
    } catch {
      return unreadable();
    }
    if (!isInside(inside, real)) {
      return leftOut(
        file,
        'link-outside-library',
        'this image is a link to a file outside the library, so it is left off the site',
      );
    }
    if (!/\.svg$/i.test(file)) return { file: real };
    const bytes = readOrUndefined(real);
    if (bytes === undefined) return unreadable();
    const checked = checkedSvg(bytes, derived);
    if (checked.ok) return { file: real, svg: checked.svg };
    return leftOut(file, 'unsafe-svg', `this SVG is left off the site because ${checked.reason}`);
  };
}

/** Checks every image of `courses` once per build; `derived` as for `imageChecker`. */
export function checkCourseImages(
  libraryRoot: string,
  courses: readonly Course[],
  derived?: DerivedTexts,
): PublishableImages {
  const allowed = new Map<string, ImageSource>();
  const warnings: Problem[] = [];
  // Files that are not web images are simply not candidates; only unsafe SVGs get a warning.
  const files = courses.flatMap((course) => course.images.filter((file) => WEB_IMAGE.test(file)));
  const check = imageChecker(libraryRoot, derived);
  // Reported in library order.
  for (const file of files) {
    const result = check(file);
    if ('message' in result) warnings.push(result);
    else allowed.set(file, result);
  }
  return { allowed, warnings };
}

/** Writes one published image: the checked SVG text, or a copy of the real file. */
export async function writeImage(source: ImageSource, target: string): Promise<void> {
  if (source.svg !== undefined) await writeFile(target, source.svg, 'utf8');
  else await copyFile(source.file, target);
}

/** Site path of a library image (`<course>/images/a/b.png` → `courses/<course>/images/a/b.png`). */
export function siteImagePath(course: Course, libraryPath: string): string {
  return sitePaths.courseImage(course.id, libraryPath.slice(`${course.id}/images/`.length));
}

/**
 * The library-relative file a picture `src` in Markdown file `markdownFile` points to; undefined
 * for a remote or absolute one. It may still lie outside the library (`../..`): callers check.
 */
export function libraryImagePath(markdownFile: string, src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\'))
    return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(markdownFile), decoded));
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
    const libraryPath = libraryImagePath(markdownFile, src);
    if (
      libraryPath === undefined ||
      !libraryPath.startsWith(`${course.id}/images/`) ||
      !images.allowed.has(libraryPath)
    )
      return undefined;
    const target = siteImagePath(course, libraryPath);
    used.set(target, libraryPath);
    return relativeHref(pagePath, target);
  };
}
