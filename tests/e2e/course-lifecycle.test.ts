/**
 * An administrator renames a course's id, archives a course and brings it back, and deletes a
 * course and undoes it, in the real app against `tandem serve` on a copy of the sample college;
 * the files on disk are checked after each step. TANDEM_E2E_CPU_THROTTLE=4 runs it on a
 * four-times slower CPU.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { fileTree } from '../support/file-tree.js';
import { sampleLibrary } from '../support/temp-library.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';
import { openAppPage } from './support/app-page.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;

const read = (file: string) => readFile(path.join(served.root, file), 'utf8');
const tree = (folder: string) => fileTree(path.join(served.root, folder));

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: sampleLibrary }),
    launchTestBrowser(),
  ]);
  // Generous: the machine may be busy with other work; every wait still waits for something real.
  page = await openAppPage(browser.browser, served.url, 90_000);
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(tmpdir(), `tandem-course-${context.task.name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function press(role: string, name: string): Promise<void> {
  await page.locator(`::-p-aria([name="${name}"][role="${role}"])`).click();
}

async function openDetails(courseId: string): Promise<void> {
  // From another course's details this is only a new hash: the page stays and routes it, so
  // wait for this course's own id rather than a heading the last course also had.
  await page.goto(`${served.url}#/course/${courseId}/details`);
  await page.waitForFunction(
    (id) => document.querySelector('#course-folder-heading ~ p code')?.textContent === id,
    {},
    courseId,
  );
}

const runLines = () =>
  page.$$eval('#course-folder-runs li', (items) => items.map((item) => item.textContent));

describe('a course’s place in the library, as an administrator', { timeout: 300_000 }, () => {
  it('renames a course id: the folder moves and both terms’ runs follow', async () => {
    const terms = {
      spring: await read('terms/spring-2027.yml'),
      summer: await read('terms/summer-2027.yml'),
    };
    const folder = await tree('hearing-voices');
    await openDetails('hearing-voices');
    await press('button', 'Rename the id…');
    await page.waitForSelector('#course-folder-runs');
    expect(await runLines()).toEqual([
      'Spring term 2027: run 12, from 24 February, 3 sessions (terms/spring-2027.yml)',
      'Summer term 2027: run 7, from 14 May, 3 sessions (terms/summer-2027.yml)',
    ]);
    const note = await page.$eval('.dialog .notice', (el) => el.textContent);
    expect(note).toMatch(/will need to sign this course again after the rename/);
    await page.click('#course-new-id', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('#course-new-id', 'hearing-voices-together');
    await press('button', 'Rename');
    await page.waitForFunction(() => location.hash.startsWith('#/course/hearing-voices-together/'));
    await page.waitForSelector(
      '#course-folder-heading ~ p code ::-p-text(hearing-voices-together)',
    );

    expect(await tree('hearing-voices-together')).toEqual(folder);
    expect(await readdir(served.root)).not.toContain('hearing-voices');
    const renamed = (text: string) =>
      text.replace('- course: hearing-voices\n', '- course: hearing-voices-together\n');
    expect(await read('terms/spring-2027.yml')).toBe(renamed(terms.spring));
    expect(await read('terms/summer-2027.yml')).toBe(renamed(terms.summer));
  });

  it('archives a course, then brings it back from the course list', async () => {
    const folder = await tree('volunteering-and-your-community');
    await openDetails('volunteering-and-your-community');
    await press('button', 'Archive…');
    await page.waitForSelector('#course-folder-runs');
    expect(await runLines()).toEqual([
      'Summer term 2027: run 2, from 20 April, 2 sessions (terms/summer-2027.yml)',
    ]);
    await page.locator('.dialog__actions ::-p-text(Archive)').click();
    await page.waitForSelector('h1 ::-p-text(Courses)');
    await page.waitForSelector(
      '.toast ::-p-text(“Volunteering and getting involved in your community” is archived.)',
    );

    expect(await tree('archive/volunteering-and-your-community')).toEqual(folder);
    expect(await readdir(served.root)).not.toContain('volunteering-and-your-community');
    expect(await page.$('[data-course="volunteering-and-your-community"]')).toBeNull();

    await page.locator('.archived-courses summary').click();
    await press('button', 'Bring back Volunteering and getting involved in your community');
    await page.waitForSelector('[data-course="volunteering-and-your-community"]');
    expect(await tree('volunteering-and-your-community')).toEqual(folder);
    expect(await readdir(path.join(served.root, 'archive'))).toEqual([]);
  });

  it('does not delete a course a term runs, and says where it runs', async () => {
    await openDetails('understanding-anxiety');
    await press('button', 'Delete…');
    await page.waitForSelector('#course-folder-runs');
    expect(await runLines()).toHaveLength(2);
    const remove = await page.$('.dialog__actions .button--danger');
    expect(await remove?.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true); // the selector names a <button>
    await press('button', 'Cancel');
  });

  it('deletes a new course, and Undo puts it back byte for byte', async () => {
    await page.goto(served.url);
    await press('button', 'New course');
    await page.type('#new-title', 'Walking together');
    await page.select('#new-category', 'getting-involved');
    await page.locator('.dialog ::-p-text(Amira Hassan)').click();
    await page.locator('.dialog ::-p-text(Hannah Lewis)').click();
    await press('button', 'Create course');
    await page.waitForSelector('#course-folder-heading');
    const folder = await tree('walking-together');
    expect(Object.keys(folder)).toEqual(['course.md']);

    await press('button', 'Delete…');
    await page.waitForSelector('.dialog ::-p-text(is kept on this computer)');
    await page.locator('.dialog__actions ::-p-text(Delete)').click();
    await page.waitForSelector('.toast ::-p-text(“Walking together” is deleted.)');
    expect(await readdir(served.root)).not.toContain('walking-together');
    const [kept] = await readdir(path.join(served.root, '.tandem/trash'));
    expect(await tree(`.tandem/trash/${kept}/walking-together`)).toEqual(folder);

    await page.locator('.toast ::-p-text(Undo)').click();
    await page.waitForSelector('[data-course="walking-together"]');
    expect(await tree('walking-together')).toEqual(folder);
    expect(await readdir(path.join(served.root, '.tandem/trash'))).toEqual([]);
  });
});
