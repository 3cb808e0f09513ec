/**
 * Makes the page numbers printed in the contents and the index true. Chromium writes a named
 * destination (page and position) for every element an internal link points at; we print once
 * without numbers, read where each anchor landed, print again with the numbers, and check that
 * nothing moved (the numbers sit in fixed-width boxes, so normally nothing does). When the
 * renderer can keep a document open, the numbers are written into the loaded page instead of
 * loading the HTML again, and a document made of page-starting parts is measured one part at a
 * time: Chromium's print layout grows faster than the page count (tables and avoided breaks
 * over hundreds of pages), so a few short measuring prints of a 1,000-course prospectus take about
 * half the time of one long one.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer.js';
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
  /** How many times the document was printed (2 when nothing moved). */
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
   * Every element child of `<body>` starts on a new page (a forced break or its own named
   * page), so each can be measured alone and the page counts added up. Only a speed-up: the
   * final print is checked against its own destinations all the same.
   */
  pagedParts?: boolean;
}

/**
 * Hides everything in the measuring print. Visibility never changes the layout, and Chromium
 * still writes every named destination, but nothing is painted, so the measuring pass is a
 * third faster. The final pass, printed without it, checks the numbers against its own
 * destinations, so a browser that measured differently could only cost another pass.
 */
const hideScript = `(() => {
  const style = document.createElement('style');
  style.id = 'tandem-measuring';
  style.textContent = 'body * { visibility: hidden !important; }';
  document.head.append(style);
})()`;
const showScript = `document.getElementById('tandem-measuring')?.remove()`;

/**
 * Sets the document aside in parts and returns how many there are: runs of the shown element
 * children of `<body>`, each of at least `partSize` characters of HTML, so a short document
 * is still measured in one print. Chromium writes a destination only for an element some link
 * points at, so a list of every internal link, not displayed, goes along with each part.
 */
const partSize = 200_000;
const splitScript = `(() => {
  const parts = [];
  let size = ${partSize};
  for (const child of document.body.children) {
    if (getComputedStyle(child).display === 'none') continue;
    if (size >= ${partSize}) { parts.push([]); size = 0; }
    parts[parts.length - 1].push(child);
    size += child.outerHTML.length;
  }
  const links = document.createElement('div');
  links.style.display = 'none';
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    const copy = document.createElement('a');
    copy.setAttribute('href', link.getAttribute('href'));
    links.append(copy);
  }
  window.tandemParts = { all: Array.from(document.body.childNodes), parts, links };
  return parts.length;
})()`;
const showPartScript = (index: number) =>
  `(() => { const { parts, links } = window.tandemParts; document.body.replaceChildren(links, ...parts[${index}]); })()`;
/** Puts the document back together as it was loaded. */
const joinScript = `(() => { document.body.replaceChildren(...window.tandemParts.all); delete window.tandemParts; })()`;

/**
 * Prints the document until the numbers it shows match where the anchors landed.
 * Throws when they still disagree after `maxPasses` (a layout that never settles).
 */
export async function renderWithPageNumbers(
  numbered: NumberedDocument,
  renderer: PdfRenderer,
  options: PdfRenderOptions,
  maxPasses = 4,
): Promise<NumberedPdf> {
  // The first pass only measures: tags and bookmarks do not change the layout, and leaving
  // them out makes that pass about twice as fast.
  const measuring = { ...options, tagged: false, outline: false };
  const fillScript = numbered.fillScript;
  if (!renderer.openDocument || !fillScript) {
    return printUntilSettled(
      maxPasses,
      options,
      async () =>
        (await readAnchorPages(await renderer.renderPdf(numbered.html(new Map()), measuring)))
          .pages,
      (shown) => renderer.renderPdf(numbered.html(shown), options),
    );
  }
  const loaded = await renderer.openDocument(numbered.html(new Map()), options);
  const measure = async (): Promise<Map<string, number>> => {
    if (!numbered.pagedParts) return (await readAnchorPages(await loaded.print(measuring))).pages;
    const pages = new Map<string, number>();
    const count = Number(await loaded.run(splitScript));
    // One part is the whole document, printed as it stands.
    if (count <= 1) {
      await loaded.run(joinScript);
      return (await readAnchorPages(await loaded.print(measuring))).pages;
    }
    let before = 0;
    try {
      for (let part = 0; part < count; part += 1) {
        await loaded.run(showPartScript(part));
        const found = await readAnchorPages(await loaded.print(measuring));
        for (const [anchor, page] of found.pages) pages.set(anchor, before + page);
        before += found.pageCount;
      }
    } finally {
      await loaded.run(joinScript);
    }
    return pages;
  };
  try {
    return await printUntilSettled(
      maxPasses,
      options,
      async () => {
        await loaded.run(hideScript);
        try {
          return await measure();
        } finally {
          await loaded.run(showScript);
        }
      },
      async (shown) => {
        await loaded.run(fillScript(shown));
        return loaded.print(options);
      },
    );
  } finally {
    await loaded.close();
  }
}

/**
 * Measures once, then prints with the numbers last found until a print shows the pages its
 * anchors are on.
 */
async function printUntilSettled(
  maxPasses: number,
  options: PdfRenderOptions,
  measure: () => Promise<Map<string, number>>,
  print: (shown: PageNumbers) => Promise<Uint8Array>,
): Promise<NumberedPdf> {
  let shown: PageNumbers = await measure();
  for (let pass = 2; pass <= maxPasses; pass += 1) {
    const pdf = await print(shown);
    const found = await readAnchorPages(pdf);
    if (samePages(shown, found.pages)) {
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
