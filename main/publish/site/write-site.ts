/**
 * Writes the static student site of a build into `<outDir>/site/`: renders each page
 * (templates compiled once) and writes it as soon as it is rendered, a bounded number at once.
 */
import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { DerivedTexts } from '../../library/check-markdown.js';
import type { Course, Problem } from '../../library/types.js';
import type { BuildOptions, PublishContext } from '../types.js';
import {
  checkCourseImages,
  imageChecker,
  siteImagePath,
  type ImageSource,
} from './course-images.js';
import { checkPageImages } from './page-images.js';
import { cacheStamp, RenderCache } from '../markdown/render-cache.js';
import { TANDEM_VERSION } from '../tandem-version.js';
import {
  loadSiteTemplates,
  readSiteStylesheet,
  siteTemplatesDir,
  type SiteTemplates,
} from './load-templates.js';
import { prepareSiteDir } from './prepare-site-dir.js';
import { sha256Hex } from '../markdown/hash-plain-data.js';
import { SiteFileRecord } from './site-file-record.js';
import { CourseJobs, courseJobRecordSchema, type CourseJobRecord } from './course-job.js';
import { renderCategoryPages, renderCourseIndex } from './render-category.js';
import { renderCoursePage } from './render-course-page.js';
import { renderFrontPage } from './render-front-page.js';
import { renderHome } from './render-home.js';
import { renderModulePages } from './render-module-page.js';
import { renderTimetable } from './render-timetable.js';
import { renderVenues } from './render-venues.js';
import { renderSiteExtras } from './site-extras.js';
import { pageKey, type RenderedPage } from './rendered-page.js';
import { buildSiteModel, type SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** The render cache's folder, relative to the build's output folder. */
export const RENDER_CACHE_DIR = '.tandem-cache/site-markdown';

/** The record of the site files the last build left (site-file-record.ts), beside the cache. */
export const SITE_FILE_RECORD = '.tandem-cache/site-files.json';

/** Every file of a templates folder, in a stable order, for the cache stamp. */
async function readTemplateSources(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    files.map(async (f) => `${path.relative(dir, f)}\n${await readFile(f, 'utf8')}`),
  );
}

/** A job record kept by an earlier build, when it has the right shape. */
function keptJobRecord(
  text: string | undefined,
): { text: string; record: CourseJobRecord } | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = courseJobRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? { text, record: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

/** How many files are written at once: enough to keep the disk busy, few enough for any OS. */
const WRITE_CONCURRENCY = 32;

export interface SiteOutput {
  /** Absolute path of the site folder. */
  siteDir: string;
  /** Absolute path of its index.html. */
  indexHtml: string;
  pages: number;
  images: number;
  /** Files (re)written by this build; the rest already had the right bytes. */
  written: number;
  /** Pages put together with Handlebars; the rest were known by their unchanged keys. */
  assembled: number;
  /** Files of an earlier build that this one no longer makes, removed. */
  removed: number;
  /** Markdown bodies and other derived texts taken from the render cache, and made anew. */
  rendered: { cached: number; new: number };
  /** Images left off the site, and why. */
  warnings: Problem[];
}

/** The college's cover image as `assets/cover.<ext>`, when it is a safe web image inside the library. */
export function publishableCover(
  libraryRoot: string,
  coverImage: string | undefined,
  derived?: DerivedTexts,
): { source?: ImageSource; target?: string; warning?: Problem } {
  if (!coverImage) return {};
  const file = path.posix.normalize(coverImage.replace(/\\/g, '/'));
  if (file.startsWith('..') || path.posix.isAbsolute(file)) return {};
  const checked = imageChecker(libraryRoot, derived)(file);
  if ('message' in checked) return { warning: checked };
  return {
    source: checked,
    target: `assets/cover${path.posix.extname(file).toLowerCase()}`,
  };
}

/** True when `file` holds exactly `data` (false when it cannot be read). */
function sameBytes(file: string, data: Buffer): boolean {
  try {
    return readFileSync(file).equals(data);
  } catch {
    return false;
  }
}

/**
 * Writes site files under `root` with at most `limit` in flight, making each folder once. A
 * file already there with the same bytes is left alone, so a rebuild touches only what changed;
 * `record` tells which files are known to hold the bytes the last build wrote, so those are not
 * read back to compare.
 */
class SiteWriter {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #dirs = new Map<string, Promise<unknown>>();
  #failure: { error: unknown } | undefined;
  /** Every site-relative path this build wrote or found already right. */
  readonly produced = new Set<string>();
  /** How many files had to be (re)written, and how many pages put together. */
  written = 0;
  assembled = 0;

  constructor(
    private readonly root: string,
    private readonly existing: ReadonlySet<string>,
    private readonly limit: number,
    private readonly record: SiteFileRecord,
  ) {
    // The folders of files already there exist: a rebuild makes none of them again.
    for (const file of existing) {
      const dir = path.posix.dirname(file);
      if (!this.#dirs.has(dir)) this.#dirs.set(dir, Promise.resolve());
    }
  }

  /**
   * Starts writing `target` (site-relative); waits first while `limit` writes are running.
   * `key`: what the bytes are made from (a page's key), when known; a file the record says was
   * made from the same key is left alone without making its bytes.
   */
  async write(
    target: string,
    bytes: () => Promise<Buffer | string> | Buffer | string,
    key = '',
  ): Promise<void> {
    // Every path is made by Tandem, but from library and cache data: none may leave the site.
    if (
      path.posix.isAbsolute(target) ||
      target.split('/').some((part) => part === '..' || part === '')
    )
      throw new Error(`Tandem tried to write ${target}, which is not inside the site folder.`);
    while (this.#inFlight.size >= this.limit) await Promise.race(this.#inFlight);
    this.#throwIfFailed();
    this.produced.add(target);
    const dir = path.posix.dirname(target);
    let made = this.#dirs.get(dir);
    if (!made) {
      made =
        dir === '.' ? Promise.resolve() : mkdir(path.join(this.root, dir), { recursive: true });
      this.#dirs.set(dir, made);
    }
    const file = path.join(this.root, target);
    const task: Promise<void> = made
      .then(async () => {
        // Synchronous file calls: each costs a fraction of the CPU time of its promise form,
        // and a site is thousands of small files.
        const { info, made } = this.#madeFrom(target, key);
        if (made) return;
        if (key !== '') this.assembled += 1;
        const content = await bytes();
        const data = typeof content === 'string' ? Buffer.from(content) : content;
        const hash = sha256Hex(data);
        if (info?.isFile()) {
          if (this.record.holds(target, info, hash, key)) return;
          if (sameBytes(file, data)) {
            this.record.note(target, info, hash, key);
            return;
          }
        }
        const fd = openSync(file, 'w');
        try {
          writeFileSync(fd, data);
          this.record.note(target, fstatSync(fd), hash, key);
        } finally {
          closeSync(fd);
        }
        this.written += 1;
      })
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
  }

  /**
   * True when `target` still holds what the last build made from page key `key` (as `write`
   * would find it), which then counts as written by this build; nothing is written.
   */
  keep(target: string, key: string): boolean {
    if (!this.#madeFrom(target, key).made) return false;
    this.produced.add(target);
    return true;
  }

  /**
   * The file at `target` as it is now (when it was there before this build), and whether the
   * record says it was made from page key `key` and still holds those bytes.
   */
  #madeFrom(target: string, key: string): { info?: Stats; made: boolean } {
    if (!this.existing.has(target)) return { made: false };
    const file = path.join(this.root, target);
    const info = lstatSync(file, { throwIfNoEntry: false });
    if (!info?.isFile()) return { made: false };
    return {
      info,
      made: this.record.madeFrom(target, info, key, () => sha256Hex(readFileSync(file))),
    };
  }

  /** Waits for every write, then removes the files no longer part of the site. */
  async finish(): Promise<number> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    this.#throwIfFailed();
    const stale = [...this.existing].filter((file) => !this.produced.has(file));
    for (const file of stale) await rm(path.join(this.root, file), { force: true });
    // Folders left empty go too, deepest first.
    const dirs = new Set(stale.map((file) => path.posix.dirname(file)).filter((d) => d !== '.'));
    for (const dir of [...dirs].sort((x, y) => y.length - x.length)) {
      await rmdir(path.join(this.root, dir)).catch(() => undefined);
    }
    return stale.length;
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }
}

/** What writing one course's pages needs from the build. */
interface CourseJobContext {
  model: SiteModel;
  templates: SiteTemplates;
  cache: RenderCache;
  writer: SiteWriter;
  courseJobs: CourseJobs;
}

/**
 * Writes `course`'s pages, or keeps them as the last build left them when its job's key and
 * files are unchanged (course-job.ts); returns how many pages it has.
 */
async function writeCoursePages(course: Course, job: CourseJobContext): Promise<number> {
  const { model, templates, cache, writer, courseJobs } = job;
  const inputs = ['course-job', courseJobs.key(course)];
  const kept = keptJobRecord(cache.peek(inputs));
  if (
    kept &&
    // Images are written where the record says: only where this course's images go.
    kept.record.images.every(
      ([target, source]) =>
        source.startsWith(`${course.id}/images/`) &&
        model.images.allowed.has(source) &&
        target === siteImagePath(course, source),
    ) &&
    kept.record.pages.every(([target, key]) => writer.keep(target, key)) &&
    cache.keepRenders(kept.record.renders)
  ) {
    for (const [target, source] of kept.record.images) model.usedImages.set(target, source);
    cache.put(inputs, kept.text);
    return kept.record.pages.length;
  }
  const jobModel = courseJobs.courseJobModel(course);
  const { value: pages, renders } = cache.tracking(() => [
    renderCoursePage(jobModel, templates, course),
    ...renderModulePages(jobModel, templates, course),
  ]);
  const made: CourseJobRecord = { pages: [], images: [...jobModel.usedImages], renders };
  for (const page of pages) {
    const key = pageKey(cache.stamp, page);
    made.pages.push([page.path, key]);
    await writer.write(page.path, page.html, key);
  }
  for (const [target, source] of made.images) model.usedImages.set(target, source);
  cache.put(inputs, JSON.stringify(made));
  return pages.length;
}

/**
 * The render cache of a build into `options.outDir`, kept beside the site, not in it (the site
 * folder is what gets uploaded). A build opens it before loading the library, whose checks
 * keep what they find in it too. `earlier`: the cache of the last build in this process, taken
 * over instead of reading the files again when it is the same folder for the same templates.
 */
export async function openRenderCache(
  options: BuildOptions,
  earlier?: RenderCache,
): Promise<RenderCache> {
  const folder = path.resolve(options.outDir, RENDER_CACHE_DIR);
  const stamp = cacheStamp(
    TANDEM_VERSION,
    await readTemplateSources(options.siteTemplatesDir ?? siteTemplatesDir),
  );
  if (earlier && earlier.path === folder && earlier.stamp === stamp)
    return RenderCache.continuing(earlier);
  return RenderCache.open(folder, stamp);
}

/**
 * Renders and writes the whole site of `ctx`; throws a plain-words Error if the folder cannot
 * be used. `renderCache`: the build's, when it opened one already (openRenderCache).
 */
export async function writeSite(
  ctx: PublishContext,
  renderCache?: RenderCache,
): Promise<SiteOutput> {
  const siteDir = path.resolve(ctx.options.outDir, 'site');
  const { library } = ctx;
  const cache = renderCache ?? (await openRenderCache(ctx.options));
  const images = checkCourseImages(library.root, ctx.courses, cache);
  checkPageImages(library.root, library.pages, ctx.markdownTrees, images, cache);
  const cover = publishableCover(library.root, library.college.coverImage, cache);
  if (cover.warning) images.warnings.push(cover.warning);
  const templatesDir = ctx.options.siteTemplatesDir ?? siteTemplatesDir;
  const templates = loadSiteTemplates(templatesDir);
  const model = buildSiteModel(ctx, images, cover.target ?? null, cache);
  const extras = renderSiteExtras(model, templates);

  // Each job renders one or more pages; a course's pages are one job, skipped whole when its
  // key and files are as the last build left them (course-job.ts).
  const jobs: (() => RenderedPage | RenderedPage[])[] = [
    () => renderHome(model, templates),
    () => renderCourseIndex(model, templates),
    () => renderCategoryPages(model, templates),
    () => renderTimetable(model, templates),
    () => renderVenues(model, templates),
    () => extras.pages,
    ...library.pages.map((page) => () => renderFrontPage(model, templates, page)),
  ];
  const total = jobs.length + ctx.courses.length;

  const existing = await prepareSiteDir(siteDir, library.root);
  const record = await SiteFileRecord.open(
    path.resolve(ctx.options.outDir, SITE_FILE_RECORD),
    TANDEM_VERSION,
  );
  // Pages are written as they are rendered, a bounded number at a time, so a large site is
  // never held in memory whole.
  const writer = new SiteWriter(siteDir, existing, WRITE_CONCURRENCY, record);
  let pageCount = 0;
  const progress = (done: number) => {
    if (done % 50 === 1 || done === total)
      ctx.onProgress({ phase: 'site', done, total, message: 'Making the website' });
  };
  for (const [index, job] of jobs.entries()) {
    const rendered = job();
    for (const page of Array.isArray(rendered) ? rendered : [rendered]) {
      await writer.write(page.path, page.html, pageKey(cache.stamp, page));
      pageCount += 1;
    }
    progress(index + 1);
  }
  const courseJobs = new CourseJobs(model, cache.stamp);
  for (const [index, course] of ctx.courses.entries()) {
    pageCount += await writeCoursePages(course, { model, templates, cache, writer, courseJobs });
    progress(jobs.length + index + 1);
  }

  // What is published for an image: the checked SVG written out again, or the file's bytes.
  const copyOf = (source: ImageSource) => () => source.svg ?? readFile(source.file);
  const files: { target: string; bytes: () => Promise<Buffer | string> | string }[] = [
    { target: sitePaths.stylesheet, bytes: () => readSiteStylesheet(templatesDir) },
    {
      target: sitePaths.marker,
      bytes: () =>
        'This folder is written by `tandem build`; each build rewrites what changed and removes files it no longer makes.\n',
    },
    ...extras.assets.map((asset) => ({ target: asset.path, bytes: () => asset.content })),
    ...(cover.source && cover.target
      ? [{ target: cover.target, bytes: copyOf(cover.source) }]
      : []),
    ...[...model.usedImages]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([target, source]) => {
        const checked = images.allowed.get(source);
        return checked ? [{ target, bytes: copyOf(checked) }] : [];
      }),
  ];
  ctx.onProgress({
    phase: 'site',
    done: 1,
    total: 1,
    message: `Saving ${files.length + pageCount} website files`,
  });
  for (const file of files) await writer.write(file.target, file.bytes);
  const removed = await writer.finish();
  await cache.save();
  await record.save();

  return {
    siteDir,
    indexHtml: path.join(siteDir, sitePaths.home),
    pages: pageCount,
    images: model.usedImages.size,
    written: writer.written,
    assembled: writer.assembled,
    removed,
    rendered: { cached: cache.hits, new: cache.misses },
    warnings: images.warnings,
  };
}
