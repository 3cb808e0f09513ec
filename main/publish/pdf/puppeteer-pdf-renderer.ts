/** A PdfRenderer over one headless Chromium process, driven by puppeteer-core. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PdfRenderer, PdfRenderOptions, PrintDocument } from './pdf-renderer.js';

/** Chromium switches for a quiet, offline, throwaway print process. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Runs in the page before printing: images marked lazy (web habit) load now, every image has
 * finished or failed, and every font is ready. A string, as it runs in the browser, not Node.
 */
const settleScript = `(async () => {
  const images = Array.from(document.images);
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  })));
  await document.fonts.ready;
})()`;

/**
 * Starts Chromium once; every document is printed in a tab of that same process, and a tab is
 * reused by the next document once the last one closes. The profile and the temporary HTML
 * files live in one temp folder that `close()` removes.
 */
export async function launchPuppeteerRenderer(executablePath: string): Promise<PdfRenderer> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'tandem-pdf-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: path.join(workDir, 'profile'),
      args: chromiumArgs,
      // Printing a 1,000-course prospectus on a busy machine can outlast the 3-minute default.
      protocolTimeout: 600_000,
    });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  let fileNumber = 0;
  let closed = false;
  /** A tab left open by the last document, ready for the next. */
  let spare: Page | undefined;

  const openDocument = async (html: string, options: PdfRenderOptions): Promise<PrintDocument> => {
    // A file (rather than setContent) gives the page a file: origin, so file: images load.
    fileNumber += 1;
    const safeName = options.name.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
    const htmlFile = path.join(workDir, `${String(fileNumber).padStart(4, '0')}-${safeName}.html`);
    await writeFile(htmlFile, html, 'utf8');
    let page: Page | undefined;
    let open = true;
    let failed = false;
    const close = async () => {
      if (!open) return;
      open = false;
      // A tab that printed cleanly is kept for the next document: opening and closing a tab
      // took longer than printing a short facilitator pack.
      if (page && !failed && !spare && !closed) spare = page;
      else await page?.close().catch(() => undefined);
      await rm(htmlFile, { force: true });
    };
    try {
      page = spare ?? (await browser.newPage());
      spare = undefined;
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
      await page.evaluate(settleScript);
    } catch (error) {
      failed = true;
      await close();
      throw error;
    }
    const loaded = page;
    // Marks the tab as not to be reused when anything done in it fails.
    const guard = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    return {
      async print(printOptions: PdfRenderOptions): Promise<Uint8Array> {
        return guard(
          loaded.pdf({
            preferCSSPageSize: true,
            printBackground: true,
            tagged: printOptions.tagged,
            outline: printOptions.outline,
            // Large libraries make long documents; the build reports progress instead.
            timeout: 0,
          }),
        );
      },
      async run(script: string): Promise<void> {
        await guard(loaded.evaluate(script));
      },
      close,
    };
  };

  return {
    async renderPdf(html: string, options: PdfRenderOptions): Promise<Uint8Array> {
      const document = await openDocument(html, options);
      try {
        return await document.print(options);
      } finally {
        await document.close();
      }
    },
    openDocument,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
