/**
 * What `tandem check` keeps between runs in the library's private `.tandem/cache/check/`:
 * the Markdown rules' and the writing checks' findings for each text, found by a SHA-256 of the
 * text and everything else they depend on, so a check after one edit looks again only at what
 * changed. A damaged file, or one from another Tandem version, is ignored (render-cache.ts).
 */
import path from 'node:path';
import { linkOnPath } from '../fs/symbolic-links.js';
import { cacheStamp, RenderCache } from '../publish/markdown/render-cache.js';
import { TANDEM_VERSION } from '../publish/tandem-version.js';

/** The check cache's folder, relative to the library root; never shared by sync (LOCAL_ONLY_PATTERNS). */
export const CHECK_CACHE_DIR = '.tandem/cache/check';

/**
 * Opens the check cache of the library at `root`; starts empty when there is none to trust.
 * A library is untrusted input: when any part of the cache's path is a symbolic link (which
 * could lead outside the library), the check runs without reading or writing a cache.
 */
export async function openCheckCache(root: string): Promise<RenderCache> {
  const stamp = cacheStamp(TANDEM_VERSION, ['check']);
  if ((await linkOnPath(root, CHECK_CACHE_DIR)) !== undefined) return RenderCache.unsaved(stamp);
  return RenderCache.open(path.join(root, CHECK_CACHE_DIR), stamp);
}
