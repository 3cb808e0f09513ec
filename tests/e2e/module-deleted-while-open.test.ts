/**
 * A module deleted on disk while a trainer is typing in it (a co-author tidying the shared
 * drive) stays open with the text just typed, says what happened, and can be put back with
 * that text; closed instead, its unsaved text is kept under Recovered text. CPU slowed four
 * times, as on a busy laptop.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const editor = EDITOR;
const modulesDir = () => path.join(served.root, 'understanding-anxiety/modules');

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

it('keeps the typed text, says the module is gone, and puts it back with that text', async () => {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.type(' Words typed just now.');
  await rm(path.join(modulesDir(), '01-what-is-anxiety.md'));

  await page.waitForSelector('[data-testid="module-missing"]');
  const status = await page.$eval('[data-testid="save-status"]', (e) => e.textContent ?? '');
  expect(status).toContain('Not saved');
  expect(status).not.toContain('Saved');
  expect(await page.$eval(editor, (e) => e.textContent)).toContain('Words typed just now.');

  await page.locator('::-p-text(Put the module back with my text)').click();
  await page.waitForSelector('[data-testid="module-missing"]', { hidden: true });
  const files = await readdir(modulesDir());
  const back = files.find((f) => f.endsWith('-what-is-anxiety.md'));
  expect(back, files.join(', ')).toBeDefined();
  const text = await readFile(path.join(modulesDir(), back ?? ''), 'utf8');
  expect(text).toContain('title: What is anxiety?');
  expect(text).toContain('part of being human. Words typed just now.');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );
  // Still editing the same module, which saves as usual.
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.type(' And more.');
  await expect
    .poll(() => readFile(path.join(modulesDir(), back ?? ''), 'utf8'), { timeout: 15_000 })
    .toContain('Words typed just now. And more.');
});

it('keeps the unsaved text under Recovered text when the module is closed, not put back', async () => {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.type(' Typed before it was closed.');
  const files = await readdir(modulesDir());
  const open = files.find((f) => f.endsWith('-what-is-anxiety.md'));
  await rm(path.join(modulesDir(), open ?? ''));
  await page.waitForSelector('[data-testid="module-missing"]');
  expect(await page.$eval('[data-testid="save-status"]', (e) => e.textContent)).toContain(
    'Not saved',
  );

  await page.locator('::-p-text(Close it without putting it back)').click();
  await page.waitForSelector('[data-testid="module-missing"]', { hidden: true });
  expect((await readdir(modulesDir())).some((f) => f.endsWith('-what-is-anxiety.md'))).toBe(false);
  const store = path.join(served.root, '.tandem', 'recovered');
  const kept = await Promise.all(
    (await readdir(store)).map((f) => readFile(path.join(store, f), 'utf8')),
  );
  expect(kept.join('\n')).toContain('Typed before it was closed.');
});
