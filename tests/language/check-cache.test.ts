/**
 * `tandem check` keeps each text's findings in the library's `.tandem/cache/check/`: a run
 * over unchanged text finds exactly what a run without the cache finds, without looking again;
 * an edited text is looked at again, and a damaged or foreign cache file is ignored.
 */
import {
  appendFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_CACHE_DIR, openCheckCache } from '../../main/cli/check-cache.js';
import { checkLibraryLanguage } from '../../main/language/check-library-language.js';
import { loadLanguageSettings } from '../../main/language/language-file.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { shardFile } from '../../main/publish/markdown/render-cache.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

/** One check as the command runs it; `cached: false` checks without any cache. */
async function checkOnce(root: string, cached = true) {
  const cache = cached ? await openCheckCache(root) : undefined;
  const [loaded, language] = await Promise.all([
    loadLibrary(root, undefined, cache),
    loadLanguageSettings(root),
  ]);
  if (!loaded.library) throw new Error('the fixture library should load');
  const writing = checkLibraryLanguage(loaded.library, language.settings, {
    trees: loaded.markdownTrees,
    ...(cache ? { derived: cache } : {}),
  });
  await cache?.save();
  return {
    problems: loaded.problems,
    writing,
    hits: cache?.hits ?? 0,
    misses: cache?.misses ?? 0,
  };
}

const findings = (run: Awaited<ReturnType<typeof checkOnce>>) => ({
  problems: run.problems,
  writing: run.writing,
});

describe('the check cache', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await copyLibrary(fixtureLibrary('language-suggestions'));
    // The fixture folder may hold the cache of a check run on it in place.
    await rm(path.join(library.root, '.tandem'), { recursive: true, force: true });
  });
  afterEach(async () => {
    await library.dispose();
  });

  it('gives the same findings as no cache, and a second run looks at no text again', async () => {
    const uncached = await checkOnce(library.root, false);
    expect(uncached.writing.length).toBeGreaterThan(0);
    const first = await checkOnce(library.root);
    expect(first.misses).toBeGreaterThan(0);
    expect(findings(first)).toEqual(findings(uncached));
    const second = await checkOnce(library.root);
    expect(second.misses).toBe(0);
    expect(second.hits).toBe(first.misses);
    expect(findings(second)).toEqual(findings(uncached));
  });

  it('looks again at an edited text only, and finds what a run without the cache finds', async () => {
    await checkOnce(library.root);
    const module = path.join(library.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
    await appendFile(module, '\nSomeone who suffers from anxiety is welcome here.\n');
    const edited = await checkOnce(library.root);
    // The module's Markdown rules and its writing checks.
    expect(edited.misses).toBe(2);
    expect(findings(edited)).toEqual(findings(await checkOnce(library.root, false)));
    expect(
      edited.writing.some(
        (p) => p.file.endsWith('01-what-is-anxiety.md') && /suffers/.test(p.message),
      ),
    ).toBe(true);
  });

  // Each file of the cache is trusted or not on its own: the last spoils only the files that
  // hold the word, so only what those held is looked at again.
  it.each([
    ['damaged', true, (text: string) => text.slice(0, text.length / 2)],
    [
      'from another Tandem version',
      true,
      (text: string) => text.replace(/"stamp":"[0-9a-f]+"/, '"stamp":"0"'),
    ],
    ['changed by hand', false, (text: string) => text.replace(/suffer/g, 'struggle')],
  ])('ignores a cache file %s', async (_name, everyFile, spoil) => {
    const uncached = await checkOnce(library.root, false);
    await checkOnce(library.root);
    const folder = path.join(library.root, CHECK_CACHE_DIR);
    let spoiled = 0;
    for (const name of await readdir(folder)) {
      const file = path.join(folder, name);
      const text = await readFile(file, 'utf8');
      if (spoil(text) !== text) spoiled += 1;
      await writeFile(file, spoil(text));
    }
    expect(spoiled).toBeGreaterThan(0);
    const run = await checkOnce(library.root);
    expect(findings(run)).toEqual(findings(uncached));
    if (everyFile) expect(run.hits).toBe(0);
    else expect(run.misses).toBeGreaterThan(0);
    // The next run finds the cache whole again.
    expect((await checkOnce(library.root)).misses).toBe(0);
  });

  it('neither reads nor writes through a symbolic link that could lead out of the library', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'tandem-outside-'));
    try {
      await symlink(outside, path.join(library.root, '.tandem'));
      const uncached = await checkOnce(library.root, false);
      const run = await checkOnce(library.root);
      expect(findings(run)).toEqual(findings(uncached));
      expect(run.hits).toBe(0);
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('never writes through a link planted where a temporary file might be made', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'tandem-outside-'));
    try {
      const cacheFile = shardFile(path.join(library.root, CHECK_CACHE_DIR), 0);
      await mkdir(path.dirname(cacheFile), { recursive: true });
      // Names an earlier Tandem used for its temporary file, one per process id.
      const target = path.join(outside, 'victim.txt');
      await writeFile(target, 'untouched');
      await symlink(target, `${cacheFile}.${process.pid}.tmp`);
      await checkOnce(library.root);
      expect(await readFile(target, 'utf8')).toBe('untouched');
      expect((await readFile(cacheFile)).length).toBeGreaterThan(0);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
