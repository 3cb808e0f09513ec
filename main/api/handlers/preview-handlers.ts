/**
 * The live preview: one student-site page rendered from the files on disk now, with every
 * course in it (drafts marked), so trainers see their page as they write it.
 */
import type { PreviewPage, SitePreview } from '../contract.js';
import { loadLibrary } from '../../library/load-library.js';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import type { ApiContext } from './api-context.js';

/**
 * The Markdown trees of each library's last preview: the next one parses only the text that
 * changed (usually the one module just saved). Held for as long as the library is open.
 */
const lastTrees = new WeakMap<ApiContext, MarkdownTrees>();

/** Renders `page` as the next build would publish it, drafts included. */
export async function previewPage(context: ApiContext, page: PreviewPage): Promise<SitePreview> {
  // Loaded on first use, like the build: the pipeline is not needed to edit.
  const [{ preparePublication }, { renderSitePreview }] = await Promise.all([
    import('../../publish/build.js'),
    import('../../publish/site/render-preview.js'),
  ]);
  const loaded = await loadLibrary(context.root, lastTrees.get(context));
  if (loaded.markdownTrees) lastTrees.set(context, loaded.markdownTrees);
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
