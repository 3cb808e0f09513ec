/**
 * `tandem build` and the app's Publish button: load the library, apply the sign-off gate,
 * then write the student site and the PDFs from one shared PublishContext.
 */
import path from 'node:path';
import { CourseLoads } from '../library/course-loads.js';
import { loadLibrary } from '../library/load-library.js';
import type { MarkdownTrees } from '../library/markdown-trees.js';
import { TextReads } from '../library/read-library-file.js';
import type { LoadResult } from '../library/types.js';
import { selectPublishedCourses } from './select-published-courses.js';
import type { PdfOutputs } from './pdf/build-pdf-outputs.js';
import { assemblePublishContext, pickTerm } from './assemble-context.js';
import { confineProblems } from './confine-problems.js';
import { publicationDates } from './content-dates.js';
import { prepareOutputFolder } from './output-folder.js';
import { openRenderCache, writeSite } from './site/write-site.js';
import type { RenderCache } from './markdown/render-cache.js';
import type { BuildOptions, BuildProgress, BuildResult, PublishContext } from './types.js';

/** The stages a build runs, replaceable in tests (e.g. to skip Chromium). */
export interface BuildStages {
  writeSite: typeof writeSite;
  buildPdfOutputs: (ctx: PublishContext) => Promise<PdfOutputs>;
}

const defaultStages: BuildStages = {
  writeSite,
  // Loaded only when PDFs are wanted: the PDF stage pulls in pdf.js and a canvas binding.
  buildPdfOutputs: async (ctx) => (await import('./pdf/build-pdf-outputs.js')).buildPdfOutputs(ctx),
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Loads the library at `libraryRoot` and publishes it. Never throws for bad input: see `ok`. */
export async function buildPublication(
  libraryRoot: string,
  options: BuildOptions,
  onProgress?: (p: BuildProgress) => void,
): Promise<BuildResult> {
  return new BuildSession(libraryRoot, options, { rebuilds: false }).build(onProgress);
}

/**
 * Builds of one library into one output folder, one after another in the same process
 * (`tandem build --watch`): each takes over what the last one read, parsed and rendered from
 * files that have not changed since (their reads, loaded courses, Markdown trees and render
 * cache), so a rebuild after a save reads, checks and renders little more than the saved file. What a build publishes is
 * the same as a fresh process would publish.
 */
export class BuildSession {
  readonly #root: string;
  #reads: TextReads | undefined;
  #loads: CourseLoads | undefined;
  #trees: MarkdownTrees | undefined;
  #cache: RenderCache | undefined;

  /**
   * `rebuilds`: whether more builds follow (`tandem build --watch`); a session that builds once
   * keeps nothing of its courses for a next build, as noting it would only cost time.
   */
  constructor(
    libraryRoot: string,
    private readonly options: BuildOptions,
    { rebuilds = true }: { rebuilds?: boolean } = {},
  ) {
    this.#root = path.resolve(libraryRoot);
    this.#rebuilds = rebuilds;
  }

  readonly #rebuilds: boolean;

  /** Builds the library as it is on disk now. */
  async build(onProgress?: (p: BuildProgress) => void): Promise<BuildResult> {
    const { options } = this;
    onProgress?.({
      phase: 'load',
      done: 0,
      total: 1,
      message: `Reading the library in ${this.#root}`,
    });
    // Opened first so the checks, too, take from it what earlier builds found in unchanged text.
    const renderCache =
      options.only === 'pdf' ? undefined : await openRenderCache(options, this.#cache);
    const reads = new TextReads(this.#reads);
    const loads = this.#rebuilds ? new CourseLoads(this.#loads) : undefined;
    const loaded = await loadLibrary(this.#root, this.#trees, renderCache, reads, loads);
    this.#reads = reads;
    this.#loads = loads;
    this.#trees = loaded.markdownTrees;
    this.#cache = renderCache;
    return buildFromLoaded(loaded, options, onProgress, defaultStages, renderCache);
  }
}

/** A library ready to publish, or the result that says why it is not. */
export type PreparedPublication =
  { ctx: PublishContext; result: BuildResult } | { ctx?: undefined; result: BuildResult };

/**
 * Everything a build does before it renders: the checks that stop it, the term, the sign-off
 * gate and the dates. The live preview renders single pages from the same context.
 */
export async function preparePublication(
  loaded: LoadResult,
  options: BuildOptions,
  onProgress?: (p: BuildProgress) => void,
): Promise<PreparedPublication> {
  const progress = onProgress ?? (() => undefined);
  const result: BuildResult = {
    ok: false,
    facilitatorPacks: [],
    excluded: [],
    problems: loaded.problems,
    errors: [],
  };
  if (!loaded.library) {
    if (loaded.problems.length === 0) result.errors.push('The library could not be read.');
    return { result };
  }
  // Warnings do not stop a build; errors in college-wide files do, before anything is
  // written; a course or page with errors is left out (confine-problems.ts).
  const confined = confineProblems(loaded.library, loaded.problems);
  if (confined.blocking.length > 0) return { result };
  const { library } = confined;
  progress({ phase: 'load', done: 1, total: 1, message: 'Library loaded' });

  const picked = pickTerm(library, options.termId);
  if ('error' in picked) {
    result.errors.push(picked.error);
    return { result };
  }

  const selection = await selectPublishedCourses(
    library,
    { draft: options.draft },
    loaded.readBytes,
  );
  result.excluded = [...confined.excluded, ...selection.excluded];
  // Dated by the content, not the clock: the same library always publishes the same bytes.
  const dates = publicationDates({
    env: process.env,
    term: picked.term,
    courses: selection.courses,
    statuses: selection.statuses,
  });
  const ctx = assemblePublishContext({
    library,
    term: picked.term,
    courses: selection.courses,
    statuses: selection.statuses,
    options,
    builtAt: dates.site,
    courseDates: dates.courses,
    markdownTrees: loaded.markdownTrees,
    onProgress: progress,
  });
  return { ctx, result };
}

/**
 * Publishes an already-loaded library (what buildPublication does after loading);
 * `renderCache`: the one the load used, when it used one.
 */
export async function buildFromLoaded(
  loaded: LoadResult,
  options: BuildOptions,
  onProgress?: (p: BuildProgress) => void,
  stages: BuildStages = defaultStages,
  renderCache?: RenderCache,
): Promise<BuildResult> {
  const progress = onProgress ?? (() => undefined);
  const { ctx, result } = await preparePublication(loaded, options, progress);
  if (!ctx) return result;
  const folderError = await prepareOutputFolder(path.resolve(options.outDir));
  if (folderError) {
    result.errors.push(folderError);
    return result;
  }

  let failed = false;
  if (options.only !== 'pdf') {
    try {
      const site = await stages.writeSite(ctx, renderCache);
      result.siteDir = site.siteDir;
      result.problems = [...result.problems, ...site.warnings];
    } catch (error) {
      failed = true;
      result.errors.push(`The site could not be written: ${errorMessage(error)}`);
    }
  }
  if (options.only !== 'site') {
    progress({ phase: 'pdf', done: 0, total: 1, message: 'Making the PDFs' });
    try {
      const pdf = await stages.buildPdfOutputs(ctx);
      if (pdf.prospectusPdf) result.prospectusPdf = pdf.prospectusPdf;
      if (pdf.bookletPdf) result.bookletPdf = pdf.bookletPdf;
      result.facilitatorPacks = pdf.facilitatorPacks;
      if (pdf.errors.length > 0) {
        failed = true;
        result.errors.push(...pdf.errors);
      }
    } catch (error) {
      failed = true;
      result.errors.push(`The PDFs could not be made: ${errorMessage(error)}`);
    }
  }
  result.ok = !failed;
  const count = ctx.courses.length;
  progress({
    phase: 'done',
    done: 1,
    total: 1,
    message: `Published ${count} ${count === 1 ? 'course' : 'courses'} for ${ctx.term.title}${options.draft ? ' (with drafts)' : ''}`,
  });
  return result;
}
