/**
 * The usual start of an editor browser test: `tandem serve` on a copy of the minimal library,
 * Chromium on the course's Modules tab with its first module open in the editor, and (by
 * default) the CPU slowed as on a busy laptop.
 */
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { throttleCpu } from './cpu-throttle.js';
import { serveLibrary, type ServedLibrary } from './serve-library.js';

/** The editable area of the module editor. */
export const EDITOR = '[data-testid="module-editor-content"]';

export interface OpenCourse {
  served: ServedLibrary;
  browser: TestBrowser;
  page: Page;
  close(): Promise<void>;
}

export async function openCourseModules(
  options: { courseId?: string; throttle?: boolean } = {},
): Promise<OpenCourse> {
  const [served, browser] = await Promise.all([serveLibrary(), launchTestBrowser()]);
  const close = async () => {
    await browser.close();
    await served.stop();
  };
  try {
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.setDefaultTimeout(20_000);
    await page.goto(served.url);
    await page.goto(
      `${served.origin}/#/course/${options.courseId ?? 'understanding-anxiety'}/modules`,
    );
    await page.waitForSelector(`${EDITOR} p`);
    if (options.throttle ?? true) await throttleCpu(page);
    return { served, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Puts the caret at the end of the first element matching `selector` (a paragraph), as a
 * person would: a click on its last line, then End. A click in its middle and End would stop
 * at the end of whichever line the paragraph happened to wrap onto there.
 */
export async function caretAtEndOf(page: Page, selector: string): Promise<void> {
  const point = await page.$eval(selector, (element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lines = range.getClientRects();
    const last = lines[lines.length - 1];
    return last ? { x: last.right - 1, y: last.top + last.height / 2 } : null;
  });
  if (!point) throw new Error(`there is no text to click in ${selector}`);
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press('End');
}
