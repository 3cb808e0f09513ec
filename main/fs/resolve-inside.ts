/**
 * Path containment: every path that arrives from the UI (a course id, a module file, an image)
 * is relative to a folder the app trusts, and must never lead outside it — not by `..`, not by
 * an absolute or Windows drive/UNC path, and not through a symbolic link that points elsewhere.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** Thrown when a path would reach outside the folder it must stay in. */
export class PathOutsideError extends Error {
  constructor(relative: string, reason: string) {
    super(`"${relative.replace(/\0/g, '\\0')}" is not allowed: ${reason}.`);
    this.name = 'PathOutsideError';
  }
}

/**
 * Checks a relative path by its text alone and returns its segments. Only plain forward-slash
 * relative paths are accepted: the UI never needs anything else, so anything else is refused
 * rather than normalised (normalising is where traversal bugs hide).
 */
export function checkRelativePath(relative: string): string[] {
  const refuse = (reason: string): never => {
    throw new PathOutsideError(relative, reason);
  };
  if (typeof relative !== 'string' || relative.length === 0) refuse('the path is empty');
  if (relative.length > 1024) refuse('the path is too long');
  if (relative.includes('\0')) refuse('the path contains a NUL byte');
  if (relative.includes('\\')) refuse('use forward slashes');
  if (/^[a-zA-Z]:/.test(relative)) refuse('it is a Windows drive path');
  if (relative.startsWith('/')) refuse('it is an absolute path');
  // A colon elsewhere could name an NTFS alternate data stream (`file.md:hidden`).
  if (relative.includes(':')) refuse('the path contains a colon');
  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '') refuse('the path has an empty part');
    if (segment === '.' || segment === '..') refuse('the path may not contain . or .. parts');
    // Windows silently drops trailing dots and spaces, so `..` could be spelled `.. `.
    if (/^[. ]+$/.test(segment)) refuse('the path has a dot-only part');
  }
  return segments;
}

/** True when `child` is `parent` or inside it (both absolute, already normalised). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

async function realpathOrUndefined(target: string): Promise<string | undefined> {
  try {
    return await realpath(target);
  } catch (error) {
    // cast: Node fs errors carry `code`
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Resolves `relative` inside `root` and returns the absolute path (as under `root`, not the
 * link target). Refuses unsafe text (see `checkRelativePath`) and any path whose existing part
 * resolves, through symbolic links, outside `root`'s real location. The target itself may not
 * exist yet (for files about to be created): then its nearest existing parent is checked.
 */
export async function resolveInside(root: string, relative: string): Promise<string> {
  const segments = checkRelativePath(relative);
  const absoluteRoot = path.resolve(root);
  const target = path.join(absoluteRoot, ...segments);
  if (!isInside(absoluteRoot, target)) throw new PathOutsideError(relative, 'it leaves the folder');
  const realRoot = await realpath(absoluteRoot);
  // Walk up from the target to the nearest part that exists and check where it really is.
  let probe = target;
  for (;;) {
    const real = await realpathOrUndefined(probe);
    if (real !== undefined) {
      if (!isInside(realRoot, real)) {
        throw new PathOutsideError(relative, 'it leads outside the folder through a link');
      }
      return target;
    }
    if (probe === absoluteRoot) return target;
    probe = path.dirname(probe);
  }
}
