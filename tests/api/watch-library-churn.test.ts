/**
 * The watcher outlives any churn: the app's own files renamed, removed and whole folders
 * deleted while it checks them. A failed check is an unhandled rejection, which fails the run.
 */
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { TandemEvent } from '../../main/api/contract.js';
import { OwnWrites } from '../../main/api/own-writes.js';
import { watchLibrary } from '../../main/api/watch-library.js';

it('keeps watching while the files it checks appear, vanish and are renamed', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'tandem-churn-'));
  const ownWrites = new OwnWrites();
  const events: TandemEvent[] = [];
  const errors: unknown[] = [];
  const watcher = watchLibrary({
    root,
    ownWrites,
    emit: (event) => void events.push(event),
    onError: (error) => void errors.push(error),
    debounceMs: 2,
  });
  await watcher.ready;
  const dir = path.join(root, 'course', 'modules');
  try {
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 600; i++) {
      const file = path.join(dir, `0${i % 5}-module.md`);
      await writeFile(file, `text ${i}`);
      ownWrites.wroteFile(file, `text ${i}`);
      await new Promise((resolve) => setTimeout(resolve, i % 4));
      await rename(file, `${file}.aside`).catch(() => undefined);
      await unlink(`${file}.aside`).catch(() => undefined);
      if (i % 150 === 149) {
        await rm(path.join(root, 'course'), { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
      }
    }
    // Still watching: an outside change after the churn is reported.
    events.length = 0;
    await writeFile(path.join(root, 'course', 'course.md'), 'outside\n');
    await expect.poll(() => events.length, { timeout: 5000 }).toBeGreaterThan(0);
  } finally {
    await watcher.close();
    await rm(root, { recursive: true, force: true });
  }
});
