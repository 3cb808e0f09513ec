/**
 * Moves a whole folder with one rename, after telling the library watcher what the move will
 * leave behind (every file gone from the old place, the same bytes at the new one), so the
 * app's own move is not reported as someone else's change.
 */
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { OwnWrites } from '../own-writes.js';

async function registerMove(ownWrites: OwnWrites, from: string, to: string): Promise<void> {
  ownWrites.removed(from);
  ownWrites.madeDir(to);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await registerMove(ownWrites, source, target);
    else if (entry.isFile()) {
      ownWrites.removed(source);
      ownWrites.wroteFile(target, await readFile(source));
    } else ownWrites.removed(source); // a link moves as it is and is never read
  }
}

/** Renames `from` to `to` (same volume: one atomic step), making `to`'s parent when needed. */
export async function moveFolder(ownWrites: OwnWrites, from: string, to: string): Promise<void> {
  const parent = path.dirname(to);
  ownWrites.madeDir(parent);
  await mkdir(parent, { recursive: true });
  await registerMove(ownWrites, from, to);
  await rename(from, to);
}
