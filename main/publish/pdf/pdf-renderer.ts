/**
 * The one thing the PDF stage needs from a browser: HTML in, PDF bytes out.
 *
 * The CLI drives an installed Chromium through Puppeteer (puppeteer-pdf-renderer.ts). The
 * desktop app ships its own Chromium, so it can print with that instead: at start-up it calls
 * `registerAppPdfRenderer(() => new ElectronPdfRenderer())` (an implementation of this
 * interface over a hidden BrowserWindow's `webContents.printToPDF`). The browser search then
 * uses it whenever `TANDEM_BROWSER` is not set.
 */

export interface PdfRenderOptions {
  /** Document title, used for the temporary file name and logs only. */
  name: string;
  /** Write a tagged (accessible) PDF. */
  tagged: boolean;
  /** Write PDF bookmarks built from the headings (needs `tagged`). */
  outline: boolean;
  /**
   * The folder (the library) whose image files the document may load, at the URLs
   * `printLibraryUrl` makes; without it the document loads nothing but itself.
   */
  assetsRoot?: string;
}

/**
 * A document loaded once and printed several times, changed by scripts in between: how the
 * prospectus prints again with its page numbers filled in, without loading and laying out
 * several megabytes of HTML a second time.
 */
export interface PrintDocument {
  /** Prints the document as it is now. */
  print(options: PdfRenderOptions): Promise<Uint8Array>;
  /**
   * Runs a script (JavaScript source, an expression) in the document and waits for it; its
   * value, when it is JSON data, is passed back.
   */
  run(script: string): Promise<unknown>;
  /** Closes the document; safe to call more than once. */
  close(): Promise<void>;
}

export interface PdfRenderer {
  /**
   * Prints a complete HTML document. Page size and margins come from the document's CSS
   * `@page` rules; the document runs no script of its own and loads nothing but images from
   * `assetsRoot` (see print-images.ts); fonts are loaded before printing.
   */
  renderPdf(html: string, options: PdfRenderOptions): Promise<Uint8Array>;
  /**
   * Loads a document (same rules as `renderPdf`) to print more than once, laid out with print
   * media on screen too, so a script measures what a print shows. Optional: a renderer without
   * it prints every pass from fresh HTML through `renderPdf`.
   */
  openDocument?(html: string, options: PdfRenderOptions): Promise<PrintDocument>;
  /** Releases the browser; safe to call more than once. */
  close(): Promise<void>;
}

export type PdfRendererFactory = () => Promise<PdfRenderer>;

let appRendererFactory: PdfRendererFactory | undefined;

/** Lets the desktop app print with its own Chromium (pass undefined to remove it again). */
export function registerAppPdfRenderer(factory: PdfRendererFactory | undefined): void {
  appRendererFactory = factory;
}

/** The renderer factory registered by the desktop app, if any. */
export function appPdfRendererFactory(): PdfRendererFactory | undefined {
  return appRendererFactory;
}
