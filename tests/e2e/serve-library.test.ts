/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End to end in browser mode: the real `tandem serve` on a temp copy of a library, opened in
 * headless Chromium. The page gets its `window.tandem` from the HTTP transport, exactly as the
 * UI does, and the UI shows the library's courses.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [served, browser] = await Promise.all([serveLibrary(), launchTestBrowser()]);
  page = await browser.browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('tandem serve in a browser', () => {
  it('opens the printed address, keeps the token in a cookie and drops it from the URL', async () => {
    const response = await page.goto(served.url, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${served.origin}/`);
    const cookies = await page.browserContext().cookies();
    const cookie = cookies.find((c) => c.name.startsWith('tandem_token_'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    // The page's scripts cannot read the token.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('gives the page a window.tandem that reads the library', async () => {
    await page.waitForFunction(() => typeof window.tandem?.getLibrary === 'function');
    const overview = await page.evaluate(() => window.tandem.getLibrary());
    expect(overview.collegeName.length).toBeGreaterThan(0);
    expect(overview.courses.map((c) => c.id).sort()).toEqual([
      'planning-for-my-wellbeing',
      'understanding-anxiety',
    ]);
  });

  it('shows the course titles in the UI', async () => {
    const overview = await page.evaluate(() => window.tandem.getLibrary());
    for (const course of overview.courses) {
      await page.waitForFunction(
        (title: string) => document.body.innerText.includes(title),
        { timeout: 15_000 },
        course.title,
      );
    }
  });

  it('refuses a save over a file someone else changed, and keeps both versions', async () => {
    const courseId = 'understanding-anxiety';
    const module = await page.evaluate(async (id: string) => {
      const course = await window.tandem.readCourse(id);
      const first = course.modules[0];
      if (!first) throw new Error('no module');
      return window.tandem.readModule(id, first.file);
    }, courseId);
    const file = path.join(served.root, courseId, 'modules', module.file);
    const outside = (await readFile(file, 'utf8')).replace(
      /\n*$/,
      '\n\nAdded on the shared drive.\n',
    );
    await writeFile(file, outside);

    const result = await page.evaluate(
      (id: string, m: typeof module) =>
        window.tandem.saveModule({
          courseId: id,
          file: m.file,
          title: m.title,
          body: 'My edit in the browser.\n',
          baseVersion: m.version,
        }),
      courseId,
      module,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflict.theirs).toBe(outside);
    expect(result.conflict.theirsBody).toContain('Added on the shared drive.');
    expect(await readFile(file, 'utf8')).toBe(outside);

    // Saving again on top of their version lands.
    const retry = await page.evaluate(
      (id: string, m: typeof module, version: string) =>
        window.tandem.saveModule({
          courseId: id,
          file: m.file,
          title: m.title,
          body: 'My edit in the browser.\n',
          baseVersion: version,
        }),
      courseId,
      module,
      result.conflict.version,
    );
    expect(retry.ok).toBe(true);
    expect(await readFile(file, 'utf8')).toContain('My edit in the browser.');
  });

  it('reports a change made on disk by someone else as an event', async () => {
    await page.evaluate(() => {
      const seen: string[][] = [];
      (window as unknown as { seen: string[][] }).seen = seen; // cast: test-only global
      window.tandem.onEvent((event) => {
        if (event.type === 'library-changed') seen.push(event.files);
      });
    });
    // The event stream connects in the background; until it has, a change may go unseen, so
    // the co-trainer keeps adding notes until the page hears about one.
    const file = path.join(served.root, 'planning-for-my-wellbeing', 'course.md');
    let files: string[] = [];
    for (let attempt = 0; attempt < 20 && files.length === 0; attempt++) {
      await writeFile(file, `${await readFile(file, 'utf8')}\nA note from a co-trainer.\n`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      files = await page.evaluate(() => (window as unknown as { seen: string[][] }).seen.flat()); // cast: test-only global
    }
    expect(files).toContain('planning-for-my-wellbeing/course.md');
  });

  it('refuses a request without the token, and one for another host name', async () => {
    const noToken = await fetch(`${served.origin}/`);
    expect(noToken.status).toBe(403);
    const api = await fetch(`${served.origin}/api/getLibrary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem-api': '1', origin: served.origin },
      body: '[]',
    });
    expect(api.status).toBe(403);
  });
});
