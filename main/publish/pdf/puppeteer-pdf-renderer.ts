/**
 * A PdfRenderer over one headless Chromium process, driven by puppeteer-core.
 *
 * The print page holds library text, so it is treated as hostile: its own scripts never run
 * (JavaScript is off; Tandem's measuring scripts run through DevTools, which is not the page),
 * it is served from a made-up https origin rather than `file:` (so it cannot name local files),
 * every request but the document itself and the library's own images is refused, dialogs are
 * dismissed, and no wait is unbounded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { PdfRenderer, PdfRenderOptions, PrintDocument } from './pdf-renderer.js';
import { printOrigin, readPrintAsset } from './print-images.js';

/** Chromium switches for a quiet, offline, throwaway print process. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long loading a document may take (several megabytes of HTML on a busy machine). */
const loadTimeout = 300_000;
/** How long one print may take: a 1,000-course prospectus, far beyond any real college. */
const printTimeout = 1_200_000;

/** The policy the print document is served with: its own images and inline styles only. */
export const printDocumentCsp = [
  "default-src 'none'",
  `img-src ${printOrigin} data:`,
  "style-src 'unsafe-inline'",
  'font-src data:',
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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

/** What a tab is showing: the only URLs it may load. */
interface Served {
  url: string;
  html: string;
  assetsRoot?: string;
}

/**
 * Answers one request of a print tab: the document, an image of the library, or a refusal.
 * Navigations anywhere else (a meta refresh, a link) are refused too.
 */
async function answer(request: HTTPRequest, served: Served | undefined): Promise<void> {
  const url = request.url();
  try {
    if (served && url === served.url) {
      await request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': printDocumentCsp },
        body: served.html,
      });
      return;
    }
    const target = URL.canParse(url) ? new URL(url) : undefined;
    if (
      served?.assetsRoot &&
      !request.isNavigationRequest() &&
      target?.origin === printOrigin &&
      !target.search
    ) {
      const asset = await readPrintAsset(served.assetsRoot, target.pathname);
      if (asset) {
        await request.respond({ status: 200, contentType: asset.contentType, body: asset.body });
        return;
      }
    }
    await request.abort('blockedbyclient');
  } catch {
    // The tab closed or moved on while answering; nothing is waiting for this request.
  }
}

/**
 * Starts Chromium once; every document is printed in a tab of that same process, and a tab is
 * reused by the next document once the last one closes. The profile lives in a temp folder
 * that `close()` removes; documents never touch the disk.
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
  let documentNumber = 0;
  let closed = false;
  /** A tab left open by the last document, ready for the next. */
  let spare: Page | undefined;
  const serving = new WeakMap<Page, Served>();

  const newPrintPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    // Laid out for print even on screen, so what a script measures is what a print shows.
    await page.emulateMediaType('print');
    await page.setRequestInterception(true);
    page.on('request', (request) => void answer(request, serving.get(page)));
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    page.setDefaultNavigationTimeout(loadTimeout);
    page.setDefaultTimeout(loadTimeout);
    return page;
  };

  const openDocument = async (html: string, options: PdfRenderOptions): Promise<PrintDocument> => {
    documentNumber += 1;
    const safeName = options.name.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
    const served: Served = {
      url: `${printOrigin}/${String(documentNumber).padStart(4, '0')}-${safeName}.html`,
      html,
      ...(options.assetsRoot ? { assetsRoot: options.assetsRoot } : {}),
    };
    let page: Page | undefined;
    let open = true;
    let failed = false;
    const close = async () => {
      if (!open) return;
      open = false;
      if (page) serving.delete(page);
      // A tab that printed cleanly is kept for the next document: opening and closing a tab
      // took longer than printing a short facilitator pack.
      if (page && !failed && !spare && !closed) spare = page;
      else await page?.close().catch(() => undefined);
    };
    try {
      page = spare ?? (await newPrintPage());
      spare = undefined;
      serving.set(page, served);
      await page.goto(served.url, { waitUntil: 'load', timeout: loadTimeout });
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
            timeout: printTimeout,
          }),
        );
      },
      async run(script: string): Promise<unknown> {
        return guard(loaded.evaluate(script));
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
