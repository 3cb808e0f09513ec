/**
 * Reads the page of every named destination straight from the catalog's /Dests dictionary and
 * the page tree, parsing only those objects. Chromium writes exactly this layout; pdf.js reads
 * any layout, but it takes half a second to start and half a second more on a 21 MB prospectus,
 * twice per print.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { readObject, readPdfTail, type PdfTail } from './append-pdf-update.js';

export interface DestinationPages {
  /** 1-based page number of each named destination. */
  pages: Map<string, number>;
  pageCount: number;
}

/** The pages of the named destinations, or undefined when the PDF is not laid out as expected. */
export function readNamedDestinations(pdf: Uint8Array): DestinationPages | undefined {
  const tail = readPdfTail(pdf);
  if (!tail) return undefined;
  const resolve = (object: PDFObject | undefined): PDFObject | undefined =>
    object instanceof PDFRef ? readObject(pdf, tail, object) : object;
  const catalog = resolve(tail.trailer.get(PDFName.of('Root')));
  if (!(catalog instanceof PDFDict)) return undefined;
  const pageIndex = readPageTree(pdf, tail, catalog.get(PDFName.of('Pages')));
  if (!pageIndex) return undefined;
  const pages = new Map<string, number>();
  const dests = resolve(catalog.get(PDFName.of('Dests')));
  if (dests !== undefined) {
    if (!(dests instanceof PDFDict)) return undefined;
    for (const [name, value] of dests.entries()) {
      let dest = resolve(value);
      if (dest instanceof PDFDict) dest = resolve(dest.get(PDFName.of('D')));
      if (!(dest instanceof PDFArray)) return undefined;
      const page = dest.get(0);
      const index = page instanceof PDFRef ? pageIndex.get(page.objectNumber) : undefined;
      if (index === undefined) return undefined;
      pages.set(name.decodeText(), index + 1);
    }
  } else if (catalog.get(PDFName.of('Names')) !== undefined) {
    // Destinations in a name tree: a layout only pdf.js reads here.
    return undefined;
  }
  return { pages, pageCount: pageIndex.size };
}

/** Maps the object number of every page to its 0-based index, walking the tree in order. */
function readPageTree(
  pdf: Uint8Array,
  tail: PdfTail,
  root: PDFObject | undefined,
): Map<number, number> | undefined {
  const index = new Map<number, number>();
  const seen = new Set<number>();
  const walk = (ref: PDFObject | undefined): boolean => {
    if (!(ref instanceof PDFRef) || seen.has(ref.objectNumber)) return false;
    seen.add(ref.objectNumber);
    const node = readObject(pdf, tail, ref);
    if (!(node instanceof PDFDict)) return false;
    const type = node.get(PDFName.of('Type'));
    if (type === PDFName.of('Page')) {
      index.set(ref.objectNumber, index.size);
      return true;
    }
    const kids = node.get(PDFName.of('Kids'));
    if (type !== PDFName.of('Pages') || !(kids instanceof PDFArray)) return false;
    return kids.asArray().every(walk);
  };
  return walk(root) ? index : undefined;
}
