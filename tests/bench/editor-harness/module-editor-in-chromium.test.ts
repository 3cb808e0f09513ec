/**
 * The module editor in real Chromium: typing, shortcuts, toolbar, dialogs and paste, checked
 * against the Markdown the editor reports through onChange (what the app saves to disk).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { bundleHarness, sampleImages } from '../bench-editor.js';
import { SAMPLE_MODULE } from './generate-module.js';

let dir: string;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  dir = await bundleHarness();
  browser = await launchTestBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.setViewport({ width: 1100, height: 1400 });
  const images = await sampleImages();
  await page.evaluateOnNewDocument((imgs) => {
    (window as unknown as { harnessImages: Record<string, string> }).harnessImages = imgs;
  }, images);
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href + '?doc=sample');
  await page.waitForSelector('[data-testid="module-editor-content"] p');
});

const saved = () =>
  page.evaluate(() => (window as unknown as { harness: { markdown: string } }).harness.markdown);

/** Lets Slate pick up a selection made with the mouse or keyboard (it reads it on a delay). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Clicks at the end of the first block whose text contains `text`. */
async function clickAtEndOf(text: string): Promise<void> {
  const box = await page.evaluate((t) => {
    const blocks = [...document.querySelectorAll('[data-slate-node="element"]')];
    const block = blocks.find(
      (el) => el.textContent?.includes(t) && !el.querySelector('[data-slate-node="element"]'),
    );
    block?.scrollIntoView({ block: 'center' });
    const rect = block?.getBoundingClientRect();
    return rect ? { x: rect.right - 2, y: rect.bottom - 8 } : undefined;
  }, text);
  if (!box) throw new Error(`No block containing "${text}"`);
  await page.mouse.click(box.x, box.y);
  await page.keyboard.press('End');
  await settle();
}

async function shortcut(key: KeyInput): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

describe('module editor in Chromium', () => {
  test('typing and deleting the same text gives back the exact file', async () => {
    await clickAtEndOf('Welcome back');
    await page.keyboard.type(' More');
    await expect.poll(saved, { timeout: 5000 }).toContain('you can always *pass*. More\n');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Backspace');
    await expect.poll(saved, { timeout: 5000 }).toBe(SAMPLE_MODULE);
  });

  test('Ctrl+B makes the selected word bold and changes nothing else', async () => {
    await clickAtEndOf('Breaking them down');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    await settle();
    await page.keyboard.press('ArrowLeft'); // collapse to before "us:"
    await settle();
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.up('Shift');
    await settle();
    await shortcut('b');
    await expect
      .poll(saved, { timeout: 5000 })
      .toBe(SAMPLE_MODULE.replace('gives us:', 'gives **us**:'));
  });

  test('Markdown shortcuts make headings and lists; Enter twice leaves the list', async () => {
    await clickAtEndOf('Ask your personal tutor');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## Next time');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Bring a pen');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Rest well');
    await expect
      .poll(saved, { timeout: 5000 })
      .toBe(`${SAMPLE_MODULE}\n## Next time\n\n- Bring a pen\n- Rest well\n`);
  });

  test('the Facilitator note button wraps the paragraph as a :::facilitator block', async () => {
    await clickAtEndOf('When mood is low');
    await page.click('[data-testid="toolbar-facilitator-note"]');
    const note = 'When mood is low, big tasks can feel impossible. Breaking them down gives us:';
    await expect
      .poll(saved, { timeout: 5000 })
      .toBe(SAMPLE_MODULE.replace(note, `:::facilitator\n${note}\n:::`));
    expect(
      await page.$eval('[data-testid="toolbar-facilitator-note"]', (b) =>
        b.getAttribute('aria-pressed'),
      ),
    ).toBe('true');
  });

  test('Ctrl+K adds a link to the selection', async () => {
    await clickAtEndOf('Ask your personal tutor');
    // Slate syncs the caret from a click on a delay; selecting before then races that sync.
    await settle();
    await page.keyboard.down('Shift');
    for (let i = 0; i < 'learning plan.'.length; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    await settle();
    await shortcut('k');
    await page.waitForSelector('[data-testid="link-url"]');
    await page.click('[data-testid="link-url"]', { count: 3 });
    await page.keyboard.type('https://example.org/plans');
    await page.click('[data-testid="link-save"]');
    await expect
      .poll(saved, { timeout: 5000 })
      .toContain(
        '2. Ask your personal tutor about a [learning plan.](https://example.org/plans)\n',
      );
  });

  test('an image needs a description before it is inserted', async () => {
    await clickAtEndOf('Ask your personal tutor');
    await page.click('[data-testid="toolbar-image"]');
    await page.waitForSelector('[data-testid="image-dialog"]');
    await page.click('[data-testid="image-insert"]');
    expect(await page.$('[data-testid="image-dialog"]')).not.toBeNull();
    await page.type('[data-testid="image-alt"]', 'A calm lake at sunrise');
    await page.click('[data-testid="image-insert"]');
    expect(await page.$('[data-testid="image-dialog"]')).toBeNull();
    await expect
      .poll(saved, { timeout: 5000 })
      .toContain('\n\n![A calm lake at sunrise](../images/calm-lake.svg)\n');
  });

  test('pasting from a word processor keeps structure and drops styling', async () => {
    await clickAtEndOf('Ask your personal tutor');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await settle();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-1">' +
          '<p class=MsoNormal style="margin:0"><span style="font-weight:700;color:red">Pasted</span>' +
          ' <span style="font-style:italic">words</span> and <a href="https://www.nhs.uk/">a link</a><o:p></o:p></p>' +
          '<!-- comment --><ul><li>one</li><li>two</li></ul><h1>Big title</h1></b>',
      );
      data.setData('text/plain', 'Pasted words and a link');
      document.querySelector('[data-testid="module-editor-content"]')?.dispatchEvent(
        new InputEvent('beforeinput', {
          inputType: 'insertFromPaste',
          dataTransfer: data,
          bubbles: true,
          cancelable: true,
        }),
      );
    });
    await expect
      .poll(saved, { timeout: 5000 })
      .toBe(
        `${SAMPLE_MODULE}\n**Pasted** *words* and [a link](https://www.nhs.uk/)\n\n- one\n- two\n\n## Big title\n`,
      );
  });

  test('Tab nests a list item and undo restores the file', async () => {
    await clickAtEndOf('a sense of achievement');
    await page.keyboard.press('Tab');
    await expect
      .poll(saved, { timeout: 5000 })
      .toContain('- a clear place to start\n  - a sense of achievement, however small\n');
    await shortcut('z');
    await expect.poll(saved, { timeout: 5000 }).toBe(SAMPLE_MODULE);
  });
});

/** The harness as tests see it. */
interface Harness {
  reported: string;
  reports: number;
  unmount(): void;
  holdTimers(): void;
  releaseTimers(): void;
}

/** Types `text` at the end of the first paragraph while timers and frames are held back. */
async function typeHeld(text: string): Promise<number> {
  await clickAtEndOf('Welcome back');
  const before = await page.evaluate(() => {
    const h = (window as unknown as { harness: Harness }).harness;
    h.holdTimers();
    return h.reports;
  });
  await page.keyboard.type(text);
  return before;
}

describe('module editor reporting Markdown', () => {
  test('typing is reported before the page hears of the blur', async () => {
    await typeHeld(' Now');
    const seenOnBlur = await page.evaluate(() => {
      const h = (window as unknown as { harness: Harness }).harness;
      let seen = '';
      document.addEventListener('focusout', () => (seen = h.reported), { once: true });
      (document.activeElement as HTMLElement | null)?.blur();
      h.releaseTimers();
      return seen;
    });
    expect(seenOnBlur).toContain('you can always *pass*. Now\n');
  });

  test('typing is reported before the editor unmounts', async () => {
    await typeHeld(' Bye');
    const reported = await page.evaluate(() => {
      const h = (window as unknown as { harness: Harness }).harness;
      h.unmount();
      h.releaseTimers();
      return h.reported;
    });
    expect(reported).toContain('you can always *pass*. Bye\n');
  });

  test("React's selection walk is skipped; the area stays editable", async () => {
    const area = await page.$eval('[data-testid="module-editor-content"]', (el) => ({
      property: (el as HTMLElement).contentEditable,
      attribute: el.getAttribute('contenteditable'),
      editable: (el as HTMLElement).isContentEditable,
    }));
    expect(area).toEqual({ property: 'inherit', attribute: 'true', editable: true });
  });
});
