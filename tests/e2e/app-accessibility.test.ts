/**
 * axe-core finds nothing to fix on any screen of the app, or in its dialogs, in the light and
 * the dark colour scheme: `tandem serve` on a copy of the sample college, in Chromium.
 * With TANDEM_AXE_SCREENSHOTS=<folder>, a picture of each screen in each scheme is written
 * there, to look at; TANDEM_AXE_CPU=4 runs it with the CPU slowed as on a busy laptop.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { axeViolationsHere, type ColourScheme } from '../support/run-axe.js';
import { sampleLibrary } from '../support/temp-library.js';
import { throttleCpu } from './support/cpu-throttle.js';
import { caretAtEndOf, EDITOR } from './support/open-course.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;
const COURSE = 'understanding-anxiety';
const moduleFile = () => path.join(served.root, COURSE, 'modules/01-what-is-anxiety.md');
const pictures = process.env.TANDEM_AXE_SCREENSHOTS;

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: sampleLibrary }),
    launchTestBrowser(),
  ]);
  page = await browser.browser.newPage();
  // The UI's policy allows only its own scripts; axe is added by the test.
  await page.setBypassCSP(true);
  await page.setViewport({ width: 1280, height: 900 });
  // The sample college is large: with the CPU slowed, planning a build takes a while.
  page.setDefaultTimeout(60_000);
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  // Leaving a page with unsaved text asks first; the trainer says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(served.url);
  await page.waitForSelector('.course-card');
  if (process.env.TANDEM_AXE_CPU) await throttleCpu(page, Number(process.env.TANDEM_AXE_CPU));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** Opens a screen by its address and waits until it has finished reading. */
async function openScreen(hash: string, ready = 'main h1', timeout?: number): Promise<void> {
  // A new hash in the same page: the app routes it without loading again.
  await page.evaluate((to) => (location.hash = to), hash);
  await page.waitForSelector(ready, { timeout });
  await settled();
}

/** Nothing on the page is still loading, and any transition has ended. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main .loading'));
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Axe's violations in both schemes (pictures taken when asked), light left on afterwards. */
async function violations(name: string): Promise<string[]> {
  const found = await axeViolationsHere(page, ['light', 'dark']);
  if (pictures) {
    for (const scheme of ['light', 'dark'] satisfies ColourScheme[]) {
      await page.emulateMediaFeatures([
        { name: 'prefers-color-scheme', value: scheme },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.screenshot({ path: path.join(pictures, `${name}-${scheme}.png`) });
    }
  }
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  return found;
}

/** One line per violation, so a failure lists them all. */
const expectNone = (found: string[]) => expect(found.join('\n')).toBe('');

const button = (name: string) => page.locator(`::-p-aria([name="${name}"][role="button"])`);

/** Opens a dialog with the button `name`, checks it, and closes it with Escape. */
async function checkDialog(name: string, ready: string, picture: string): Promise<void> {
  await button(name).click();
  await page.waitForSelector(`dialog[open] ${ready}`);
  expectNone(await violations(picture));
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', { hidden: true });
}

// Axe takes a while on the larger screens, twice over.
describe('every screen, light and dark', { timeout: 240_000 }, () => {
  it('Courses', async () => {
    await openScreen('#/', '.course-card');
    expectNone(await violations('library'));
  });

  it('the New course dialog', async () => {
    await checkDialog('New course', 'input', 'new-course');
  });

  it('a course: Details', async () => {
    await openScreen(`#/course/${COURSE}/details`, 'main form');
    expectNone(await violations('course-details'));
  });

  it('a course: Modules, with the editor', async () => {
    await openScreen(`#/course/${COURSE}/modules`, `${EDITOR} p`);
    await page.waitForSelector('[data-testid="save-status"] ::-p-text(Saved)');
    expectNone(await violations('course-modules'));
  });

  it('a course: Preview beside the editor', async () => {
    await button('Preview the student page').click();
    await page.waitForFunction(() =>
      document
        .querySelector<HTMLIFrameElement>('[data-testid="preview-frame"]')
        ?.contentDocument?.querySelector('h1'),
    );
    await settled();
    expectNone(await violations('course-preview'));
    await button('Hide preview').click();
  });

  it('the conflict view', async () => {
    // The co-author saves while the paragraph is unsaved; on a slow computer this page's own
    // save can land first, and then the trainer simply writes on and the co-author saves again.
    for (let attempt = 1; ; attempt += 1) {
      await caretAtEndOf(page, `${EDITOR} p`);
      await page.keyboard.press('Enter');
      await page.keyboard.type(`A paragraph of my own, ${attempt}.`);
      const before = await readFile(moduleFile(), 'utf8');
      await writeFile(moduleFile(), `${before}\nThe co-author’s paragraph ${attempt}.\n`);
      const asked = await page
        .waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)', {
          timeout: 20_000,
        })
        .then(() => true)
        .catch(() => false);
      if (asked) break;
      if (attempt === 3) throw new Error('the conflict view never opened');
    }
    expectNone(await violations('conflict'));
    await page.locator('dialog[open] button::-p-text(Keep my version)').click();
    await page.waitForSelector('dialog[open]', { hidden: true });
    await page.waitForSelector('[data-testid="save-status"] ::-p-text(Saved)');
  });

  it('the Restore unsaved text dialog', async () => {
    await caretAtEndOf(page, `${EDITOR} p`);
    await served.crash();
    await page.keyboard.type(' Typed while the server was stopped.');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Not saved'),
    );
    // Reloaded while the server is down (the browser's error page), then opened again.
    await page.reload().catch(() => undefined);
    await served.startAgain();
    await page.goto(`${served.origin}/#/course/${COURSE}/modules`);
    await page.waitForSelector('dialog[open] ::-p-text(Restore it)');
    await settled();
    expectNone(await violations('restore-unsaved'));
    await page.locator('dialog[open] button::-p-text(Restore it)').click();
    await page.waitForSelector('dialog[open]', { hidden: true });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved'),
    );
  });

  it('a course: Sign-off', async () => {
    await openScreen(`#/course/${COURSE}/signoff`, '.signoff__state');
    expectNone(await violations('course-signoff'));
  });

  it('Problems', async () => {
    await openScreen('#/problems');
    expectNone(await violations('problems'));
  });

  it('Publish, before a build', async () => {
    await openScreen('#/publish', '.plan ::-p-text(will be included)', 120_000);
    expectNone(await violations('publish'));
  });

  it('Publish, after a build', async () => {
    await page.locator('::-p-text(The website only)').click();
    await page.locator('::-p-text(Draft: include every course)').click();
    await page.locator('form button[type="submit"]').click();
    await page.waitForSelector('[data-testid="publish-result"]', { timeout: 120_000 });
    await settled();
    expectNone(await violations('publish-result'));
  });

  it('Your profile', async () => {
    await openScreen('#/profile', '#profile-trainer');
    expectNone(await violations('profile'));
  });

  it('Recovered text, with an item open', async () => {
    await openScreen('#/recovered', '[data-testid="recovered-item"]');
    await page.locator('[data-testid="recovered-item"] button::-p-text(View)').click();
    await page.waitForSelector('[data-testid="recovered-text"]');
    expectNone(await violations('recovered'));
  });

  it('Terms, and the New term dialog', async () => {
    await openScreen('#/terms');
    expectNone(await violations('terms'));
    await checkDialog('New term', 'input', 'new-term');
  });

  it('the term planner, and the Add a run dialog', async () => {
    await openScreen('#/term/spring-2027', '#planner-weeks');
    expectNone(await violations('term-planner'));
    await checkDialog('Add a run', 'select', 'add-run');
  });

  it('Venues', async () => {
    await openScreen('#/venues');
    expectNone(await violations('venues'));
  });

  it('Trainers', async () => {
    await openScreen('#/trainers');
    expectNone(await violations('trainers'));
  });

  it('College settings and Categories', async () => {
    await openScreen('#/college');
    expectNone(await violations('college'));
  });
});
