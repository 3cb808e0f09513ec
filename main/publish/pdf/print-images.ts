/**
 * Image URLs for printing. Sanitized Markdown keeps only ordinary relative URLs, so images are
 * first given a relative placeholder path and, after sanitizing, turned into absolute URLs at
 * the print origin: the print browser never sees `file:`, and the renderer serves those URLs
 * from the library itself (`readPrintAsset`), nothing else.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../../fs/resolve-inside.js';
import { safeSvg } from '../safe-svg.js';

const placeholder = 'tandem-library-file/';

/** The made-up origin print documents are loaded from; no request ever leaves the browser. */
export const printOrigin = 'https://print.tandem.invalid';
/** Where library files appear at the print origin. */
export const printLibraryPrefix = '/library/';

/** The print-origin URL of a file in the library (`file` relative, forward slashes). */
export function printLibraryUrl(file: string): string {
  return printOrigin + printLibraryPrefix + file.split('/').map(encodeURIComponent).join('/');
}

/**
 * Returns an `resolveImage` for Markdown in `file` (library-relative): relative images inside
 * the library become placeholders; remote or escaping images are dropped (a print must not
 * depend on the network, nor reach outside the library).
 */
export function printImageResolver(file: string): (src: string) => string | undefined {
  const dir = path.posix.dirname(file);
  return (src) => {
    if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('#'))
      return undefined;
    let decoded: string;
    try {
      decoded = decodeURI(src.split(/[?#]/)[0] ?? '');
    } catch {
      return undefined;
    }
    const target = path.posix.normalize(path.posix.join(dir, decoded));
    if (target.startsWith('../') || target === '..' || path.posix.isAbsolute(target))
      return undefined;
    return placeholder + target.split('/').map(encodeURIComponent).join('/');
  };
}

/** Replaces the placeholders in rendered HTML with URLs at the print origin. */
export function absolutiseImages(html: string): string {
  return html.split(`src="${placeholder}`).join(`src="${printOrigin}${printLibraryPrefix}`);
}

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * The bytes and type of an image the print page asked for at `pathname` (under
 * `printLibraryPrefix`), or undefined: only image files whose real path, links resolved, is
 * inside `libraryRoot`'s real path; an SVG only as `safeSvg` writes it.
 */
export async function readPrintAsset(
  libraryRoot: string,
  pathname: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  if (!pathname.startsWith(printLibraryPrefix)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(printLibraryPrefix.length));
  } catch {
    return undefined;
  }
  const contentType = imageTypes[path.posix.extname(relative).toLowerCase()];
  if (!contentType || relative.includes('\0')) return undefined;
  try {
    const root = await realpath(libraryRoot);
    const real = await realpath(path.join(root, relative));
    if (!isInside(root, real)) return undefined;
    const body = await readFile(real);
    if (contentType !== 'image/svg+xml') return { body, contentType };
    const checked = safeSvg(body);
    return checked.ok ? { body: Buffer.from(checked.svg, 'utf8'), contentType } : undefined;
  } catch {
    return undefined;
  }
}
