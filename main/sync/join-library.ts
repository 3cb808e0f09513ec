/**
 * First-time setup on a computer: copy a shared library from its address into a folder.
 * Tries the address, with the token when one is given, and checks that what arrived is a
 * Tandem library before anyone opens it.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { cloneRepository } from './git-engine.js';
import { credentialHooks } from './git-credentials.js';
import { explainSyncError, SyncError } from './sync-errors.js';

/** The folder name a library from `address` gets: `…/college-courses.git` → `college-courses`. */
export function folderNameFor(address: string): string {
  const last = address.replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  return last.replace(/\.git$/, '') || 'library';
}

/**
 * Clones `address` into `parent` itself when it is empty, or else into a new folder named after
 * the library inside it. Returns the library folder. Throws SyncError in plain words.
 */
export async function joinLibrary(
  address: string,
  parent: string,
  token?: string,
): Promise<string> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new SyncError(
      'not-found',
      'That is not a web address. Copy the https:// address of the library.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncError('not-found', 'Tandem needs the https:// address of the library.');
  }
  const empty = (await readdir(parent).catch(() => [])).length === 0;
  const target = empty ? parent : path.join(parent, folderNameFor(url.pathname));
  if (!empty && (await readdir(target).catch(() => [])).length > 0) {
    throw new SyncError('failed', `${target} already has files in it. Choose another folder.`);
  }
  try {
    await cloneRepository(target, address, credentialHooks({ token }));
  } catch (error) {
    await rm(path.join(target, '.git'), { recursive: true, force: true });
    throw explainSyncError(error, address);
  }
  const college = await stat(path.join(target, 'college.yml')).catch(() => undefined);
  if (!college?.isFile()) {
    throw new SyncError(
      'not-found',
      `The repository at ${url.host} is not a Tandem library: it has no college.yml.`,
    );
  }
  return target;
}
