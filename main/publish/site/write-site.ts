/**
 * Writes the static student site of a build into `<outDir>/site/`: renders every page in
 * memory (templates compiled once), then writes files in bounded concurrent batches.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../library/types.js';
import type { PublishContext } from '../types.js';
import { checkCourseImages, checkImage, writeImage, type ImageSource } from './course-images.js';
import { inBatches } from './in-batches.js';
import { loadSiteTemplates, readSiteStylesheet } from './load-templates.js';
import { prepareSiteDir } from './prepare-site-dir.js';
import { renderCategoryPages, renderCourseIndex } from './render-category.js';
import { renderCoursePage } from './render-course-page.js';
import { renderFrontPage } from './render-front-page.js';
import { renderHome } from './render-home.js';
import { renderModulePages } from './render-module-page.js';
import { renderTimetable } from './render-timetable.js';
import { renderVenues } from './render-venues.js';
import { renderSiteExtras } from './site-extras.js';
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
): Promise<{ source?: ImageSource; target?: string; warning?: Problem }> {
  if (!coverImage) return {};
  const file = path.posix.normalize(coverImage.replace(/\\/g, '/'));
  if (file.startsWith('..') || path.posix.isAbsolute(file)) return {};
  const checked = await checkImage(libraryRoot, file);
  if ('message' in checked) return { warning: checked };
  return {
    source: checked,
    target: `assets/cover${path.posix.extname(file).toLowerCase()}`,
  };
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
  const extras = renderSiteExtras(model, templates);

  // Each job renders one or more pages; counted up front so progress has a total.
  const jobs: (() => RenderedPage | RenderedPage[])[] = [
    () => renderHome(model, templates),
    () => renderCourseIndex(model, templates),
    () => renderCategoryPages(model, templates),
    () => renderTimetable(model, templates),
    () => renderVenues(model, templates),
    () => extras.pages,
    ...library.pages.map((page) => () => renderFrontPage(model, templates, page)),
    ...ctx.courses.flatMap((course) => [
      () => renderCoursePage(model, templates, course),
      () => renderModulePages(model, templates, course),
    ]),
  ];
  const total = jobs.length;
  const pages: RenderedPage[] = [];
  jobs.forEach((job, index) => {
    const rendered = job();
    if (Array.isArray(rendered)) pages.push(...rendered);
    else pages.push(rendered);
    if (index % 50 === 0 || index === total - 1) {
      ctx.onProgress({
        phase: 'site',
        done: index + 1,
        total,
        message: 'Making the website',
      });
    }
  });

  await prepareSiteDir(siteDir, library.root);
  const copyTo = (source: ImageSource, target: string) => () =>
    writeImage(source, path.join(siteDir, target));
  const files: { target: string; write: () => Promise<void> }[] = [
    ...pages.map((page) => ({
      target: page.path,
      write: () => writeFile(path.join(siteDir, page.path), page.html),
    })),
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
    ...extras.assets.map((asset) => ({
      target: asset.path,
      write: () => writeFile(path.join(siteDir, asset.path), asset.content),
    })),
    ...(cover.source && cover.target
      ? [{ target: cover.target, write: copyTo(cover.source, cover.target) }]
      : []),
    ...[...model.usedImages]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([target, source]) => {
        const checked = images.allowed.get(source);
        return checked ? [{ target, write: copyTo(checked, target) }] : [];
      }),
  ];
  const dirs = [...new Set(files.map((f) => path.posix.dirname(f.target)))]
    .filter((d) => d !== '.')
    .sort();
  for (const dir of dirs) await mkdir(path.join(siteDir, dir), { recursive: true });
  ctx.onProgress({
    phase: 'site',
    done: 1,
    total: 1,
    message: `Saving ${files.length} website files`,
  });
  await inBatches(files, WRITE_CONCURRENCY, (f) => f.write());

  return {
    siteDir,
    indexHtml: path.join(siteDir, sitePaths.home),
    pages: pages.length,
    images: model.usedImages.size,
    warnings: images.warnings,
  };
}
