/**
 * A word selected with Shift+Arrow at a person's pace, on a busy laptop (CPU slowed four
 * times), is formatted whole by Ctrl+B and linked whole by Ctrl+K: the editor never writes an
 * older selection back while the person is still extending it.
 *
 * The module starts one block short of a hundred and grows by two with every case, so the
 * cases run once the editor draws the module in chunks (a hundred blocks each, `.te-chunk`),
 * where paragraphs are no longer children of the editable area itself.
 *
 * `TANDEM_SELECTION_ROUNDS=50` runs every case 50 times in a row (the module grows to 500
 * blocks; about half an hour on two cores). The default, one round, keeps `npm test` short.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { throttleCpu } from './support/cpu-throttle.js';
import { EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const editor = EDITOR;
const rounds = Number(process.env.TANDEM_SELECTION_ROUNDS ?? '1');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');

/** Paragraphs added to the module before the cases: with its own 4 blocks, 99 in all. */
const earlierNotes = Array.from(
  { length: 95 },
  (_, i) => `Notes from session ${i + 1}: what helped, in the group's own words.`,
);
const lastNote = earlierNotes[earlierNotes.length - 1] ?? '';

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
  const before = await readFile(moduleFile(), 'utf8');
  await writeFile(moduleFile(), `${before}\n${earlierNotes.join('\n\n')}\n`);
  await page.waitForFunction(
    (root, last) => document.querySelector(root)?.textContent?.includes(last),
    {},
    editor,
    lastNote,
  );
});

afterAll(() => open?.close());

/** Presses keys one at a time, about as fast as a quick typist (one every 60–110 ms). */
async function humanPress(on: Page, key: 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await on.keyboard.press(key, { delay: 15 });
    await sleep(45 + Math.random() * 50);
  }
}

async function withControl(key: 'b' | 'k'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

/** In the editable area `root` of `on`: starts a new last paragraph with `word` typed in it. */
async function typeNewParagraph(on: Page, root: string, word: string): Promise<void> {
  await on.click(`${root} p`);
  await on.keyboard.down('Control');
  await on.keyboard.press('End');
  await on.keyboard.up('Control');
  await on.keyboard.press('Enter');
  await on.keyboard.press('Enter');
  await on.keyboard.type(`Try ${word} now`, { delay: 40 });
  await on.keyboard.press('End');
  await humanPress(on, 'ArrowLeft', ' now'.length);
}

/**
 * Selects the word just typed with Shift+ArrowLeft from its end, or with Shift+ArrowRight from
 * its start; resolves with the text the page then shows selected.
 */
async function selectWord(on: Page, word: string, direction: 'back' | 'forward'): Promise<string> {
  if (direction === 'forward') await humanPress(on, 'ArrowLeft', word.length);
  await on.keyboard.down('Shift');
  await humanPress(on, direction === 'back' ? 'ArrowLeft' : 'ArrowRight', word.length);
  await on.keyboard.up('Shift');
  return on.evaluate(() => document.getSelection()?.toString() ?? '');
}

/**
 * The text of the elements matching `selector` in the paragraph where `word` was typed, at any
 * depth: a long module's paragraphs sit inside chunks.
 */
const partsOfParagraphWith = (word: string, selector: string) =>
  page.$eval(
    editor,
    (root, w, s) => {
      const paragraph = [...root.querySelectorAll('p')].find(
        (p) => p.textContent === `Try ${w} now`,
      );
      return [...(paragraph?.querySelectorAll(s) ?? [])].map((e) => e.textContent);
    },
    word,
    selector,
  );

/** Letters that make each round's word unique: a, b, … z, ab, bb, … */
const tag = (round: number): string =>
  String.fromCharCode(97 + (round % 26)) + (round >= 26 ? tag(Math.floor(round / 26)) : '');

const cases = Array.from({ length: rounds }, (_, round) => [
  { round, direction: 'back' as const },
  { round, direction: 'forward' as const },
]).flat();

describe('a selection made with Shift+Arrow holds at 4× CPU slowdown', () => {
  it.each(cases)(
    'Ctrl+B bolds the whole word ($direction, round $round)',
    async ({ direction, round }) => {
      const word = `steadily${direction}${tag(round)}`;
      await typeNewParagraph(page, editor, word);
      expect(await selectWord(page, word, direction)).toBe(word);
      await withControl('b');
      await expect
        .poll(() => partsOfParagraphWith(word, 'strong'), { timeout: 10_000 })
        .toEqual([word]);
    },
  );

  it.each(cases)(
    'Ctrl+K links the whole word ($direction, round $round)',
    async ({ direction, round }) => {
      const word = `breathing${direction}${tag(round)}`;
      await typeNewParagraph(page, editor, word);
      expect(await selectWord(page, word, direction)).toBe(word);
      await withControl('k');
      await page.waitForSelector('[data-testid="link-url"]');
      await page.click('[data-testid="link-url"]', { count: 3 });
      await page.keyboard.type('https://example.org/');
      await page.click('[data-testid="link-save"]');
      await expect.poll(() => partsOfParagraphWith(word, 'a'), { timeout: 10_000 }).toEqual([word]);
    },
  );
});

/**
 * The same keys at the same pace in a plain contenteditable, with no script, on the same slowed
 * CPU: what the browser alone selects, so a short selection in the editor is the editor's doing.
 */
describe('the same keys in a plain contenteditable select the whole word', () => {
  let plain: Page;
  beforeAll(async () => {
    plain = await open.browser.browser.newPage();
    await plain.setContent('<div id="plain" contenteditable="true"><p>Notes.</p></div>');
    await throttleCpu(plain);
  });
  afterAll(() => plain?.close());

  it.each(cases)('$direction, round $round', async ({ direction, round }) => {
    const word = `plainly${direction}${tag(round)}`;
    await typeNewParagraph(plain, '#plain', word);
    expect(await selectWord(plain, word, direction)).toBe(word);
  });
});

it('saved the formatting of every case to the module file', async () => {
  const expected = cases.flatMap(({ round, direction }) => [
    `Try **steadily${direction}${tag(round)}** now`,
    `Try [breathing${direction}${tag(round)}](https://example.org/) now`,
  ]);
  const missing = async () => {
    const saved = await readFile(moduleFile(), 'utf8');
    return expected.filter((line) => !saved.includes(line));
  };
  await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
});
