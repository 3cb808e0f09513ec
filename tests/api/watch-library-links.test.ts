/**
 * A library is untrusted: a symbolic link in it to a folder elsewhere (`/`, a home folder)
 * must not make the watcher walk and watch that folder. Only the library itself is watched.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { TandemEvent } from '../../main/api/contract.js';
import { OwnWrites } from '../../main/api/own-writes.js';
import { watchLibrary } from '../../main/api/watch-library.js';

it('does not follow a link to a folder outside the library', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-watch-links-'));
  const root = path.join(dir, 'library');
  const outside = path.join(dir, 'outside');
  await mkdir(path.join(root, 'course'), { recursive: true });
  await mkdir(outside);
  await symlink(outside, path.join(root, 'course', 'images'), 'dir');
  const events: TandemEvent[] = [];
  const watcher = watchLibrary({
    root,
    ownWrites: new OwnWrites(),
    emit: (event) => void events.push(event),
    debounceMs: 20,
  });
  await watcher.ready;
  try {
    await writeFile(path.join(outside, 'elsewhere.md'), 'not the library\n');
    // Written after the file outside: once it is reported, the one outside would have been too.
    await writeFile(path.join(root, 'course', 'course.md'), 'in the library\n');
    const reported = () =>
      events.flatMap((event) => (event.type === 'library-changed' ? event.files : []));
    await expect.poll(reported, { timeout: 5000 }).toContain('course/course.md');
    expect(reported()).not.toContain('course/images/elsewhere.md');
  } finally {
    await watcher.close();
    await rm(dir, { recursive: true, force: true });
  }
});
