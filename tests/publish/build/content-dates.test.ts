/** Pages are dated by their content: sign-offs, the term, or SOURCE_DATE_EPOCH, never the clock. */
import { describe, expect, it } from 'vitest';
import type { Course, Term } from '../../../main/library/types.js';
import {
  dateOfCourses,
  newestSignoff,
  publicationDates,
  sourceDateEpoch,
} from '../../../main/publish/content-dates.js';
import type { CheckedRecord, CourseStatus } from '../../../main/signoff/types.js';

function record(time: string, valid = true): CheckedRecord {
  return {
    trainer: 'ann-lee',
    role: 'peer',
    version: 'sha256:00',
    time,
    signature: '',
    line: 1,
    valid,
  };
}

function status(courseId: string, records: CheckedRecord[]): CourseStatus {
  return {
    courseId,
    version: 'sha256:00',
    state: 'ready',
    label: 'ready',
    authors: [],
    awaiting: [],
    changedSince: [],
    records,
  };
}

const course = (id: string) => ({ id }) as Course; // cast: only the id is read
const term = { starts: '2027-01-11' } as Term; // cast: only the first day is read

describe('sourceDateEpoch', () => {
  it.each([
    [{ SOURCE_DATE_EPOCH: '1796083200' }, '2026-12-01T00:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: ' 0 ' }, '1970-01-01T00:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: 'yesterday' }, undefined],
    [{ SOURCE_DATE_EPOCH: '' }, undefined],
    [{}, undefined],
  ])('%j → %s', (env, expected) => {
    expect(sourceDateEpoch(env)?.toISOString()).toBe(expected);
  });
});

describe('newestSignoff', () => {
  it.each([
    ['no status', undefined, undefined],
    ['no records', status('a', []), undefined],
    [
      'the newest valid record',
      status('a', [record('2026-10-01T09:00:00Z'), record('2026-11-02T10:30:00Z')]),
      '2026-11-02T10:30:00.000Z',
    ],
    [
      'an invalid record never dates a course',
      status('a', [record('2026-10-01T09:00:00Z'), record('2026-12-24T00:00:00Z', false)]),
      '2026-10-01T09:00:00.000Z',
    ],
  ])('%s', (_name, input, expected) => {
    expect(newestSignoff(input)?.toISOString()).toBe(expected);
  });
});

describe('publicationDates', () => {
  const statuses = new Map([
    ['a', status('a', [record('2026-10-01T09:00:00Z')])],
    ['b', status('b', [record('2026-11-02T10:30:00Z')])],
    ['c', status('c', [])],
  ]);

  it('dates each course by its newest sign-off and the site by the newest of all', () => {
    const dates = publicationDates({
      env: {},
      term,
      courses: [course('a'), course('b'), course('c')],
      statuses,
    });
    expect(dates.site.toISOString()).toBe('2026-11-02T10:30:00.000Z');
    expect(dates.courses.get('a')?.toISOString()).toBe('2026-10-01T09:00:00.000Z');
    expect(dates.courses.has('c')).toBe(false);
    expect(dateOfCourses(dates, [course('a'), course('c')]).toISOString()).toBe(
      '2026-10-01T09:00:00.000Z',
    );
    expect(dateOfCourses(dates, [course('c')])).toBe(dates.site);
  });

  it('ignores the sign-offs of courses this build does not publish', () => {
    const dates = publicationDates({ env: {}, term, courses: [course('a')], statuses });
    expect(dates.site.toISOString()).toBe('2026-10-01T09:00:00.000Z');
  });

  it('falls back to the first day of the term when nothing is signed off', () => {
    const dates = publicationDates({ env: {}, term, courses: [course('c')], statuses });
    expect(dates.site.toISOString()).toBe('2027-01-11T00:00:00.000Z');
  });

  it('lets SOURCE_DATE_EPOCH date everything', () => {
    const dates = publicationDates({
      env: { SOURCE_DATE_EPOCH: '1796083200' },
      term,
      courses: [course('a'), course('b')],
      statuses,
    });
    expect(dates.site.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(dateOfCourses(dates, [course('a')]).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
