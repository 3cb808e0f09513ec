/**
 * The course's details changed on disk (a co-author renamed the course) while the trainer was
 * editing its summary: the conflict shows both versions as the same labelled fields, and only
 * the two that differ are highlighted. CPU slowed four times, as on a busy laptop.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openApp, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const courseFile = () => path.join(served.root, 'understanding-anxiety/course.md');

beforeAll(async () => {
  open = await openApp('#/course/understanding-anxiety/details', { waitFor: '#course-summary' });
  ({ served, page } = open);
});

afterAll(() => open?.close());

it('shows both versions as the same fields, highlighting only what differs', async () => {
  await page.click('#course-summary');
  await page.keyboard.press('End');
  await page.keyboard.type(' Come as you are.');
  const before = await readFile(courseFile(), 'utf8');
  await writeFile(
    courseFile(),
    before.replace('title: Understanding anxiety', 'title: Understanding and living with anxiety'),
  );
  await page.waitForSelector('dialog[open] [data-testid="conflict-fields"]');

  const rows = await page.$$eval('[data-testid="conflict-fields"] tbody tr', (trs) =>
    trs.map((tr) => ({
      field: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      differs: tr.dataset.differs === 'true',
      marked: tr.querySelectorAll('mark').length,
    })),
  );
  expect(rows.map((r) => r.field)).toEqual([
    'Title',
    'Course code',
    'Category',
    'Summary',
    'Who it is for',
    'Format',
    'Learning outcomes',
    'Authors',
    'Tags',
    'Description',
  ]);
  expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual(['Title', 'Summary']);
  expect(rows.filter((r) => r.marked > 0).map((r) => r.field)).toEqual(['Title', 'Summary']);
  const byField = new Map(rows.map((r) => [r.field, r.cells]));
  expect(byField.get('Title')).toEqual([
    'Differs in your version: Understanding anxiety',
    'Differs in the version on disk: Understanding and living with anxiety',
  ]);
  expect(byField.get('Summary')?.[0]).toMatch(/Come as you are\.$/);
  expect(byField.get('Summary')?.[1]).not.toContain('Come as you are.');
  expect(byField.get('Authors')).toEqual([
    'Amira Hassan\nHannah Lewis',
    'Amira Hassan\nHannah Lewis',
  ]);
  expect(await page.$eval('dialog[open] .hint', (e) => e.textContent)).toBe(
    'The fields that differ are highlighted.',
  );

  await page.locator('dialog[open] button::-p-text(Keep my version)').click();
  await expect
    .poll(() => readFile(courseFile(), 'utf8'), { timeout: 15_000 })
    .toContain('Come as you are.');
});
