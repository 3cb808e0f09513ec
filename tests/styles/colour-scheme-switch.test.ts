/**
 * A new colour scheme reaches every element at once, also for a person who asked for reduced
 * motion: the app's and the site's reduced-motion rules must not turn the switch into a
 * transition on every element (which left text in the old scheme's colour, unreadable on the
 * new background, until a later frame).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';

let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchTestBrowser();
  page = await browser.browser.newPage();
});

afterAll(() => browser?.close());

const STYLESHEETS = [
  ['the app', 'renderer/styles/base.css'],
  ['the student site', 'templates/site/site.css'],
];

it.each(STYLESHEETS)(
  '%s: text takes the new scheme’s colour as the scheme changes',
  async (_, file) => {
    const css = await readFile(file, 'utf8');
    await page.setContent(
      `<!doctype html><html lang="en"><head><style>${css}</style></head>` +
        '<body><main><h1>Courses</h1><p>Plain text</p><strong>A name</strong></main></body></html>',
    );
    /** The text colours the page has now, with what :root says the text colour is. */
    const colours = () =>
      page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--text');
        document.body.append(probe);
        const expected = getComputedStyle(probe).color;
        probe.remove();
        const seen = ['body', 'h1', 'p', 'strong'].map(
          (tag) => `${tag}: ${getComputedStyle(document.querySelector(tag)!).color}`,
        );
        return { expected, seen };
      });
    for (const motion of ['reduce', 'no-preference']) {
      for (const scheme of ['dark', 'light', 'dark', 'light']) {
        await page.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: scheme },
          { name: 'prefers-reduced-motion', value: motion },
        ]);
        const { expected, seen } = await colours();
        expect(seen, `${scheme}, motion ${motion}`).toEqual(
          ['body', 'h1', 'p', 'strong'].map((tag) => `${tag}: ${expected}`),
        );
      }
    }
  },
);
