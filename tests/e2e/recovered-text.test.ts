/**
 * Whichever side of a conflict a trainer chooses, the other is kept under "Recovered text",
 * where it can be read, copied and deleted; unsaved text they discard is kept there too.
 * CPU slowed four times, as on a busy laptop.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
const storeDir = () => path.join(served.root, '.tandem', 'recovered');
const storeFiles = () => readdir(storeDir()).catch(() => [] as string[]);

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

/** Types a paragraph and has the co-author save another change before it is saved. */
async function conflictWith(mine: string, theirs: string): Promise<void> {
  await caretAtEndOf(page, `${EDITOR} p`);
  await page.keyboard.press('Enter');
  await page.keyboard.type(mine);
  const before = await readFile(moduleFile(), 'utf8');
  await writeFile(moduleFile(), `${before}\n${theirs}\n`);
  await page.waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)');
}

const waitForSaved = () =>
  page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );

async function openRecoveredScreen(): Promise<void> {
  await page.locator('nav[aria-label="Main"] ::-p-text(Recovered text)').click();
  await page.waitForSelector('h1::-p-text(Recovered text)');
}

it('keeps the version on disk when the trainer keeps theirs, and shows it', async () => {
  await conflictWith('Mine, kept.', 'The co-author’s paragraph, replaced.');
  await page.locator('dialog[open] button::-p-text(Keep my version)').click();
  await page.waitForSelector('dialog[open]', { hidden: true });
  await expect
    .poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 })
    .toContain('Mine, kept.');
  expect(await readFile(moduleFile(), 'utf8')).not.toContain('replaced.');
  await waitForSaved();

  const [file] = await storeFiles();
  expect(await readFile(path.join(storeDir(), file ?? ''), 'utf8')).toContain(
    'The co-author’s paragraph, replaced.',
  );
  await openRecoveredScreen();
  const item = await page.waitForSelector('[data-testid="recovered-item"]');
  expect(await item?.evaluate((e) => e.textContent)).toContain(
    'From the module “What is anxiety?”',
  );
  expect(await item?.evaluate((e) => e.textContent)).toContain(
    'The version that was on disk, kept when you chose yours',
  );
  await page.locator('[data-testid="recovered-item"] button::-p-text(View)').click();
  const shown = await page.waitForSelector('[data-testid="recovered-text"]');
  expect(await shown?.evaluate((e) => e.textContent)).toContain(
    'The co-author’s paragraph, replaced.',
  );
});

it('deletes a recovered text only after a second, clear choice', async () => {
  await page.locator('[data-testid="recovered-item"] button::-p-text(Delete)').click();
  expect(await storeFiles()).toHaveLength(1);
  await page.locator('[data-testid="recovered-item"] button::-p-text(Keep it)').click();
  await page.locator('[data-testid="recovered-item"] button::-p-text(Delete)').click();
  await page.locator('button::-p-text(Yes, delete it for good)').click();
  await page.waitForSelector('::-p-text(There is no recovered text.)');
  expect(await storeFiles()).toEqual([]);
});

it('keeps the trainer’s own text when they use the version on disk', async () => {
  await page.goto(`${served.origin}/#/course/understanding-anxiety/modules`);
  await page.waitForSelector(`${EDITOR} p`);
  await conflictWith('Mine, set aside.', 'The co-author’s paragraph, chosen.');
  await page.locator('dialog[open] button::-p-text(Use the version on disk)').click();
  await page.waitForSelector('dialog[open]', { hidden: true });
  await page.waitForFunction(
    (editor) => document.querySelector(editor)?.textContent?.includes('paragraph, chosen.'),
    {},
    EDITOR,
  );
  expect(await page.$eval(EDITOR, (e) => e.textContent)).not.toContain('Mine, set aside.');
  expect(await readFile(moduleFile(), 'utf8')).not.toContain('Mine, set aside.');

  await expect.poll(storeFiles, { timeout: 10_000 }).toHaveLength(1);
  const [file] = await storeFiles();
  const kept = await readFile(path.join(storeDir(), file ?? ''), 'utf8');
  expect(kept).toContain('reason: Your version, kept when you chose the version on disk');
  expect(kept).toContain('title: What is anxiety?');
  expect(kept).toContain('Mine, set aside.');
  await openRecoveredScreen();
  await page.locator('[data-testid="recovered-item"] button::-p-text(View)').click();
  const shown = await page.waitForSelector('[data-testid="recovered-text"]');
  expect(await shown?.evaluate((e) => e.textContent)).toContain('Mine, set aside.');
});
