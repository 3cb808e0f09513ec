/**
 * Pasting from Word and Google Docs into a module gives real nested lists, bulleted and
 * numbered as in the original, and Markdown people can read (no `&#x20;`, no `10\:00`).
 * The clipboard HTML is what those programs put there (tests/fixtures/paste/).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../support/temp-library.js';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const editor = EDITOR;
const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');

beforeAll(async () => {
  open = await openCourseModules({ throttle: false });
  ({ served, page } = open);
});

afterAll(() => open?.close());

/** Puts the caret on a new line after the first paragraph and pastes `html` there. */
async function pasteAfterFirstParagraph(html: string, plain: string): Promise<void> {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.press('Enter');
  // Slate reads the caret on a delay after a click.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await page.$eval(
    editor,
    (root, h, p) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', p);
      // What Chromium sends the editor for Ctrl+V (Slate reads paste from beforeinput).
      root.dispatchEvent(
        new InputEvent('beforeinput', {
          inputType: 'insertFromPaste',
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
        }),
      );
    },
    html,
    plain,
  );
}

const fixture = (name: string) =>
  readFile(path.join(repoRoot, 'tests/fixtures/paste', name), 'utf8');

it('turns Word’s list paragraphs into nested bulleted and numbered lists', async () => {
  await pasteAfterFirstParagraph(await fixture('word-nested-lists.html'), 'Before the session');
  const expected = [
    '**Before the session:** check the room.',
    '',
    '- Chairs in a circle',
    '  - with space for wheelchairs',
    '- Water and tissues',
    '',
    'Then, in order:',
    '',
    '1. Welcome everyone',
    '   1. Trainers introduce themselves',
    '2. Agree how we will work together',
    '',
  ].join('\n');
  await expect.poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 }).toContain(expected);
});

it('keeps Google Docs’ nested list nested, and bold without &#x20;', async () => {
  await pasteAfterFirstParagraph(await fixture('google-docs-nested-list.html'), 'Things');
  const expected = [
    'Things that help:',
    '',
    '- Sleep',
    '  - a regular bedtime',
    '  - **less** screen time',
    '- Time outdoors',
    '',
  ].join('\n');
  await expect.poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 }).toContain(expected);
});

it('saves a typed time as written', async () => {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.type(' We start at 10:00.');
  await expect
    .poll(() => readFile(moduleFile(), 'utf8'), { timeout: 15_000 })
    .toContain('part of being human. We start at 10:00.\n');
  expect(await readFile(moduleFile(), 'utf8')).not.toMatch(/&#x20;|\\:/);
});
