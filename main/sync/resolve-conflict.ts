/**
 * A person's decision about a file both sides changed: keep theirs or mine, or both texts one
 * after the other. The other side's copy is then removed, and the next sync completes the merge.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontMatter } from '../format/front-matter-fences.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { unresolvedConflicts, type SyncConflict } from '../library/sync-state.js';
import type { SyncChoice, SyncConflictFile } from './types.js';

/** The waiting conflict for `file`; only paths a sync recorded can be read or decided. */
async function findConflict(dir: string, file: string): Promise<SyncConflict> {
  const conflict = (await unresolvedConflicts(dir)).find((c) => c.path === file);
  if (!conflict) throw new Error(`${file} is not waiting for a decision.`);
  return conflict;
}

const readText = (file: string): Promise<string> => readFile(file, 'utf8').catch(() => '');

/** Both versions of a conflicted file. */
export async function readConflict(dir: string, file: string): Promise<SyncConflictFile> {
  const conflict = await findConflict(dir, file);
  return {
    path: file,
    mine: await readText(path.join(dir, conflict.path)),
    theirs: await readText(path.join(dir, conflict.theirsPath)),
  };
}

/** Mine, then their body (a Markdown file keeps my front matter once). */
export function keepBoth(file: string, mine: string, theirs: string): string {
  const body = file.endsWith('.md') ? splitFrontMatter(theirs).body : theirs;
  const joined = mine.endsWith('\n') ? mine : `${mine}\n`;
  return `${joined}\n${body.replace(/^\n+/, '')}`;
}

/** Writes the decided text into the file and removes the other side's copy. */
export async function resolveConflict(
  dir: string,
  file: string,
  choice: SyncChoice,
): Promise<void> {
  const conflict = await findConflict(dir, file);
  const target = path.join(dir, conflict.path);
  const beside = path.join(dir, conflict.theirsPath);
  if (choice !== 'mine') {
    const theirs = await readFile(beside);
    const text =
      choice === 'theirs'
        ? theirs
        : keepBoth(file, await readText(target), theirs.toString('utf8'));
    await writeFileAtomic(target, text);
  }
  await rm(beside, { force: true });
}
