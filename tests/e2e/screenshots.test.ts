/**
 * Pictures of the real app for the documentation: `tandem serve` on a copy of the sample
 * college, in Chromium at 1280×800. Each picture is checked to show the screen it claims to.
 * They are written to a temp folder; with TANDEM_UPDATE_SCREENSHOTS=1 they also replace
 * docs/images/app-library.png, app-editor.png, app-preview.png, app-signoff.png,
 * app-planner.png and app-rollover.png.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { repoRoot, sampleLibrary } from '../support/temp-library.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;
let outDir: string;

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: sampleLibrary }),
    launchTestBrowser(),
  ]);
  outDir = await mkdtemp(path.join(tmpdir(), 'tandem-screens-'));
  page = await browser.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(30_000);
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  await page.goto(served.url);
  await page.waitForSelector('.course-card');
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Takes the picture, checks it, and copies it into docs/images when asked to. */
async function capture(name: string): Promise<void> {
  // Nothing should be focused or hovered in a documentation picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // activeElement is an HTMLElement in this page
  await page.mouse.move(0, 0);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  expect(pngSize(await readFile(file))).toEqual({ width: 1280, height: 800 });
  if (process.env.TANDEM_UPDATE_SCREENSHOTS === '1') {
    await copyFile(file, path.join(repoRoot, 'docs', 'images', `${name}.png`));
  }
}

async function courseWithState(state: string): Promise<{ id: string; authors: string[] }> {
  const overview = await page.evaluate(() => window.tandem.getLibrary());
  const course = overview.courses.find((c) => c.status?.state === state) ?? overview.courses[0];
  if (!course) throw new Error('The sample library has no courses.');
  return { id: course.id, authors: course.authors };
}

describe('pictures of the app', () => {
  it('shows the library', async () => {
    const overview = await page.evaluate(() => window.tandem.getLibrary());
    expect(await page.$$eval('.course-card', (cards) => cards.length)).toBe(
      overview.courses.length,
    );
    await capture('app-library');
  });

  it('shows the course editor with a module open', async () => {
    const { id } = await courseWithState('ready');
    await page.goto(`${served.origin}/#/course/${id}/modules`);
    await page.waitForSelector('[data-testid="module-editor-content"] h2');
    await page.waitForSelector('[data-testid="save-status"] ::-p-text(Saved)');
    await capture('app-editor');
  });

  it('shows the live preview of a draft course’s session page beside the editor', async () => {
    const overview = await page.evaluate(() => window.tandem.getLibrary());
    const draft = overview.courses.find((c) => c.status && c.status.state !== 'ready');
    if (!draft) throw new Error('The sample library has no course awaiting sign-off.');
    await page.goto(`${served.origin}/#/course/${draft.id}/modules`);
    await page.waitForSelector('[data-testid="module-editor-content"] h2');
    await page.locator('::-p-aria([name="Preview the student page"][role="button"])').click();
    await page.waitForSelector('[data-testid="preview-draft"]');
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLIFrameElement>('[data-testid="preview-frame"]')
        ?.contentDocument?.querySelector('.draft-banner'),
    );
    await capture('app-preview');
    await page.locator('::-p-aria([name="Hide preview"][role="button"])').click();
  });

  it('shows the sign-off panel with what changed since a sign-off', async () => {
    const { id, authors } = await courseWithState('changed');
    const overview = await page.evaluate(() => window.tandem.getLibrary());
    // Use the app as the course's practitioner, so the picture shows a usable Sign off button.
    const author =
      overview.trainers.find((t) => authors.includes(t.id) && t.role === 'practitioner') ??
      overview.trainers.find((t) => authors.includes(t.id));
    if (!author) throw new Error(`Course ${id} has no authors in the trainers list.`);
    await page.goto(`${served.origin}/#/profile`);
    await page.waitForSelector('#profile-trainer');
    await page.select('#profile-trainer', author.id);
    await page.locator('::-p-aria([name="This is me"][role="button"])').click();
    await page.locator('::-p-aria([name="Create my signing key"][role="button"])').click();
    await page.waitForSelector('.key-result');
    await page.goto(`${served.origin}/#/course/${id}/signoff`);
    await page.waitForSelector('.signoff__state');
    const show = await page.$('.signoff-author__diff button');
    if (show) {
      await show.click();
      await page.waitForSelector('.diff__lines');
    }
    await capture('app-signoff');
  });

  it('shows the term planner, week by week', async () => {
    await page.goto(`${served.origin}/#/term/summer-2027`);
    await page.waitForSelector('.week ::-p-text(Early May bank holiday)');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Summer term 2027');
    await capture('app-planner');
  });

  it('shows a term copied to a new start date, with the sessions moved off holidays', async () => {
    await page.goto(`${served.origin}/#/terms`);
    await page.waitForSelector('.term-card');
    await page.locator('::-p-aria([name="New term"][role="button"])').click();
    await page.type('#new-term-title', 'Early summer 2027');
    await page.select('#new-term-from', 'spring-2027');
    // Set as the date picker would; typing a date depends on the browser's locale.
    await page.$eval('#new-term-starts', (element) => {
      const input = element as HTMLInputElement; // the selector names an <input>
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        input,
        '2027-04-12',
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('::-p-aria([name="Show the new dates"][role="button"])').click();
    await page.waitForSelector('.move-list li');
    expect(await page.$$eval('.move-list li', (items) => items.length)).toBe(2);
    await capture('app-rollover');
  });
});
