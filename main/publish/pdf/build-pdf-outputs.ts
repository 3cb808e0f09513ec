/** Writes the prospectus PDF(s) and facilitator packs for a build. */
import type { PublishContext } from '../types.js';

export interface PdfOutputs {
  prospectusPdf?: string;
  bookletPdf?: string;
  facilitatorPacks: string[];
  /** Plain-words failures, e.g. no browser found; the site build still completes. */
  errors: string[];
}

/** Renders every PDF output of `ctx` into `ctx.options.outDir`. */
export async function buildPdfOutputs(ctx: PublishContext): Promise<PdfOutputs> {
  void ctx;
  return { facilitatorPacks: [], errors: ['PDF output is not implemented yet.'] };
}
