/**
 * In browser mode, "Open the website" after publishing opens the site this build made, served
 * by the local server under /site/ with the same token; its pages cannot call the app's API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openApp, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;

beforeAll(async () => {
  // Full speed: this test is about where the website opens, not about timing.
  open = await openApp('#/publish', { waitFor: 'main h1', throttle: false });
  ({ served, page } = open);
});

afterAll(() => open?.close());

it('refuses the site route before anything is published, and without the token', async () => {
  const before = await page.evaluate(async () => (await fetch('/site/')).status);
  expect(before).toBe(404);
  const anonymous = await fetch(`${served.origin}/site/`);
  expect(anonymous.status).toBe(403);
});

it('opens the published website in a new tab, from the local server', async () => {
  await page.locator('::-p-text(The website only)').click();
  await page.locator('::-p-text(Draft: include every course)').click();
  await page.waitForSelector('.plan ::-p-text(will be included)');
  await page.locator('form button[type="submit"]').click();
  await page.waitForSelector('[data-testid="publish-result"] ::-p-text(Open the website)', {
    timeout: 60_000,
  });

  const opened = open.browser.browser.waitForTarget((t) =>
    t.url().startsWith(`${served.origin}/site/`),
  );
  await page.locator('[data-testid="publish-result"] button::-p-text(Open the website)').click();
  const site = await (await opened).page();
  if (!site) throw new Error('the website did not open in a page');
  await site.waitForSelector('h1');
  expect(await site.title()).toContain('Riverside Recovery College');
  // The course pages are there too, by their folder addresses.
  const link = await site.$eval(
    'a[href*="understanding-anxiety"]',
    (a) => (a as HTMLAnchorElement).href,
  );
  const course = await site.goto(link);
  expect(course?.status()).toBe(200);
  expect(await site.$eval('h1', (h) => h.textContent)).toContain('Understanding anxiety');

  // A site page may not make requests from scripts: no API calls.
  const apiCall = await site.evaluate(async () => {
    try {
      await fetch('/api/getLibrary', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tandem-api': '1' },
        body: '[]',
      });
      return 'answered';
    } catch {
      return 'blocked';
    }
  });
  expect(apiCall).toBe('blocked');
  expect(await page.$('[data-testid="publish-result"] .hint[role="status"]')).toBeNull();
});
