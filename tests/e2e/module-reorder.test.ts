/**
 * Moving modules up and down at a person's pace, while a co-author's sync tool renames files
 * in the same folder: `tandem serve` stays up and no two modules ever share a number.
 */
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const courseId = 'understanding-anxiety';
const modulesDir = () => path.join(served.root, courseId, 'modules');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

/** Renames module files away and back, as a file-sync tool does while it updates them. */
async function coAuthorSync(until: () => boolean): Promise<void> {
  while (!until()) {
    const files = (await readdir(modulesDir())).filter((f) => /^\d\d-.*\.md$/.test(f));
    const file = files[Math.floor(Math.random() * files.length)];
    if (file) {
      const from = path.join(modulesDir(), file);
      const aside = path.join(modulesDir(), `.${file}.sync`);
      if (
        await rename(from, aside).then(
          () => true,
          () => false,
        )
      ) {
        await sleep(Math.random() * 20);
        await rename(aside, from).catch(() => undefined);
      }
    }
    await sleep(Math.random() * 150);
  }
}

it('moves modules with Alt+Up and Move down while files change; the server stays up', async () => {
  let done = false;
  const sync = coAuthorSync(() => done);
  try {
    for (let round = 0; round < 12 && served.running(); round++) {
      // The sync may take the open module away for a moment; a person waits for it, and
      // clicking it gives it the keyboard focus for Alt+Up.
      const focused = await page
        .locator('.module-row--selected .module-row__open')
        .setTimeout(3000)
        .click()
        .then(
          () => true,
          () => false,
        );
      if (!focused) continue;
      await page.keyboard.down('Alt');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.up('Alt');
      await sleep(200 + Math.random() * 800);
      // The button may be re-drawn or disabled while a move is under way; a person then
      // simply presses again next round.
      await page
        .locator('.module-row--selected button[aria-label$="down"]:not([disabled])')
        .setTimeout(2000)
        .click()
        .catch(() => undefined);
      await sleep(200 + Math.random() * 800);
    }
  } finally {
    done = true;
    await sync;
  }
  expect(served.running(), served.output()).toBe(true);
  expect(served.output()).not.toMatch(/ENOENT|Unhandled|uncaught/i);
  const numbers = (await readdir(modulesDir()))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, 2));
  expect(new Set(numbers).size).toBe(numbers.length);
  // The page still talks to the server: the list reloads from disk.
  await page.reload();
  await page.waitForSelector('.module-row--selected');
});
