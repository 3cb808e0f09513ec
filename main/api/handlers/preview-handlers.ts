/**
 * The live preview: one student-site page rendered from the files on disk now, with every
 * course in it (drafts marked), so trainers see their page as they write it.
 */
import type { PreviewPage, SitePreview } from '../contract.js';
import { CourseLoads } from '../../library/course-loads.js';
import { loadLibrary } from '../../library/load-library.js';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import { TextReads } from '../../library/read-library-file.js';
import type { RenderCache } from '../../publish/markdown/render-cache.js';
import type { ApiContext } from './api-context.js';

/**
 * What each library's last preview read and parsed: its text files, its Markdown trees and
 * what its load derived from each text (YAML, the Markdown checks' findings), so the next one
 * reads, parses and checks only the files that changed (usually the one module just saved).
 * Held while the library is open.
 */
const lastLoad = new WeakMap<
  ApiContext,
  { trees?: MarkdownTrees; derived: RenderCache; reads: TextReads; loads: CourseLoads }
>();

/** Every entry is keyed by the text it was derived from; nothing here depends on templates. */
const PREVIEW_LOAD_STAMP = 'preview-load';

/** Renders `page` as the next build would publish it, drafts included. */
export async function previewPage(context: ApiContext, page: PreviewPage): Promise<SitePreview> {
  // Loaded on first use, like the build: the pipeline is not needed to edit.
  const [{ preparePublication }, { renderSitePreview }, { RenderCache }] = await Promise.all([
    import('../../publish/build.js'),
    import('../../publish/site/render-preview.js'),
    import('../../publish/markdown/render-cache.js'),
  ]);
  const last = lastLoad.get(context);
  const derived = last
    ? RenderCache.following(last.derived)
    : RenderCache.unsaved(PREVIEW_LOAD_STAMP);
  const reads = new TextReads(last?.reads);
  const loads = new CourseLoads(last?.loads);
  const loaded = await loadLibrary(context.root, last?.trees, derived, reads, loads);
  lastLoad.set(context, { trees: loaded.markdownTrees, derived, reads, loads });
  const { ctx, result } = await preparePublication(loaded, {
    // Nothing is written: the preview is rendered in memory.
    outDir: context.outputRoot,
    only: 'site',
    paper: 'A4',
    largePrint: false,
    booklet: false,
    facilitatorPacks: false,
    draft: true,
  });
  if (!ctx) {
    const first = result.errors[0] ?? result.problems.find((p) => p.severity === 'error');
    const why =
      first === undefined
        ? ''
        : typeof first === 'string'
          ? ` ${first}`
          : ` First problem: ${first.file}:${first.line}:${first.column}: ${first.message}`;
    return {
      ok: false,
      reason: `The site cannot be made until the library's problems are fixed.${why}`,
    };
  }
  return renderSitePreview(ctx, page);
}
