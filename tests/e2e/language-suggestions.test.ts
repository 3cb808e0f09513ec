/**
 * Writing suggestions in the editor, end to end: the real `tandem serve` on a copy of the
 * language-suggestions fixture, the real UI in Chromium. A suggestion is underlined in place,
 * its popover says why, and Replace and Accept here change the file on disk.
 *
 * Set TANDEM_E2E_CPU_THROTTLE=4 to run it with the CPU slowed four times (CDP).
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { caretAtEndOf, EDITOR } from './support/open-course.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

const moduleFile = () =>
  path.join(served.root, 'planning-for-my-wellbeing/modules/01-what-keeps-me-well.md');

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: fixtureLibrary('language-suggestions') }),
    launchTestBrowser(),
  ]);
  page = await browser.browser.newPage();
  const throttle = Number(process.env.TANDEM_E2E_CPU_THROTTLE ?? '1');
  if (throttle > 1) {
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(30_000);
  await page.goto(served.url);
  await page.waitForSelector('h1 ::-p-text(Courses)');
});

// A failing step leaves a picture of the screen behind, to see what the trainer would have seen.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(tmpdir(), `tandem-language-${context.task.name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** Polls a file until `check` passes, so the test sees autosave land on disk. */
async function waitForFile(file: string, check: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 20_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await readFile(file, 'utf8').catch(() => '');
    if (check(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return text;
}

/** The underline on exactly `words`, once the check has drawn it. */
async function underline(words: string): Promise<void> {
  await page.waitForFunction(
    (text: string) =>
      [...document.querySelectorAll('[data-language-key]')].some((el) => el.textContent === text),
    {},
    words,
  );
}

async function clickUnderline(words: string): Promise<void> {
  await underline(words);
  const handle = await page.evaluateHandle(
    (text: string) =>
      [...document.querySelectorAll<HTMLElement>('[data-language-key]')].find(
        (el) => el.textContent === text,
      ),
    words,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no underline on "${words}"`);
  // The cast is safe: the handle came from querySelectorAll of HTML elements.
  await (element as Awaited<ReturnType<Page['$']>> & object).click();
  await page.waitForSelector('[data-testid="language-popover"]');
}

/** The shortcut shown in the badge, pressed in the text; waits for the popover. */
async function openByKeyboard(): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('Period');
  await page.keyboard.up('Control');
  await page.waitForSelector('[data-testid="language-popover"]');
}

/** The text of the focused element, to follow focus as a keyboard user would. */
async function focused(): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

describe('writing suggestions in the editor', () => {
  it('counts them per course in the library', async () => {
    const count = await page.waitForSelector(
      '[data-course="planning-for-my-wellbeing"] [data-testid="suggestion-count"]',
    );
    expect(await count?.evaluate((el) => el.textContent)).toBe('2 writing suggestions');
    expect(
      await page.$('[data-course="understanding-anxiety"] [data-testid="suggestion-count"]'),
    ).toBeNull();
    await page.goto(`${served.origin}/#/course/planning-for-my-wellbeing/modules`);
    await page.waitForSelector('[data-testid="module-editor-content"]');
  });

  it('underlines a suggestion, shows the badge, and quoted text is left alone', async () => {
    await underline('suffer from');
    const badge = await page.$eval('[data-testid="language-badge"]', (el) => el.textContent);
    expect(badge).toMatch(/2 writing suggestions/);
    const underlined = await page.$$eval('[data-language-key]', (els) =>
      els.map((el) => el.textContent),
    );
    // "non-compliant" is in a block quote and "Patients" is accepted by a marker.
    expect(underlined).toEqual(['suffer from', 'kicking off']);
  });

  it('opens from the keyboard, keeps Tab inside, and Escape goes back to the words', async () => {
    const hint = await page.$eval('[data-testid="language-shortcut-hint"]', (el) => el.textContent);
    expect(hint).toContain('Ctrl+.');
    // Keyboard only: into the text, to its very start, then the shortcut.
    await page.focus('[data-testid="module-editor-content"]');
    await page.keyboard.down('Control');
    await page.keyboard.press('Home');
    await page.keyboard.up('Control');
    await openByKeyboard();
    // Nothing at the start of the text, so the next suggestion opens, with focus on its first button.
    expect(await focused()).toBe('Replace with “lives with”');
    const popover = await page.$eval('[data-testid="language-popover"]', (el) => el.textContent);
    expect(popover).toContain('“suffer from”');
    const names = await page.$$eval('[data-testid="language-popover"] button', (buttons) =>
      buttons.map((button) => button.textContent),
    );
    expect(names.length).toBeGreaterThanOrEqual(3);
    const visited = [await focused()];
    for (let i = 0; i < names.length; i += 1) {
      await page.keyboard.press('Tab');
      visited.push(await focused());
    }
    // Round every button and back to the first, never out into the page.
    expect(visited).toEqual([...names, names[0]]);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused()).toBe('Close');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="language-popover"]'));
    const back = await page.evaluate(() => {
      const selection = document.getSelection();
      const editor = document.querySelector('[data-testid="module-editor-content"]');
      const node = selection?.anchorNode;
      const paragraph = node?.parentElement?.closest('[data-slate-node="element"]');
      // The words from the caret to the end of its paragraph.
      const after = document.createRange();
      if (node && paragraph) {
        after.setStart(node, selection.anchorOffset);
        after.setEnd(paragraph, paragraph.childNodes.length);
      }
      return {
        inEditor: document.activeElement === editor,
        collapsed: selection?.isCollapsed ?? false,
        after: after.toString(),
      };
    });
    // The caret sits at the start of the words the suggestion is about, ready to edit them.
    expect(back).toEqual({
      inEditor: true,
      collapsed: true,
      after: expect.stringMatching(/^suffer from/),
    });
    // Again from there: the suggestion under the caret opens.
    await openByKeyboard();
    expect(await focused()).toBe('Replace with “lives with”');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="language-popover"]'));
    expect(await readFile(moduleFile(), 'utf8')).toContain('who suffer from low mood');
  });

  it('says why in a popover, and Replace fixes the text on disk', async () => {
    await clickUnderline('suffer from');
    const popover = await page.$eval('[data-testid="language-popover"]', (el) => el.textContent);
    expect(popover).toContain('It defines a life by pain');
    await page.click('[data-testid="language-replace"] ::-p-text(lives with)');
    const text = await waitForFile(moduleFile(), (t) => t.includes('who lives with low mood'));
    expect(text).toContain('Some people who lives with low mood find a plan helps.');
    expect(text).not.toContain('suffer from');
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[data-language-key]')].some(
          (el) => el.textContent === 'suffer from',
        ),
    );
  });

  it('Accept here writes the marker, and the words are not underlined again', async () => {
    await clickUnderline('kicking off');
    await page.click('[data-testid="language-accept"]');
    const text = await waitForFile(moduleFile(), (t) => t.includes('<!-- accept: kicking off -->'));
    expect(text).toContain('kicking off about the room. <!-- accept: kicking off -->');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="language-badge"]')
          ?.textContent?.includes('No writing suggestions') === true,
    );
  });

  it('draws an answer that comes back mid-typing only once typing pauses', async () => {
    // In the page: when each typed key began to change the text (moving the caret is not an
    // edit), and how long after the last one "suffer from" was first underlined.
    await page.evaluate(() => {
      const state = { lastKey: 0, gapAtDraw: -1 };
      (window as unknown as { drawState: typeof state }).drawState = state;
      document.addEventListener('beforeinput', () => (state.lastKey = performance.now()), true);
      new MutationObserver(() => {
        const drawn = [...document.querySelectorAll('[data-language-key]')].some(
          (el) => el.textContent === 'suffer from',
        );
        if (drawn && state.gapAtDraw < 0) state.gapAtDraw = performance.now() - state.lastKey;
      }).observe(document.body, { subtree: true, childList: true });
    });
    // A slow back end (as on a long module): the answer comes back while typing has resumed.
    const isCheck = (url: string) => url.endsWith('/api/checkLanguage');
    const slowCheck = (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (!isCheck(request.url())) return void request.continue();
      setTimeout(() => void request.continue().catch(() => undefined), 300);
    };
    await page.setRequestInterception(true);
    page.on('request', slowCheck);
    await caretAtEndOf(page, `${EDITOR} p`);
    const checked = page.waitForResponse((response) =>
      response.url().endsWith('/api/checkLanguage'),
    );
    await page.keyboard.type(' Some of us suffer from worry.', { delay: 20 });
    // Typing pauses, so the first paragraph is checked; meanwhile typing goes on in the next.
    await page.waitForRequest((request) => request.url().endsWith('/api/checkLanguage'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    let answered = false;
    void checked.then(() => (answered = true));
    for (let typed = 0; !answered || typed < 10; typed += 1) {
      await page.keyboard.type(typed % 2 === 0 ? 'a' : 'b', { delay: 0 });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await page.waitForFunction(
      () => (window as unknown as { drawState: { gapAtDraw: number } }).drawState.gapAtDraw >= 0,
    );
    const gap = await page.evaluate(
      () => (window as unknown as { drawState: { gapAtDraw: number } }).drawState.gapAtDraw,
    );
    page.off('request', slowCheck);
    await page.setRequestInterception(false);
    // Drawn only after typing had paused for the check's delay (400 ms), never between keys.
    expect(gap).toBeGreaterThanOrEqual(390);
  });
});
