/**
 * Imposes A5 pages two-up on A4 landscape sheets for a saddle-stitched booklet: print
 * double-sided, flipping on the short edge, fold the stack in half and staple the spine.
 */
import { PDFDocument, PageSizes, type PDFEmbeddedPage } from 'pdf-lib';

/** Page numbers on one side of a sheet, left then right; 0 is a blank page. */
export type SheetSide = [left: number, right: number];

/**
 * Saddle-stitch order for `pageCount` pages (already a multiple of four): for 8 pages,
 * [8,1], [2,7], [6,3], [4,5] — the outer sheet's front, its back, the next sheet's front, …
 */
export function saddleStitchOrder(pageCount: number): SheetSide[] {
  if (pageCount % 4 !== 0)
    throw new Error(`A booklet needs a multiple of four pages, not ${pageCount}.`);
  const sides: SheetSide[] = [];
  for (let i = 0; i < pageCount / 2; i += 1) {
    const low = i + 1;
    const high = pageCount - i;
    sides.push(i % 2 === 0 ? [high, low] : [low, high]);
  }
  return sides;
}

/**
 * The reading order padded with blanks (0) to a multiple of four. Blanks go before the last
 * page, so a back cover stays on the outside of the booklet.
 */
export function padToBooklet(pageCount: number, keepLastPageLast: boolean): number[] {
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  const blanks = (4 - (pageCount % 4)) % 4;
  if (blanks === 0) return pages;
  const fill = new Array<number>(blanks).fill(0);
  if (!keepLastPageLast || pageCount < 2) return [...pages, ...fill];
  return [...pages.slice(0, -1), ...fill, pageCount];
}

export interface ImposeOptions {
  /** Keep the last page (a back cover) as the booklet's outside back page. */
  keepLastPageLast: boolean;
  title: string;
  /** Creation date to record (the build time). */
  date: Date;
}

/** Builds the booklet PDF from the A5 PDF: ceil(n / 4) sheets, two A4 landscape pages each. */
export async function imposeBooklet(
  a5Pdf: Uint8Array,
  options: ImposeOptions,
): Promise<Uint8Array> {
  const source = await PDFDocument.load(a5Pdf, { parseSpeed: Infinity });
  const out = await PDFDocument.create();
  const order = padToBooklet(source.getPageCount(), options.keepLastPageLast);
  const embedded: (PDFEmbeddedPage | undefined)[] = [];
  for (const page of source.getPages()) {
    // A page with no content stream cannot be embedded; it prints as the blank it is.
    embedded.push(await out.embedPage(page).catch(() => undefined));
  }
  const [sheetWidth, sheetHeight] = [PageSizes.A4[1], PageSizes.A4[0]];
  const half = sheetWidth / 2;
  for (const side of saddleStitchOrder(order.length)) {
    const sheet = out.addPage([sheetWidth, sheetHeight]);
    side.forEach((position, slot) => {
      const pageNumber = order[position - 1] ?? 0;
      const page = pageNumber > 0 ? embedded[pageNumber - 1] : undefined;
      if (!page) return; // a blank page
      // Scale to fit half the sheet (A5 fits exactly; anything else is centred).
      const scale = Math.min(half / page.width, sheetHeight / page.height);
      const width = page.width * scale;
      const height = page.height * scale;
      sheet.drawPage(page, {
        x: slot * half + (half - width) / 2,
        y: (sheetHeight - height) / 2,
        width,
        height,
      });
    });
  }
  out.setTitle(`${options.title} (booklet for printing)`);
  out.setCreator('Tandem');
  out.setCreationDate(options.date);
  out.setModificationDate(options.date);
  out.setProducer('Tandem (pdf-lib)');
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
