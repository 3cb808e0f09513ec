/**
 * A venue's note is changed in college.yml on disk (a colleague on the shared drive) while the
 * Venues screen has an unsaved edit of it: saving shows both versions as the same fields, and
 * never writes over theirs until a choice is made. The side not chosen is kept under Recovered
 * text; a change to another field is merged field by field. CPU slowed, as on a busy laptop.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { parseRecoveredFile } from '../../main/api/handlers/recovered-handlers.js';
import { openApp, type OpenCourse } from './support/open-course.js';
import type { ServedLibrary } from './support/serve-library.js';

let open: OpenCourse;
let served: ServedLibrary;
let page: Page;
const college = () => path.join(served.root, 'college.yml');
const NOTE = 'Step-free entrance, accessible toilet and a hearing loop in both rooms.';
const FIELD = '#venue-old-library-accessibility';

beforeAll(async () => {
  open = await openApp('#/venues', { waitFor: FIELD });
  ({ served, page } = open);
});

afterAll(() => open?.close());

async function recovered() {
  const dir = path.join(served.root, '.tandem', 'recovered');
  const files = (await readdir(dir).catch(() => [])).sort();
  return Promise.all(
    files.map(async (file) =>
      parseRecoveredFile(file.replace(/\.md$/, ''), await readFile(path.join(dir, file), 'utf8')),
    ),
  );
}

/** Types at the end of the accessibility note, then lets the colleague's change land. */
async function editWhileChangedOnDisk(mine: string, theirs: (text: string) => string) {
  await page.click(FIELD);
  await page.keyboard.press('End');
  await page.keyboard.type(mine);
  const changed = theirs(await readFile(college(), 'utf8'));
  await writeFile(college(), changed);
  return changed;
}

const conflictRows = () =>
  page.$$eval('[data-testid="conflict-fields"] tbody tr', (rows) =>
    rows.map((row) => ({
      field: row.querySelector('th')?.textContent ?? '',
      cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
      differs: (row as HTMLElement).dataset.differs === 'true',
    })),
  );

it('shows both notes side by side and keeps theirs aside when mine is kept', async () => {
  const theirs = await editWhileChangedOnDisk(' Parking at the back.', (text) =>
    text.replace(NOTE, `${NOTE} Quiet room upstairs.`),
  );
  await page.locator('::-p-aria([name="Save venue The Old Library"][role="button"])').click();
  await page.waitForSelector('dialog[open] [data-testid="conflict-fields"]');
  // Nothing is written over their change until a choice is made.
  expect(await readFile(college(), 'utf8')).toBe(theirs);
  const rows = await conflictRows();
  expect(rows.map((row) => row.field)).toEqual(['Name', 'Address', 'Accessibility', 'Online']);
  expect(rows.filter((row) => row.differs).map((row) => row.field)).toEqual(['Accessibility']);
  expect(rows[2]?.cells).toEqual([
    `Differs in your version: ${NOTE} Parking at the back.`,
    `Differs in the version on disk: ${NOTE} Quiet room upstairs.`,
  ]);
  // Both changed the same field, so there is nothing to merge field by field.
  expect(await page.$('dialog[open] button::-p-text(Merge field by field)')).toBeNull();

  await page.locator('dialog[open] button::-p-text(Keep my version)').click();
  await expect
    .poll(() => readFile(college(), 'utf8'), { timeout: 15_000 })
    .toBe(theirs.replace(`${NOTE} Quiet room upstairs.`, `${NOTE} Parking at the back.`));
  const kept = await recovered();
  expect(kept.map((entry) => [entry?.file, entry?.what, entry?.reason, entry?.text])).toEqual([
    [
      'college.yml',
      'the venue “The Old Library”',
      'The version that was on disk, kept when you chose yours',
      [
        'Name: The Old Library',
        'Address: 12 Mill Lane, Kingsford KF1 4AB',
        `Accessibility: ${NOTE} Quiet room upstairs.`,
        'Online: No',
      ].join('\n'),
    ],
  ]);
});

it('merges field by field when their change is to another field', async () => {
  const before = await readFile(college(), 'utf8');
  await editWhileChangedOnDisk(' Lift to both floors.', (text) =>
    text.replace(
      'address: 12 Mill Lane, Kingsford KF1 4AB',
      'address: 14 Mill Lane, Kingsford KF1 4AB',
    ),
  );
  await page.locator('::-p-aria([name="Save venue The Old Library"][role="button"])').click();
  await page.waitForSelector('dialog[open] [data-testid="conflict-fields"]');
  const rows = await conflictRows();
  expect(rows.filter((row) => row.differs).map((row) => row.field)).toEqual([
    'Address',
    'Accessibility',
  ]);
  await page.locator('dialog[open] button::-p-text(Merge field by field)').click();
  await expect
    .poll(() => readFile(college(), 'utf8'), { timeout: 15_000 })
    .toBe(
      before
        .replace(
          'address: 12 Mill Lane, Kingsford KF1 4AB',
          'address: 14 Mill Lane, Kingsford KF1 4AB',
        )
        // The YAML printer folds a long line, as any save of this field does.
        .replace(
          `${NOTE} Parking at the back.`,
          `${NOTE} Parking at\n      the back. Lift to both floors.`,
        ),
    );
  // Nothing was left out, so nothing more is kept aside.
  expect(await recovered()).toHaveLength(1);
});
