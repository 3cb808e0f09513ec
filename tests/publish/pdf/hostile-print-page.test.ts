/**
 * The print page is hostile: library text that closes the `<style>` element, scripts, dialogs,
 * redirects and `file:` URLs must neither run, nor hang the build, nor put a local file into a
 * PDF. Real Chromium, real files.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import { assemblePublishContext, pickTerm } from '../../../main/publish/assemble-context.js';
import { buildPdfOutputs } from '../../../main/publish/pdf/build-pdf-outputs.js';
import type { PdfRenderer } from '../../../main/publish/pdf/pdf-renderer.js';
import { printLibraryUrl } from '../../../main/publish/pdf/print-images.js';
import { launchPuppeteerRenderer } from '../../../main/publish/pdf/puppeteer-pdf-renderer.js';
import { testBrowserPath } from '../../support/chromium.js';
import { fixtureLibrary } from '../../support/temp-library.js';
import { readPdf } from './read-pdf.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tandem-hostile-print-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** All the text of a PDF file. */
const pdfText = async (file: string) => (await readPdf(file)).pages.map((p) => p.text).join('\n');

describe('a title that closes the print style element', () => {
  it('prints as text: no script runs, no local file is read, the build ends', async () => {
    const { library, problems } = await loadLibrary(
      fixtureLibrary('print-title-breaks-out-of-style'),
    );
    expect(problems).toEqual([]);
    if (!library) throw new Error('the fixture did not load');
    const picked = pickTerm(library, undefined);
    if ('error' in picked) throw new Error(picked.error);
    const ctx = assemblePublishContext({
      library,
      term: picked.term,
      courses: library.courses,
      statuses: new Map(),
      options: {
        outDir: path.join(work, 'out'),
        paper: 'A4',
        largePrint: false,
        booklet: false,
        facilitatorPacks: true,
        draft: true,
      },
      builtAt: new Date('2027-01-01T00:00:00Z'),
    });
    const outputs = await buildPdfOutputs(ctx, {
      openRenderer: () => launchPuppeteerRenderer(testBrowserPath()),
    });
    expect(outputs.errors).toEqual([]);
    const texts = await Promise.all(
      [outputs.prospectusPdf ?? '', ...outputs.facilitatorPacks].map(pdfText),
    );
    for (const text of texts) {
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toMatch(/root:.*:0:0:/);
    }
    // The running footers show the title as the words it is.
    const pack = texts[1] ?? '';
    expect(pack).toContain("Understanding anxiety </style><iframe src='file:///etc/passwd'>");
  }, 120_000);
});

describe('the print renderer', () => {
  let renderer: PdfRenderer;
  let library: string;
  beforeAll(async () => {
    renderer = await launchPuppeteerRenderer(testBrowserPath());
    library = path.join(work, 'library');
    await mkdir(path.join(library, 'images'), { recursive: true });
    // A 1×1 PNG inside the library, and a "secret" outside reached through a link.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await writeFile(path.join(library, 'images', 'dot.png'), png);
    await writeFile(path.join(work, 'secret.png'), png);
    await writeFile(path.join(work, 'id_ed25519'), 'PRIVATE KEY MATERIAL');
    await symlink(path.join(work, 'secret.png'), path.join(library, 'images', 'link.png'));
  }, 60_000);
  afterAll(async () => {
    await renderer.close();
  });

  it('runs no page script, dismisses no dialog for ever, and loads only library images', async () => {
    const html = `<!doctype html><html><head>
      <meta http-equiv="refresh" content="0;url=file://${work}/id_ed25519">
      <link rel="stylesheet" href="file://${work}/id_ed25519">
      <script>alert('waits for ever'); document.title = 'SCRIPT' + ' RAN';</script>
      </head><body><p id="still-here">Printed</p>
      <img id="ok" src="${printLibraryUrl('images/dot.png')}" alt="">
      <img id="link" src="${printLibraryUrl('images/link.png')}" alt="">
      <img id="file" src="file://${work}/secret.png" alt="">
      <img id="up" src="${printLibraryUrl('images/dot.png').replace('images/dot.png', '..%2Fsecret.png')}" alt="">
      <img id="net" src="http://127.0.0.1:9/x.png" alt="">
      <iframe src="file://${work}/id_ed25519"></iframe>
      <object data="file://${work}/id_ed25519"></object>
      <script>document.body.append('SCRIPT' + ' RAN');</script>
      </body></html>`;
    const started = Date.now();
    const document = await renderer.openDocument?.(html, {
      name: 'hostile',
      tagged: false,
      outline: false,
      assetsRoot: library,
    });
    if (!document) throw new Error('the renderer cannot keep documents open');
    try {
      // Tandem's own scripts still run (through DevTools), and see what the page loaded.
      await document.run(`(() => {
        const loaded = (id) => document.getElementById(id).naturalWidth > 0;
        const seen = { here: !!document.getElementById('still-here'), title: document.title,
          ok: loaded('ok'), link: loaded('link'), file: loaded('file'), up: loaded('up'),
          net: loaded('net'), origin: location.origin };
        const want = { here: true, title: '', ok: true, link: false, file: false, up: false,
          net: false, origin: 'https://print.tandem.invalid' };
        if (JSON.stringify(seen) !== JSON.stringify(want)) throw new Error(JSON.stringify(seen));
      })()`);
      const file = path.join(work, 'hostile.pdf');
      await writeFile(
        file,
        await document.print({ name: 'hostile', tagged: false, outline: false }),
      );
      const text = await pdfText(file);
      expect(text).toContain('Printed');
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toContain('PRIVATE KEY');
    } finally {
      await document.close();
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
