/** A PdfRenderer over one headless Chromium process, driven by puppeteer-core. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer.js';

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
 * Starts Chromium once; every `renderPdf` call opens a tab in that same process. The profile
 * and the temporary HTML files live in one temp folder that `close()` removes.
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

  return {
    async renderPdf(html: string, options: PdfRenderOptions): Promise<Uint8Array> {
      // A file (rather than setContent) gives the page a file: origin, so file: images load.
      fileNumber += 1;
      const safeName = options.name.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
      const htmlFile = path.join(
        workDir,
        `${String(fileNumber).padStart(4, '0')}-${safeName}.html`,
      );
      await writeFile(htmlFile, html, 'utf8');
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(settleScript);
        const pdf = await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: options.tagged,
          outline: options.outline,
          // Large libraries make long documents; the build reports progress instead.
          timeout: 0,
        });
        return pdf;
      } finally {
        await page.close().catch(() => undefined);
        await rm(htmlFile, { force: true });
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
