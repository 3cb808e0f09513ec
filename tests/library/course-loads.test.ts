/**
 * Courses taken over between loads of the same library (a watched rebuild, the live preview):
 * a course whose folder the walk finds as it was is not parsed or checked again, and every
 * load shows exactly what a load from nothing shows, after any change in a course's folder.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseLoads } from '../../main/library/course-loads.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { TextReads } from '../../main/library/read-library-file.js';
import { RenderCache } from '../../main/publish/markdown/render-cache.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../support/temp-library.js';

/** What a load shows, without the objects that differ from load to load. */
const shown = (loaded: Awaited<ReturnType<typeof loadLibrary>>) => ({
  library: loaded.library,
  problems: loaded.problems,
  readBytes: loaded.readBytes,
});

/** Loads of one library, one after another, each following the last, as a session makes them. */
class Loads {
  #reads: TextReads | undefined;
  #loads: CourseLoads | undefined;
  #cache = RenderCache.unsaved('stamp');
  /** The courses the last load took over, and the render cache it used. */
  takenOver = 0;
  cache = this.#cache;

  constructor(private readonly root: string) {}

  async load() {
    // Kept as settled however recently the files were written (the copy was made just now).
    const reads = new TextReads(this.#reads, -60_000);
    const loads = new CourseLoads(this.#loads);
    const cache = RenderCache.following(this.#cache);
    const loaded = await loadLibrary(this.root, undefined, cache, reads, loads);
    this.#reads = reads;
    this.#loads = loads;
    this.#cache = cache;
    this.cache = cache;
    this.takenOver = loads.takenOver;
    return loaded;
  }
}

let temp: TempLibrary;
beforeEach(async () => {
  temp = await copyLibrary(sampleLibrary);
});
afterEach(() => temp.dispose());

const anxiety = 'understanding-anxiety';

async function edit(relative: string, change: (text: string) => string): Promise<void> {
  const file = path.join(temp.root, relative);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('CourseLoads', () => {
  it('takes over every unchanged course, and loads again the one whose folder changed', async () => {
    const session = new Loads(temp.root);
    const first = await session.load();
    const courses = first.library?.courses.length ?? 0;
    expect(courses).toBeGreaterThan(5);
    expect(session.takenOver).toBe(0);

    const second = await session.load();
    expect(session.takenOver).toBe(courses);
    expect(shown(second)).toEqual(shown(first));

    await edit(`${anxiety}/modules/01-what-is-anxiety.md`, (t) => `${t}\nOne more line.\n`);
    const third = await session.load();
    expect(session.takenOver).toBe(courses - 1);
    expect(shown(third)).toEqual(shown(await loadLibrary(temp.root)));
  });

  // Each change is one a load must see, though no text the course was loaded from changed.
  const changes: [string, (root: string) => Promise<void>][] = [
    [
      'a module that uses a picture the course does not have',
      async () =>
        edit(
          `${anxiety}/modules/01-what-is-anxiety.md`,
          (t) => `${t}\n![A calm lake](../images/lake.svg)\n`,
        ),
    ],
    [
      'the picture added afterwards',
      async (root) =>
        writeFile(
          path.join(root, anxiety, 'images', 'lake.svg'),
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
        ),
    ],
    [
      'a module file with a name the format refuses',
      async (root) =>
        writeFile(
          path.join(root, anxiety, 'modules', 'Notes.md'),
          '---\ntitle: Notes\n---\nText.\n',
        ),
    ],
    ['a module removed', async (root) => rm(path.join(root, anxiety, 'modules', 'Notes.md'))],
    [
      'broken front matter',
      async () => edit(`${anxiety}/course.md`, (t) => t.replace(/^title:/m, 'title: [')),
    ],
  ];
  it('shows what a load from nothing shows after each change in a course folder', async () => {
    const session = new Loads(temp.root);
    await session.load();
    for (const [name, change] of changes) {
      await change(temp.root);
      const loaded = await session.load();
      expect(shown(loaded), name).toEqual(shown(await loadLibrary(temp.root)));
      // Loaded once more with nothing changed, it is taken over, and shows the same.
      const again = await session.load();
      expect(shown(again), name).toEqual(shown(loaded));
    }
  });

  it('keeps in the cache what the courses it takes over were found with', async () => {
    const session = new Loads(temp.root);
    await session.load();
    await session.load();
    expect(session.takenOver).toBeGreaterThan(5);
    // A load that takes over nothing finds every text it needs in what the last one kept.
    const cache = RenderCache.following(session.cache);
    await loadLibrary(temp.root, undefined, cache);
    expect(cache.misses).toBe(0);
    expect(cache.hits).toBeGreaterThan(50);
  });
});
