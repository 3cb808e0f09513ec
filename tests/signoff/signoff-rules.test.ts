/**
 * The sign-off rules a shared library relies on: only each author's latest sign-off counts,
 * and a key belongs to one trainer only. Fixture libraries with real Ed25519 signatures.
 */
import { describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { getCourseStatus } from '../../main/signoff/course-status.js';
import { formatStatus } from '../../main/cli/format-status.js';
import { selectPublishedCourses } from '../../main/publish/select-published-courses.js';
import { fixtureLibrary } from '../support/temp-library.js';

const COURSE = 'understanding-anxiety';

async function load(name: string) {
  const loaded = await loadLibrary(fixtureLibrary(name));
  if (!loaded.library) throw new Error(`${name} did not load`);
  return { library: loaded.library, problems: loaded.problems };
}

describe('a course restored to an older version both authors once signed', () => {
  it('is not ready, is not published, and shows the sign-off that really counts', async () => {
    const { library, problems } = await load('signoff-restored-older-version');
    expect(problems).toEqual([]);
    const status = await getCourseStatus(library, COURSE);
    expect(status.state).toBe('changed');
    expect(status.awaiting.sort()).toEqual(['amira-hassan', 'hannah-lewis']);
    for (const author of status.authors) {
      expect(author.signedCurrent).toBe(false);
      expect(author.lastSignedVersion).toBe(`sha256:${'b'.repeat(64)}`);
    }
    const text = formatStatus(status, (_style, s) => s);
    expect(text).not.toContain('signed this version');
    expect(text).toContain(
      'on 20 Nov 2026; has not signed this one — “Checked the rewritten version”',
    );
    const selection = await selectPublishedCourses(library, { draft: false });
    expect(selection.courses.map((c) => c.id)).not.toContain(COURSE);
  });
});

describe('one public key listed for two trainers', () => {
  it('is an error at both listings, and no record signed with it counts', async () => {
    const { library, problems } = await load('public-key-shared-by-two-trainers');
    expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
      'trainers.yml:6:18: error: this key is also listed for hannah-lewis; a key belongs to one trainer only, so that one person cannot sign off as two authors: each trainer makes their own key with tandem keys create',
      'trainers.yml:15:18: error: this key is also listed for amira-hassan; a key belongs to one trainer only, so that one person cannot sign off as two authors: each trainer makes their own key with tandem keys create',
    ]);
    const status = await getCourseStatus(library, COURSE);
    expect(status.state).toBe('draft');
    expect(status.records.map((r) => [r.valid, r.reason])).toEqual([
      [
        false,
        expect.stringMatching(/also lists for Hannah Lewis; a key belongs to one trainer only/),
      ],
      [
        false,
        expect.stringMatching(/also lists for Amira Hassan; a key belongs to one trainer only/),
      ],
    ]);
    const selection = await selectPublishedCourses(library, { draft: false });
    expect(selection.courses).toEqual([]);
  });
});
