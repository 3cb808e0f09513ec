/**
 * Empties the site folder before a build, and refuses when that could lose someone's work:
 * a folder Tandem did not make, or one holding the library itself.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sitePaths } from './site-paths.js';

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Clears (or creates) `siteDir`, throwing a plain-words Error when it must not be touched. */
export async function prepareSiteDir(siteDir: string, libraryRoot: string): Promise<void> {
  if (isInside(path.resolve(libraryRoot), siteDir)) {
    throw new Error(
      `The site folder ${siteDir} would contain the library itself; choose another output folder.`,
    );
  }
  const info = await stat(siteDir).catch(() => undefined);
  if (info) {
    if (!info.isDirectory())
      throw new Error(`${siteDir} exists and is not a folder; choose another output folder.`);
    const entries = await readdir(siteDir);
    if (entries.length > 0 && !entries.includes(sitePaths.marker)) {
      throw new Error(
        `${siteDir} already holds files that Tandem did not write; move them or choose another output folder.`,
      );
    }
    await rm(siteDir, { recursive: true, force: true });
  }
  await mkdir(siteDir, { recursive: true });
}
