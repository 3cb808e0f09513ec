/** Small helpers for library-relative paths (always forward slashes). */
import path from 'node:path';

/** True when the normalized library-relative `file` lies inside `folder` ('' = the library root). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.posix.relative(folder === '' ? '.' : folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.posix.isAbsolute(relative);
}

/** Lower-case kebab-case: words of a-z and 0-9 joined by single hyphens. */
export function isKebabCase(value: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
