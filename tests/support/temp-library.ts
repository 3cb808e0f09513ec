/** Copies a library folder into a fresh temp folder so a test can change it freely. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECK_CACHE_DIR } from '../../main/cli/check-cache.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sampleLibrary = path.join(repoRoot, 'courses');
export const fixtureLibrary = (name: string): string =>
  path.join(repoRoot, 'tests/fixtures/libraries', name);

export interface TempLibrary {
  root: string;
  dispose(): Promise<void>;
}

/**
 * Copies the library at `source` to `target`, without a computer's own cache (`tandem check`
 * run on a fixture in place writes one): it is not part of the library, just as syncing
 * leaves it out.
 */
export async function copyLibraryFiles(source: string, target: string): Promise<void> {
  const cache = path.join(source, path.dirname(CHECK_CACHE_DIR));
  await cp(source, target, { recursive: true, filter: (from) => from !== cache });
}

export async function copyLibrary(source: string): Promise<TempLibrary> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-lib-'));
  const root = path.join(dir, 'library');
  await copyLibraryFiles(source, root);
  return { root, dispose: () => rm(dir, { recursive: true, force: true }) };
}
