/**
 * An administrator edits the college's front pages in the app: types in the welcome page
 * (saved to disk exactly), adds a page with its id, moves it up the order, removes it and
 * brings it back with Undo. Real `tandem serve`, real Chromium with the CPU slowed, real files.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EDITOR, caretAtEndOf, openApp, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const read = (file: string) => readFile(path.join(served.root, file), 'utf8');
const pages = () => readdir(path.join(served.root, 'pages'));

beforeAll(async () => {
  open = await openApp('#/pages', { waitFor: `${EDITOR} p` });
  ({ served, page } = open);
});

afterAll(() => open?.close());

async function press(role: string, name: string): Promise<void> {
  await page.locator(`::-p-aria([name="${name}"][role="${role}"])`).click();
}

const waitSaved = () => page.waitForSelector('[data-testid="save-status"] ::-p-text(Saved)');

it('opens the welcome page first and saves what is typed, exactly', async () => {
  expect(await page.$eval('#page-pane-title', (e) => e.textContent)).toBe('Page: Welcome');
  const before = await read('pages/welcome.md');
  await caretAtEndOf(page, `${EDITOR} p:last-of-type`);
  await page.keyboard.type(' Come as you are.');
  await expect
    .poll(() => read('pages/welcome.md'), { timeout: 15_000 })
    .toBe(before.replace('professional training.\n', 'professional training. Come as you are.\n'));
  await waitSaved();
});

it('adds a page with an id checked as it is typed', async () => {
  await page.type('#new-page-title', 'What to expect');
  expect(await page.$eval('#new-page-id', (e) => (e as HTMLInputElement).value)).toBe(
    'what-to-expect',
  );
  await page.type('#new-page-id', '_');
  await page.waitForSelector('#new-page-id-hint ::-p-text(lower-case words joined by hyphens)');
  await page.keyboard.press('Backspace');
  await press('button', 'Add page');
  await page.waitForSelector('#page-pane-title ::-p-text(Page: What to expect)');
  expect(await read('pages/what-to-expect.md')).toBe(
    '---\ntitle: What to expect\norder: 3\n---\n\n',
  );
});

it('moves the new page up, rewriting only the order lines', async () => {
  const enrol = await read('pages/how-to-enrol.md');
  const welcome = await read('pages/welcome.md');
  await press('button', 'Move “What to expect” up');
  // The list shows the new order once every file is written.
  await page.waitForFunction(
    () => document.querySelectorAll('.module-row__title')[1]?.textContent === 'What to expect',
  );
  expect(await read('pages/what-to-expect.md')).toBe(
    '---\ntitle: What to expect\norder: 2\n---\n\n',
  );
  expect(await read('pages/how-to-enrol.md')).toBe(enrol.replace('order: 2', 'order: 3'));
  expect(await read('pages/welcome.md')).toBe(welcome);
  const titles = await page.$$eval('.module-row__title', (rows) => rows.map((r) => r.textContent));
  expect(titles).toEqual(['Welcome', 'What to expect', 'How to enrol']);
});

it('removes the page and brings it back with Undo', async () => {
  const content = await read('pages/what-to-expect.md');
  await press('button', 'Delete “What to expect”');
  await page.waitForSelector('.toast ::-p-text(Undo)');
  expect(await pages()).not.toContain('what-to-expect.md');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#page-pane-title ::-p-text(Page: What to expect)');
  expect(await read('pages/what-to-expect.md')).toBe(content);
  const titles = await page.$$eval('.module-row__title', (rows) => rows.map((r) => r.textContent));
  expect(titles).toEqual(['Welcome', 'What to expect', 'How to enrol']);
});
