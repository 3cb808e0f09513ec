/**
 * Makes the page numbers printed in the contents and the index true. Chromium writes a named
 * destination (page and position) for every element an internal link points at; we print once
 * without numbers, read where each anchor landed, print again with the numbers, and check that
 * nothing moved (the numbers sit in fixed-width boxes, so normally nothing does).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer.js';
import type { PageNumbers } from './prospectus-model.js';

export interface AnchorPages {
  /** 1-based page number of each named destination (anchor id). */
  pages: Map<string, number>;
  pageCount: number;
}

/** Reads the 1-based page of every named destination in a PDF. */
export async function readAnchorPages(pdf: Uint8Array): Promise<AnchorPages> {
  // pdf.js takes ownership of the buffer it is given, so give it a copy.
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const destinations = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(destinations)) {
      const ref = dest?.[0];
      if (!ref || typeof ref !== 'object') continue;
      // The first element of an explicit destination is a page reference ({num, gen}).
      const index = await doc.getPageIndex(ref as { num: number; gen: number });
      pages.set(name, index + 1);
    }
    return { pages, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

export interface NumberedPdf {
  pdf: Uint8Array;
  pages: Map<string, number>;
  pageCount: number;
  /** How many times the document was printed (2 when nothing moved). */
  passes: number;
}

/**
 * Prints `render(pageNumbers)` until the numbers it shows match where the anchors landed.
 * Throws when they still disagree after `maxPasses` (a layout that never settles).
 */
export async function renderWithPageNumbers(
  render: (pages: PageNumbers) => string,
  renderer: PdfRenderer,
  options: PdfRenderOptions,
  maxPasses = 4,
): Promise<NumberedPdf> {
  let shown = new Map<string, number>();
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    // The first pass only measures: tags and bookmarks do not change the layout, and leaving
    // them out makes that pass about twice as fast.
    const passOptions = pass === 1 ? { ...options, tagged: false, outline: false } : options;
    const pdf = await renderer.renderPdf(render(shown), passOptions);
    const found = await readAnchorPages(pdf);
    if (pass > 1 && samePages(shown, found.pages)) {
      return { pdf, pages: found.pages, pageCount: found.pageCount, passes: pass };
    }
    shown = found.pages;
  }
  throw new Error(
    `The page numbers of "${options.name}" did not settle after ${maxPasses} passes; the layout keeps moving.`,
  );
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
