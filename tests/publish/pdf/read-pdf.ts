/** Reads a PDF the way the tests check it: text lines per page, outline titles, page sizes. */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  /** Font size in points, from the text matrix. */
  size: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  /** Lines of text, per column (split at the page's middle), top to bottom. */
  lines: string[];
  text: string;
}

export interface ReadPdf {
  pages: PdfPage[];
  /** Outline entries, depth-first, with their depth (0 = top level). */
  outline: { title: string; depth: number; page: number }[];
  info: Record<string, unknown>;
}

/** Opens `file` with pdf.js and extracts everything the tests look at. */
export async function readPdf(file: string): Promise<ReadPdf> {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({ str: item.str, x, y, size: Math.round(Math.hypot(a, b) * 10) / 10 });
      }
      pages.push({
        number: n,
        width,
        height,
        items,
        lines: toLines(items, width),
        text: items.map((i) => i.str).join(' '),
      });
    }
    const outline: ReadPdf['outline'] = [];
    const walk = async (entries: Awaited<ReturnType<typeof doc.getOutline>>, depth: number) => {
      for (const entry of entries ?? []) {
        const dest =
          typeof entry.dest === 'string' ? await doc.getDestination(entry.dest) : entry.dest;
        const ref = dest?.[0] as { num: number; gen: number } | undefined;
        outline.push({
          title: entry.title,
          depth,
          page: ref ? (await doc.getPageIndex(ref)) + 1 : 0,
        });
        await walk(entry.items, depth + 1);
      }
    };
    await walk(await doc.getOutline(), 0);
    const meta = await doc.getMetadata();
    return { pages, outline, info: meta.info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

function toLines(items: TextItem[], width: number): string[] {
  const groups = new Map<string, TextItem[]>();
  for (const item of items) {
    const column = item.x < width / 2 ? 0 : 1;
    const key = `${column}:${Math.round(item.y)}`;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [ca = 0, ya = 0] = a.split(':').map(Number);
      const [cb = 0, yb = 0] = b.split(':').map(Number);
      return ca - cb || yb - ya;
    })
    .map(([, list]) =>
      list
        .sort((p, q) => p.x - q.x)
        .map((i) => i.str.trim())
        .join(' ')
        .replace(/\s+/g, ' '),
    );
}

/** Pages on which `text` is set as a heading (an item of at least `minSize` points). */
export function headingPages(pdf: ReadPdf, text: string, minSize: number): number[] {
  return pdf.pages
    .filter((p) => p.items.some((i) => i.str.trim() === text && i.size >= minSize))
    .map((p) => p.number);
}

/**
 * The page number printed after `title` on a contents or index line: the nearest number to the
 * right of the title's first line on the same baseline (the dotted leader between them is not
 * text). A title that wraps is found from its lines, which share a left edge, joined in order.
 */
export function printedPage(pages: PdfPage[], title: string): number | undefined {
  for (const page of pages) {
    for (const [index, item] of page.items.entries()) {
      if (!startsTitle(page.items, index, title)) continue;
      const numbers = page.items
        .filter((n) => /^\d+$/.test(n.str.trim()) && Math.abs(n.y - item.y) < 3 && n.x > item.x)
        .sort((a, b) => a.x - b.x);
      if (numbers[0]) return Number(numbers[0].str.trim());
    }
  }
  return undefined;
}

function startsTitle(items: TextItem[], index: number, title: string): boolean {
  const first = items[index];
  if (!first) return false;
  let text = first.str.trim();
  let y = first.y;
  while (text.length < title.length && title.startsWith(`${text} `)) {
    // The next line of the same entry: same left edge, the nearest baseline below.
    const next = items
      .filter((i) => Math.abs(i.x - first.x) < 1 && i.y < y - 1 && y - i.y < first.size * 2)
      .sort((a, b) => b.y - a.y)[0];
    if (!next) return false;
    text = `${text} ${next.str.trim()}`;
    y = next.y;
  }
  return text === title;
}
