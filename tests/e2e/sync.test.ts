/**
 * Sync in the app, end to end: `tandem serve` on a clone of a library held by a real Git
 * server on loopback, the UI in headless Chromium, and a second clone acting as the co-author
 * on another computer.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { startGitHttpServer, type GitHttpServer } from '../sync/support/git-http-server.js';
import { cloneAs, type TrainerClone } from '../sync/support/trainer-clone.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

const MODULE = 'understanding-anxiety/modules/01-what-is-anxiety.md';
const FIRST = 'It is a normal part of being human.';
const NOTE = 'Set up the room before students arrive.';

let server: GitHttpServer;
let mine: TrainerClone;
let coAuthor: TrainerClone;
let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  server = await startGitHttpServer(fixtureLibrary('valid-minimal'));
  [mine, coAuthor] = await Promise.all([
    cloneAs(server.urlWithCredentials, 'amira-hassan'),
    cloneAs(server.urlWithCredentials, 'hannah-lewis'),
  ]);
  [served, browser] = await Promise.all([serveLibrary({ library: mine.dir }), launchTestBrowser()]);
  page = await browser.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(20_000);
  await page.goto(`${served.url}#/course/understanding-anxiety/modules`);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(tmpdir(), `tandem-sync-${context.task.name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await Promise.all([mine?.dispose(), coAuthor?.dispose()]);
  await server?.close();
});

const status = () => page.$eval('[data-testid="sync-status"]', (el) => el.textContent ?? '');

async function waitForStatus(text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) =>
      document.querySelector('[data-testid="sync-status"]')?.textContent === wanted,
    { timeout: 20_000 },
    text,
  );
}

async function waitForEditorText(text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) =>
      document
        .querySelector('[data-testid="module-editor-content"]')
        ?.textContent?.includes(wanted) === true,
    { timeout: 20_000 },
    text,
  );
}

/** Puts the caret just after `text` in the editor and types `typed`. */
async function typeAfter(text: string, typed: string): Promise<void> {
  await page.locator(`[data-testid="module-editor-content"] ::-p-text(${text})`).click();
  await page.evaluate((wanted: string) => {
    const root = document.querySelector('[data-testid="module-editor-content"]');
    const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        window.getSelection()?.setBaseAndExtent(node, at + wanted.length, node, at + wanted.length);
        return;
      }
    }
  }, text);
  await new Promise((resolve) => setTimeout(resolve, 200)); // Slate's throttled selection sync
  await page.keyboard.type(typed);
  await page.click('#module-pane-title'); // leaving the editor is a moment to save
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved') ===
      true,
  );
}

async function pressSync(): Promise<void> {
  await page.locator('.sync ::-p-aria([name="Sync"][role="button"])').click();
}

describe('sync in the app', () => {
  it('shows the library up to date, then a change to send after an edit', async () => {
    await waitForStatus('Up to date');
    await page.locator('.module-row__title ::-p-text(What is anxiety?)').click();
    await page.waitForSelector('[data-testid="module-editor-content"]');
    await typeAfter(FIRST, ' Feeling it is not a weakness.');
    await waitForStatus('1 change to send');
  });

  it('sends it with the Sync button', async () => {
    await pressSync();
    await waitForStatus('Up to date');
    expect(await server.git('show', `main:${MODULE}`)).toContain('Feeling it is not a weakness.');
  });

  it('shows a change the co-author sent in the open editor', async () => {
    await coAuthor.sync();
    await coAuthor.replace(MODULE, NOTE, 'Set up the room early, with the windows open.');
    expect(await coAuthor.sync()).toMatchObject({ state: 'in-step', sent: 1 });
    await pressSync();
    await waitForEditorText('Set up the room early, with the windows open.');
    await waitForStatus('Up to date');
  });

  it('opens the conflict view when both changed the same line', async () => {
    await coAuthor.sync();
    await coAuthor.replace(MODULE, FIRST, 'It is part of being human.');
    await coAuthor.sync();
    await typeAfter('Feeling it is not a weakness.', ' We all feel it.');
    await pressSync();
    await page.waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)');
    const theirs = await page.$eval('[data-testid="conflict-theirs"]', (el) => el.textContent);
    const minePane = await page.$eval('[data-testid="conflict-mine"]', (el) => el.textContent);
    expect(theirs).toContain('It is part of being human.');
    expect(minePane).toContain('We all feel it.');
    expect(await status()).toBe('Needs a decision (1 file)');

    await page.locator('dialog[open] ::-p-text(Keep my version)').click();
    await waitForStatus('Up to date');
    expect(await server.git('show', `main:${MODULE}`)).toContain('We all feel it.');
  });
});
