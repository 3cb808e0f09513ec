/**
 * A trainer's afternoon, end to end: the real `tandem serve` on a temp copy of a library, the
 * real UI in headless Chromium, driven only through the screen (keyboard, mouse, toolbar), and
 * checked against the files on disk.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { parse } from 'yaml';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

const courseId = 'finding-calm-in-everyday-life';
const courseFile = () => path.join(served.root, courseId, 'course.md');
const modulesDir = () => path.join(served.root, courseId, 'modules');

beforeAll(async () => {
  [served, browser] = await Promise.all([serveLibrary(), launchTestBrowser()]);
  page = await browser.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(15_000);
  await page.goto(served.url);
  await page.waitForSelector('h1 ::-p-text(Courses)');
});

// A failing step leaves a picture of the screen behind, to see what the trainer would have seen.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(
    tmpdir(),
    `tandem-authoring-${context.task.name.replace(/\W+/g, '-')}.png`,
  );
  await page.screenshot({ path: file }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** Clicks a control found by its role and accessible name, as a person would look for it. */
async function press(role: string, name: string): Promise<void> {
  await page.locator(`::-p-aria([name="${name}"][role="${role}"])`).click();
}

/** Replaces the text of a labelled field by typing, as a person would. */
async function typeInto(selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

async function withKey(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m as 'Control');
  await page.keyboard.press(key as 'a');
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m as 'Control');
}

async function waitForText(text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((t: string) => document.body.innerText.includes(t), { timeout }, text);
}

/** Waits until the save indicator says "Saved" again. */
async function waitSaved(): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved') ===
      true,
    { timeout: 10_000 },
  );
}

/** Polls a file until `check` passes, so the test sees autosave land on disk. */
async function waitForFile(file: string, check: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await readFile(file, 'utf8').catch(() => '');
    if (check(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return text;
}

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return (match ? parse(match[1] ?? '') : {}) as Record<string, unknown>; // front matter is a YAML map
}

/** Problems a keyboard or screen reader user would meet on the current screen. */
async function accessibilityProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main');
    if (!main || !document.querySelector('nav') || !document.querySelector('header'))
      problems.push('missing landmarks');
    const h1s = main?.querySelectorAll('h1').length ?? 0;
    if (h1s !== 1) problems.push(`${h1s} h1 headings`);
    let level = 1;
    for (const heading of main?.querySelectorAll('h1, h2, h3, h4, h5, h6') ?? []) {
      const next = Number(heading.tagName[1]);
      if (next > level + 1) problems.push(`heading skips a level: ${heading.textContent}`);
      level = next;
    }
    const controls = document.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]), select, textarea, button, [role="textbox"]',
    );
    for (const control of controls) {
      const labelled =
        (control as HTMLInputElement).labels?.length ||
        control.getAttribute('aria-label') ||
        control.getAttribute('aria-labelledby') ||
        (control.tagName === 'BUTTON' && control.textContent?.trim());
      if (!labelled) problems.push(`unnamed ${control.tagName.toLowerCase()} ${control.id}`);
    }
    return problems;
  });
}

async function becomeTrainer(name: string): Promise<void> {
  await page.locator('nav[aria-label="Main"] ::-p-text(Your profile)').click();
  await page.waitForSelector('#profile-trainer');
  const value = await page.$eval(
    '#profile-trainer',
    (select, wanted) =>
      [...(select as HTMLSelectElement).options].find((o) => o.text.startsWith(wanted))?.value ??
      '',
    name,
  );
  await page.select('#profile-trainer', value);
  await press('button', 'This is me');
  await waitForText(`You are using Tandem as ${name}`);
  await press('button', 'Create my signing key');
  await waitForText('Your signing key is ready.');
}

async function openCourseTab(tab: string): Promise<void> {
  await page.locator(`[role="tab"] ::-p-text(${tab})`).click();
  await page.waitForSelector(`[role="tab"][aria-selected="true"] ::-p-text(${tab})`);
}

describe('a trainer writing a course in the app', () => {
  it('creates a course, asking kindly for a practitioner co-author', async () => {
    await becomeTrainer('Amira Hassan');
    await page.locator('nav[aria-label="Main"] ::-p-text(Courses)').click();
    await press('button', 'New course');
    await page.waitForSelector('dialog[open] #new-title');
    await page.type('#new-title', 'Finding calm in everyday life');
    await page.select('#new-category', 'understanding-mental-health');
    // Amira is ticked already (she is the one using the app); with no practitioner the dialog
    // explains why one is needed instead of creating the course.
    await press('button', 'Create course');
    await waitForText('Please add a practitioner trainer too');
    await page.locator('dialog[open] ::-p-text(Hannah Lewis)').click();
    await press('button', 'Create course');
    await page.waitForSelector('[role="tab"][aria-selected="true"] ::-p-text(Course details)');
    const fields = frontMatter(await readFile(courseFile(), 'utf8'));
    expect(fields.title).toBe('Finding calm in everyday life');
    expect(fields.authors).toEqual(['amira-hassan', 'hannah-lewis']);
  });

  it('finds the new course with the library filters', async () => {
    await page.locator('nav[aria-label="Main"] ::-p-text(Courses)').click();
    await page.waitForSelector(`[data-course="${courseId}"]`);
    // Its details are still empty, so it is listed among the courses with problems.
    await page.select('#filter-status', 'problems');
    await page.type('#filter-search', 'calm');
    await page.waitForFunction(
      (id: string) => {
        const cards = [...document.querySelectorAll<HTMLElement>('.course-card')];
        return cards.length === 1 && cards[0]?.dataset.course === id;
      },
      {},
      courseId,
    );
    await page.select('#filter-status', 'ready');
    await page.waitForSelector('::-p-text(No courses match)');
    await page.select('#filter-status', 'all');
    await page.locator(`[data-course="${courseId}"] a`).click();
    await openCourseTab('Course details');
  });

  it('fills in the course details and they autosave to course.md', async () => {
    await typeInto('#course-code', 'UMH150');
    await typeInto('#course-summary', 'Simple ways to find a calmer moment in a busy day.');
    await typeInto('#course-audience', 'Anyone who would like to feel calmer.');
    await typeInto('#course-format', '2 weekly sessions of 2 hours');
    await press('button', 'Add outcome');
    await page.keyboard.type('Try two ways to calm your breathing');
    await press('button', 'Add outcome');
    await page.keyboard.type('Make a plan for calmer moments');
    // Keyboard reordering: Alt+Up moves the second outcome first.
    await withKey(['Alt'], 'ArrowUp');
    await typeInto('#course-tags', 'calm, breathing');
    await page.click('#course-title'); // leaving a field is a moment to save
    // The outcome also ends in "breathing": wait for the tags themselves to be saved.
    const text = await waitForFile(courseFile(), (t) =>
      String(frontMatter(t).tags ?? '').includes('breathing'),
    );
    await waitSaved();
    const fields = frontMatter(text);
    expect(fields).toMatchObject({
      title: 'Finding calm in everyday life',
      code: 'UMH150',
      category: 'understanding-mental-health',
      summary: 'Simple ways to find a calmer moment in a busy day.',
      audience: 'Anyone who would like to feel calmer.',
      format: '2 weekly sessions of 2 hours',
      outcomes: ['Make a plan for calmer moments', 'Try two ways to calm your breathing'],
      authors: ['amira-hassan', 'hannah-lewis'],
      tags: ['calm', 'breathing'],
    });
  });

  it('adds two modules and writes one with the toolbar and shortcuts', async () => {
    await openCourseTab('Modules');
    for (const title of ['Noticing how we feel', 'Small steps']) {
      await typeInto('#new-module-title', title);
      await press('button', 'Add module');
      await page.waitForSelector(`.module-row__title ::-p-text(${title})`);
    }
    expect(await readdir(modulesDir())).toEqual([
      '01-noticing-how-we-feel.md',
      '02-small-steps.md',
    ]);

    await page.locator('.module-row__title ::-p-text(Noticing how we feel)').click();
    await page.waitForSelector('#module-pane-title ::-p-text(Noticing how we feel)');
    const editor = '[data-testid="module-editor-content"]';
    await page.waitForSelector(editor);
    await page.click(editor);
    await page.click('[data-testid="toolbar-heading-two"]');
    await page.keyboard.type('Getting started');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Take a ');
    await withKey(['Control'], 'b');
    await page.keyboard.type('slow');
    await withKey(['Control'], 'b');
    await page.keyboard.type(' breath.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Sit comfortably');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Breathe out slowly');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // an empty item leaves the list
    await page.keyboard.type('Visit our website');
    for (let i = 0; i < 'website'.length; i++) await withKey(['Shift'], 'ArrowLeft');
    await page.waitForFunction(() => window.getSelection()?.toString() === 'website');
    // Slate picks up the browser's selection on its (throttled) selectionchange handler.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await withKey(['Control'], 'k');
    await page.waitForSelector('[data-testid="link-url"]');
    await typeInto('[data-testid="link-url"]', 'https://example.org/calm');
    await page.click('[data-testid="link-save"]');
    await page.waitForSelector('[data-testid="link-dialog"]', { hidden: true });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Notice three things you can hear.');
    await page.click('[data-testid="toolbar-activity"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // an empty last line steps out of the activity
    await page.keyboard.type('Allow ten minutes for this.');
    await page.click('[data-testid="toolbar-facilitator-note"]');

    const file = path.join(modulesDir(), '01-noticing-how-we-feel.md');
    const expected = [
      '---',
      'title: Noticing how we feel',
      '---',
      '',
      '## Getting started',
      '',
      'Take a **slow** breath.',
      '',
      '- Sit comfortably',
      '- Breathe out slowly',
      '',
      'Visit our [website](https://example.org/calm)',
      '',
      ':::activity',
      'Notice three things you can hear.',
      ':::',
      '',
      ':::facilitator',
      'Allow ten minutes for this.',
      ':::',
      '',
    ].join('\n');
    const text = await waitForFile(file, (t) => t === expected);
    await waitSaved();
    expect(text).toBe(expected);
  });

  it('reloads an unchanged module when its file changes on disk', async () => {
    const file = path.join(modulesDir(), '01-noticing-how-we-feel.md');
    const before = await readFile(file, 'utf8');
    await writeFile(file, `${before}\nAdded by a co-author on the shared drive.\n`);
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="module-editor-content"]')
          ?.textContent?.includes('Added by a co-author') === true,
    );
  });

  it('reorders modules with Alt+Up and renames the files on disk', async () => {
    await page.locator('.module-row__title ::-p-text(Small steps)').click();
    await page.waitForSelector('#module-pane-title ::-p-text(Small steps)');
    await page.focus('.module-row--selected .module-row__open');
    await withKey(['Alt'], 'ArrowUp');
    await page.waitForSelector('#module-pane-title ::-p-text(Module 1: Small steps)');
    expect(await readdir(modulesDir())).toEqual([
      '01-small-steps.md',
      '02-noticing-how-we-feel.md',
    ]);
    // Focus stays on the module that moved, so it can be moved again straight away.
    await page.waitForFunction(
      () => document.activeElement?.textContent?.includes('Small steps') === true,
    );
  });

  it('shows both versions when the file changes on disk while typing, and keeps mine', async () => {
    const file = path.join(modulesDir(), '01-small-steps.md');
    await page.locator('[data-testid="module-editor-content"]').click();
    await page.keyboard.type('My own words about small steps.');
    // The co-author saves first, before this page's autosave pause is over.
    await writeFile(file, '---\ntitle: Small steps\n---\n\nTheir words about small steps.\n');
    await page.waitForSelector('dialog[open] ::-p-text(This was changed somewhere else)');
    const mine = await page.$eval('[data-testid="conflict-mine"]', (e) => e.textContent);
    const theirs = await page.$eval('[data-testid="conflict-theirs"]', (e) => e.textContent);
    expect(mine).toContain('My own words about small steps.');
    expect(theirs).toContain('Their words about small steps.');
    await press('button', 'Keep my version');
    const text = await waitForFile(file, (t) => t.includes('My own words'));
    await waitSaved();
    expect(text).toBe('---\ntitle: Small steps\n---\n\nMy own words about small steps.\n');
  });

  it('deletes a module and brings it back with Undo', async () => {
    await press('button', 'Delete “Small steps”');
    await page.waitForSelector('.toast ::-p-text(Undo)');
    expect(await readdir(modulesDir())).not.toContain('01-small-steps.md');
    // The Delete button has gone, so focus waits on Undo: Enter brings the module back.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.module-row__title ::-p-text(Small steps)');
    const files = await readdir(modulesDir());
    const restored = files.find((f) => f.endsWith('small-steps.md'));
    expect(restored).toBeDefined();
    expect(await readFile(path.join(modulesDir(), restored ?? ''), 'utf8')).toContain(
      'My own words about small steps.',
    );
  });

  it('is signed off by both authors and becomes ready', async () => {
    await openCourseTab('Sign-off');
    await press('button', 'Sign off this version');
    await page.waitForSelector('.signoff__state ::-p-text(Awaiting Hannah Lewis)');
    await becomeTrainer('Hannah Lewis');
    await page.locator('nav[aria-label="Main"] ::-p-text(Courses)').click();
    await page.locator(`[data-course="${courseId}"] a`).click();
    await openCourseTab('Sign-off');
    await waitForText('Not signed off yet');
    await press('button', 'Sign off this version');
    await page.waitForSelector('.signoff__state ::-p-text(Ready)');
    const records = parse(
      await readFile(path.join(served.root, courseId, 'signoffs.yml'), 'utf8'),
    ) as { trainer: string }[]; // signoffs.yml is a YAML list of records
    expect(records.map((r) => r.trainer)).toEqual(['amira-hassan', 'hannah-lewis']);
    await page.locator('nav[aria-label="Main"] ::-p-text(Courses)').click();
    await page.waitForSelector(`[data-course="${courseId}"] .badge--ready`);
  });

  it('publishes the website with the new course in it', async () => {
    await page.locator('nav[aria-label="Main"] ::-p-text(Publish)').click();
    await page.locator('::-p-text(The website only)').click();
    await page.waitForSelector('.plan ::-p-text(will be included)');
    await press('button', 'Publish');
    await page.waitForSelector('[data-testid="publish-result"]', { timeout: 45_000 });
    const outcome = await page.$eval('[data-testid="publish-result"]', (e) => e.textContent);
    expect(outcome).toMatch(/^Published/);
    const siteDir = await page.$eval('.output-path', (e) => e.textContent ?? '');
    const pages = await readdir(siteDir, { recursive: true });
    const htmlFiles = pages.filter((p) => p.endsWith('.html'));
    const contents = await Promise.all(
      htmlFiles.map((p) => readFile(path.join(siteDir, p), 'utf8')),
    );
    expect(contents.some((html) => html.includes('Finding calm in everyday life'))).toBe(true);
  });

  it('gives every screen one main heading, headings in order and named controls', async () => {
    const screens = [
      '#/library',
      '#/problems',
      '#/publish',
      '#/profile',
      `#/course/${courseId}/modules`,
      `#/course/${courseId}/details`,
      `#/course/${courseId}/signoff`,
    ];
    for (const hash of screens) {
      await page.goto(`${served.origin}/${hash}`);
      await page.waitForSelector('main h1');
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      expect({ hash, problems: await accessibilityProblems() }).toEqual({ hash, problems: [] });
    }
  });
});
