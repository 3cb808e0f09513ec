/**
 * A word selected with Shift+Arrow at a person's pace, on a busy laptop (CPU slowed four
 * times), is formatted whole by Ctrl+B and linked whole by Ctrl+K: the editor never writes an
 * older selection back while the person is still extending it.
 *
 * The module starts a few blocks short of a hundred and grows by two with every case, so the
 * cases also run while the editor starts drawing the module in chunks (a hundred blocks each,
 * `.te-chunk`), where paragraphs are no longer children of the editable area itself.
 *
 * `TANDEM_SELECTION_ROUNDS=50` repeats every case that many times in a row (the module grows to
 * about 500 blocks; some twenty minutes); the default, 2 rounds, keeps `npm test` short.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const editor = EDITOR;
const rounds = Number(process.env.TANDEM_SELECTION_ROUNDS ?? '2');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const moduleFile = () =>
  path.join(served.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');

/** Paragraphs added to the module before the cases: with its own 4 blocks, 94 in all. */
const earlierNotes = Array.from(
  { length: 90 },
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
async function humanPress(key: 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key, { delay: 15 });
    await sleep(45 + Math.random() * 50);
  }
}

async function withControl(key: 'b' | 'k'): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

/** Starts a new last paragraph with `word` typed in it, the caret after it. */
async function typeNewParagraph(word: string): Promise<void> {
  await page.click(`${editor} p`);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Try ${word} now`, { delay: 40 });
  await page.keyboard.press('End');
  await humanPress('ArrowLeft', ' now'.length);
}

/** Selects the word before the caret with Shift+ArrowLeft, or after it with Shift+ArrowRight. */
async function selectWord(word: string, direction: 'back' | 'forward'): Promise<void> {
  if (direction === 'forward') await humanPress('ArrowLeft', word.length);
  await page.keyboard.down('Shift');
  await humanPress(direction === 'back' ? 'ArrowLeft' : 'ArrowRight', word.length);
  await page.keyboard.up('Shift');
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
      await typeNewParagraph(word);
      await selectWord(word, direction);
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
      await typeNewParagraph(word);
      await selectWord(word, direction);
      await withControl('k');
      await page.waitForSelector('[data-testid="link-url"]');
      await page.click('[data-testid="link-url"]', { count: 3 });
      await page.keyboard.type('https://example.org/');
      await page.click('[data-testid="link-save"]');
      await expect.poll(() => partsOfParagraphWith(word, 'a'), { timeout: 10_000 }).toEqual([word]);
    },
  );
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
