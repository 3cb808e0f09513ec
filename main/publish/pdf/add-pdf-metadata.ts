/** Sets a printed PDF's document information, language and viewer preferences. */
import {
  PDFBool,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { appendPdfUpdate, readObject, readPdfTail } from './append-pdf-update.js';
import { stableStructureIds } from './stable-structure-ids.js';

const creator = 'Tandem';
const producer = 'Tandem (Chromium, pdf-lib)';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. `en-GB`. */
  lang: string;
  /** Creation and modification date: the build time, so rebuilds can be byte-identical. */
  date: Date;
}

/**
 * Returns a copy of `pdf` with the metadata set; structure tags, outline and links survive.
 * A PDF as Chromium writes it gets the changes appended (see append-pdf-update.ts), which takes
 * milliseconds; any other is parsed and written again whole with pdf-lib.
 */
export async function addPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const stable = stableStructureIds(pdf);
  return appendMetadata(stable, meta) ?? rewriteWithMetadata(stable, meta);
}

/** The document information dictionary for `meta`, as pdf-lib's setters would write it. */
function infoDict(context: PDFContext, meta: PdfMetadata): PDFDict {
  const info = context.obj({});
  info.set(PDFName.of('Title'), PDFHexString.fromText(meta.title));
  info.set(PDFName.of('Author'), PDFHexString.fromText(meta.author));
  info.set(PDFName.of('Subject'), PDFHexString.fromText(meta.subject));
  info.set(PDFName.of('Keywords'), PDFHexString.fromText(meta.keywords.join(' ')));
  info.set(PDFName.of('Creator'), PDFHexString.fromText(creator));
  info.set(PDFName.of('Producer'), PDFHexString.fromText(producer));
  info.set(PDFName.of('CreationDate'), PDFString.fromDate(meta.date));
  info.set(PDFName.of('ModDate'), PDFString.fromDate(meta.date));
  return info;
}

/** Sets language, title display and bookmarks panel on a document catalog. */
function updateCatalog(context: PDFContext, catalog: PDFDict, meta: PdfMetadata): void {
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (prefs) prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  else catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  // Open with the bookmarks panel, so the outline is the first thing a reader can use.
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The fast way: new catalog and information objects appended to the unchanged file. */
function appendMetadata(pdf: Uint8Array, meta: PdfMetadata): Uint8Array | undefined {
  const tail = readPdfTail(pdf);
  if (!tail) return undefined;
  const rootRef = tail.trailer.get(PDFName.of('Root'));
  const infoRef = tail.trailer.get(PDFName.of('Info'));
  if (!(rootRef instanceof PDFRef) || !(infoRef instanceof PDFRef)) return undefined;
  const catalog = readObject(pdf, tail, rootRef);
  // A catalog that points at a separate preferences object would need that object too.
  if (!(catalog instanceof PDFDict)) return undefined;
  if (catalog.get(PDFName.of('ViewerPreferences')) instanceof PDFRef) return undefined;
  updateCatalog(tail.context, catalog, meta);
  const objects = new Map<PDFRef, PDFObject>([
    [rootRef, catalog],
    [infoRef, infoDict(tail.context, meta)],
  ]);
  return appendPdfUpdate(pdf, tail, { objects, erase: [infoRef] });
}

/** The general way: pdf-lib parses every object and writes the whole file again. */
async function rewriteWithMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  // pdf-lib pauses every 100 objects by default to keep a UI responsive; a build has no UI,
  // and a 1,000-course prospectus has millions of objects, so parse and write without pausing.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  const info = infoDict(doc.context, meta);
  // Replace the old dictionary in place: left behind, its print time would still be written.
  const oldInfo = doc.context.trailerInfo.Info;
  if (oldInfo instanceof PDFRef) doc.context.assign(oldInfo, info);
  else doc.context.trailerInfo.Info = doc.context.register(info);
  updateCatalog(doc.context, doc.catalog, meta);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
