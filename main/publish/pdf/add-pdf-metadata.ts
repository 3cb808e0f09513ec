/** Sets a printed PDF's document information, language and viewer preferences with pdf-lib. */
import { PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';

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

/** Returns a copy of `pdf` with the metadata set; structure tags, outline and links survive. */
export async function addPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  // pdf-lib pauses every 100 objects by default to keep a UI responsive; a build has no UI,
  // and a 1,000-course prospectus has millions of objects, so parse and write without pausing.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator('Tandem');
  doc.setProducer('Tandem (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const prefs = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (prefs) prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  // Open with the bookmarks panel, so the outline is the first thing a reader can use.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
