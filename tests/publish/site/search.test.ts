/**
 * Site search in real Chromium, with no server behind it: a word that appears only in one
 * session of one course finds that course, from file:// and from a web server under a
 * sub-path; facilitator notes are never found; the count is announced; keyboard only.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { studentText } from '../../../main/publish/site/search-index.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { serveStatic, type StaticServer } from '../../support/static-server.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../../support/temp-library.js';

// Made-up words, so nothing else in the sample college can match them.
const SESSION_WORD = 'quokkaberry';
const NOTE_WORD = 'platypusnote';

let library: TempLibrary;
let siteDir: string;
let chromium: TestBrowser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  library = await copyLibrary(sampleLibrary);
  const module = path.join(library.root, 'managing-stress/modules/02-ways-to-manage-stress.md');
  await appendFile(
    module,
    `\nSome people like to bake a ${SESSION_WORD} pie.\n\n:::facilitator\nAsk about the ${NOTE_WORD}.\n:::\n`,
  );
  siteDir = await buildSiteOnly(library.root, path.join(library.root, '..', 'out'));
  chromium = await launchTestBrowser();
  server = await serveStatic(siteDir, '/prospectus/spring-2027/');
  page = await chromium.browser.newPage();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  await chromium?.close();
  await library?.dispose();
});

/** The announced count and the result titles, once the results for `query` are shown. */
async function results(query: string) {
  await page.waitForFunction(
    (q) => document.getElementById('search-status')?.textContent?.includes(q),
    {},
    query,
  );
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    live: document.getElementById('search-status')?.getAttribute('role'),
    items: [...document.querySelectorAll('#search-results li')].map((li) => ({
      title: li.querySelector('a')?.textContent,
      href: (li.querySelector('a') as HTMLAnchorElement | null)?.href,
      meta: li.querySelector('.search-result__meta')?.textContent,
      snippet: li.querySelector('.search-result__snippet')?.textContent,
    })),
  }));
}

describe('studentText', () => {
  it.each([
    ['Plain **bold** text', 'Plain bold text'],
    [':::facilitator\nSecret timing\n:::\n\nFor students', 'For students'],
    [':::activity[Try it]\nWrite a list\n:::', 'Activity: Try it Write a list'],
    ['![A calm lake](images/lake.svg)', 'A calm lake'],
    ['| Day | Plan |\n| --- | --- |\n| Monday | Walk |', 'Day Plan Monday Walk'],
    ['# Heading\n\n- one\n- two', 'Heading one two'],
  ])('%j → %j', (markdown, text) => {
    expect(studentText(markdown)).toBe(text);
  });
});

describe('the search index', () => {
  it('holds the session word and never a facilitator note', async () => {
    const index = await readFile(path.join(siteDir, 'assets/search-index.js'), 'utf8');
    expect(index).toContain(SESSION_WORD);
    expect(index).not.toContain(NOTE_WORD);
    expect(index).not.toMatch(/Timings:/);
  });
});

describe.each([
  ['from file://', () => pathToFileURL(path.join(siteDir, 'search.html')).href],
  ['from a web server under a sub-path', () => `${server.url}search.html`],
])('search %s', (_label, searchUrl) => {
  it('finds a course by a word only in one of its sessions, with title, category, date and snippet', async () => {
    await page.goto(`${searchUrl()}?q=${SESSION_WORD}`);
    const found = await results(SESSION_WORD);
    expect(found.status).toBe(`1 course found for “${SESSION_WORD}”`);
    expect(found.live).toBe('status');
    expect(found.items).toEqual([
      {
        title: 'Managing stress',
        href: expect.stringMatching(/courses\/managing-stress\/index\.html$/),
        meta: 'Developing life skills · Starts Thursday 14 January 2027',
        snippet: expect.stringContaining('Find out what stress is'),
      },
    ]);
    // The result link works under the sub-path too.
    await Promise.all([page.waitForNavigation(), page.click('#search-results a')]);
    expect(await page.title()).toMatch(/^Managing stress/);
  });

  it('never finds words of facilitator notes', async () => {
    await page.goto(`${searchUrl()}?q=${NOTE_WORD}`);
    expect((await results(NOTE_WORD)).items).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('searches from the home page and keeps the words in the URL', async () => {
    await page.goto(`${server.url}index.html`);
    // Tab from the top of the page until the search field has focus.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'home-search-q')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('home-search-q');
    await page.keyboard.type('anxiety');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/prospectus/spring-2027/search.html');
    const found = await results('anxiety');
    expect(found.items.map((i) => i.title)).toContain('Understanding anxiety');

    // Typing a new search on the results page updates the list and the URL.
    await page.focus('#search-q');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('money');
    await page.keyboard.press('Enter');
    const again = await results('money');
    expect(again.items.map((i) => i.title)).toContain('Managing money and wellbeing');
    expect(new URL(page.url()).searchParams.get('q')).toBe('money');
  });
});
