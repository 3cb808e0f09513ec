/**
 * An administrator plans a term, end to end: the real `tandem serve` on a temp copy of the
 * sample college, the real UI in headless Chromium driven through the screen, and the exact YAML
 * on disk checked after each step, comments and all. TANDEM_E2E_CPU_THROTTLE=4 runs it on a
 * four-times slower CPU.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { sampleLibrary } from '../support/temp-library.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';
import { press as pressOn, setValue as setValueOn } from './support/form-input.js';

let served: ServedLibrary;
let browser: TestBrowser;
let page: Page;
const original: Record<string, string> = {};
/** The term file after the run is added, for the next step to compare with. */
let planned = '';

const read = (file: string) => readFile(path.join(served.root, file), 'utf8');

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveLibrary({ library: sampleLibrary }),
    launchTestBrowser(),
  ]);
  // Comments the app must keep: the sample's college.yml has none of its own.
  const college = (await read('college.yml'))
    .replace('\nvenues:\n', '\n# Where courses run. Keep the online venue last.\nvenues:\n')
    .replace(
      '\n  - id: getting-involved\n',
      '\n  # For people who want to give something back.\n  - id: getting-involved\n',
    );
  await writeFile(path.join(served.root, 'college.yml'), college);
  for (const file of ['college.yml', 'trainers.yml', 'terms/spring-2027.yml']) {
    original[file] = await read(file);
  }
  page = await browser.browser.newPage();
  const throttle = Number(process.env.TANDEM_E2E_CPU_THROTTLE ?? 1);
  if (throttle > 1) {
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(30_000 * Math.max(1, throttle / 2));
  await page.goto(served.url);
  await page.waitForSelector('h1 ::-p-text(Courses)');
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const file = path.join(tmpdir(), `tandem-planning-${context.task.name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(`Screenshot of the failing step: ${file}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const press = (role: string, name: string) => pressOn(page, role, name);
const setValue = (selector: string, value: string) => setValueOn(page, selector, value);

async function typeInto(selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.click(selector, { count: 3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

/** The lines of `after` that differ from `before`, as [before, after] pairs (same length files). */
function changedLines(before: string, after: string): [string, string][] {
  const old = before.split('\n');
  return after
    .split('\n')
    .map((line, i) => [old[i] ?? '', line] as [string, string])
    .filter(([a, b]) => a !== b);
}

async function openPlanner(): Promise<void> {
  await page.goto(`${served.url}#/term/spring-2027`);
  await page.waitForSelector('.run-card');
}

describe('planning a term as an administrator', () => {
  it('opens on the Terms screen once the profile says administrator', async () => {
    await press('link', 'Your profile');
    await page.locator('::-p-text(I plan terms for the college)').click();
    await page.goto(served.url);
    await page.waitForSelector('h1 ::-p-text(Terms)');
    const nav = await page.$$eval('.nav__link', (links) => links.map((l) => l.textContent));
    expect(nav.slice(0, 4)).toEqual(['Terms', 'Venues', 'Trainers', 'College']);
  });

  it('copies this term into one starting 13 weeks later, listing the moved sessions first', async () => {
    await page.waitForSelector('.term-card');
    await press('button', 'New term');
    await typeInto('#new-term-title', 'Early summer 2027');
    await page.select('#new-term-from', 'spring-2027');
    await setValue('#new-term-starts', '2027-04-12');
    await press('button', 'Show the new dates');
    await page.waitForSelector('.copy-summary');
    const moves = await page.$$eval('.move-list li', (items) => items.map((i) => i.textContent));
    expect(moves).toEqual([
      "Getting a good night's sleep: Monday 3 May 2027 is Early May bank holiday, so it moves to Monday 17 May 2027",
      'Understanding anxiety: Monday 31 May 2027 is Spring bank holiday, so it moves to Monday 21 June 2027',
    ]);
    await expect(read('terms/early-summer-2027.yml')).rejects.toThrow();
    await press('button', 'Create term');
    await page.waitForSelector('h1 ::-p-text(Early summer 2027)');
    const copy = await read('terms/early-summer-2027.yml');
    const source = original['terms/spring-2027.yml'] ?? '';
    const changed = changedLines(source, copy);
    expect(copy.split('\n')).toHaveLength(source.split('\n').length);
    expect(changed.slice(0, 6)).toEqual([
      ['title: Spring term 2027', 'title: Early summer 2027'],
      ['starts: 2027-01-11', 'starts: 2027-04-12'],
      ['ends: 2027-03-26', 'ends: 2027-06-25'],
      ['enrolmentOpens: 2026-12-01', 'enrolmentOpens: 2027-03-02'],
      ['      - date: 2027-01-11  # Monday', '      - date: 2027-04-12  # Monday'],
      ['      - date: 2027-01-18  # Monday', '      - date: 2027-04-19  # Monday'],
    ]);
    // Only dates change after the header; every comment and other line is as it was.
    for (const [before, after] of changed.slice(4)) {
      expect(after.replace(/\d{4}-\d{2}-\d{2}/, 'DATE')).toBe(
        before.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'),
      );
    }
    expect(copy).toContain('      - date: 2027-05-17  # Monday');
    expect(copy).toContain('      - date: 2027-06-21  # Monday');
  });

  it('adds a run with a weekly pattern', async () => {
    await openPlanner();
    const runs = await page.$$eval('.run-card', (cards) => cards.length);
    await press('button', 'Add a run');
    await page.select('#run-course', 'volunteering-and-your-community');
    await page.select('#run-venue', 'greenway-community-centre');
    await typeInto('#run-capacity', '10');
    await page.locator('.dialog ::-p-text(Amira Hassan)').click();
    await page.locator('.dialog ::-p-text(Hannah Lewis)').click();
    await page.select('#run-weekday', '4');
    await setValue('#run-from', '2027-02-01');
    await typeInto('#run-weeks', '3');
    await setValue('#run-start', '13:00');
    await setValue('#run-end', '14:30');
    await page.waitForSelector(
      '.pattern-preview ::-p-text(every Friday 13:00 to 14:30, 3 weeks from Friday 5 February 2027)',
    );
    await press('button', 'Add run');
    await page.waitForFunction(
      (count) => document.querySelectorAll('.run-card').length === count + 1,
      {},
      runs,
    );
    // The course is still awaiting a sign-off: said beside the run, for information only.
    const note = await page.waitForSelector(
      '.run-card:last-child .problem--information ::-p-text(course volunteering-and-your-community is not ready to publish (awaiting sign-off from Daniel Okafor))',
    );
    expect(await note?.evaluate((el) => el.closest('li')?.textContent)).toMatch(/^For information/);
    planned = await read('terms/spring-2027.yml');
    expect(planned).toBe(
      `${original['terms/spring-2027.yml']}  - course: volunteering-and-your-community
    venue: greenway-community-centre
    facilitators:
      - amira-hassan
      - hannah-lewis
    capacity: 10
    sessions:
      - date: 2027-02-05
        start: '13:00'
        end: '14:30'
      - date: 2027-02-12
        start: '13:00'
        end: '14:30'
      - date: 2027-02-19
        start: '13:00'
        end: '14:30'
`,
    );
  });

  it('shows a trainer booked twice, and the clash goes when the session moves', async () => {
    // Amira Hassan teaches Understanding anxiety on Tuesday 26 January, 13:30 to 15:30.
    await press(
      'button',
      'Change Volunteering and getting involved in your community on Friday 5 February 2027',
    );
    await setValue('#session-date', '2027-01-26');
    await setValue('#session-start', '15:00');
    await setValue('#session-end', '16:30');
    await press('button', 'Save session');
    await page.waitForSelector(
      '.run-card ::-p-text(trainer amira-hassan is also booked on 2027-01-26 13:30 to 15:30 for understanding-anxiety at old-library)',
    );
    await page.waitForSelector('.session--problem');
    const clash = await read('terms/spring-2027.yml');
    expect(changedLines(planned, clash)).toEqual([
      ['      - date: 2027-02-05', '      - date: 2027-01-26'],
      ["        start: '13:00'", "        start: '15:00'"],
      ["        end: '14:30'", "        end: '16:30'"],
    ]);

    await press(
      'button',
      'Change Volunteering and getting involved in your community on Tuesday 26 January 2027',
    );
    await setValue('#session-start', '15:30');
    await setValue('#session-end', '17:00');
    await press('button', 'Save session');
    await page.waitForSelector('.screen__intro ::-p-text(no clashes or problems)');
    expect(await page.$('.session--problem')).toBeNull();
    const fixed = await read('terms/spring-2027.yml');
    expect(changedLines(clash, fixed)).toEqual([
      ["        start: '15:00'", "        start: '15:30'"],
      ["        end: '16:30'", "        end: '17:00'"],
    ]);
  });

  it('deletes a run and puts it back with Undo, its comments too', async () => {
    const before = await read('terms/spring-2027.yml');
    const runs = await page.$$eval('.run-card', (cards) => cards.length);
    await press('button', 'Delete run of Mindfulness for beginners');
    await page.waitForFunction(
      (count) => document.querySelectorAll('.run-card').length === count - 1,
      {},
      runs,
    );
    expect(await read('terms/spring-2027.yml')).not.toContain('mindfulness-for-beginners');
    await press('button', 'Undo');
    await page.waitForFunction(
      (count) => document.querySelectorAll('.run-card').length === count,
      {},
      runs,
    );
    // Back in its place, every comment kept; the printer writes one space before each.
    expect(await read('terms/spring-2027.yml')).toBe(
      before.replace(/(- date: 2027-02-(?:04|11|18)) {2}# Thursday/g, '$1 # Thursday'),
    );
  });

  it('lists the runs of courses not signed off in the Problems screen, for information', async () => {
    await page.goto(`${served.url}#/problems`);
    await page.waitForSelector('h1 ::-p-text(Problems)');
    const lines = (await read('terms/spring-2027.yml')).split('\n');
    const line = lines.indexOf('  - course: volunteering-and-your-community') + 1;
    const item = await page.waitForSelector(
      `.problem--information .problem__where ::-p-text(terms/spring-2027.yml:${line}:)`,
    );
    expect(await item?.evaluate((el) => el.closest('li')?.textContent)).toBe(
      `For informationterms/spring-2027.yml:${line}: course volunteering-and-your-community is not ready to publish (awaiting sign-off from Daniel Okafor); this run stays out of the prospectus and the website until it is`,
    );
  });

  it("edits a venue's accessibility note, changing only its lines", async () => {
    await press('link', 'Venues');
    await page.waitForSelector('.panel form');
    const field = '#venue-greenway-community-centre-accessibility';
    await typeInto(field, 'All on one level. Free parking and a hearing loop.');
    await press('button', 'Save venue Greenway Community Centre');
    await page.waitForSelector('::-p-text(Saved: the details of Greenway Community Centre.)');
    const before = original['college.yml'] ?? '';
    expect(await read('college.yml')).toBe(
      before.replace(
        / {2}- id: greenway-community-centre\n[\s\S]*?(?= {4}online: false)/,
        [
          '  - id: greenway-community-centre',
          '    name: Greenway Community Centre',
          '    address: Greenway Road, Eastfield, Kingsford KF3 2DN',
          '    accessibility: >-',
          '      All on one level. Free parking and a hearing loop.',
          '',
        ].join('\n'),
      ),
    );
    expect(await read('college.yml')).toContain('# Where courses run. Keep the online venue last.');
  });

  it('renames, moves and adds categories, ids and comments kept', async () => {
    const before = await read('college.yml');
    await press('link', 'College');
    await page.waitForSelector('#category-physical-health-and-wellbeing-title');
    await typeInto('#category-physical-health-and-wellbeing-title', 'Looking after our bodies');
    await press('button', 'Save category Physical health and wellbeing');
    await page.waitForSelector('::-p-text(Saved: the category Looking after our bodies.)');
    await press('button', 'Move up Getting involved');
    await page.waitForSelector('::-p-text(Saved: the new place of Getting involved.)');
    // Focus stays with the category that moved, so it can be moved again from the keyboard.
    await page.waitForFunction(() => document.activeElement?.id === 'category-getting-involved-up');
    await press('button', 'Add a category');
    await typeInto('#category-new-title', 'Creative wellbeing');
    await typeInto('#category-new-description', 'Art, music and writing for wellbeing.');
    await press('button', 'Add category');
    await page.waitForSelector('#category-creative-wellbeing-title');
    const block = (id: string) =>
      new RegExp(`( {2}# .*\\n)? {2}- id: ${id}\\n( {4}.*\\n)*`).exec(before)?.[0] ?? '';
    const health = block('physical-health-and-wellbeing');
    const involved = block('getting-involved');
    expect(involved.split('\n').slice(0, 2)).toEqual([
      '  # For people who want to give something back.',
      '  - id: getting-involved',
    ]);
    expect(await read('college.yml')).toBe(
      before
        .replace(
          health + involved,
          involved +
            health.replace(
              '    title: Physical health and wellbeing\n',
              '    title: Looking after our bodies\n',
            ),
        )
        .replace(
          '\n# Where courses run.',
          [
            '',
            '  - id: creative-wellbeing',
            '    title: Creative wellbeing',
            '    description: Art, music and writing for wellbeing.',
            '# Where courses run.',
          ].join('\n'),
        ),
    );
  });

  it('sets the time zone and a cover picture added from the computer', async () => {
    const before = await read('college.yml');
    const picture = path.join(tmpdir(), `Riverside Garden ${process.pid}.png`);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await writeFile(picture, png);
    try {
      await press('link', 'College');
      await typeInto('#college-time-zone', 'Europe/Dublin');
      const input = await page.waitForSelector('#college-cover-file');
      // cast: the selector names an <input type="file">
      await (input as ElementHandle<HTMLInputElement>).uploadFile(picture);
      const name = `riverside-garden-${process.pid}.png`;
      await page.waitForFunction(
        (expected) =>
          (document.querySelector('#college-cover') as HTMLSelectElement).value === expected,
        {},
        `images/${name}`,
      );
      await press('button', 'Save settings');
      await page.waitForSelector('::-p-text(Saved: the college settings.)');
      expect(await readFile(path.join(served.root, 'images', name))).toEqual(png);
      expect(await read('college.yml')).toBe(
        before
          .replace('\ntimeZone: Europe/London\n', '\ntimeZone: Europe/Dublin\n')
          .replace('\ncoverImage: images/cover.svg\n', `\ncoverImage: images/${name}\n`),
      );
    } finally {
      await rm(picture, { force: true });
    }
  });

  it('adds a trainer at the end of the roster', async () => {
    await press('link', 'Trainers');
    await page.waitForSelector('.roster__item');
    await typeInto('#trainer-name', 'Sam Okoye');
    await page.select('#trainer-role', 'practitioner');
    await press('button', 'Add trainer');
    await page.waitForSelector('.roster ::-p-text(Sam Okoye)');
    expect(await read('trainers.yml')).toBe(
      `${original['trainers.yml']}- id: sam-okoye\n  name: Sam Okoye\n  role: practitioner\n`,
    );
  });

  it('will not remove a trainer who is still named somewhere, and says where', async () => {
    await press('button', 'Remove Sanjay Patel');
    await page.waitForSelector('[role="alert"] ::-p-text(Sanjay Patel cannot be removed)');
    expect(await read('trainers.yml')).toContain('- id: sanjay-patel');
  });
});
