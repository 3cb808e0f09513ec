/**
 * Page numbers resolved with real Chromium: a document kept open and filled in by script gives
 * the same numbers, in as few prints, as fresh HTML printed every pass.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfRenderer } from '../../../main/publish/pdf/pdf-renderer.js';
import type { PageNumbers } from '../../../main/publish/pdf/prospectus-views.js';
import { launchPuppeteerRenderer } from '../../../main/publish/pdf/puppeteer-pdf-renderer.js';
import { prospectusPageNumberScript } from '../../../main/publish/pdf/render-prospectus-html.js';
import { addPdfMetadata } from '../../../main/publish/pdf/add-pdf-metadata.js';
import { readNamedDestinations } from '../../../main/publish/pdf/read-named-destinations.js';
import {
  readAnchorPages,
  readAnchorPagesWithPdfJs,
  renderWithPageNumbers,
} from '../../../main/publish/pdf/resolve-page-numbers.js';
import { testBrowserPath } from '../../support/chromium.js';
import { printedPage, readPdf } from './read-pdf.js';

/** The number printed after each section's line in the list. */
async function printedNumbers(pdf: Uint8Array): Promise<Record<string, number | undefined>> {
  const file = path.join(work, `printed-${(prints += 1)}.pdf`);
  await writeFile(file, pdf);
  const { pages } = await readPdf(file);
  return Object.fromEntries(sections.map((id) => [id, printedPage(pages, `Section ${id}`)]));
}

/** Section i is (i + 1) pages long, so every section starts on a different, known page. */
const sections = ['one', 'two', 'three', 'four'];

function html(pages: PageNumbers): string {
  const line = (id: string) =>
    `<li><a class='toc-line' href='#${id}'><span class='toc-title'>Section ${id}</span><span class='pn'>${pages.get(id) ?? ''}</span></a></li>`;
  const body = sections
    .map(
      (id, i) =>
        `<section style='break-before: page'><h1 id='${id}'>Section ${id}</h1>` +
        `<div style='height: ${i * 280 + 10}mm'></div></section>`,
    )
    .join('');
  return `<!doctype html><html lang='en-GB'><head><title>Numbers</title><style>
    @page { size: A4; margin: 10mm; } body { margin: 0; font: 12pt sans-serif; }
  </style></head><body><ol>${sections.map(line).join('')}</ol>${body}</body></html>`;
}

// The list on page 1, then sections of 1, 2, 3 and 4 pages.
const expected = new Map([
  ['one', 2],
  ['two', 3],
  ['three', 5],
  ['four', 8],
]);

let renderer: PdfRenderer;
let work: string;
let prints = 0;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tandem-numbers-'));
  renderer = await launchPuppeteerRenderer(testBrowserPath());
}, 60_000);
afterAll(async () => {
  await renderer.close();
  await rm(work, { recursive: true, force: true });
});

describe('renderWithPageNumbers', () => {
  it('fills the numbers into the open document and prints twice', async () => {
    const options = { name: 'numbers', tagged: true, outline: true };
    const result = await renderWithPageNumbers(
      { html, fillScript: prospectusPageNumberScript },
      renderer,
      options,
    );
    expect(result.passes).toBe(2);
    expect(Object.fromEntries(result.pages)).toEqual(Object.fromEntries(expected));
    // The final print is the tagged one, showing the numbers it was checked against.
    expect((await readAnchorPages(result.pdf)).pages).toEqual(expected);
    expect(Buffer.from(result.pdf).toString('latin1')).toContain('/StructTreeRoot');
    expect(await printedNumbers(result.pdf)).toEqual(Object.fromEntries(expected));
  });

  it('gives the same numbers printing fresh HTML every pass', async () => {
    const fresh: PdfRenderer = {
      renderPdf: (text, options) => renderer.renderPdf(text, options),
      close: async () => undefined,
    };
    const options = { name: 'numbers', tagged: true, outline: true };
    const result = await renderWithPageNumbers({ html }, fresh, options);
    expect(result.passes).toBe(2);
    expect(Object.fromEntries(result.pages)).toEqual(Object.fromEntries(expected));
    expect(await printedNumbers(result.pdf)).toEqual(Object.fromEntries(expected));
  });
});

describe('readAnchorPages', () => {
  it('reads the same pages directly as pdf.js does, before and after the metadata update', async () => {
    const printed = await renderer.renderPdf(html(expected), {
      name: 'numbers',
      tagged: true,
      outline: true,
    });
    const updated = await addPdfMetadata(printed, {
      title: 'Numbers',
      author: 'Riverside Recovery College',
      subject: 'Page numbers',
      keywords: [],
      lang: 'en-GB',
      date: new Date('2026-11-29T04:00:00Z'),
    });
    for (const pdf of [printed, updated]) {
      const direct = readNamedDestinations(pdf);
      expect(direct).toBeDefined();
      expect(direct).toEqual(await readAnchorPagesWithPdfJs(pdf));
      expect(direct?.pages).toEqual(expected);
      expect(direct?.pageCount).toBe(11);
    }
  });

  it('falls back to pdf.js for a layout it does not read directly', async () => {
    const printed = await renderer.renderPdf(html(expected), {
      name: 'numbers',
      tagged: false,
      outline: false,
    });
    // Cut the cross-reference table's keyword so the direct reader gives up.
    const text = Buffer.from(printed).toString('latin1');
    const at = text.lastIndexOf('\nxref') + 1;
    const broken = printed.slice();
    broken.set(Buffer.from('XREF', 'latin1'), at);
    expect(readNamedDestinations(broken)).toBeUndefined();
    expect((await readAnchorPages(broken)).pages).toEqual(expected);
  });
});
