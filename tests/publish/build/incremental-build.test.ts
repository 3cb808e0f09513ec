/**
 * Rebuilding into the same output folder: after any edit the folder is byte for byte what a
 * clean build of the edited library writes (whole tree), only files whose bytes change are
 * rewritten, and a render cache that is damaged or from another Tandem is never trusted.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import { buildFromLoaded, buildPublication } from '../../../main/publish/build.js';
import { decodeStrings, encodeStrings } from '../../../main/publish/markdown/cache-strings.js';
import type { RenderCache } from '../../../main/publish/markdown/render-cache.js';
import {
  openRenderCache,
  RENDER_CACHE_DIR,
  writeSite,
  type SiteOutput,
} from '../../../main/publish/site/write-site.js';
import { siteTemplatesDir } from '../../../main/publish/site/load-templates.js';
import type { BuildOptions, PublishContext } from '../../../main/publish/types.js';
import { siteOnlyOptions } from '../../support/build-site.js';
import { sampleLibrary } from '../../support/temp-library.js';
import { readOutputTree } from '../site/site-files.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-incremental-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A fresh copy of the sample college and of the site templates, in `dir`. */
async function workspace(dir: string): Promise<{ library: string; templates: string }> {
  const library = path.join(dir, 'library');
  const templates = path.join(dir, 'templates');
  await cp(sampleLibrary, library, { recursive: true });
  await cp(siteTemplatesDir, templates, { recursive: true });
  return { library, templates };
}

/** A site-only draft build into `outDir` with the templates in `templates`. */
const siteOptions = (outDir: string, templates: string): BuildOptions =>
  siteOnlyOptions(outDir, { siteTemplatesDir: templates });

async function build(library: string, templates: string, outDir: string): Promise<void> {
  const result = await buildPublication(library, siteOptions(outDir, templates));
  expect(result.errors).toEqual([]);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
}

async function mtimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of (await readOutputTree(dir)).keys())
    times.set(file, (await stat(path.join(dir, file))).mtimeMs);
  return times;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
}

const edits: [string, (w: { library: string; templates: string }) => Promise<void>][] = [
  [
    'a module',
    ({ library }) =>
      edit(path.join(library, 'managing-stress/modules/01-what-is-stress.md'), (t) =>
        t.replace(/\n*$/, '\n\nA new closing thought about resting well.\n'),
      ),
  ],
  [
    "a course's front matter",
    ({ library }) =>
      edit(path.join(library, 'managing-stress/course.md'), (t) =>
        t.replace(/^summary: .*$/m, 'summary: Notice stress early and find what helps you.'),
      ),
  ],
  [
    "a term's sessions",
    ({ library }) =>
      edit(path.join(library, 'terms/spring-2027.yml'), (t) =>
        t.replace('date: 2027-01-18  # Monday', 'date: 2027-01-19  # Tuesday'),
      ),
  ],
  [
    'college.yml',
    ({ library }) =>
      edit(path.join(library, 'college.yml'), (t) =>
        t.replace(/^tagline: .*$/m, 'tagline: Learning and recovering together'),
      ),
  ],
  [
    "a trainer's name",
    ({ library }) =>
      edit(path.join(library, 'trainers.yml'), (t) =>
        t.replace('name: Amira Hassan', 'name: Amira Hassan-Reid'),
      ),
  ],
  [
    "a front page's title",
    ({ library }) =>
      edit(path.join(library, 'pages/accessibility.md'), (t) =>
        t.replace(/^title: .*$/m, 'title: Access and support'),
      ),
  ],
  [
    'a template',
    ({ templates }) =>
      edit(path.join(templates, 'partials/layout.hbs'), (t) =>
        t.replace('Every course is', 'Each and every course is'),
      ),
  ],
];

describe('rebuilding into the same folder', () => {
  it.each(edits)(
    'after an edit to %s, equals a clean build and rewrites only changed files',
    async (name, apply) => {
      const dir = path.join(tmp, name.replace(/\W+/g, '-'));
      const w = await workspace(dir);
      const out = path.join(dir, 'out');
      await build(w.library, w.templates, out);
      const before = await readOutputTree(out);
      const timesBefore = await mtimes(out);
      // Past the record's "too recent to tell" window (site-file-record.ts), then built again
      // with nothing changed, so the record vouches for every file: the rebuild after the edit
      // then skips each page whose key is unchanged, as a rebuild made minutes later does.
      await new Promise((resolve) => setTimeout(resolve, 3200));
      await build(w.library, w.templates, out);

      await apply(w);
      await build(w.library, w.templates, out);
      const clean = path.join(dir, 'clean');
      await build(w.library, w.templates, clean);

      const rebuilt = await readOutputTree(out);
      expect([...rebuilt.keys()]).toEqual([...(await readOutputTree(clean)).keys()]);
      const cleanTree = await readOutputTree(clean);
      const differing = [...rebuilt].filter(([f, b]) => !b.equals(cleanTree.get(f) ?? Buffer.alloc(0)));
      expect(differing.map(([f]) => f)).toEqual([]);

      const changed = [...rebuilt]
        .filter(([f, b]) => !before.get(f)?.equals(b))
        .map(([f]) => f)
        .sort();
      const timesAfter = await mtimes(out);
      const touched = [...timesAfter]
        .filter(([f, t]) => timesBefore.get(f) !== t)
        .map(([f]) => f)
        .sort();
      expect(changed.length).toBeGreaterThan(0);
      expect(touched).toEqual(changed);
    },
  );

  it("after a module edit, rewrites only that course's pages and the cache", async () => {
    const dir = path.join(tmp, 'module-only');
    const w = await workspace(dir);
    const out = path.join(dir, 'out');
    await build(w.library, w.templates, out);
    const before = await readOutputTree(out);
    // A course still awaiting sign-off, so the edit changes no course's state or date.
    const course = 'volunteering-and-your-community';
    const modules = await readdir(path.join(w.library, course, 'modules'));
    await edit(path.join(w.library, course, 'modules', modules[0] ?? ''), (t) =>
      t.replace(/\n*$/, '\n\nOne more line.\n'),
    );
    await build(w.library, w.templates, out);
    const after = await readOutputTree(out);
    const changed = [...after].filter(([f, b]) => !before.get(f)?.equals(b)).map(([f]) => f);
    // Its pages show the course's content version, which the edit changed, and the search
    // index holds the module's text; nothing else shows either.
    const coursePages = [...after.keys()].filter((f) => f.startsWith(`site/courses/${course}/`));
    expect(coursePages.length).toBe(modules.length + 1);
    const isCache = (f: string) => f.startsWith(`${RENDER_CACHE_DIR}/`);
    expect(changed.filter((f) => !isCache(f)).sort()).toEqual(
      ['site/assets/search-index.js', ...coursePages].sort(),
    );
    // The cache rewrites only the files its new and dropped entries fall in.
    const cacheFiles = [...after.keys()].filter(isCache);
    expect(changed.filter(isCache).length).toBeGreaterThan(0);
    expect(changed.filter(isCache).length).toBeLessThan(cacheFiles.length / 2);
  });
});

describe('pages known by their keys', () => {
  /** Builds the site of `library` into `outDir`; how many pages had to be put together. */
  async function assembled(library: string, templates: string, outDir: string): Promise<number> {
    const options = siteOptions(outDir, templates);
    const cache = await openRenderCache(options);
    let site: SiteOutput | undefined;
    const stages = {
      writeSite: async (ctx: PublishContext, c?: RenderCache) => (site = await writeSite(ctx, c)),
      buildPdfOutputs: () => Promise.reject(new Error('no PDFs in this test')),
    };
    const result = await buildFromLoaded(
      await loadLibrary(library, undefined, cache),
      options,
      undefined,
      stages,
      cache,
    );
    expect(result.errors).toEqual([]);
    return (site as SiteOutput).assembled;
  }

  it('after a template edit that changes no page, puts each together once, then none', async () => {
    const dir = path.join(tmp, 'same-bytes-new-keys');
    const w = await workspace(dir);
    const out = path.join(dir, 'out');
    const pages = await assembled(w.library, w.templates, out);
    expect(pages).toBeGreaterThan(0);
    // Past the record's "too recent to tell" window, so its times vouch for every file.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect(await assembled(w.library, w.templates, out)).toBe(0);
    // A comment: every page's key changes (the templates' bytes are in it), no page's bytes do.
    await edit(path.join(w.templates, 'partials/layout.hbs'), (t) => `{{!-- reviewed --}}\n${t}`);
    expect(await assembled(w.library, w.templates, out)).toBe(pages);
    expect(await assembled(w.library, w.templates, out)).toBe(0);
  });
});

describe('the record of the files a build left', () => {
  it('never keeps a site file changed by hand since, even with its old size and times', async () => {
    const dir = path.join(tmp, 'hand-edited');
    const w = await workspace(dir);
    const out = path.join(dir, 'out');
    await build(w.library, w.templates, out);
    // Past the record's "too recent to tell" window, so the rebuild takes its word.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    await build(w.library, w.templates, out);
    const page = path.join(out, 'site/courses/managing-stress/index.html');
    const before = await readFile(page, 'utf8');
    const info = await stat(page);
    const tampered = before.replace('<main', '<mian');
    expect(tampered.length).toBe(before.length);
    await writeFile(page, tampered);
    await utimes(page, info.atime, info.mtime);
    await build(w.library, w.templates, out);
    expect(await readFile(page, 'utf8')).toBe(before);
  });
});

/** A cache file: its first line, and the strings after it (cache-strings.ts). */
interface CacheFile {
  header: { format: number; stamp: string; checksum: string };
  strings: string[];
}

function readCache(bytes: Buffer): CacheFile {
  const end = bytes.indexOf(0x0a);
  // cast: the header line the build wrote.
  const header = JSON.parse(bytes.toString('utf8', 0, end)) as CacheFile['header'];
  return { header, strings: decodeStrings(bytes.subarray(end + 1)) };
}

function writeCache(cache: CacheFile): Buffer {
  return Buffer.concat([
    Buffer.from(`${JSON.stringify(cache.header)}\n`),
    encodeStrings(cache.strings),
  ]);
}

/** The checksum a whole cache file carries. */
const checksumOf = (cache: CacheFile) =>
  createHash('sha256').update(encodeStrings(cache.strings)).digest('hex');

/** Rewrites every file of the render cache in `out` with what `rewrite` makes of it. */
async function rewriteCache(
  out: string,
  rewrite: (cache: CacheFile) => Buffer | string,
): Promise<void> {
  const folder = path.join(out, RENDER_CACHE_DIR);
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    await writeFile(file, rewrite(readCache(await readFile(file))));
  }
}

describe('the render cache', () => {
  /** Builds once, then rewrites the cache file with `change` and returns the folders. */
  async function tampered(name: string, change: (cache: CacheFile) => void) {
    const dir = path.join(tmp, name);
    const w = await workspace(dir);
    const out = path.join(dir, 'out');
    await build(w.library, w.templates, out);
    await rewriteCache(out, (cache) => {
      // Every cached page body and calendar now says something no library does.
      cache.strings = cache.strings.map((text) =>
        text.replace(/<p>/g, '<p>TAMPERED ').replace(/Where: /g, 'Where: TAMPERED '),
      );
      change(cache);
      return writeCache(cache);
    });
    return { w, out };
  }

  it.each([
    ['damaged (its checksum no longer matches)', () => undefined],
    [
      'from an older Tandem (another stamp, checksum right)',
      (cache: CacheFile) => {
        cache.header.stamp = sha256('tandem 0.0.1');
        cache.header.checksum = checksumOf(cache);
      },
    ],
  ])('is ignored when %s', async (name, change) => {
    const { w, out } = await tampered(name.replace(/\W+/g, '-'), change);
    await build(w.library, w.templates, out);
    const rebuilt = await readOutputTree(out);
    expect([...rebuilt.values()].some((b) => b.includes('TAMPERED'))).toBe(false);
  });

  it.each([
    [
      'cut short',
      (cache: CacheFile) => {
        const whole = writeCache(cache);
        return whole.subarray(0, Math.floor(whole.length * 0.9));
      },
    ],
    [
      'in the JSON form older Tandems wrote',
      (cache: CacheFile) => {
        const entries = JSON.stringify(cache.strings.slice(0, 10));
        const texts = JSON.stringify(cache.strings.slice(10));
        return JSON.stringify({
          format: 2,
          stamp: cache.header.stamp,
          checksum: sha256(`${entries}\n${texts}`),
          entries,
          texts,
        });
      },
    ],
  ])('is ignored when %s', async (name, bytes) => {
    const { w, out } = await tampered(name.replace(/\W+/g, '-'), (cache) => {
      cache.header.checksum = checksumOf(cache);
    });
    await rewriteCache(out, bytes);
    await build(w.library, w.templates, out);
    const rebuilt = await readOutputTree(out);
    expect([...rebuilt.values()].some((b) => b.includes('TAMPERED'))).toBe(false);
  });

  it('is used when it is whole and from this Tandem', async () => {
    // The same tampering with a correct checksum and stamp shows: so the checks above are what keep it out.
    const { w, out } = await tampered('trusted', (cache) => {
      cache.header.checksum = checksumOf(cache);
    });
    // Gone from the site, the page is put together again, from what the cache holds.
    const pageFile = path.join(out, 'site/courses/managing-stress/index.html');
    await rm(pageFile);
    await build(w.library, w.templates, out);
    const page = await readFile(pageFile, 'utf8');
    expect(page).toContain('TAMPERED');
    const calendar = await readFile(path.join(out, 'site/timetable.ics'), 'utf8');
    expect(calendar).toContain('TAMPERED');
  });

  it("never writes a course's image where a whole cache's record of it says, outside the site", async () => {
    const dir = path.join(tmp, 'image-record');
    const w = await workspace(dir);
    const out = path.join(dir, 'out');
    await build(w.library, w.templates, out);
    const clean = await readOutputTree(out);
    let redirected = 0;
    await rewriteCache(out, (cache) => {
      cache.strings = cache.strings.map((text) => {
        if (!text.startsWith('{"pages":')) return text;
        // cast: a course job's record (course-job.ts).
        const record = JSON.parse(text) as { images: [string, string][] };
        if (record.images.length === 0) return text;
        redirected += 1;
        record.images = record.images.map(([, source]) => ['../../escaped.svg', source]);
        return JSON.stringify(record);
      });
      cache.header.checksum = checksumOf(cache);
      return writeCache(cache);
    });
    expect(redirected).toBeGreaterThan(0);
    await build(w.library, w.templates, out);
    await expect(stat(path.join(dir, 'escaped.svg'))).rejects.toThrow();
    expect(await readOutputTree(out)).toEqual(clean);
  });
});
