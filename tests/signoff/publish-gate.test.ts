import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { buildFromLoaded, buildPublication } from '../../main/publish/build.js';
import type { BuildOptions } from '../../main/publish/types.js';
import { hashCourseVersion } from '../../main/signoff/hash-course-version.js';
import {
  ann,
  makeTestLibrary,
  sam,
  signedRecord,
  writeRecords,
  type TestLibrary,
} from './support.js';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('the sign-off gate in a real site build', () => {
  let lib: TestLibrary;
  let out: string;

  beforeEach(async () => {
    const a = ann();
    const s = sam();
    lib = await makeTestLibrary([a, s], {
      'understanding-anxiety': [a.id, s.id],
      'hearing-voices': [a.id, s.id],
    });
    // Distinct titles and codes, so the two courses are clearly different courses.
    const other = path.join(lib.courseDir('hearing-voices'), 'course.md');
    await writeFile(
      other,
      (await readFile(other, 'utf8'))
        .replace('title: Understanding anxiety', 'title: Hearing voices')
        .replace('code: UMH101', 'code: UMH102'),
    );
    const ready = await hashCourseVersion(lib.courseDir('understanding-anxiety'));
    await writeRecords(lib.courseDir('understanding-anxiety'), [
      signedRecord(s, 'understanding-anxiety', ready, '2026-11-03T10:15:00Z'),
      signedRecord(a, 'understanding-anxiety', ready, '2026-11-04T09:00:00Z'),
    ]);
    const awaiting = await hashCourseVersion(lib.courseDir('hearing-voices'));
    await writeRecords(lib.courseDir('hearing-voices'), [
      signedRecord(s, 'hearing-voices', awaiting, '2026-11-05T10:15:00Z'),
    ]);
    out = await mkdtemp(path.join(tmpdir(), 'tandem-gate-out-'));
  });
  afterEach(async () => {
    await lib.dispose();
    await rm(out, { recursive: true, force: true });
  });

  const options = (draft: boolean): BuildOptions => ({
    outDir: out,
    only: 'site',
    paper: 'A4',
    largePrint: false,
    booklet: false,
    facilitatorPacks: false,
    draft,
  });

  it('leaves a course that is not signed off out of the site and lists why', async () => {
    const result = await buildPublication(lib.root, options(false));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.excluded).toEqual([
      {
        courseId: 'hearing-voices',
        title: 'Hearing voices',
        reason: 'awaiting sign-off from Ann Lee',
        cause: 'sign-off',
      },
    ]);
    const site = result.siteDir ?? '';
    expect(await exists(path.join(site, 'courses/understanding-anxiety/index.html'))).toBe(true);
    expect(await exists(path.join(site, 'courses/hearing-voices/index.html'))).toBe(false);
    for (const listing of ['index.html', 'courses/index.html', 'timetable.html']) {
      const html = await readFile(path.join(site, listing), 'utf8');
      expect(html, listing).not.toContain('Hearing voices');
    }
    expect(await readFile(path.join(site, 'courses/index.html'), 'utf8')).toContain(
      'Understanding anxiety',
    );
    const page = await readFile(
      path.join(site, 'courses/understanding-anxiety/index.html'),
      'utf8',
    );
    expect(page).not.toContain('Draft – not yet signed off');
  });

  it('with --draft publishes it, marked as a draft', async () => {
    const result = await buildPublication(lib.root, options(true));
    expect(result.ok).toBe(true);
    expect(result.excluded).toEqual([]);
    const site = result.siteDir ?? '';
    const draftPage = await readFile(path.join(site, 'courses/hearing-voices/index.html'), 'utf8');
    expect(draftPage).toContain('Draft – not yet signed off');
    const readyPage = await readFile(
      path.join(site, 'courses/understanding-anxiety/index.html'),
      'utf8',
    );
    expect(readyPage).not.toContain('Draft – not yet signed off');
  });

  it('drops a ready course from the site once its content changes', async () => {
    const module = path.join(lib.courseDir('understanding-anxiety'), 'modules/02-calming.md');
    await writeFile(module, (await readFile(module, 'utf8')).replace('four', 'five'));
    const result = await buildPublication(lib.root, options(false));
    expect(result.excluded.map((e) => [e.courseId, e.reason])).toEqual([
      ['hearing-voices', 'awaiting sign-off from Ann Lee'],
      ['understanding-anxiety', 'changed since sign-off by Ann Lee and Sam Okafor'],
    ]);
    expect(
      await exists(path.join(result.siteDir ?? out, 'courses/understanding-anxiety/index.html')),
    ).toBe(false);
  });

  describe('when a file changes on disk between loading and publishing', () => {
    const module = () => path.join(lib.courseDir('understanding-anxiety'), 'modules/02-calming.md');
    const modulePage = (site: string) =>
      readFile(path.join(site, 'courses/understanding-anxiety/calming.html'), 'utf8');

    it('keeps out unsigned text that was loaded, even once the signed text is back on disk', async () => {
      const signed = await readFile(module(), 'utf8');
      await writeFile(module(), signed.replace('four', 'five'));
      const loaded = await loadLibrary(lib.root);
      await writeFile(module(), signed);
      const result = await buildFromLoaded(loaded, options(false));
      expect(result.excluded.map((e) => [e.courseId, e.reason])).toEqual([
        ['hearing-voices', 'awaiting sign-off from Ann Lee'],
        ['understanding-anxiety', 'changed since sign-off by Ann Lee and Sam Okafor'],
      ]);
      expect(await exists(path.join(out, 'site/courses/understanding-anxiety/index.html'))).toBe(
        false,
      );
    });

    it('publishes the signed text that was loaded, not what was saved since', async () => {
      const loaded = await loadLibrary(lib.root);
      await writeFile(module(), (await readFile(module(), 'utf8')).replace('four', 'five'));
      const result = await buildFromLoaded(loaded, options(false));
      expect(result.excluded.map((e) => e.courseId)).toEqual(['hearing-voices']);
      const page = await modulePage(result.siteDir ?? '');
      expect(page).toContain('Breathe in for four.');
      expect(page).not.toContain('five');
    });

    it('keeps a course out when a file it loaded was removed since', async () => {
      const loaded = await loadLibrary(lib.root);
      await unlink(module());
      const result = await buildFromLoaded(loaded, options(false));
      expect(result.excluded.map((e) => [e.courseId, e.reason])).toEqual([
        ['hearing-voices', 'awaiting sign-off from Ann Lee'],
        [
          'understanding-anxiety',
          'its sign-off could not be checked: understanding-anxiety/modules/02-calming.md was removed while publishing; publish again.',
        ],
      ]);
    });
  });
});
