/**
 * Changes a few objects of a PDF by appending an incremental update (PDF 1.7, 7.5.6): the new
 * versions of the objects, a cross-reference section for just them and a trailer pointing back
 * at the old one. A 1,000-course prospectus has millions of objects; parsing and writing all of
 * them again only to change its document information took longer than printing a hundred pages.
 *
 * Only the classic layout Chromium writes (one cross-reference table and trailer, no
 * cross-reference streams) is read here; anything else returns undefined, and the caller
 * rewrites the file the slow way.
 */
import {
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  type PDFObject,
  type PDFRef,
} from 'pdf-lib';

/** What an incremental update starts from: the last trailer and where each object is. */
export interface PdfTail {
  /** Byte offset of the last cross-reference section (for the new trailer's /Prev). */
  xrefOffset: number;
  trailer: PDFDict;
  /** Byte offset of the newest version of each object number in use. */
  offsets: Map<number, number>;
  /** Parses values in this PDF; only for objects reached through `readObject`. */
  context: PDFContext;
}

const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

/** Reads the last trailer and the cross-reference tables, or undefined if they are not classic. */
export function readPdfTail(pdf: Uint8Array): PdfTail | undefined {
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return undefined;
  const xrefOffset = Number(start[1]);
  const context = PDFContext.create();
  const offsets = new Map<number, number>();
  let trailer: PDFDict | undefined;
  // Follow /Prev back through earlier updates; the newest entry for an object wins.
  const seen = new Set<number>();
  for (let at: number | undefined = xrefOffset; at !== undefined;) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const section = readXrefSection(pdf, at, context);
    if (!section) return undefined;
    for (const [number, offset] of section.offsets)
      if (!offsets.has(number)) offsets.set(number, offset);
    trailer ??= section.trailer;
    const prev = section.trailer.get(PDFName.of('Prev'));
    at = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  if (!trailer) return undefined;
  return { xrefOffset, trailer, offsets, context };
}

/** Reads one classic cross-reference table and the trailer after it. */
function readXrefSection(
  pdf: Uint8Array,
  xrefOffset: number,
  context: PDFContext,
): { offsets: Map<number, number>; trailer: PDFDict } | undefined {
  if (xrefOffset >= pdf.length) return undefined;
  // The table runs from `xref` to `trailer`; read only that part of the file.
  const section = latin1.decode(pdf.subarray(xrefOffset));
  if (!section.startsWith('xref')) return undefined;
  const trailerAt = section.indexOf('trailer');
  if (trailerAt < 0) return undefined;
  const offsets = new Map<number, number>();
  const lines = section
    .slice(4, trailerAt)
    .trim()
    .split(/\r?\n|\r/);
  let next = 0;
  for (const line of lines) {
    const header = /^(\d+) (\d+)\s*$/.exec(line);
    if (header) {
      next = Number(header[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])\s*$/.exec(line);
    if (!entry) return undefined;
    if (entry[3] === 'n') offsets.set(next, Number(entry[1]));
    next += 1;
  }
  const trailerBytes = pdf.subarray(xrefOffset + trailerAt + 'trailer'.length);
  const trailer = PDFObjectParser.forBytes(trailerBytes, context).parseObject();
  return trailer instanceof PDFDict ? { offsets, trailer } : undefined;
}

/** Parses object `ref` where the cross-reference table says it is, or undefined. */
export function readObject(pdf: Uint8Array, tail: PdfTail, ref: PDFRef): PDFObject | undefined {
  const offset = tail.offsets.get(ref.objectNumber);
  if (offset === undefined) return undefined;
  const head = latin1.decode(pdf.subarray(offset, offset + 40));
  const match = /^\s*(\d+)\s+(\d+)\s+obj/.exec(head);
  if (!match || Number(match[1]) !== ref.objectNumber) return undefined;
  const bytes = pdf.subarray(offset + match[0].length);
  return PDFObjectParser.forBytes(bytes, tail.context).parseObject();
}

export interface PdfUpdate {
  /** New versions of existing objects (or new objects, numbered below the trailer's /Size). */
  objects: Map<PDFRef, PDFObject>;
  /**
   * Old dictionary objects to empty in place (same length, so every offset stays true): an old
   * version stays in the file, and the document information Chromium writes holds the time of
   * printing, which would make every build's bytes different.
   */
  erase?: PDFRef[];
}

/**
 * Returns `pdf` followed by the new versions of the objects and a new trailer pointing back at
 * the old one, or undefined when an object to erase is not a plain dictionary. Deterministic:
 * the same input always gives the same bytes.
 */
export function appendPdfUpdate(
  pdf: Uint8Array,
  tail: PdfTail,
  update: PdfUpdate,
): Uint8Array | undefined {
  const { objects } = update;
  const chunks: Uint8Array[] = [pdf];
  let length = pdf.length;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    length += bytes.length;
  };
  // A new section must start on a line of its own.
  if (pdf[pdf.length - 1] !== 0x0a) push(encoder.encode('\n'));
  const written: { ref: PDFRef; offset: number }[] = [];
  for (const [ref, object] of objects) {
    written.push({ ref, offset: length });
    push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(serialise(object));
    push(encoder.encode('\nendobj\n'));
  }
  const xrefOffset = length;
  const xref = ['xref'];
  for (const { ref, offset } of [...written].sort(
    (a, b) => a.ref.objectNumber - b.ref.objectNumber,
  )) {
    xref.push(`${ref.objectNumber} 1`);
    // Every entry is exactly 20 bytes, ending in a space and a line feed.
    xref.push(
      `${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n `,
    );
  }
  push(encoder.encode(`${xref.join('\n')}\ntrailer\n`));
  const trailer = tail.trailer.clone(tail.context);
  trailer.set(PDFName.of('Prev'), PDFNumber.of(tail.xrefOffset));
  push(serialise(trailer));
  push(encoder.encode(`\nstartxref\n${xrefOffset}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  for (const ref of update.erase ?? []) if (!eraseDictionary(out, tail, ref)) return undefined;
  return out;
}

/** Overwrites the dictionary of object `ref` with `<<>>` and spaces, keeping its length. */
function eraseDictionary(pdf: Uint8Array, tail: PdfTail, ref: PDFRef): boolean {
  const offset = tail.offsets.get(ref.objectNumber);
  if (offset === undefined) return false;
  const text = latin1.decode(pdf.subarray(offset, offset + 64 * 1024));
  const match = /^\s*\d+\s+\d+\s+obj/.exec(text);
  const end = text.indexOf('endobj');
  // Only a plain dictionary (no stream) that ends within reach is erased.
  if (!match || end < 0 || text.slice(match[0].length, end).includes('stream')) return false;
  const from = offset + match[0].length;
  const to = offset + end;
  const empty = encoder.encode(' <<>>'.padEnd(to - from, ' '));
  if (empty.length !== to - from) return false;
  pdf.set(empty, from);
  return true;
}

function serialise(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}
