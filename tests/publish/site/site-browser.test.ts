/**
 * The student site in real Chromium, the way a reader meets it: 320 CSS px wide (a phone at
 * 200% zoom) without sideways scrolling, the skip link and visible focus for keyboard users,
 * calmer motion when asked for, and a course page that prints as a one- or two-page handout.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSiteOnly } from '../../support/build-site.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../../support/temp-library.js';
import { readTree } from './site-files.js';

let temp: TempLibrary;
let siteDir: string;
let courses: string[];
let chromium: TestBrowser;
let page: Page;

const url = (file: string) => pathToFileURL(path.join(siteDir, file)).href;

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  temp = await copyLibrary(sampleLibrary);
  siteDir = await buildSiteOnly(temp.root, path.join(temp.root, '..', 'out'));
  courses = [...(await readTree(siteDir)).keys()].filter((f) =>
    /^courses\/[^/]+\/index\.html$/.test(f),
  );
  chromium = await launchTestBrowser();
  page = await chromium.browser.newPage();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await chromium?.close();
  await temp?.dispose();
});

describe('at 320 CSS px wide (200% zoom on a small screen)', () => {
  it.each([
    'index.html',
    'courses/index.html',
    'courses/managing-stress/index.html',
    'courses/managing-stress/what-is-stress.html',
    'timetable.html',
    'venues.html',
    'search.html?q=stress',
    'pages/how-to-enrol.html',
  ])('%s needs no sideways scrolling', async (file) => {
    await page.setViewport({ width: 320, height: 640 });
    await page.goto(url(file).replace('%3F', '?'));
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
});

describe('keyboard', () => {
  it('reaches the skip link first; it shows, and moves focus to the main content', async () => {
    await page.setViewport({ width: 1200, height: 800 });
    await page.goto(url('courses/managing-stress/index.html'));
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, top: box.top, height: box.height, left: box.left };
    });
    expect(skip.text).toBe('Skip to main content');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.height).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
  });

  it('shows where focus is on links, fields and buttons', async () => {
    await page.goto(url('search.html'));
    const look = (selector: string) =>
      page.$eval(selector, (el) => {
        const s = getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.backgroundColor} ${s.boxShadow}`;
      });
    for (const selector of ['.site-nav a', '#search-q', '#search-form button']) {
      const before = await look(selector);
      // Focus from the keyboard, so :focus-visible applies.
      await page.focus('body');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      while (!(await page.$eval(selector, (el) => el === document.activeElement)))
        await page.keyboard.press('Tab');
      expect(await look(selector), selector).not.toBe(before);
    }
  });
});

describe('motion', () => {
  it('scrolls smoothly only when the reader has not asked for less motion', async () => {
    const behaviour = async (value: 'reduce' | 'no-preference') => {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value }]);
      await page.goto(url('index.html'));
      return page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    };
    expect(await behaviour('reduce')).toBe('auto');
    expect(await behaviour('no-preference')).toBe('smooth');
  });
});

describe('printing a course page', () => {
  it('gives one or two A4 pages with the dates and venue, without the site navigation', async () => {
    expect(courses.length).toBeGreaterThan(10);
    for (const file of courses) {
      await page.goto(url(file));
      await page.emulateMediaType('print');
      const printed = await page.evaluate(() => {
        const shown = (sel: string) =>
          [...document.querySelectorAll(sel)].some((el) => (el as HTMLElement).offsetParent);
        return {
          nav: shown('.site-nav'),
          calendarLink: shown('.run__calendar'),
          dates: document.querySelector('.course__side')?.textContent ?? '',
        };
      });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      await page.emulateMediaType(undefined);
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      expect(pages, file).toBeLessThanOrEqual(2);
      expect(printed.nav, file).toBe(false);
      expect(printed.calendarLink, file).toBe(false);
      expect(printed.dates, file).toMatch(/Dates this term/);
    }
  });
});
