/**
 * Open data of the site: courses.json lists exactly the published courses and their runs,
 * with times at the college's UTC offset; the Atom feed is well-formed XML whatever the
 * course text; and the JSON-LD of course pages cannot be closed by library text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import { zonedIso } from '../../../main/publish/site/open-data.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import {
  copyLibrary,
  fixtureLibrary,
  sampleLibrary,
  type TempLibrary,
} from '../../support/temp-library.js';
import { readTree } from './site-files.js';

let chromium: TestBrowser;
const temps: TempLibrary[] = [];
beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  chromium = await launchTestBrowser();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await chromium?.close();
  for (const t of temps) await t.dispose();
});

async function buildSite(library: string, draft: boolean) {
  const temp = await copyLibrary(library);
  temps.push(temp);
  const siteDirBuilt = await buildSiteOnly(temp.root, path.join(temp.root, '..', 'out'), { draft });
  return { root: temp.root, siteDir: siteDirBuilt, tree: await readTree(siteDirBuilt) };
}

describe('zonedIso', () => {
  it.each([
    ['2027-01-18', '10:00', 'Europe/London', '2027-01-18T10:00:00+00:00'],
    ['2027-03-29', '10:00', 'Europe/London', '2027-03-29T10:00:00+01:00'],
    ['2027-10-31', '10:00', 'Europe/London', '2027-10-31T10:00:00+00:00'],
    ['2027-07-01', '18:30', 'America/New_York', '2027-07-01T18:30:00-04:00'],
    ['2027-07-01', '09:00', 'Asia/Kolkata', '2027-07-01T09:00:00+05:30'],
  ])('%s %s in %s → %s', (date, time, zone, iso) => {
    expect(zonedIso(date, time, zone)).toBe(iso);
  });
});

describe('courses.json of the sample college', () => {
  it('lists exactly the published courses, with every run and session', async () => {
    const { root, tree } = await buildSite(sampleLibrary, false);
    const data = JSON.parse(tree.get('courses.json')?.toString() ?? '{}');
    const published = [...tree.keys()]
      .map((f) => /^courses\/([^/]+)\/index\.html$/.exec(f)?.[1])
      .filter((id): id is string => Boolean(id))
      .sort();
    const listed = data.dataFeedElement.map((c: { identifier: string }) => c.identifier);
    expect([...listed].sort()).toEqual(published);
    // Not-signed-off courses are left out of a build without --draft.
    expect(published).not.toContain('volunteering-and-your-community');

    const { library } = await loadLibrary(root);
    const term = library?.terms.find((t) => t.id === library.college.currentTerm);
    for (const course of data.dataFeedElement) {
      const source = library?.courses.find((c) => c.id === course.identifier);
      expect(course.name).toBe(source?.title);
      expect(course.url).toBe(
        `https://riverside-recovery.example.org/courses/courses/${course.identifier}/index.html`,
      );
      const runs = term?.runs.filter((r) => r.course === course.identifier) ?? [];
      expect(
        course.courseInstances.map((i: { subEvent: { startDate: string; endDate: string }[] }) =>
          i.subEvent.map((s) => `${s.startDate}/${s.endDate}`),
        ),
      ).toEqual(
        runs.map((r) =>
          r.sessions.map((s) => `${s.date}T${s.start}:00+00:00/${s.date}T${s.end}:00+00:00`),
        ),
      );
    }
  });
});

describe('untrusted course text in open data', () => {
  let built: Awaited<ReturnType<typeof buildSite>>;
  const title = 'Understanding anxiety <script>alert("title")</script>';
  beforeAll(async () => {
    // The XSS library with a site address (so it has a feed) and XML-breaking text.
    const temp = await copyLibrary(fixtureLibrary('xss-payloads-in-course-text'));
    temps.push(temp);
    const college = path.join(temp.root, 'college.yml');
    await writeFile(
      college,
      `${await readFile(college, 'utf8')}\nsiteUrl: https://college.example.org/\n`,
    );
    const course = path.join(temp.root, 'course-with-payloads/course.md');
    await writeFile(
      course,
      (await readFile(course, 'utf8')).replace(
        "summary: 'Learn what anxiety is",
        "summary: 'Ends a CDATA ]]> here & <b>there</b>, learn what anxiety is",
      ),
    );
    built = await buildSite(temp.root, true);
  });

  it('keeps JSON-LD inside its script element, with the text intact', async () => {
    const page = await chromium.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(
      pathToFileURL(path.join(built.siteDir, 'courses/course-with-payloads/index.html')).href,
    );
    const scripts = await page.$$eval('script', (all) =>
      all.map((s) => ({ type: s.getAttribute('type'), text: s.textContent ?? '' })),
    );
    await page.close();
    expect(scripts.map((s) => s.type)).toEqual(['application/ld+json']);
    const data = JSON.parse(scripts[0]?.text ?? '{}');
    expect(data).toMatchObject({ '@type': 'Course', name: title, isAccessibleForFree: true });
    expect(data.hasCourseInstance[0]).toMatchObject({ '@type': 'CourseInstance' });
    expect(dialogs).toEqual([]);
  });

  it('writes a well-formed Atom feed whose titles and summaries read back exactly', async () => {
    const xml = built.tree.get('courses.atom')?.toString() ?? '';
    const page = await chromium.browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      // type="html": what a feed reader shows is the text of the HTML the element holds.
      const shown = (el: Element) => {
        const holder = document.createElement('div');
        holder.innerHTML = el.textContent ?? '';
        return holder.textContent;
      };
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        titles: [...doc.querySelectorAll('entry > title')].map(shown),
        summaries: [...doc.querySelectorAll('entry > summary')].map(shown),
        categories: [...doc.querySelectorAll('entry > category')].map(
          (c) => `${c.getAttribute('term')} | ${c.getAttribute('label')}`,
        ),
      };
    }, xml);
    await page.close();
    expect(parsed.error).toBeNull();
    expect(parsed.titles).toContain(title);
    // A category title with markup in it keeps only its id.
    expect(parsed.categories).toEqual(['understanding-mental-health | null']);
    expect(
      parsed.summaries.some((s) => s?.startsWith('Ends a CDATA ]]> here & <b>there</b>')),
    ).toBe(true);
  });
});
