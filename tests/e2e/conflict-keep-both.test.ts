/**
 * A co-author saves the module while the trainer is still typing in it: "Keep both" keeps the
 * trainer's new paragraph and the co-author's change, and the editor shows the result.
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
const editor = EDITOR;
const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

it('keeps both the paragraph typed here and the co-author’s change on disk', async () => {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('My own new paragraph.');
  // The co-author saves before this page's autosave pause is over.
  const before = await readFile(moduleFile(), 'utf8');
  await writeFile(
    moduleFile(),
    before.replace('Remind everyone that sharing is optional.', 'Sharing is always optional.'),
  );
  await page.waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)');
  await page.locator('dialog[open] ::-p-text(Keep both)').click();
  await page.waitForSelector('dialog[open]', { hidden: true });

  const expected = [
    "Anxiety is our body's way of getting ready to face a threat. It is a normal part of being human.",
    '',
    'My own new paragraph.',
    '',
    '![A calm lake at sunrise](../images/calm-lake.svg)',
  ].join('\n');
  await expect.poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 }).toContain(expected);
  const text = await readFile(moduleFile(), 'utf8');
  expect(text).toContain('Set up the room before students arrive. Sharing is always optional.');
  expect(text).not.toContain('Your version');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );
  const shown = await page.$eval(editor, (e) => e.textContent ?? '');
  expect(shown).toContain('My own new paragraph.');
  expect(shown).toContain('Sharing is always optional.');
});

it('keeps the co-author’s new title as well as the text typed here', async () => {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.type(' Said calmly.');
  const before = await readFile(moduleFile(), 'utf8');
  await writeFile(moduleFile(), before.replace(/^title: .*$/m, 'title: What anxiety is'));
  await page.waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)');
  await page.locator('dialog[open] ::-p-text(Keep both)').click();
  await page.waitForSelector('dialog[open]', { hidden: true });
  await expect
    .poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 })
    .toMatch(/^title: What anxiety is$[\s\S]*Said calmly\./m);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );
  // Nothing was set aside: the one title change merged.
  const recovered = path.join(served.root, '.tandem/recovered');
  const kept = await readdir(recovered).catch(() => [] as string[]);
  expect(kept).toEqual([]);
});
