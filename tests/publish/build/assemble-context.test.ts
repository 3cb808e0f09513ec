import { describe, expect, it } from 'vitest';
import type { Course, Library, Run, Term } from '../../../main/library/types.js';
import {
  assemblePublishContext,
  buildTime,
  pickTerm,
  publishedRuns,
  sortCoursesForPublishing,
} from '../../../main/publish/assemble-context.js';
import {
  formatDateRange,
  formatLongDate,
  formatShortDate,
  formatTimeRange,
  mondayOf,
} from '../../../main/publish/format-dates.js';
import { joinWithAnd } from '../../../main/format/wording.js';

function course(id: string, category: string, title: string): Course {
  return {
    id,
    file: `${id}/course.md`,
    title,
    code: id.toUpperCase(),
    category,
    summary: '',
    audience: '',
    format: '',
    outcomes: [],
    authors: [],
    tags: [],
    body: '',
    bodyLine: 1,
    modules: [],
    images: [],
  };
}

function run(courseId: string, date: string, start = '10:00', venue = 'hall'): Run {
  return { course: courseId, venue, facilitators: [], sessions: [{ date, start, end: '12:00' }] };
}

const term: Term = {
  id: 'spring-2027',
  file: 'terms/spring-2027.yml',
  title: 'Spring term 2027',
  starts: '2027-01-11',
  ends: '2027-03-26',
  runs: [
    run('b', '2027-02-01'),
    run('a', '2027-01-20', '14:00'),
    run('hidden', '2027-01-12'),
    run('a', '2027-01-20', '10:00'),
  ],
};

const library: Library = {
  root: '/nowhere',
  college: {
    name: 'Test College',
    tagline: '',
    contact: {},
    currentTerm: 'spring-2027',
    categories: [
      { id: 'second', title: 'Second', description: '' },
      { id: 'first', title: 'First', description: '' },
    ],
    venues: [],
  },
  trainers: [],
  terms: [term, { ...term, id: 'summer-2027', title: 'Summer term 2027', runs: [] }],
  pages: [],
  courses: [
    course('a', 'first', 'Zebra course'),
    course('b', 'second', 'beta course'),
    course('c', 'second', 'Alpha course'),
    course('d', 'unknown', 'Aardvark'),
  ],
};

describe('pickTerm', () => {
  it.each([
    [undefined, 'spring-2027'],
    ['summer-2027', 'summer-2027'],
  ])('termId %j → %s', (termId, expected) => {
    const picked = pickTerm(library, termId);
    expect('term' in picked && picked.term.id).toBe(expected);
  });

  it('names the missing term and the ones that exist', () => {
    expect(pickTerm(library, 'autumn')).toEqual({
      error:
        'There is no term "autumn": terms/autumn.yml does not exist. Terms in this library: spring-2027, summer-2027.',
    });
    const noCurrent = { ...library, college: { ...library.college, currentTerm: 'gone' } };
    expect(pickTerm(noCurrent, undefined)).toEqual({
      error:
        'There is no term "gone" (the currentTerm in college.yml): terms/gone.yml does not exist. Terms in this library: spring-2027, summer-2027.',
    });
  });
});

describe('ordering', () => {
  it('sorts courses by category order, then title (case-insensitive), unknown categories last', () => {
    // college.yml lists "second" before "first".
    expect(sortCoursesForPublishing(library, library.courses).map((c) => c.id)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
  });

  it('keeps runs of published courses only, by first session', () => {
    const courses = library.courses.filter((c) => c.id !== 'hidden');
    expect(
      publishedRuns(term, courses).map((r) => `${r.course} ${r.sessions[0]?.date} ${r.sessions[0]?.start}`),
    ).toEqual(['a 2027-01-20 10:00', 'a 2027-01-20 14:00', 'b 2027-02-01 10:00']);
  });

  it('assembles the context from the gate’s selection', () => {
    const ctx = assemblePublishContext({
      library,
      term,
      courses: [library.courses[1] as Course, library.courses[0] as Course],
      statuses: new Map(),
      options: {
        outDir: 'dist',
        paper: 'A4',
        largePrint: false,
        booklet: false,
        facilitatorPacks: true,
        draft: false,
      },
      builtAt: new Date(0),
    });
    expect(ctx.courses.map((c) => c.id)).toEqual(['b', 'a']);
    expect(ctx.runs.map((r) => r.course)).toEqual(['a', 'a', 'b']);
  });
});

describe('buildTime', () => {
  const now = () => new Date('2026-11-29T12:00:00Z');
  it.each([
    [{ SOURCE_DATE_EPOCH: '1796083200' }, '2026-12-01T00:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: ' 0 ' }, '1970-01-01T00:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: 'yesterday' }, '2026-11-29T12:00:00.000Z'],
    [{}, '2026-11-29T12:00:00.000Z'],
  ])('%j → %s', (env, expected) => {
    expect(buildTime(env, now).toISOString()).toBe(expected);
  });
});

describe('dates in plain British English', () => {
  it.each([
    ['2027-01-13', 'Wednesday 13 January 2027'],
    ['2027-03-01', 'Monday 1 March 2027'],
    ['2028-02-29', 'Tuesday 29 February 2028'],
  ])('formatLongDate(%s)', (iso, expected) => {
    expect(formatLongDate(iso)).toBe(expected);
  });

  it.each([
    ['2027-01-13', 'Wed 13 Jan'],
    ['2026-12-31', 'Thu 31 Dec'],
  ])('formatShortDate(%s)', (iso, expected) => {
    expect(formatShortDate(iso)).toBe(expected);
  });

  it.each([
    ['2027-01-11', '2027-03-26', '11 January to 26 March 2027'],
    ['2026-12-07', '2027-01-15', '7 December 2026 to 15 January 2027'],
  ])('formatDateRange(%s, %s)', (a, b, expected) => {
    expect(formatDateRange(a, b)).toBe(expected);
  });

  it.each([
    ['2027-01-11', '2027-01-11'],
    ['2027-01-17', '2027-01-11'],
    ['2027-01-13', '2027-01-11'],
    ['2027-01-01', '2026-12-28'],
  ])('mondayOf(%s) = %s', (iso, expected) => {
    expect(mondayOf(iso)).toBe(expected);
  });

  it('joins times and names as people write them', () => {
    expect(formatTimeRange('10:00', '12:00')).toBe('10:00 to 12:00');
    expect(joinWithAnd([])).toBe('');
    expect(joinWithAnd(['A'])).toBe('A');
    expect(joinWithAnd(['A', 'B'])).toBe('A and B');
    expect(joinWithAnd(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
