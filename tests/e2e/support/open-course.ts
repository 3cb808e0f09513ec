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
  return openApp(`#/course/${options.courseId ?? 'understanding-anxiety'}/modules`, {
    waitFor: `${EDITOR} p`,
    throttle: options.throttle,
  });
}

/**
 * `tandem serve` on a copy of the minimal library and Chromium at `hash` (e.g. `#/publish`),
 * once `waitFor` is on the page; the CPU slowed only when `throttle` says so.
 */
export async function openApp(
  hash: string,
  options: { waitFor?: string; throttle?: boolean } = {},
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
    await page.goto(`${served.origin}/${hash}`);
    if (options.waitFor) await page.waitForSelector(options.waitFor);
    if (options.throttle ?? true) await throttleCpu(page);
    return { served, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Puts the caret at the end of the first element matching `selector` (a paragraph). Placed in
 * the page's own selection rather than by End, which stops at the end of whichever line the
 * paragraph happens to wrap onto, and rather than by a click at measured coordinates, which a
 * late layout change (writing suggestions appearing) can move. The editor is focused from the
 * element found at that moment rather than clicked through a handle found earlier: a reload
 * from disk renders the editor afresh, and a handle to the old paragraph has no box to click.
 * Waits until Slate, which reads the page's selection on a throttled selectionchange, has kept
 * it.
 */
export async function caretAtEndOf(page: Page, selector: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.$eval(selector, (element) => {
      element.scrollIntoView({ block: 'nearest' });
      element.closest<HTMLElement>('[contenteditable="true"]')?.focus({ preventScroll: true });
      const text = lastText(element);
      document.getSelection()?.collapse(text, text.length);

      function lastText(root: Element): Text {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          // Slate's zero-width placeholders are not where a person's caret goes.
          acceptNode: (node) =>
            node.parentElement?.closest('[data-slate-zero-width]')
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        });
        let last: Text | null = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
        if (!last) throw new Error('there is no text to put the caret in');
        return last;
      }
    });
    // Longer than Slate's selectionchange throttle (100 ms), so a render that follows it
    // would already have written any other selection back.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const kept = await page.$eval(selector, (element) => {
      const selection = document.getSelection();
      const node = selection?.anchorNode;
      if (!selection?.isCollapsed || !node || !element.contains(node)) return false;
      const after = document.createRange();
      after.setStart(node, selection.anchorOffset);
      after.setEnd(element, element.childNodes.length);
      return after.toString().replace(/\uFEFF/g, '') === '';
    });
    if (kept) return;
  }
  throw new Error(`the caret would not stay at the end of ${selector}`);
}
