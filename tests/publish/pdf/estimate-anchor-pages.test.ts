/**
 * Anchor pages estimated from one layout of a loaded document: right for forced breaks, named
 * pages and a cover, so the final print is the only one; and where the columns get a layout
 * wrong (pages with margins of their own), the final print's own destinations put it right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateAnchorPages } from '../../../main/publish/pdf/estimate-anchor-pages.js';
import { pageArea, pageCss } from '../../../main/publish/pdf/page-css.js';
import type { PdfRenderer } from '../../../main/publish/pdf/pdf-renderer.js';
import { launchPuppeteerRenderer } from '../../../main/publish/pdf/puppeteer-pdf-renderer.js';
import { prospectusPageNumberScript } from '../../../main/publish/pdf/render-prospectus-html.js';
import {
  printMeasuring,
  readAnchorPages,
  renderWithPageNumbers,
  type NumberedDocument,
} from '../../../main/publish/pdf/resolve-page-numbers.js';
import type { PageNumbers } from '../../../main/publish/pdf/prospectus-views.js';
import { testBrowserPath } from '../../support/chromium.js';

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await launchPuppeteerRenderer(testBrowserPath());
}, 60_000);
afterAll(async () => {
  await renderer.close();
});

const paragraph = (n: number) =>
  `<p>Paragraph ${n}: we go at our own pace, and every week builds on the one before it, with time to talk things over together.</p>`;

/** A contents list, a cover and sections of `lengths` paragraphs; `css` styles the sections. */
function document(lengths: number[], css: string): NumberedDocument {
  const html = (pages: PageNumbers) => {
    const toc = lengths
      .map(
        (_, i) =>
          `<li><a class='toc-line' href='#s${i}'><span>Section ${i}</span> <span class='pn'>${pages.get(`s${i}`) ?? ''}</span></a></li>`,
      )
      .join('');
    const sections = lengths
      .map(
        (count, i) =>
          `<section class='part' id='s${i}'><h2>Section ${i}</h2>${Array.from({ length: count }, (_, n) => paragraph(n)).join('')}</section>`,
      )
      .join('');
    return `<!doctype html><html lang='en-GB'><head><meta charset='utf-8'><style>
${pageCss({ paper: 'A4', largePrint: false, pageStyles: [{ name: 'contents', footer: 'Contents' }] })}
body { font: 12pt/1.5 'DejaVu Sans', sans-serif; }
.cover { page: cover; height: var(--page-height); overflow: hidden; break-after: page; }
nav { page: contents; }
.pn { display: inline-block; width: 3em; }
${css}
</style></head><body><section class='cover'><h1>Cover</h1></section><nav><ol>${toc}</ol></nav>${sections}</body></html>`;
  };
  return { html, fillScript: prospectusPageNumberScript, pageArea: pageArea('A4') };
}

const options = { name: 'estimate-test', tagged: true, outline: false };

/** The pages a measuring print finds for `doc`, and the estimate, from one loaded copy. */
async function measuredAndEstimated(doc: NumberedDocument) {
  const loaded = await renderer.openDocument?.(doc.html(new Map()), options);
  if (!loaded) throw new Error('the renderer cannot keep a document open');
  try {
    const measured = await readAnchorPages(await printMeasuring(loaded, options));
    const estimated = await estimateAnchorPages(loaded, pageArea('A4'));
    // Estimating leaves the document as it was: a print after it lands everything the same.
    const after = await readAnchorPages(await printMeasuring(loaded, options));
    return { measured: measured.pages, estimated, after: after.pages };
  } finally {
    await loaded.close();
  }
}

describe('estimateAnchorPages', () => {
  it('finds the pages a print gives, across forced breaks, a named page and a cover', async () => {
    const doc = document([3, 40, 12, 70, 5], '.part { break-before: page; }');
    const { measured, estimated, after } = await measuredAndEstimated(doc);
    expect(new Set(measured.values()).size).toBe(5);
    expect(Math.max(...measured.values())).toBeGreaterThan(6);
    expect(estimated).toEqual(measured);
    expect(after).toEqual(measured);
    const final = await renderWithPageNumbers(doc, renderer, options);
    expect(final.passes).toBe(1);
    expect(final.pages).toEqual(measured);
  }, 60_000);

  it('is put right by the final print where pages have margins of their own', async () => {
    const doc = document([3, 40, 12, 70, 5], '.part { page: roomy; } @page roomy { margin: 5mm; }');
    const { measured, estimated } = await measuredAndEstimated(doc);
    expect(estimated).not.toEqual(measured);
    const final = await renderWithPageNumbers(doc, renderer, options);
    expect(final.passes).toBe(2);
    expect(final.pages).toEqual(measured);
  }, 60_000);
});
