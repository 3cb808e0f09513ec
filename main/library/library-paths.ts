/** Small helpers for library-relative paths (always forward slashes). */
import path from 'node:path';

/** True when the normalized library-relative `file` lies inside `folder` ('' = the library root). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.posix.relative(folder === '' ? '.' : folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.posix.isAbsolute(relative);
}
