/**
 * Renumbers the ids Chromium gives tagged structure elements (`/ID (node00000852)`), in order of
 * first appearance. Chromium takes them from DOM node ids, which depend on when the print tab
 * happened to create each node, so the same page could print with other numbers each time; the
 * ids only need to be unique and consistent within one file (table cells' `/Headers` name them).
 * Every id keeps its length, so the file's byte offsets, and so its cross-reference table, hold.
 */
const nodeId = /\(node(\d{8})\)/g;

/** A copy of `pdf` whose structure ids count up from 1 in reading order of the file. */
export function stableStructureIds(pdf: Uint8Array): Uint8Array {
  // latin1 maps each byte to one character and back, so binary streams pass through unchanged.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const renumbered = new Map<string, string>();
  const result = text.replace(nodeId, (_, id: string) => {
    let next = renumbered.get(id);
    if (next === undefined) {
      next = String(renumbered.size + 1).padStart(8, '0');
      renumbered.set(id, next);
    }
    return `(node${next})`;
  });
  return result === text ? pdf : new Uint8Array(Buffer.from(result, 'latin1'));
}
