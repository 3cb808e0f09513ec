/**
 * Makes the page numbers printed in the contents and the index true. Chromium writes a named
 * destination (page and position) for every element an internal link points at. Where each
 * anchor will land is worked out first: from an earlier print of the same HTML, from one screen
 * layout of the loaded document (estimate-anchor-pages.ts), or failing both from a measuring
 * print without numbers. The document is printed with those numbers and the print's own
 * destinations checked: nothing moved (the numbers sit in fixed-width boxes), or it is printed
 * again with the pages it showed. When the renderer can keep a document open, the numbers are
 * written into the loaded page instead of loading the HTML again.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { estimateAnchorPages } from './estimate-anchor-pages.js';
import type { PageArea } from './page-css.js';
import type { PdfRenderer, PdfRenderOptions, PrintDocument } from './pdf-renderer.js';
import type { PageNumbers } from './prospectus-views.js';
import { readNamedDestinations } from './read-named-destinations.js';

export interface AnchorPages {
  /** 1-based page number of each named destination (anchor id). */
  pages: Map<string, number>;
  pageCount: number;
}

/**
 * Reads the 1-based page of every named destination in a PDF: directly when Chromium laid it
 * out (read-named-destinations.ts), with pdf.js otherwise.
 */
export async function readAnchorPages(pdf: Uint8Array): Promise<AnchorPages> {
  return readNamedDestinations(pdf) ?? readAnchorPagesWithPdfJs(pdf);
}

/** Reads the 1-based page of every named destination in any PDF pdf.js can open. */
export async function readAnchorPagesWithPdfJs(pdf: Uint8Array): Promise<AnchorPages> {
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
  /**
   * How many times the document was printed: 1 when the pages were known or estimated right,
   * 2 when a measuring print came first and nothing moved.
   */
  passes: number;
}

/** A document whose printed page numbers can be chosen. */
export interface NumberedDocument {
  /** The complete HTML showing `pages` (anchors missing from the map print no number). */
  html: (pages: PageNumbers) => string;
  /**
   * A script that changes the loaded `html(anything)` into `html(pages)` in place. With it, and
   * a renderer that can keep a document open, the document is loaded and laid out only once.
   */
  fillScript?: (pages: PageNumbers) => string;
  /**
   * The text area of its pages (all but a `.cover`, which fills one): with it, where the
   * anchors will land is worked out from one screen layout of the loaded document
   * (estimate-anchor-pages.ts) instead of a measuring print.
   */
  pageArea?: PageArea;
}

/**
 * What the measuring print leaves out. Visibility never changes the layout, and Chromium still
 * writes every named destination, but nothing is painted: no text, image or background, no
 * link, and no running footer (margin boxes sit outside the page area, so their content cannot
 * move it either). The final pass, printed without it, checks the numbers against its own
 * destinations, so a browser that measured differently could only cost another pass.
 */
export const measuringCss = [
  'html, body, body * { visibility: hidden !important; }',
  '@page { @top-left { content: none !important; } @top-center { content: none !important; }',
  '  @top-right { content: none !important; } @bottom-left { content: none !important; }',
  '  @bottom-center { content: none !important; } @bottom-right { content: none !important; } }',
].join('\n');

const hideScript = `(() => {
  const style = document.createElement('style');
  style.id = 'tandem-measuring';
  style.textContent = ${JSON.stringify(measuringCss)};
  document.head.append(style);
})()`;
const showScript = `document.getElementById('tandem-measuring')?.remove()`;

/**
 * The measuring print of a loaded document: untagged (tags and bookmarks do not change the
 * layout, and leaving them out halves the cost) and painting nothing (`measuringCss`). The
 * document is left as it was.
 */
export async function printMeasuring(
  loaded: PrintDocument,
  options: PdfRenderOptions,
): Promise<Uint8Array> {
  await loaded.run(hideScript);
  const pdf = await loaded.print({ ...options, tagged: false, outline: false });
  await loaded.run(showScript);
  return pdf;
}

/**
 * Prints the document until the numbers it shows match where the anchors landed.
 * With `expected` (where the anchors landed in an earlier print of the same HTML), or pages
 * estimated from a layout of the loaded document (`pageArea`), the first print is the final
 * one, and it is the only one when they are right; otherwise a measuring print comes first.
 * Throws when the numbers still disagree after `maxPasses` (a layout that never settles).
 */
export async function renderWithPageNumbers(
  numbered: NumberedDocument,
  renderer: PdfRenderer,
  options: PdfRenderOptions,
  expected?: PageNumbers,
  maxPasses = 4,
): Promise<NumberedPdf> {
  const fillScript = numbered.fillScript;
  if (!renderer.openDocument || !fillScript) {
    // The measuring pass is untagged, as in `printMeasuring`.
    const measuring = { ...options, tagged: false, outline: false };
    const measures = (pass: number) => pass === 1 && expected === undefined;
    return printUntilSettled(maxPasses, options, expected, (pass, shown) =>
      renderer.renderPdf(numbered.html(shown), measures(pass) ? measuring : options),
    );
  }
  const loaded = await renderer.openDocument(numbered.html(new Map()), options);
  try {
    const first =
      expected ??
      (numbered.pageArea ? await estimateAnchorPages(loaded, numbered.pageArea) : undefined);
    const measures = (pass: number) => pass === 1 && first === undefined;
    return await printUntilSettled(maxPasses, options, first, async (pass, shown) => {
      if (measures(pass)) return printMeasuring(loaded, options);
      await loaded.run(fillScript(shown));
      return loaded.print(options);
    });
  } finally {
    await loaded.close();
  }
}

/**
 * Runs `print(pass, numbersToShow)` until a print shows the pages its anchors are on; the
 * first print shows `expected`, or measures when there is none.
 */
async function printUntilSettled(
  maxPasses: number,
  options: PdfRenderOptions,
  expected: PageNumbers | undefined,
  print: (pass: number, shown: PageNumbers) => Promise<Uint8Array>,
): Promise<NumberedPdf> {
  let shown: PageNumbers = expected ?? new Map();
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    const pdf = await print(pass, shown);
    const found = await readAnchorPages(pdf);
    if ((pass > 1 || expected !== undefined) && samePages(shown, found.pages)) {
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
