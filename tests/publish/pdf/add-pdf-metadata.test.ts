/**
 * Document metadata on PDFs laid out the way Chromium writes them (one classic cross-reference
 * table) and the way it does not (cross-reference streams): both get the same information, the
 * classic one by an appended update that leaves the printed bytes alone.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { addPdfMetadata, type PdfMetadata } from '../../../main/publish/pdf/add-pdf-metadata.js';

const meta: PdfMetadata = {
  title: 'Riverside Recovery College: Spring term prospectus',
  author: 'Riverside Recovery College',
  subject: 'Courses, dates and venues for Spring term',
  keywords: ['Recovery College', 'prospectus', 'Living well'],
  lang: 'en-GB',
  date: new Date('2026-11-29T04:00:00Z'),
};

/** A one-page PDF with the information a browser writes, including the time it printed. */
async function printedPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595, 842]);
  doc.setTitle('Untitled');
  doc.setProducer('Skia/PDF m156');
  doc.setCreationDate(new Date('2026-11-29T05:17:51Z'));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('en'));
  return doc.save({ useObjectStreams });
}

async function readInfo(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const { info } = await doc.getMetadata();
    return { info: info as Record<string, unknown>, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe.each([
  ['a classic cross-reference table (as Chromium writes)', false],
  ['cross-reference streams', true],
])('addPdfMetadata on a PDF with %s', (_name, objectStreams) => {
  it('sets title, author, subject, keywords, dates, language and the outline panel', async () => {
    const out = await addPdfMetadata(await printedPdf(objectStreams), meta);
    const { info, pages } = await readInfo(out);
    expect(pages).toBe(1);
    expect(info).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: 'Recovery College prospectus Living well',
      Creator: 'Tandem',
      Language: 'en-GB',
      CreationDate: 'D:20261129040000Z',
      ModDate: 'D:20261129040000Z',
    });
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    expect(doc.getTitle()).toBe(meta.title);
  });

  it('gives the same bytes every time and keeps nothing of the print time', async () => {
    const input = await printedPdf(objectStreams);
    const [a, b] = [await addPdfMetadata(input, meta), await addPdfMetadata(input, meta)];
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(latin1(a)).not.toContain('20261129051751');
    expect(latin1(a)).not.toContain(PDFHexString.fromText('Skia/PDF m156').asString());
    expect(latin1(a)).not.toContain('Skia/PDF m156');
  });
});

describe('addPdfMetadata on a classic PDF', () => {
  it('appends an update and leaves every printed object where it was', async () => {
    const input = await printedPdf(false);
    const out = await addPdfMetadata(input, meta);
    const text = latin1(out);
    // Within the original length, only the old information dictionary was blanked.
    const changed = [...input.keys()].filter((i) => input[i] !== out[i]);
    const first = changed[0] ?? 0;
    const last = changed.at(-1) ?? 0;
    expect(changed.length).toBeGreaterThan(0);
    const blanked = latin1(input.subarray(first, last + 1));
    expect(blanked).toContain('/CreationDate');
    expect(blanked).not.toContain('endobj');
    expect(text.slice(first, last + 1)).toMatch(/^[<> ]+$/);
    expect(out.length).toBeGreaterThan(input.length);
    expect(text.slice(input.length)).toMatch(/\/Prev \d+/);
    expect(text.match(/%%EOF/g)).toHaveLength(2);
  });
});
