/**
 * The cache a long-running back end carries from one run to the next, and the folder of files
 * a build keeps it in between processes.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenderCache, shardFile } from '../../../main/publish/markdown/render-cache.js';

/** `derived` for `inputs`, noting whether the text had to be made. */
function ask(cache: RenderCache, inputs: unknown, made: string[]): string {
  return cache.derived(inputs, () => {
    made.push(String(inputs));
    return `text of ${String(inputs)}`;
  });
}

describe('RenderCache.following', () => {
  it('starts with what the run before used, and keeps only that', () => {
    const made: string[] = [];
    const first = RenderCache.unsaved('stamp');
    ask(first, 'a', made);
    ask(first, 'b', made);
    const second = RenderCache.following(first);
    // Only `a` is asked for again: `b` is not carried into the third run.
    expect(ask(second, 'a', made)).toBe('text of a');
    ask(second, 'c', made);
    const third = RenderCache.following(second);
    ask(third, 'a', made);
    ask(third, 'b', made);
    ask(third, 'c', made);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    expect([third.hits, third.misses]).toEqual([2, 1]);
    expect(third.stamp).toBe('stamp');
  });

  it('never serves a text for inputs that differ, however little', () => {
    const made: string[] = [];
    const first = RenderCache.unsaved('stamp');
    ask(first, ['yaml', 'title: Hope'], made);
    const next = RenderCache.following(first);
    ask(next, ['yaml', 'title: Hope '], made);
    expect(made).toEqual(['yaml,title: Hope', 'yaml,title: Hope ']);
  });
});

describe('RenderCache.open and save', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tandem-render-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The modification time of each file of the cache folder. */
  async function times(folder: string): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const name of await readdir(folder))
      found.set(name, (await stat(path.join(folder, name))).mtimeMs);
    return found;
  }

  /** A cache saved in `folder` that made `names`, each its own text. */
  async function saved(folder: string, names: string[]): Promise<RenderCache> {
    const cache = await RenderCache.open(folder, 'stamp');
    for (const name of names) ask(cache, name, []);
    await cache.save();
    return cache;
  }

  const many = Array.from({ length: 400 }, (_, i) => `text ${i}`);

  it('gives back in a new process what the last one saved', async () => {
    const folder = path.join(dir, 'cache');
    await saved(folder, many);
    const made: string[] = [];
    const reopened = await RenderCache.open(folder, 'stamp');
    for (const name of many) expect(ask(reopened, name, made)).toBe(`text of ${name}`);
    expect(made).toEqual([]);
    // Another Tandem or other templates trust none of it.
    const other = await RenderCache.open(folder, 'another stamp');
    ask(other, 'text 1', made);
    expect(made).toEqual(['text 1']);
  });

  it('rewrites only the files whose entries changed', async () => {
    const folder = path.join(dir, 'cache');
    const first = await saved(folder, many);
    const before = await times(folder);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The next build uses the same texts but one, and one new one.
    const next = RenderCache.continuing(first);
    for (const name of many.slice(1)) ask(next, name, []);
    ask(next, 'a new text', []);
    await next.save();
    const after = await times(folder);
    const rewritten = [...after].filter(([name, time]) => before.get(name) !== time);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThanOrEqual(2);
    // What was saved is all a new process finds: the dropped text is gone.
    const made: string[] = [];
    const reopened = await RenderCache.open(folder, 'stamp');
    ask(reopened, 'a new text', made);
    ask(reopened, 'text 5', made);
    ask(reopened, 'text 0', made);
    expect(made).toEqual(['text 0']);
  });

  it('never reads a cache file through a symbolic link', async () => {
    const folder = path.join(dir, 'cache');
    await saved(folder, many);
    // The whole cache, moved elsewhere and linked back file by file.
    const elsewhere = path.join(dir, 'elsewhere');
    await rename(folder, elsewhere);
    await mkdir(folder);
    for (const name of await readdir(elsewhere))
      await symlink(path.join(elsewhere, name), path.join(folder, name));
    const made: string[] = [];
    const reopened = await RenderCache.open(folder, 'stamp');
    ask(reopened, 'text 1', made);
    expect(made).toEqual(['text 1']);
    // Saving replaces the links with files, and leaves what they led to as it was.
    const linked = await times(elsewhere);
    await reopened.save();
    expect(await times(elsewhere)).toEqual(linked);
    expect((await lstat(shardFile(folder, 0))).isSymbolicLink()).toBe(false);
  });

  it.skipIf(process.platform === 'win32')(
    'is not held up by a named pipe where a cache file should be',
    async () => {
      const folder = path.join(dir, 'cache');
      await saved(folder, many);
      await rm(shardFile(folder, 0));
      execFileSync('mkfifo', [shardFile(folder, 0)]);
      // Opening the pipe to read would wait for a writer forever.
      const made: string[] = [];
      const reopened = await RenderCache.open(folder, 'stamp');
      for (const name of many) ask(reopened, name, made);
      expect(made.length).toBeGreaterThan(0);
      expect(made.length).toBeLessThan(many.length);
    },
  );
});
