/**
 * Writes the static student site of a build into `<outDir>/site/`: renders each page
 * (templates compiled once) and writes it as soon as it is rendered, a bounded number at once.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../library/types.js';
import type { PublishContext } from '../types.js';
import { checkCourseImages, checkImage } from './course-images.js';
import { loadSiteTemplates, readSiteStylesheet } from './load-templates.js';
import { prepareSiteDir } from './prepare-site-dir.js';
import { renderCategoryPages, renderCourseIndex } from './render-category.js';
import { renderCoursePage } from './render-course-page.js';
import { renderFrontPage } from './render-front-page.js';
import { renderHome } from './render-home.js';
import { renderModulePages } from './render-module-page.js';
import { renderTimetable } from './render-timetable.js';
import { renderVenues } from './render-venues.js';
import type { RenderedPage } from './rendered-page.js';
import { buildSiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** How many files are written at once: enough to keep the disk busy, few enough for any OS. */
const WRITE_CONCURRENCY = 32;

export interface SiteOutput {
  /** Absolute path of the site folder. */
  siteDir: string;
  /** Absolute path of its index.html. */
  indexHtml: string;
  pages: number;
  images: number;
  /** Images left off the site, and why. */
  warnings: Problem[];
}

/** The college's cover image as `assets/cover.<ext>`, when it is a safe web image inside the library. */
async function publishableCover(
  libraryRoot: string,
  coverImage: string | undefined,
): Promise<{ source?: string; target?: string; warning?: Problem }> {
  if (!coverImage) return {};
  const file = path.posix.normalize(coverImage.replace(/\\/g, '/'));
  if (file.startsWith('..') || path.posix.isAbsolute(file)) return {};
  const warning = await checkImage(libraryRoot, file);
  if (warning) return { warning };
  return {
    source: path.join(libraryRoot, file),
    target: `assets/cover${path.posix.extname(file).toLowerCase()}`,
  };
}

/** Writes files under `root` with at most `limit` in flight, making each folder once. */
class BoundedWriter {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #dirs = new Map<string, Promise<unknown>>();
  #failure: { error: unknown } | undefined;

  constructor(
    private readonly root: string,
    private readonly limit: number,
  ) {}

  /** Starts writing `target` (site-relative); waits first while `limit` writes are running. */
  async write(target: string, write: () => Promise<void>): Promise<void> {
    while (this.#inFlight.size >= this.limit) await Promise.race(this.#inFlight);
    this.#throwIfFailed();
    const dir = path.posix.dirname(target);
    let made = this.#dirs.get(dir);
    if (!made) {
      made =
        dir === '.' ? Promise.resolve() : mkdir(path.join(this.root, dir), { recursive: true });
      this.#dirs.set(dir, made);
    }
    const task: Promise<void> = made
      .then(write)
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
  }

  /** Waits for every write; throws the first failure. */
  async finish(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }
}

/** Renders and writes the whole site of `ctx`; throws a plain-words Error if the folder cannot be used. */
export async function writeSite(ctx: PublishContext): Promise<SiteOutput> {
  const siteDir = path.resolve(ctx.options.outDir, 'site');
  const { library } = ctx;
  const images = await checkCourseImages(library.root, ctx.courses);
  const cover = await publishableCover(library.root, library.college.coverImage);
  if (cover.warning) images.warnings.push(cover.warning);
  const model = buildSiteModel(ctx, images, cover.target ?? null);
  const templates = loadSiteTemplates();

  // Each job renders one or more pages; counted up front so progress has a total.
  const jobs: (() => RenderedPage | RenderedPage[])[] = [
    () => renderHome(model, templates),
    () => renderCourseIndex(model, templates),
    () => renderCategoryPages(model, templates),
    () => renderTimetable(model, templates),
    () => renderVenues(model, templates),
    ...library.pages.map((page) => () => renderFrontPage(model, templates, page)),
    ...ctx.courses.flatMap((course) => [
      () => renderCoursePage(model, templates, course),
      () => renderModulePages(model, templates, course),
    ]),
  ];
  const total = jobs.length;

  await prepareSiteDir(siteDir, library.root);
  // Pages are written as they are rendered, a bounded number at a time, so a large site is
  // never held in memory whole.
  const writer = new BoundedWriter(siteDir, WRITE_CONCURRENCY);
  let pageCount = 0;
  for (const [index, job] of jobs.entries()) {
    const rendered = job();
    for (const page of Array.isArray(rendered) ? rendered : [rendered]) {
      await writer.write(page.path, () => writeFile(path.join(siteDir, page.path), page.html));
      pageCount += 1;
    }
    if (index % 50 === 0 || index === total - 1) {
      ctx.onProgress({
        phase: 'site',
        done: index + 1,
        total,
        message: 'Making the website',
      });
    }
  }

  const copyTo = (source: string, target: string) => () =>
    copyFile(source, path.join(siteDir, target));
  const files: { target: string; write: () => Promise<void> }[] = [
    {
      target: sitePaths.stylesheet,
      write: () => writeFile(path.join(siteDir, sitePaths.stylesheet), readSiteStylesheet()),
    },
    {
      target: sitePaths.marker,
      write: () =>
        writeFile(
          path.join(siteDir, sitePaths.marker),
          'This folder is written by `tandem build`; it is emptied and rewritten on every build.\n',
        ),
    },
    ...(cover.source && cover.target
      ? [{ target: cover.target, write: copyTo(cover.source, cover.target) }]
      : []),
    ...[...model.usedImages]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([target, source]) => ({
        target,
        write: copyTo(path.join(library.root, source), target),
      })),
  ];
  ctx.onProgress({
    phase: 'site',
    done: 1,
    total: 1,
    message: `Saving ${files.length + pageCount} website files`,
  });
  for (const file of files) await writer.write(file.target, file.write);
  await writer.finish();

  return {
    siteDir,
    indexHtml: path.join(siteDir, sitePaths.home),
    pages: pageCount,
    images: model.usedImages.size,
    warnings: images.warnings,
  };
}
