/**
 * Pictures of the front pages on the site. A front page shows college pictures (the library's
 * images/ folder) and course pictures (`<course-id>/images/`), each checked as course pictures
 * are (`imageChecker`: a web format, really inside the library with links resolved, an SVG only as
 * `safeSvg` writes it). A picture left out is reported at its line of the page.
 */
import type { Definition, Image, ImageReference } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseLibraryMarkdown } from '../../format/parse-library-markdown.js';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import type { Page } from '../../library/types.js';
import type { DerivedTexts } from '../../library/check-markdown.js';
import { imageChecker, libraryImagePath, type PublishableImages } from './course-images.js';
import { relativeHref, sitePaths } from './site-paths.js';

const COURSE_PICTURE = /^([^/]+)\/images\/(.+)$/;

/** Where library picture `file` is published, when a front page may show it. */
function sitePicturePath(file: string): string | undefined {
  if (file.startsWith('images/')) return file;
  const course = COURSE_PICTURE.exec(file);
  return course?.[1] && course[2] ? sitePaths.courseImage(course[1], course[2]) : undefined;
}

/** Every picture of `page` as written, with its place in the page's file. */
function picturesOf(page: Page, trees: MarkdownTrees | undefined) {
  const tree = trees ? trees.tree(page.body) : parseLibraryMarkdown(page.body);
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => void definitions.set(node.identifier, node));
  const found: { src: string; line: number; column: number }[] = [];
  visit(tree, ['image', 'imageReference'], (node) => {
    const image = node as Image | ImageReference; // the visit asked for these two types
    const src = image.type === 'image' ? image.url : definitions.get(image.identifier)?.url;
    const start = image.position?.start ?? { line: 1, column: 1 };
    if (src) found.push({ src, line: page.bodyLine + start.line - 1, column: start.column });
  });
  return found;
}

/**
 * Checks the pictures of `pages` and adds those that may be published to `images.allowed`; each
 * one left out becomes a warning at the picture's place in its page.
 */
export function checkPageImages(
  libraryRoot: string,
  pages: readonly Page[],
  trees: MarkdownTrees | undefined,
  images: PublishableImages,
  derived?: DerivedTexts,
): void {
  const pictures = pages.flatMap((page) =>
    picturesOf(page, trees).map((picture) => ({
      ...picture,
      page,
      file: libraryImagePath(page.file, picture.src),
    })),
  );
  const check = imageChecker(libraryRoot, derived);
  const checked = pictures.map(({ file, src }) => {
    if (file === undefined) return undefined; // a web address: never fetched, never shown
    if (file.startsWith('../') || sitePicturePath(file) === undefined) {
      return `picture "${src}" is not in the library's images folder or a course's, so it is left off the site; put it in images/`;
    }
    if (images.allowed.has(file)) return undefined;
    const result = check(file);
    if (!('message' in result)) {
      images.allowed.set(file, result);
      return undefined;
    }
    return `picture "${src}": ${result.message}`;
  });
  pictures.forEach(({ page, line, column }, i) => {
    const message = checked[i];
    if (message) {
      images.warnings.push({
        file: page.file,
        line,
        column,
        severity: 'warning',
        code: 'page-picture-left-out',
        message,
      });
    }
  });
}

/**
 * A resolveImage function for front page `page` shown at site path `pagePath`: a picture checked
 * by `checkPageImages` is rewritten for the page and added to `used`; any other is dropped.
 */
export function pageImageResolver(
  page: Page,
  pagePath: string,
  images: PublishableImages,
  used: Map<string, string>,
): (src: string) => string | undefined {
  return (src) => {
    const file = libraryImagePath(page.file, src);
    const target = file === undefined ? undefined : sitePicturePath(file);
    if (file === undefined || target === undefined || !images.allowed.has(file)) return undefined;
    used.set(target, file);
    return relativeHref(pagePath, target);
  };
}
