/**
 * Text files taken over between loads of the same library (the live preview's): a file the
 * walk finds with the stamp it was read with is not read again; anything else is.
 */
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { TextReads } from '../../main/library/read-library-file.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const module = 'understanding-anxiety/modules/01-what-is-anxiety.md';

/**
 * Reads kept as settled however recently the files were written (the copy was made just now),
 * or, with `unsettled`, as unsettled unless written a minute before.
 */
const reads = (earlier?: TextReads, unsettled = false) =>
  new TextReads(earlier, unsettled ? 60_000 : -60_000);

/** What a load shows, without the objects that differ from load to load. */
const shown = (loaded: Awaited<ReturnType<typeof loadLibrary>>) => ({
  library: loaded.library,
  problems: loaded.problems,
  readBytes: loaded.readBytes,
});

let temp: TempLibrary;
beforeEach(async () => {
  temp = await copyLibrary(fixtureLibrary('valid-minimal'));
});
afterEach(() => temp.dispose());

describe('TextReads', () => {
  it('takes over every unchanged file and reads a saved one again', async () => {
    const first = reads();
    const before = await loadLibrary(temp.root, undefined, undefined, first);
    const files = before.readBytes?.size ?? 0;
    expect(files).toBeGreaterThan(3);

    const second = reads(first);
    const again = await loadLibrary(temp.root, undefined, undefined, second);
    expect(second.takenOver).toBe(files);
    expect(shown(again)).toEqual(shown(before));

    const file = path.join(temp.root, module);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA sentence saved just now.\n`);
    const third = reads(second, true);
    const edited = await loadLibrary(temp.root, undefined, undefined, third);
    expect(third.takenOver).toBe(files - 1);
    expect(shown(edited)).toEqual(shown(await loadLibrary(temp.root)));
    const body = edited.library?.courses
      .flatMap((course) => course.modules)
      .find((m) => m.file === module)?.body;
    expect(body).toContain('A sentence saved just now.');

    // Saved moments ago, so it might be saved again unseen within the clock's resolution: it
    // is read anew until it has settled.
    const fourth = reads(third);
    await loadLibrary(temp.root, undefined, undefined, fourth);
    expect(fourth.takenOver).toBe(files - 1);
  });

  it('takes over nothing for a file that has become a link', async () => {
    const first = reads();
    await loadLibrary(temp.root, undefined, undefined, first);
    const elsewhere = path.join(temp.root, '..', `${path.basename(temp.root)}-outside.md`);
    await writeFile(elsewhere, '---\ntitle: From outside\n---\nNot in the library.\n');
    try {
      await rm(path.join(temp.root, module));
      await symlink(elsewhere, path.join(temp.root, module));
      const second = reads(first);
      const loaded = await loadLibrary(temp.root, undefined, undefined, second);
      expect(loaded.problems.some((p) => p.file === module && p.code === 'symbolic-link')).toBe(
        true,
      );
      expect(loaded.readBytes?.has(module)).toBe(false);
      expect(JSON.stringify(loaded.library)).not.toContain('From outside');
    } finally {
      await rm(elsewhere, { force: true });
    }
  });
});
