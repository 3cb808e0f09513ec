/**
 * A trainer moves or renames the open module and goes straight on typing, before the move has
 * finished on a slow computer and drive: what they type is saved in the module's file under its new name,
 * never dropped with the old name (the draft follows its file).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { caretAtEndOf, EDITOR, openCourseModules, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const courseId = 'understanding-anxiety';
const modulesDir = () => path.join(served.root, courseId, 'modules');

beforeAll(async () => {
  open = await openCourseModules();
  ({ served, page } = open);
  // A slow shared drive: each request takes a while, so the trainer is back in the text while
  // the move is still under way.
  await page.emulateNetworkConditions({ download: -1, upload: -1, latency: 700 });
});

afterAll(() => open?.close());

/** Types `word` at the end of the open module's first paragraph. */
async function typeInEditor(word: string): Promise<void> {
  await caretAtEndOf(page, `${EDITOR} p`);
  await page.keyboard.type(` ${word}`, { delay: 20 });
}

/**
 * The module file whose name ends in `slug`, once it holds `word` (the autosave has landed),
 * with every change on the page saved.
 */
async function savedModule(slug: string, word: string): Promise<{ name: string; text: string }> {
  const until = Date.now() + 15_000;
  for (;;) {
    const name = (await readdir(modulesDir())).find((f) => f.endsWith(`-${slug}.md`));
    const text = name ? await readFile(path.join(modulesDir(), name), 'utf8') : '';
    if (name && (text.includes(word) || Date.now() > until)) {
      await page.waitForSelector('[data-testid="save-status"] ::-p-text(Saved)');
      return { name, text };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('keeps what is typed while the open module moves with Alt+Up or Alt+Down', async () => {
  await page.click('.module-row__open ::-p-text(Ways to feel calmer)');
  await page.waitForSelector(`${EDITOR} p ::-p-text(calm the body)`);
  for (const [round, key] of (
    ['ArrowUp', 'ArrowDown', 'ArrowUp', 'ArrowDown'] as const
  ).entries()) {
    const word = `moving${round}word`;
    await page.focus('.module-row--selected .module-row__open');
    await page.keyboard.down('Alt');
    await page.keyboard.press(key);
    await page.keyboard.up('Alt');
    // Straight back to the text, while the files are still being renumbered.
    await typeInEditor(word);
    const { name, text } = await savedModule('ways-to-feel-calmer', word);
    expect(name).toBe(
      key === 'ArrowUp' ? '01-ways-to-feel-calmer.md' : '02-ways-to-feel-calmer.md',
    );
    expect(text).toContain(word);
    await page.waitForSelector(`.module-row--selected ::-p-text(Ways to feel calmer)`);
  }
});

it('keeps what is typed while the open module is renamed', async () => {
  await page.click('.module-row--selected button[aria-label^="Rename"]');
  const input = await page.waitForSelector('.module-row__rename input');
  await input?.click({ count: 3 });
  await page.keyboard.type('Feeling calmer', { delay: 10 });
  await page.keyboard.press('Enter');
  await typeInEditor('renaming0word');
  const { text } = await savedModule('feeling-calmer', 'renaming0word');
  expect(text).toContain('renaming0word');
  expect(text).toMatch(/^title: Feeling calmer$/m);
  const files = await readdir(modulesDir());
  expect(files.filter((f) => f.endsWith('.md')).sort()).toEqual([
    '01-what-is-anxiety.md',
    '02-feeling-calmer.md',
  ]);
});
