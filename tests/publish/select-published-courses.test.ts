import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashCourseVersion } from '../../main/signoff/hash-course-version.js';
import { selectPublishedCourses } from '../../main/publish/select-published-courses.js';
import {
  ann,
  makeTestLibrary,
  sam,
  signedRecord,
  writeRecords,
  type TestLibrary,
  type TestTrainer,
} from '../signoff/support.js';

describe('selectPublishedCourses (the sign-off gate)', () => {
  let lib: TestLibrary;
  let a: TestTrainer;
  let s: TestTrainer;

  beforeEach(async () => {
    a = ann();
    s = sam();
    lib = await makeTestLibrary([a, s], {
      'a-ready': [a.id, s.id],
      'b-awaiting': [a.id, s.id],
      'c-changed': [a.id, s.id],
      'd-draft': [a.id, s.id],
    });
    const version = await hashCourseVersion(lib.courseDir('a-ready'));
    const old = `sha256:${'0'.repeat(64)}`;
    await writeRecords(lib.courseDir('a-ready'), [
      signedRecord(a, 'a-ready', version, '2026-11-03T10:00:00Z'),
      signedRecord(s, 'a-ready', version, '2026-11-03T11:00:00Z'),
    ]);
    await writeRecords(lib.courseDir('b-awaiting'), [
      signedRecord(s, 'b-awaiting', version, '2026-11-03T10:00:00Z'),
    ]);
    await writeRecords(lib.courseDir('c-changed'), [
      signedRecord(a, 'c-changed', old, '2026-11-03T10:00:00Z'),
      signedRecord(s, 'c-changed', old, '2026-11-03T11:00:00Z'),
    ]);
  });
  afterEach(() => lib.dispose());

  it('publishes only ready courses and lists the rest with plain reasons', async () => {
    const selection = await selectPublishedCourses(lib.library, { draft: false });
    expect(selection.courses.map((c) => c.id)).toEqual(['a-ready']);
    expect(selection.excluded).toEqual([
      {
        courseId: 'b-awaiting',
        title: 'Course b-awaiting',
        reason: 'awaiting sign-off from Ann Lee',
        cause: 'sign-off',
      },
      {
        courseId: 'c-changed',
        title: 'Course c-changed',
        reason: 'changed since sign-off by Ann Lee and Sam Okafor',
        cause: 'sign-off',
      },
      {
        courseId: 'd-draft',
        title: 'Course d-draft',
        reason: 'not yet signed off by Ann Lee and Sam Okafor',
        cause: 'sign-off',
      },
    ]);
    expect([...selection.statuses.keys()]).toEqual(['a-ready']);
    expect(selection.statuses.get('a-ready')?.state).toBe('ready');
  });

  it('with draft, publishes everything and returns every status', async () => {
    const selection = await selectPublishedCourses(lib.library, { draft: true });
    expect(selection.courses.map((c) => c.id)).toEqual([
      'a-ready',
      'b-awaiting',
      'c-changed',
      'd-draft',
    ]);
    expect(selection.excluded).toEqual([]);
    expect([...selection.statuses.values()].map((st) => st.state)).toEqual([
      'ready',
      'awaiting',
      'changed',
      'draft',
    ]);
  });
});
