/** The live preview through the API: one page, as the build makes it, with nothing to fetch. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitePreview } from '../../main/api/contract.js';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { buildSiteOnly } from '../support/build-site.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let outDir: string;
beforeAll(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  outDir = await mkdtemp(path.join(tmpdir(), 'tandem-preview-'));
});
afterAll(async () => {
  await library.dispose();
  await rm(outDir, { recursive: true, force: true });
});

const api = () => createApiHandlers({ root: library.root }).handlers;
const modulePage = {
  page: 'module',
  courseId: 'understanding-anxiety',
  file: '01-what-is-anxiety.md',
} as const;

function shown(preview: SitePreview): string {
  if (!preview.ok) throw new Error(`no preview: ${preview.reason}`);
  return preview.html;
}

/** The page's main content with every image address taken out, to compare the words. */
function mainContent(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return main.replace(/src="[^"]*"/g, 'src');
}

describe('previewPage', () => {
  it('renders a session page as a build with drafts publishes it, with nothing to fetch', async () => {
    const preview = await api().previewPage(modulePage);
    const html = shown(preview);
    expect(preview).toMatchObject({
      path: 'courses/understanding-anxiety/what-is-anxiety.html',
      draft: true,
    });
    const siteDir = await buildSiteOnly(library.root, outDir);
    const page = await readFile(
      path.join(siteDir, 'courses/understanding-anxiety/what-is-anxiety.html'),
      'utf8',
    );
    expect(mainContent(html)).toBe(mainContent(page));
    expect(html).toContain("class='draft-banner'");
    // The stylesheet and the image are inside the page; no script, no other file.
    expect(html).not.toMatch(/<link rel=['"]stylesheet|<script/);
    expect(html).toContain('<style>');
    expect(html).toMatch(/<img[^>]* src="data:image\/svg\+xml;base64,/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    // Facilitator notes stay out, as on the site.
    expect(html).not.toContain('Set up the room');
  });

  it('shows what is on disk now', async () => {
    const file = path.join(library.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('part of being human.', 'part of being human. Just saved.'));
    expect(shown(await api().previewPage(modulePage))).toContain('Just saved.');
  });

  it('in one back end, follows each save: an error appears and goes as the text changes', async () => {
    const handlers = api();
    const course = path.join(library.root, 'understanding-anxiety/course.md');
    const module = path.join(library.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
    const courseText = await readFile(course, 'utf8');
    const moduleText = await readFile(module, 'utf8');
    try {
      expect(shown(await handlers.previewPage(modulePage))).not.toContain('First save.');
      await writeFile(module, `${moduleText}\nFirst save.\n`);
      expect(shown(await handlers.previewPage(modulePage))).toContain('First save.');
      await writeFile(course, courseText.replace(/^title: .*$/m, 'title:'));
      expect(await handlers.previewPage(modulePage)).toMatchObject({ ok: false });
      await writeFile(course, courseText);
      await writeFile(module, `${moduleText}\nSecond save.\n`);
      const html = shown(await handlers.previewPage(modulePage));
      expect(html).toContain('Second save.');
      expect(html).not.toContain('First save.');
    } finally {
      await writeFile(course, courseText);
      await writeFile(module, moduleText);
    }
  });

  it('renders the home page, the timetable and the course page', async () => {
    const handlers = api();
    expect(shown(await handlers.previewPage({ page: 'home' }))).toContain('tag--draft');
    expect(await handlers.previewPage({ page: 'timetable' })).toMatchObject({
      ok: true,
      path: 'timetable.html',
    });
    const course = await handlers.previewPage({
      page: 'course',
      courseId: 'understanding-anxiety',
    });
    expect(shown(course)).toContain('Ways to feel calmer');
  });

  it('says why a course with errors has no page, and a module that is gone', async () => {
    const file = path.join(library.root, 'planning-for-my-wellbeing/course.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title:'));
    const broken = await api().previewPage({
      page: 'course',
      courseId: 'planning-for-my-wellbeing',
    });
    expect(broken).toMatchObject({ ok: false, reason: expect.stringContaining('problems') });
    const gone = await api().previewPage({ ...modulePage, file: '09-not-here.md' });
    expect(gone).toMatchObject({ ok: false, reason: expect.stringContaining('not on the site') });
  });
});
