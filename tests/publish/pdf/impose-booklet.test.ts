/** Saddle-stitch imposition: the page order and the imposed sheets. */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  imposeBooklet,
  padToBooklet,
  saddleStitchOrder,
} from '../../../main/publish/pdf/impose-booklet.js';

describe('saddleStitchOrder', () => {
  it.each([
    [
      4,
      [
        [4, 1],
        [2, 3],
      ],
    ],
    [
      8,
      [
        [8, 1],
        [2, 7],
        [6, 3],
        [4, 5],
      ],
    ],
    [
      12,
      [
        [12, 1],
        [2, 11],
        [10, 3],
        [4, 9],
        [8, 5],
        [6, 7],
      ],
    ],
  ])('orders %i pages', (pages, sides) => {
    expect(saddleStitchOrder(pages)).toEqual(sides);
  });

  it('refuses a page count that is not a multiple of four', () => {
    expect(() => saddleStitchOrder(6)).toThrow(/multiple of four/);
  });
});

describe('padToBooklet', () => {
  it.each([
    [8, true, [1, 2, 3, 4, 5, 6, 7, 8]],
    [5, false, [1, 2, 3, 4, 5, 0, 0, 0]],
    [5, true, [1, 2, 3, 4, 0, 0, 0, 5]],
    [6, true, [1, 2, 3, 4, 5, 0, 0, 6]],
    [1, true, [1, 0, 0, 0]],
  ])('pads %i pages (back cover kept last: %s)', (count, keepLast, order) => {
    expect(padToBooklet(count, keepLast)).toEqual(order);
  });
});

describe('imposeBooklet', () => {
  it('puts six A5 pages on two landscape A4 sheets, front and back', async () => {
    const source = await PDFDocument.create();
    for (let i = 0; i < 6; i += 1) source.addPage([419.53, 595.28]).drawText(`Page ${i + 1}`);
    const bytes = await imposeBooklet(await source.save(), {
      keepLastPageLast: true,
      title: 'Test',
      date: new Date('2027-01-01T00:00:00Z'),
    });
    const booklet = await PDFDocument.load(bytes);
    expect(booklet.getPageCount()).toBe(4);
    for (const page of booklet.getPages()) {
      expect(Math.round(page.getWidth())).toBe(842);
      expect(Math.round(page.getHeight())).toBe(595);
    }
    expect(booklet.getCreationDate()?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    // Sheet 1 front: page 6 (the back cover) and page 1; back: page 2 and a blank.
    const drawn = booklet
      .getPages()
      .map((page) => page.node.normalizedEntries().XObject?.keys().length ?? 0);
    expect(drawn).toEqual([2, 1, 1, 2]);
  });
});
