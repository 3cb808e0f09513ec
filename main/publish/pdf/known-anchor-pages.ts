/**
 * Where the anchors of a prospectus landed when exactly the same HTML was last printed into
 * this output folder, so a rebuild whose prospectus did not change (a module edit, a site fix)
 * prints it once instead of measuring it first. Found by a SHA-256 of the unnumbered HTML,
 * which holds all that decides the layout (text, CSS, paper, large print). The final print
 * still checks every number against its own destinations, so a stale or tampered file can
 * only cost another print, never a wrong number; a file that is not exactly this shape is
 * ignored.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { sha256Hex } from '../markdown/hash-plain-data.js';
import type { PageNumbers } from './prospectus-views.js';

/** Bumped whenever what the file means changes, so older files are ignored. */
const FORMAT = 1;

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  html: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.array(z.tuple([z.string(), z.number().int().positive()])),
});

/** The file that keeps the pages of the print called `name` (e.g. `prospectus-A4`). */
export function knownAnchorPagesFile(outDir: string, name: string): string {
  return path.join(outDir, '.tandem-cache', `${name.replace(/[^a-z0-9-]+/gi, '-')}.pages.json`);
}

function encode(html: string, pages: PageNumbers): string {
  const sorted = [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ format: FORMAT, html: sha256Hex(html), pages: sorted })}\n`;
}

/** The pages kept for exactly `html`, or undefined (no file, another HTML, a damaged file). */
export async function readKnownAnchorPages(
  file: string,
  html: string,
): Promise<PageNumbers | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const kept = fileSchema.safeParse(parsed);
  if (!kept.success || kept.data.html !== sha256Hex(html)) return undefined;
  return new Map(kept.data.pages);
}

/** Keeps `pages` for `html`; the file is written only when its bytes change. */
export async function saveKnownAnchorPages(
  file: string,
  html: string,
  pages: PageNumbers,
): Promise<void> {
  const text = encode(html, pages);
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
