/**
 * The live preview beside the course editor: the student page of the session being written
 * changes after a save, without the app reloading; drafts are marked; the frame runs no
 * script. CPU slowed four times, as on a busy laptop.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';

let open: OpenCourse;
let page: Page;

beforeAll(async () => {
  open = await openCourseModules();
  ({ page } = open);
});

afterAll(() => open?.close());

const FRAME = '[data-testid="preview-frame"]';

/** Waits until the preview shows site page `sitePath` with `text` in its main content. */
async function previewShows(sitePath: string, text: string): Promise<void> {
  await page.waitForFunction(
    (selector, wantedPath, wanted) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector);
      const main = frame?.contentDocument?.querySelector('main');
      return frame?.dataset.path === wantedPath && Boolean(main?.textContent?.includes(wanted));
    },
    { timeout: 20_000 },
    FRAME,
    sitePath,
    text,
  );
}

/** Runs `query` in the preview frame, where `document` is the page shown (found afresh: each update replaces it). */
async function inPreview<T>(query: () => T): Promise<Awaited<T>> {
  const frame = await (await page.$(FRAME))?.contentFrame();
  if (!frame) throw new Error('the preview has no frame');
  return frame.evaluate(query);
}

const modulePage = 'courses/understanding-anxiety/what-is-anxiety.html';

it('shows the session’s student page, marked as a draft, in a frame that runs no script', async () => {
  await page.locator('::-p-aria([name="Preview the student page"][role="button"])').click();
  await previewShows(modulePage, 'What is anxiety?');
  expect(await page.$eval(FRAME, (e) => e.getAttribute('sandbox'))).toBe('allow-same-origin');
  // The site's own draft banner, and the app's note beside it.
  expect(await inPreview(() => document.querySelector('.draft-banner')?.textContent)).toContain(
    'Draft',
  );
  await page.waitForSelector('[data-testid="preview-draft"]');
  expect(await inPreview(() => document.querySelectorAll('script').length)).toBe(0);
  const policy = await inPreview(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
  );
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toContain('script-src');
  // The site's stylesheet is inside the page, so the preview looks like the site.
  expect(
    await inPreview(() => getComputedStyle(document.querySelector('.site-header')!).display),
  ).not.toBe('inline');
});

it('changes after a save, without reloading the app', async () => {
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await caretAtEndOf(page, `${EDITOR} p`);
  await page.keyboard.type(' A sentence for the preview.');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );
  await previewShows(modulePage, 'A sentence for the preview.');
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
});

it('shows the course page, the home page and the timetable', async () => {
  const select = '.site-preview select';
  await page.select(select, 'course');
  await previewShows('courses/understanding-anxiety/index.html', 'Ways to feel calmer');
  await page.select(select, 'home');
  await previewShows('index.html', 'Understanding anxiety');
  expect(await inPreview(() => document.querySelectorAll('.tag--draft').length)).toBeGreaterThan(0);
  await page.select(select, 'timetable');
  await previewShows('timetable.html', 'Understanding anxiety');
  // A link in the preview does not take the frame away from the preview.
  await page.$eval(FRAME, (frame) =>
    (frame as HTMLIFrameElement).contentDocument
      ?.querySelector<HTMLElement>('.site-nav a')
      ?.click(),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await inPreview(() => document.URL)).toBe('about:srcdoc');
});
