/**
 * A rebuild of an unchanged prospectus into the same folder prints it once, with the pages
 * kept from the last print, and gives the same bytes; a kept file that is damaged, made for
 * other HTML or simply wrong never leads to a wrong number.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfOutputs } from '../../../main/publish/pdf/build-pdf-outputs.js';
import {
  knownAnchorPagesFile,
  readKnownAnchorPages,
  saveKnownAnchorPages,
} from '../../../main/publish/pdf/known-anchor-pages.js';
import type { PdfRenderer } from '../../../main/publish/pdf/pdf-renderer.js';
import { launchPuppeteerRenderer } from '../../../main/publish/pdf/puppeteer-pdf-renderer.js';
import { testBrowserPath } from '../../support/chromium.js';
import { makeContext } from './make-context.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tandem-known-pages-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('readKnownAnchorPages', () => {
  const html = '<!doctype html><p>The prospectus</p>';
  const pages = new Map([
    ['contents', 2],
    ['course-hearing-voices', 7],
  ]);

  it('gives back the pages kept for the same HTML', async () => {
    const file = path.join(work, 'same.pages.json');
    await saveKnownAnchorPages(file, html, pages);
    expect(await readKnownAnchorPages(file, html)).toEqual(pages);
  });

  it('does not write the file again when nothing changed', async () => {
    const file = path.join(work, 'unchanged.pages.json');
    await saveKnownAnchorPages(file, html, pages);
    const before = await stat(file);
    await saveKnownAnchorPages(file, html, new Map([...pages].reverse()));
    expect((await stat(file)).ino).toBe(before.ino);
    await saveKnownAnchorPages(file, html, new Map([['contents', 3]]));
    expect((await stat(file)).ino).not.toBe(before.ino);
  });

  it.each<[string, (kept: string) => string]>([
    ['other HTML', (kept) => kept],
    ['a damaged file', (kept) => kept.slice(0, 40)],
    ['an older format', (kept) => kept.replace('"format":1', '"format":0')],
    ['a page that is not a page', (kept) => kept.replace(',7]', ',-7]')],
    ['an unknown field', (kept) => kept.replace('{', '{"extra":true,')],
    ['not JSON at all', () => '\u0000\u0001'],
  ])('ignores %s', async (name, change) => {
    const file = path.join(work, `${name.replace(/\W+/g, '-')}.pages.json`);
    await saveKnownAnchorPages(file, html, pages);
    await writeFile(file, change(await readFile(file, 'utf8')));
    const asked = name === 'other HTML' ? `${html} ` : html;
    expect(await readKnownAnchorPages(file, asked)).toBeUndefined();
  });

  it('ignores a missing file', async () => {
    expect(await readKnownAnchorPages(path.join(work, 'none.pages.json'), html)).toBeUndefined();
  });
});

describe('a rebuild of the same prospectus', () => {
  let renderer: PdfRenderer;
  /** Every print of the prospectus, in order: `measuring` or `final`. */
  const prints: string[] = [];
  const out = () => path.join(work, 'college', 'out');

  beforeAll(async () => {
    await mkdir(path.join(work, 'college'));
    renderer = await launchPuppeteerRenderer(testBrowserPath());
  }, 60_000);
  afterAll(async () => {
    await renderer.close();
  });

  /** The renderer, noting each print, and never closed by the build. */
  const counting: PdfRenderer = {
    renderPdf: (html, options) => renderer.renderPdf(html, options),
    async openDocument(html, options) {
      const inner = await renderer.openDocument?.(html, options);
      if (!inner) throw new Error('the renderer cannot keep a document open');
      return {
        ...inner,
        print(printOptions) {
          prints.push(printOptions.tagged ? 'final' : 'measuring');
          return inner.print(printOptions);
        },
      };
    },
    close: async () => undefined,
  };

  async function build(): Promise<Buffer> {
    prints.length = 0;
    const ctx = makeContext(path.join(work, 'college'), { outDir: out() });
    const outputs = await buildPdfOutputs(ctx, { openRenderer: async () => counting });
    expect(outputs.errors).toEqual([]);
    return readFile(outputs.prospectusPdf ?? '');
  }

  it('prints once, from the kept pages, and gives the same bytes', async () => {
    const first = await build();
    // The first build estimates the pages from a layout of the document (no measuring print).
    expect(prints).toEqual(['final']);
    const again = await build();
    expect(prints).toEqual(['final']);
    expect(again.equals(first)).toBe(true);
  }, 120_000);

  it('prints again, not wrongly, when the kept pages are wrong', async () => {
    const clean = await build();
    const file = knownAnchorPagesFile(out(), 'prospectus-A4');
    const kept = await readFile(file, 'utf8');
    // Every anchor one page later: the final print finds them elsewhere and prints again.
    await writeFile(
      file,
      kept.replace(/,(\d+)\]/g, (_, page: string) => `,${Number(page) + 1}]`),
    );
    const fixed = await build();
    expect(prints).toEqual(['final', 'final']);
    expect(fixed.equals(clean)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(kept);
  }, 120_000);
});
