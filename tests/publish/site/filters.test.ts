/**
 * The course list's filters in real Chromium: each filter narrows the list to exactly the
 * courses the library says, choices combine, the URL round-trips, keyboard alone works, and
 * with JavaScript off the full list is there and the form is not.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import type { Library, Run } from '../../../main/library/types.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../../support/temp-library.js';

let temp: TempLibrary;
let library: Library;
let listUrl: string;
let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  temp = await copyLibrary(sampleLibrary);
  const siteDirBuilt = await buildSiteOnly(temp.root, path.join(temp.root, '..', 'out'));
  listUrl = pathToFileURL(path.join(siteDirBuilt, 'courses/index.html')).href;
  const loaded = await loadLibrary(temp.root);
  if (!loaded.library) throw new Error('sample library did not load');
  library = loaded.library;
  chromium = await launchTestBrowser();
  page = await chromium.browser.newPage();
  // "Starting soon" is measured from the reader's today; pin it to the week before term.
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { tandemToday: string }).tandemToday = '2027-01-05';
  });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await chromium?.close();
  await temp?.dispose();
});

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];

/** Titles of the courses with a run for which `test` holds, as the library says. */
function expected(test: (run: Run) => boolean, category?: string): string[] {
  const term = library.terms.find((t) => t.id === library.college.currentTerm);
  const ids = new Set(term?.runs.filter(test).map((r) => r.course));
  return library.courses
    .filter((c) => ids.has(c.id) && (!category || c.category === category))
    .map((c) => c.title)
    .sort();
}

const online = (run: Run) => library.college.venues.find((v) => v.id === run.venue)?.online;

/** Titles of the course cards shown, and the announced count. */
async function shown(): Promise<{ titles: string[]; status: string }> {
  return page.evaluate(() => ({
    titles: [...document.querySelectorAll('.card')]
      .filter((card) => (card as HTMLElement).offsetParent !== null)
      .map((card) => card.querySelector('.card__title')?.textContent?.trim() ?? '')
      .sort(),
    status: document.getElementById('filter-status')?.textContent ?? '',
  }));
}

describe('each filter, from the URL', () => {
  it.each([
    ['day=monday', () => expected((r) => r.sessions.some((s) => weekday(s.date) === 'monday'))],
    ['time=morning', () => expected((r) => r.sessions.some((s) => s.start < '12:00'))],
    ['time=evening', () => expected((r) => r.sessions.some((s) => s.start >= '17:00'))],
    ['venue=old-library', () => expected((r) => r.venue === 'old-library')],
    ['mode=online', () => expected((r) => Boolean(online(r)))],
    ['mode=in-person', () => expected((r) => !online(r))],
    ['category=life-skills', () => expected(() => true, 'life-skills')],
    [
      'soon=yes',
      () =>
        expected(
          (r) =>
            (r.sessions[0]?.date ?? '') >= '2027-01-05' &&
            (r.sessions[0]?.date ?? '') <= '2027-01-19',
        ),
    ],
    [
      'day=tuesday&mode=in-person',
      () => expected((r) => !online(r) && r.sessions.some((s) => weekday(s.date) === 'tuesday')),
    ],
  ])('%s narrows the list to the right courses', async (query, want) => {
    await page.goto(`${listUrl}?${query}`);
    const titles = want();
    expect(titles.length).toBeGreaterThan(0);
    const all = library.courses.length;
    expect(titles.length).toBeLessThan(all);
    const result = await shown();
    expect(result.titles).toEqual(titles);
    expect(result.status).toBe(`Showing ${titles.length} of ${all} courses.`);
  });

  it('says so when nothing matches, and ignores values it does not offer', async () => {
    await page.goto(`${listUrl}?mode=online&venue=old-library`);
    expect(await shown()).toEqual({
      titles: [],
      status: 'No courses match these choices. Try removing one.',
    });
    await page.goto(`${listUrl}?day=someday`);
    expect((await shown()).status).toBe(`Showing all ${library.courses.length} courses.`);
  });
});

describe('keyboard only', () => {
  it('chooses with the keyboard, keeps the choice in the URL, and the URL restores it', async () => {
    await page.goto(listUrl);
    await page.focus('#filter-mode');
    // A closed <select> changes with the arrow keys: "Either" → "In person" → "Online".
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => location.search === '?mode=online');
    const filtered = await shown();
    expect(filtered.titles).toEqual(expected((r) => Boolean(online(r))));

    await page.goto(page.url());
    expect(await page.$eval('#filter-mode', (s) => (s as HTMLSelectElement).value)).toBe('online');
    expect(await shown()).toEqual(filtered);

    // Tab to "Clear choices" and press it: the full list and a clean URL are back.
    await page.focus('#filter-soon');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Clear choices');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '');
    expect((await shown()).titles).toHaveLength(library.courses.length);
  });
});

describe('with JavaScript off', () => {
  it('lists every course and hides the form that would not work', async () => {
    const noScript = await chromium.browser.newPage();
    try {
      await noScript.setJavaScriptEnabled(false);
      await noScript.goto(`${listUrl}?mode=online`);
      const result = await noScript.evaluate(() => ({
        cards: [...document.querySelectorAll('.card')].filter(
          (c) => (c as HTMLElement).offsetParent !== null,
        ).length,
        formShown: (document.getElementById('course-filters') as HTMLElement).offsetParent !== null,
      }));
      expect(result).toEqual({ cards: library.courses.length, formShown: false });
    } finally {
      await noScript.close();
    }
  });
});
