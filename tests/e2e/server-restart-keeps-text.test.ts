/**
 * `tandem serve` stops while a trainer is typing (a crash, a closed terminal) and is started
 * again on the same library: the open page carries on at the same address (Retry saves), and
 * a reloaded page offers back the text that was never saved. CPU slowed four times.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import { throttleCpu } from './support/cpu-throttle.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
const saveStatus = () =>
  page.$eval('[data-testid="save-status"]', (element) => element.textContent ?? '');

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
  // Leaving a page with unsaved text asks first; the trainer says yes.
  page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(() => open?.close());

/** Types at the end of the first paragraph and stops the server before the text is saved. */
async function typeThenCrash(words: string): Promise<void> {
  await caretAtEndOf(page, `${EDITOR} p`);
  await page.keyboard.type(words);
  await served.crash();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Not saved'),
    { timeout: 20_000 },
  );
  expect(await readFile(moduleFile(), 'utf8')).not.toContain(words);
}

/** Reloads while the server is down (the browser shows its error page), then once it is back. */
async function reloadAcrossRestart(): Promise<void> {
  await page.reload().catch(() => undefined);
  await served.startAgain();
  await page.goto(`${served.origin}/#/course/understanding-anxiety/modules`);
  await throttleCpu(page);
}

const waitForSaved = () =>
  page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );

it('answers the open page at the same address after a restart, so Retry saves', async () => {
  await typeThenCrash(' Typed as the server stopped.');
  expect(await saveStatus()).toContain('not running');

  const again = new URL(await served.startAgain());
  expect(again.origin).toBe(served.origin);
  expect(again.searchParams.get('token')).toBe(served.token);

  await page.locator('[data-testid="save-status"] ::-p-text(Retry)').click();
  await waitForSaved();
  expect(await readFile(moduleFile(), 'utf8')).toContain(
    'part of being human. Typed as the server stopped.',
  );
});

it('offers the unsaved text back after a restart and a reload, and saves it', async () => {
  await typeThenCrash(' Then this, before a reload.');
  await reloadAcrossRestart();

  const message = await page.waitForSelector('[data-testid="recovered-draft-message"]');
  expect(await message?.evaluate((e) => e.textContent)).toMatch(
    /^You have unsaved text from \d{1,2} \w+ \d{4} at \d\d:\d\d in the module “What is anxiety\?”\.$/,
  );
  await page.locator('dialog button::-p-text(Restore it)').click();
  await expect
    .poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 })
    .toContain('. Then this, before a reload.');
  await waitForSaved();
  expect(await page.$eval(EDITOR, (e) => e.textContent)).toContain('Then this, before a reload.');

  // Saved now: a further reload has nothing to offer.
  await page.reload();
  await page.waitForSelector(`${EDITOR} p`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await page.$('[data-testid="recovered-draft-message"]')).toBeNull();
});

it('shows both versions when the file was changed on disk while the text waited', async () => {
  await typeThenCrash(' Mine, from before the restart.');
  const onDisk = await readFile(moduleFile(), 'utf8');
  await writeFile(moduleFile(), `${onDisk}\nA co-author's new paragraph.\n`);
  await reloadAcrossRestart();

  await page.waitForSelector('[data-testid="recovered-draft-message"]');
  await page.locator('dialog button::-p-text(Restore it)').click();
  await page.waitForSelector('[data-testid="conflict-mine"]');
  await page.locator('dialog button::-p-text(Keep both)').click();
  await expect
    .poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 })
    .toContain('Mine, from before the restart.');
  const saved = await readFile(moduleFile(), 'utf8');
  expect(saved).toContain("A co-author's new paragraph.");
});

it('keeps discarded unsaved text under Recovered text, and leaves the file as it was', async () => {
  const onDisk = await readFile(moduleFile(), 'utf8');
  await typeThenCrash(' Words I decide against.');
  await reloadAcrossRestart();
  await page.waitForSelector('[data-testid="recovered-draft-message"]');
  await page.locator('dialog button::-p-text(Discard)').click();
  await page.waitForSelector('[data-testid="recovered-draft-message"]', { hidden: true });

  const store = path.join(served.root, '.tandem', 'recovered');
  await expect.poll(() => readdir(store).catch(() => []), { timeout: 10_000 }).not.toEqual([]);
  const kept = await Promise.all(
    (await readdir(store)).map((name) => readFile(path.join(store, name), 'utf8')),
  );
  expect(kept.filter((text) => text.includes('Words I decide against.'))).toHaveLength(1);
  expect(kept.join('')).toContain('reason: Unsaved text, kept when you chose to discard it');
  expect(await readFile(moduleFile(), 'utf8')).toBe(onDisk);
  expect(await page.$eval(EDITOR, (e) => e.textContent)).not.toContain('Words I decide against.');
});
