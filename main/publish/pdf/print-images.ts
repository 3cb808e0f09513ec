/**
 * Image URLs for printing. Sanitized Markdown keeps only ordinary relative URLs, so images are
 * first given a relative placeholder path and, after sanitizing, turned into absolute `file:`
 * URLs inside the library (the print browser loads pages from a temporary file).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const placeholder = 'tandem-library-file/';

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

/** Replaces the placeholders in rendered HTML with `file:` URLs under `libraryRoot`. */
export function absolutiseImages(html: string, libraryRoot: string): string {
  const base = pathToFileURL(libraryRoot + path.sep).href;
  return html.split(`src="${placeholder}`).join(`src="${base}`);
}
