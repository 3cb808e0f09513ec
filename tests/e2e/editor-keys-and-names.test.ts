/**
 * Smaller editor behaviours in the real app, on a slowed CPU: Escape leaves a table (and the
 * hint says so), `> ` in a list item quotes only that item, one Undo takes back a Markdown
 * shortcut with its characters, the H2 button's name includes "H2", and two facilitator notes
 * are not two landmarks with the same name.
 */
import { readFile } from 'node:fs/promises';
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
const saved = () => readFile(moduleFile(), 'utf8');

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
});

afterAll(() => open?.close());

/** A new empty paragraph after the module's first one, with the caret in it. */
async function newLineAfterFirstParagraph(): Promise<void> {
  await caretAtEndOf(page, `${editor} p`);
  await page.keyboard.press('Enter');
  // Slate reads the caret on a delay after a click.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

async function withControl(key: 'z'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

it('leaves a table with Escape, as the hint says', async () => {
  await newLineAfterFirstParagraph();
  await page.click('[data-testid="toolbar-table"]');
  await page.waitForSelector('.te-toolbar__hint ::-p-text(Esc: leave the table)');
  await page.keyboard.type('Step');
  await page.keyboard.press('Escape');
  await page.keyboard.type('After the table.');
  await expect
    .poll(saved, { timeout: 15_000 })
    .toMatch(/\| Step \|[^\n]*\n(\|[^\n]*\n)+\nAfter the table\.\n/);
});

it('quotes only the list item where `> ` is typed', async () => {
  await newLineAfterFirstParagraph();
  await page.keyboard.type('- Breathe in');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Said by a student');
  await expect.poll(saved, { timeout: 15_000 }).toContain('- Breathe in\n- > Said by a student\n');
});

it('takes back a Markdown shortcut and its characters with one Undo', async () => {
  await newLineAfterFirstParagraph();
  await page.keyboard.type('Words', { delay: 60 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('#### ', { delay: 120 });
  await page.waitForSelector(`${editor} h4`);
  await withControl('z');
  await page.waitForSelector(`${editor} h4`, { hidden: true });
  await page.keyboard.type('Plain words');
  await expect.poll(saved, { timeout: 15_000 }).toContain('\n\nWords\n\nPlain words\n');
  expect(await saved()).not.toContain('####');
});

it('names heading buttons with their visible text', async () => {
  const names = await page.$$eval('[data-testid^="toolbar-heading"]', (buttons) =>
    buttons.map((b) => ({
      text: b.textContent?.trim() ?? '',
      name: b.getAttribute('aria-label') ?? '',
    })),
  );
  expect(names.length).toBe(3);
  for (const { text, name } of names) expect(name.startsWith(text)).toBe(true);
});

it('gives every landmark on the screen a name of its own, with two facilitator notes', async () => {
  await newLineAfterFirstParagraph();
  await page.keyboard.type('A second note for trainers.');
  await page.click('[data-testid="toolbar-facilitator-note"]');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="facilitator-note"]').length === 2,
  );
  const landmarks = await page.evaluate(() => {
    const selector =
      'main, nav, header, footer, aside, form[aria-label], section[aria-label], section[aria-labelledby], [role="region"], [role="complementary"], [role="navigation"], [role="banner"], [role="contentinfo"], [role="main"]';
    return [...document.querySelectorAll<HTMLElement>(selector)].map((el) => {
      const labelledBy = el.getAttribute('aria-labelledby');
      const name = labelledBy
        ? (document.getElementById(labelledBy)?.textContent ?? '')
        : (el.getAttribute('aria-label') ?? '');
      return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${name}`;
    });
  });
  expect(landmarks.filter((l, i) => landmarks.indexOf(l) !== i)).toEqual([]);
});
