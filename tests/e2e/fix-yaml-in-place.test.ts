/**
 * An administrator meets a term file someone broke by hand: the planner says what is wrong in
 * plain words, at the line, and the administrator fixes that line in the app; the planner then
 * shows the term, and the file on disk is exactly as fixed. Real `tandem serve`, real Chromium.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { sampleLibrary } from '../support/temp-library.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';
import { openAppPage } from './support/app-page.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;
const TERM = 'terms/spring-2027.yml';

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: sampleLibrary }),
    launchTestBrowser(),
  ]);
  page = await openAppPage(browser.browser, served.url, 30_000);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(tmpdir(), `tandem-fix-yaml-${context.task.name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('a broken term file, fixed in the app', () => {
  it(
    'explains the line in plain words, and the fix typed there is saved exactly',
    { timeout: 300_000 },
    async () => {
      const termFile = path.join(served.root, TERM);
      const good = await readFile(termFile, 'utf8');
      const lines = good.split('\n');
      const at = lines.indexOf('  - course: understanding-anxiety');
      expect(at).toBeGreaterThan(0);
      lines[at] = '  course: understanding-anxiety';
      await writeFile(termFile, lines.join('\n'));

      await page.goto(`${served.url}#/term/spring-2027`);
      const explanation = await page.waitForSelector('.yaml-fixer__explanation', {
        timeout: 120_000,
      });
      expect(await explanation?.evaluate((el) => el.textContent)).toBe(
        `Line ${at + 1}: this list item needs a dash: write it as "- course: understanding-anxiety", like the items above it.`,
      );
      const marked = await page.$eval('.yaml-fixer__marked', (el) => el.textContent);
      expect(marked).toBe(String(at + 1));
      // The line to fix is already selected: typing replaces it.
      const selected = await page.$eval('.yaml-fixer__text', (el) => {
        const area = el as HTMLTextAreaElement; // the selector names a <textarea>
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      expect(selected).toBe('  course: understanding-anxiety');
      await page.keyboard.type('  - course: understanding-anxiety');
      await page.locator('::-p-aria([name="Save the fix"][role="button"])').click();

      await page.waitForSelector('.run-card', { timeout: 120_000 });
      expect(await page.$('.yaml-fixer')).toBeNull();
      expect(await readFile(termFile, 'utf8')).toBe(good);
    },
  );
});
