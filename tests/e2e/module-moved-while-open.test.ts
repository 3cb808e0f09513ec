/**
 * A co-author moves the module a trainer is typing in (on the shared drive its file is renamed
 * and the next module takes its number), and the trainer goes to another course before putting
 * it back: the text just typed is kept under Recovered text, and never offered as the other
 * module's unsaved text. CPU slowed four times, as on a busy laptop.
 */
import { readFile, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const modulesDir = () => path.join(served.root, 'understanding-anxiety/modules');
const TYPED = 'Words typed before the move.';

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

/** Every text kept under Recovered text. */
async function recoveredTexts(): Promise<string> {
  const store = path.join(served.root, '.tandem', 'recovered');
  const files = await readdir(store).catch(() => [] as string[]);
  return (await Promise.all(files.map((f) => readFile(path.join(store, f), 'utf8')))).join('\n');
}

it('keeps the typed text under Recovered text when the trainer leaves the moved module', async () => {
  await caretAtEndOf(page, `${EDITOR} p`);
  await page.keyboard.type(` ${TYPED}`);
  // The co-author's move: the two modules swap numbers.
  const dir = modulesDir();
  await rename(path.join(dir, '01-what-is-anxiety.md'), path.join(dir, 'swap.tmp'));
  await rename(
    path.join(dir, '02-ways-to-feel-calmer.md'),
    path.join(dir, '01-ways-to-feel-calmer.md'),
  );
  await rename(path.join(dir, 'swap.tmp'), path.join(dir, '02-what-is-anxiety.md'));
  await page.waitForSelector('[data-testid="module-missing"]');
  expect(await page.$eval(EDITOR, (e) => e.textContent)).toContain(TYPED);

  // Straight to another course (the address changed, as by the Back button), then back.
  await page.evaluate(() => (location.hash = '#/course/planning-for-my-wellbeing/modules'));
  await page.waitForSelector(`${EDITOR} p`);
  await expect.poll(recoveredTexts, { timeout: 15_000 }).toContain(TYPED);
  // Said where it can be seen, with the way to the text, and kept with the true reason.
  await page.waitForSelector(
    '::-p-text(Your unsaved changes to the module “What is anxiety?” could not be saved there)',
  );
  expect(await page.$('::-p-text(Open Recovered text)')).not.toBeNull();
  expect(await recoveredTexts()).toContain('could not be saved as you moved on');
  await page.evaluate(() => (location.hash = '#/course/understanding-anxiety/modules'));
  await page.waitForSelector(`${EDITOR} p`);

  // Not in either module's file, nor waiting in the page's journal as another file's text.
  for (const file of await readdir(dir))
    expect(await readFile(path.join(dir, file), 'utf8')).not.toContain(TYPED);
  const journal = await page.evaluate(() =>
    Object.entries(localStorage).filter(([key]) => key.startsWith('tandem.unsaved.v1')),
  );
  expect(journal.filter(([, entry]) => entry.includes(TYPED))).toEqual([]);
});
