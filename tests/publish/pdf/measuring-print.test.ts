/**
 * Where the anchors of the prospectus land, known before the final print: the estimate from one
 * screen layout and the measuring print (which paints nothing) both put every anchor on the
 * page where the final print has it, for the sample library (with its images) on A4, A5 and in
 * large print, and both leave the document as it was; so the final print is the first and last.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import { assemblePublishContext, pickTerm } from '../../../main/publish/assemble-context.js';
import {
  prospectusDocument,
  prospectusPrintOptions,
} from '../../../main/publish/pdf/build-pdf-outputs.js';
import { estimateAnchorPages } from '../../../main/publish/pdf/estimate-anchor-pages.js';
import { libraryVersion } from '../../../main/publish/pdf/library-version.js';
import { pageArea } from '../../../main/publish/pdf/page-css.js';
import type { PdfRenderer } from '../../../main/publish/pdf/pdf-renderer.js';
import { launchPuppeteerRenderer } from '../../../main/publish/pdf/puppeteer-pdf-renderer.js';
import {
  printMeasuring,
  readAnchorPages,
  renderWithPageNumbers,
} from '../../../main/publish/pdf/resolve-page-numbers.js';
import type { PaperSize, PublishContext } from '../../../main/publish/types.js';
import { testBrowserPath } from '../../support/chromium.js';
import { sampleLibrary } from '../../support/temp-library.js';
import { readPdf } from './read-pdf.js';

/** Where each named destination points, as `page x y`, read with pdf.js. */
async function destinationPlaces(pdf: Uint8Array): Promise<Record<string, string>> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const places: Record<string, string> = {};
    const destinations = (await doc.getDestinations()) as Record<string, unknown[]>;
    for (const [name, [ref, , x, y]] of Object.entries(destinations)) {
      const page = await doc.getPageIndex(ref as { num: number; gen: number });
      places[name] = `${page + 1} ${Number(x).toFixed(1)} ${Number(y).toFixed(1)}`;
    }
    return places;
  } finally {
    await doc.destroy();
  }
}

let renderer: PdfRenderer;
let work: string;
let sample: PublishContext;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tandem-measuring-'));
  renderer = await launchPuppeteerRenderer(testBrowserPath());
  const { library, problems } = await loadLibrary(sampleLibrary);
  if (!library) throw new Error(problems[0]?.message ?? 'the sample library did not load');
  const picked = pickTerm(library, undefined);
  if ('error' in picked) throw new Error(picked.error);
  sample = assemblePublishContext({
    library,
    term: picked.term,
    courses: library.courses,
    statuses: new Map(),
    builtAt: new Date('2026-11-30T09:00:00Z'),
    options: {
      outDir: path.join(work, 'out'),
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    },
  });
}, 120_000);

afterAll(async () => {
  await renderer.close();
  await rm(work, { recursive: true, force: true });
});

describe.each<[string, PaperSize, boolean]>([
  ['A4', 'A4', false],
  ['A5', 'A5', false],
  ['large print', 'A4', true],
])('the measuring print of the sample prospectus, %s', (name, paper, largePrint) => {
  it('puts every anchor on the page where the final print has it, and paints nothing', async () => {
    const ctx = { ...sample, options: { ...sample.options, paper, largePrint } };
    const document = prospectusDocument(ctx, await libraryVersion(ctx.library.root), paper);
    const options = prospectusPrintOptions(ctx, paper);
    const loaded = await renderer.openDocument?.(document.html(new Map()), options);
    if (!loaded) throw new Error('the renderer cannot keep a document open');
    let measuringPdf: Uint8Array;
    let paintedPdf: Uint8Array;
    let estimated: ReadonlyMap<string, number> | undefined;
    try {
      measuringPdf = await printMeasuring(loaded, options);
      estimated = await estimateAnchorPages(loaded, pageArea(paper));
      // The same document, painted: measuring and estimating leave it as it was.
      paintedPdf = await loaded.print({ ...options, tagged: false, outline: false });
    } finally {
      await loaded.close();
    }
    const measured = await readAnchorPages(measuringPdf);
    const painted = await readAnchorPages(paintedPdf);
    // Not only the same pages: the same place on each page, to the point.
    expect(await destinationPlaces(measuringPdf)).toEqual(await destinationPlaces(paintedPdf));
    expect(measured.pageCount).toBeGreaterThan(20);
    expect(measured.pages.size).toBeGreaterThan(20);
    // Anchors spread over many pages, so a shifted layout could not go unnoticed.
    expect(new Set(measured.pages.values()).size).toBeGreaterThan(10);
    expect(painted).toEqual(measured);
    expect(estimated).toEqual(measured.pages);

    const file = path.join(work, `measuring-${name.replace(/\W+/g, '-')}.pdf`);
    await writeFile(file, measuringPdf);
    const read = await readPdf(file);
    expect(read.pages.map((page) => page.text.trim()).filter(Boolean)).toEqual([]);
    // Every page's content stream is empty: no text, image, background or footer, nor links.
    const source = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
    expect(source(paintedPdf)).toMatch(/\/Subtype\s*\/Link/);
    expect(source(measuringPdf)).not.toMatch(/\/Subtype\s*\/Link/);
    expect(source(measuringPdf)).not.toMatch(/\/Length [1-9]/);

    // The whole way through: the final, tagged print, the only one, confirms the estimate.
    const final = await renderWithPageNumbers(document, renderer, options);
    expect(final.passes).toBe(1);
    expect(final.pages).toEqual(measured.pages);
    expect(final.pageCount).toBe(measured.pageCount);
  });
});
