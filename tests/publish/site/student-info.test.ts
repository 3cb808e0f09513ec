/**
 * Plain and kind course pages: free, no referral or diagnosis, how to enrol, access needs and
 * the two trainers, in the college's words or good defaults; and courses new this term.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STUDENT_INFO } from '../../../main/publish/site/student-info.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../../support/temp-library.js';
import { normalise, readTree } from './site-files.js';

let temp: TempLibrary;
beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  temp = await copyLibrary(sampleLibrary);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await temp?.dispose();
});

let builds = 0;
async function build(term?: string) {
  builds += 1;
  const siteDirBuilt = await buildSiteOnly(
    temp.root,
    path.join(temp.root, '..', `out-${builds}`),
    term ? { termId: term } : {},
  );
  const tree = await readTree(siteDirBuilt);
  return (file: string) => normalise(tree.get(file)?.toString('utf8') ?? '');
}

describe('new this term', () => {
  it('marks courses that did not run in the previous term, on their page and the home page', async () => {
    const page = await build('summer-2027');
    expect(page('courses/volunteering-and-your-community/index.html')).toContain(
      '<span class="tag tag--new">New this term</span>',
    );
    expect(page('courses/managing-stress/index.html')).not.toContain('New this term');
    const home = page('index.html');
    const newSection = home.slice(
      home.indexOf('id="new-heading"'),
      home.indexOf('id="courses-heading"'),
    );
    expect(newSection).toContain('Volunteering and getting involved in your community');
    expect(newSection).not.toContain('Managing stress');
  });

  it('marks nothing in the first term the library has', async () => {
    const page = await build('spring-2027');
    expect(page('index.html')).not.toContain('New this term');
  });
});

describe('good to know', () => {
  it('says it is free, needs no referral, how to enrol and who to tell about access needs', async () => {
    const html = (await build())('courses/managing-stress/index.html');
    expect(html).toContain(DEFAULT_STUDENT_INFO.free);
    expect(html).toContain(DEFAULT_STUDENT_INFO.referral);
    expect(html).toContain(DEFAULT_STUDENT_INFO.enrol);
    expect(html).toContain(DEFAULT_STUDENT_INFO.access);
    expect(html).toContain('<a href="../../pages/how-to-enrol.html">how to enrol</a>');
    expect(html).toContain('A peer trainer has their own lived experience');
    expect(html).toMatch(/\(peer trainer\) and [^(]+\(practitioner trainer\)/);
  });

  it("uses the college's own words from college.yml", async () => {
    const file = path.join(temp.root, 'college.yml');
    await writeFile(
      file,
      `${await readFile(file, 'utf8')}\nstudentInfo:\n  free: There is nothing to pay, ever.\n  access: Ring Sam on 01632 960 999 about anything you need.\n`,
    );
    const html = (await build())('courses/managing-stress/index.html');
    expect(html).toContain('There is nothing to pay, ever.');
    expect(html).toContain('Ring Sam on 01632 960 999 about anything you need.');
    expect(html).not.toContain(DEFAULT_STUDENT_INFO.free);
    expect(html).toContain(DEFAULT_STUDENT_INFO.referral);
  });
});
