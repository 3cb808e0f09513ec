/**
 * In a long module, the "Saved" indicator stays in view beside the editor's toolbar while the
 * trainer writes at the end of it. CPU slowed four times, as on a busy laptop.
 */
import { readFile, writeFile } from 'node:fs/promises';
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

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

const inView = () =>
  page.evaluate(() => {
    const status = document.querySelector('[data-testid="save-status"]')?.getBoundingClientRect();
    const toolbar = document.querySelector('.te-toolbar')?.getBoundingClientRect();
    if (!status || !toolbar) return 'missing';
    const onScreen = status.top >= 0 && status.bottom <= window.innerHeight;
    const besideToolbar =
      status.top < toolbar.bottom &&
      status.bottom > toolbar.top &&
      status.right <= toolbar.right &&
      status.left >= toolbar.left;
    const overlaps = [...document.querySelectorAll('.te-toolbar button')].some((button) => {
      const b = button.getBoundingClientRect();
      return (
        b.left < status.right &&
        b.right > status.left &&
        b.top < status.bottom &&
        b.bottom > status.top
      );
    });
    const editor = document.querySelector('[data-testid="module-editor-content"]');
    const scrolled = (editor?.getBoundingClientRect().top ?? 0) < -500;
    return { onScreen, besideToolbar, overlaps, scrolled };
  });

it('keeps the indicator beside the toolbar at the end of a long module', async () => {
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `Paragraph ${i + 1} of a long session plan, with enough words to fill a line.`,
  );
  const before = await readFile(moduleFile(), 'utf8');
  await writeFile(moduleFile(), `${before}\n${paragraphs.join('\n\n')}\n`);
  await page.waitForFunction(
    (editor) => document.querySelector(editor)?.textContent?.includes('Paragraph 40 of'),
    {},
    EDITOR,
  );

  await caretAtEndOf(page, `${EDITOR} p:last-of-type`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.keyboard.type(' The last words.');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saving'),
  );
  expect(await inView()).toEqual({
    onScreen: true,
    besideToolbar: true,
    overlaps: false,
    scrolled: true,
  });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
  );
  expect(await inView()).toEqual({
    onScreen: true,
    besideToolbar: true,
    overlaps: false,
    scrolled: true,
  });

  // Back at the top, it sits in the course's header again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForSelector('.kept-in-view__content--pinned', { hidden: true });
});
