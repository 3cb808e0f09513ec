/**
 * MiniSearch's serialised index (`toJSON()`, serialisation version 2, what `MiniSearch.loadJSON`
 * reads in the browser) written from each document's term counts, so the counts of a course
 * whose text has not changed are taken from the build's cache instead of tokenising its words
 * again. Tokens and terms are made exactly as MiniSearch's defaults make them; terms are listed
 * in code-unit order (MiniSearch lists them in its tree's order: `loadJSON` does not mind).
 */

/** MiniSearch's default tokenizer splits at runs of these (`text.split(/[\n\r\p{Z}\p{P}]+/u)`). */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/** Which ASCII characters are separators, worked out from the same pattern. */
const ASCII_SEPARATORS = Uint8Array.from({ length: 128 }, (_, code) =>
  SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0,
);

/** The length of the separator at `i` (2 for an astral one), or 0 when there is none. */
function separatorAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_SEPARATORS[code] ?? 0;
  const point = text.codePointAt(i) ?? code;
  const length = point > 0xffff ? 2 : 1;
  return SEPARATOR.test(String.fromCodePoint(point)) ? length : 0;
}

/**
 * The tokens MiniSearch's default tokenizer makes of `text`, the same as its `split` (an empty
 * token where the text starts or ends with a separator) with one pass over the characters,
 * much cheaper on a large text than the Unicode-property pattern.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Most characters are ASCII letters: decided here without a call.
    if (code < 128 && ASCII_SEPARATORS[code] === 0) {
      i += 1;
      continue;
    }
    let step = separatorAt(text, i);
    if (step === 0) {
      i += 1;
      continue;
    }
    tokens.push(text.slice(start, i));
    while (step > 0) {
      i += step;
      step = i < text.length ? separatorAt(text, i) : 0;
    }
    start = i;
  }
  tokens.push(text.slice(start));
  return tokens;
}

/** One field of one document as the index counts it. */
export interface FieldTerms {
  /** Distinct tokens before lower-casing, the empty token included (MiniSearch's field length). */
  length: number;
  /** How often each lower-cased, non-empty term occurs. */
  counts: Record<string, number>;
}

/** The term counts of one field's text, as MiniSearch's `add` makes them. */
export function fieldTerms(text: string): FieldTerms {
  const tokens = tokenize(text);
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const token of tokens) {
    const term = token.toLowerCase();
    if (term) counts[term] = (counts[term] ?? 0) + 1;
  }
  return { length: new Set(tokens).size, counts };
}

/** A document ready to index: its id, each indexed field's terms, its stored fields. */
export interface IndexedDocument {
  id: string;
  fields: readonly FieldTerms[];
  stored: Record<string, string>;
}

/**
 * The JSON text of the index of `documents` (in order) over `fieldCount` fields named
 * `fieldNames`; identical, once parsed, to what `MiniSearch.toJSON()` gives after `addAll`
 * with the same documents, apart from the order of the index's terms.
 */
export function searchIndexJson(
  fieldNames: readonly string[],
  documents: readonly IndexedDocument[],
): string {
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, Record<string, string>> = {};
  const averageFieldLength: number[] = [];
  const index = new Map<string, Map<number, Map<number, number>>>();
  documents.forEach((doc, shortId) => {
    documentIds[shortId] = doc.id;
    storedFields[shortId] = doc.stored;
    const lengths: number[] = [];
    doc.fields.forEach((field, fieldId) => {
      lengths[fieldId] = field.length;
      // The running mean exactly as MiniSearch keeps it, so the floats are the same.
      const average = averageFieldLength[fieldId] ?? 0;
      averageFieldLength[fieldId] = (average * shortId + field.length) / (shortId + 1);
      for (const term in field.counts) {
        let byField = index.get(term);
        if (!byField) {
          byField = new Map();
          index.set(term, byField);
        }
        let byDoc = byField.get(fieldId);
        if (!byDoc) {
          byDoc = new Map();
          byField.set(fieldId, byDoc);
        }
        byDoc.set(shortId, field.counts[term] ?? 0);
      }
    });
    fieldLength[shortId] = lengths;
  });
  const terms = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = terms.map((term) => {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, byDoc] of [...(index.get(term) ?? [])].sort(([a], [b]) => a - b)) {
      data[fieldId] = Object.fromEntries(byDoc);
    }
    return [term, data];
  });
  return JSON.stringify({
    documentCount: documents.length,
    nextId: documents.length,
    documentIds,
    fieldIds: Object.fromEntries(fieldNames.map((name, i) => [name, i])),
    fieldLength,
    averageFieldLength,
    storedFields,
    dirtCount: 0,
    index: entries,
    serializationVersion: 2,
  });
}
