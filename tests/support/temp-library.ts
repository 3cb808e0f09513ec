/** Copies a library folder into a fresh temp folder so a test can change it freely. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sampleLibrary = path.join(repoRoot, 'courses');
export const fixtureLibrary = (name: string): string =>
  path.join(repoRoot, 'tests/fixtures/libraries', name);

export interface TempLibrary {
  root: string;
  dispose(): Promise<void>;
}

export async function copyLibrary(source: string): Promise<TempLibrary> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-lib-'));
  const root = path.join(dir, 'library');
  await cp(source, root, { recursive: true });
  return { root, dispose: () => rm(dir, { recursive: true, force: true }) };
}
