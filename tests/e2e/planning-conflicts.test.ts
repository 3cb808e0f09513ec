/**
 * A planning file changes on disk (a colleague on the shared drive) while the administrator has
 * unsaved edits on the College settings or Term planner screen: saving shows both versions as
 * the same labelled fields, only what differs marked, and writes nothing until a choice is made;
 * then the file on disk is exactly what was chosen. TANDEM_E2E_CPU_THROTTLE=4 runs it slowed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { openAppPage } from './support/app-page.js';
import { press, setValue, typeInto } from './support/form-input.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

const read = (file: string) => readFile(path.join(served.root, file), 'utf8');

beforeAll(async () => {
  [served, browser] = await Promise.all([serveLibrary(), launchTestBrowser()]);
  page = await openAppPage(browser.browser, served.url, 30_000);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** A colleague's edit of `file`; returns the text now on disk. */
async function changeOnDisk(file: string, from: string, to: string): Promise<string> {
  const before = await read(file);
  expect(before).toContain(from);
  const after = before.replace(from, to);
  await writeFile(path.join(served.root, file), after);
  return after;
}

/** The conflict view's rows: field, both cells, and whether the row is marked as differing. */
async function conflictRows() {
  await page.waitForSelector('dialog[open] [data-testid="conflict-fields"]');
  return page.$$eval('dialog[open] [data-testid="conflict-fields"] tbody tr', (rows) =>
    rows.map((row) => ({
      field: row.querySelector('th')?.textContent ?? '',
      cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
      differs: (row as HTMLElement).dataset.differs === 'true', // rows are table rows
    })),
  );
}

const differing = async () =>
  (await conflictRows()).filter((row) => row.differs).map((row) => row.field);

async function choose(button: string): Promise<void> {
  await page.locator(`dialog[open] button::-p-text(${button})`).click();
  await page.waitForSelector('[data-testid="conflict-fields"]', { hidden: true });
}

describe('College settings', () => {
  beforeAll(async () => {
    await page.goto(`${served.url}#/college`);
    await page.waitForSelector('#college-tagline');
  });

  it('shows both taglines side by side; keeping mine writes exactly mine over theirs', async () => {
    await typeInto(page, '#college-tagline', 'Learning side by side');
    const theirs = await changeOnDisk(
      'college.yml',
      'tagline: Learning together for recovery and wellbeing',
      'tagline: Learning together, at your own pace',
    );
    await press(page, 'button', 'Save settings');
    const rows = await conflictRows();
    expect(rows.map((row) => row.field)).toEqual([
      'College name',
      'Tagline',
      'Email',
      'Phone',
      'Address',
      'Website',
      'Opening hours',
      'Term published now',
      'Public holidays',
      'Time zone of the sessions',
      'Cover picture',
    ]);
    expect(await differing()).toEqual(['Tagline']);
    expect(rows[1]?.cells).toEqual([
      'Differs in your version: Learning side by side',
      'Differs in the version on disk: Learning together, at your own pace',
    ]);
    // Both changed the tagline: there is nothing to merge, and nothing is written yet.
    expect(await page.$('dialog[open] button::-p-text(Merge field by field)')).toBeNull();
    expect(await read('college.yml')).toBe(theirs);

    await choose('Keep my version');
    await expect
      .poll(() => read('college.yml'), { timeout: 20_000 })
      .toBe(
        theirs.replace(
          'tagline: Learning together, at your own pace',
          'tagline: Learning side by side',
        ),
      );
  });

  it('merges a change to the phone on disk with my change to the opening hours', async () => {
    await typeInto(page, '#college-hours', 'Monday to Thursday, 10am to 4pm');
    const theirs = await changeOnDisk(
      'college.yml',
      'phone: 01632 960 418',
      'phone: 01632 960 999',
    );
    await press(page, 'button', 'Save settings');
    expect(await differing()).toEqual(['Phone', 'Opening hours']);
    await choose('Merge field by field');
    await expect
      .poll(() => read('college.yml'), { timeout: 20_000 })
      .toBe(
        theirs.replace(
          'hours: Monday to Friday, 9:30am to 4:30pm',
          'hours: Monday to Thursday, 10am to 4pm',
        ),
      );
    expect(await page.$eval('#college-phone', (input) => (input as HTMLInputElement).value)).toBe(
      '01632 960 999',
    );
  });
});

describe('Term planner', () => {
  const TERM = 'terms/spring-2027.yml';

  beforeAll(async () => {
    await page.goto(`${served.url}#/term/spring-2027`);
    await page.waitForSelector('#term-title');
  });

  it('shows both titles; using the version on disk leaves the file as they wrote it', async () => {
    await typeInto(page, '#term-title', 'Spring 2027');
    const theirs = await changeOnDisk(
      TERM,
      'title: Spring term 2027',
      'title: Spring term 2027 (January to March)',
    );
    await press(page, 'button', 'Save term dates');
    expect(await differing()).toEqual(['Title']);
    await choose('Use the version on disk');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('#term-title')?.value ===
        'Spring term 2027 (January to March)',
    );
    expect(await read(TERM)).toBe(theirs);
  });

  it('merges my new start time of a session with their new end time of it', async () => {
    await press(page, 'button', 'Change Understanding anxiety on Monday 18 January 2027');
    await page.waitForSelector('dialog[open] #session-start');
    await setValue(page, '#session-start', '10:30');
    const theirs = await changeOnDisk(
      TERM,
      "- { date: 2027-01-18, start: '10:00', end: '12:00' }",
      "- { date: 2027-01-18, start: '10:00', end: '12:30' }",
    );
    await press(page, 'button', 'Save session');
    const rows = await conflictRows();
    expect(rows.map((row) => row.field)).toEqual(['Date', 'Starts', 'Ends']);
    expect(await differing()).toEqual(['Starts', 'Ends']);
    expect(await read(TERM)).toBe(theirs);
    await choose('Merge field by field');
    await expect
      .poll(() => read(TERM), { timeout: 20_000 })
      .toBe(
        theirs.replace(
          "- { date: 2027-01-18, start: '10:00', end: '12:30' }",
          "- { date: 2027-01-18, start: '10:30', end: '12:30' }",
        ),
      );
    await page.waitForSelector('dialog[open]', { hidden: true });
  });
});

describe('Trainers and categories', () => {
  it('keeps my new name for a trainer over theirs, writing only that line', async () => {
    await page.goto(`${served.url}#/trainers`);
    await press(page, 'button', 'Rename Amira Hassan');
    await typeInto(page, '#rename-amira-hassan', 'Amira H.');
    const theirs = await changeOnDisk(
      'trainers.yml',
      'name: Amira Hassan',
      'name: Amira Hassan-Reid',
    );
    await press(page, 'button', 'Save name');
    expect(await differing()).toEqual(['Name']);
    expect(await read('trainers.yml')).toBe(theirs);
    await choose('Keep my version');
    await expect
      .poll(() => read('trainers.yml'), { timeout: 20_000 })
      .toBe(theirs.replace('name: Amira Hassan-Reid', 'name: Amira H.'));
  });

  it('merges their new category title with my new description', async () => {
    await page.goto(`${served.url}#/college`);
    const description = '#category-life-skills-description';
    await typeInto(page, description, 'Practical courses for everyday life.');
    const theirs = await changeOnDisk(
      'college.yml',
      'title: Developing life skills',
      'title: Everyday life skills',
    );
    await press(page, 'button', 'Save category Developing life skills');
    expect(await differing()).toEqual(['Title', 'Description']);
    await choose('Merge field by field');
    await expect
      .poll(() => read('college.yml'), { timeout: 20_000 })
      .toBe(
        theirs.replace(
          'description: Practical courses about everyday things that affect our wellbeing.',
          'description: Practical courses for everyday life.',
        ),
      );
  });
});
