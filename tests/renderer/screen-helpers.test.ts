/** The renderer's small pure helpers: routes, words for files and states, author checks. */
import { describe, expect, it } from 'vitest';
import type { CourseSummary, TrainerSummary } from '../../main/api/contract.js';
import { parseRoute, routeHash } from '../../renderer/state/route.js';
import type { Route } from '../../renderer/state/route.js';
import { fileInWords } from '../../renderer/components/DiffView.js';
import { authorsProblem } from '../../renderer/components/AuthorPicker.js';
import { overviewLine } from '../../renderer/screens/overview-line.js';

describe('routes', () => {
  const cases: [string, Route][] = [
    ['', { screen: 'library' }],
    ['#/library', { screen: 'library' }],
    ['#/nonsense', { screen: 'library' }],
    [
      '#/course/understanding-anxiety/details',
      {
        screen: 'course',
        courseId: 'understanding-anxiety',
        tab: 'details',
      },
    ],
    [
      '#/course/understanding-anxiety',
      {
        screen: 'course',
        courseId: 'understanding-anxiety',
        tab: 'modules',
      },
    ],
    ['#/course/x/unknown-tab', { screen: 'course', courseId: 'x', tab: 'modules' }],
    ['#/problems', { screen: 'problems' }],
    ['#/problems/hearing-voices', { screen: 'problems', courseId: 'hearing-voices' }],
    ['#/publish', { screen: 'publish' }],
    ['#/profile', { screen: 'profile' }],
    ['#/pages', { screen: 'pages' }],
  ];
  it.each(cases)('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it.each(
    cases.slice(1).filter(([hash]) => hash !== '#/nonsense' && !hash.endsWith('unknown-tab')),
  )('writes back %j', (hash, route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

describe('file names in words', () => {
  it.each([
    ['course.md', 'Course details and description'],
    ['modules/02-noticing-stress.md', 'Module 2: noticing stress'],
    ['modules/10-next-steps.md', 'Module 10: next steps'],
    ['images/river.svg', 'Picture: river.svg'],
    ['signoffs.yml', 'signoffs.yml'],
  ])('%s → %s', (path, words) => {
    expect(fileInWords(path)).toBe(words);
  });
});

describe('authors needed', () => {
  const trainers: TrainerSummary[] = [
    { id: 'p', name: 'Pat', role: 'peer' },
    { id: 'q', name: 'Quinn', role: 'practitioner' },
  ];
  it.each([
    [[], /a peer trainer and a practitioner trainer/],
    [['p'], /add a practitioner trainer/],
    [['q'], /add a peer trainer/],
    [['p', 'unknown'], /add a practitioner trainer/],
  ])('%j is not enough', (selected, message) => {
    expect(authorsProblem(trainers, selected)).toMatch(message);
  });
  it('accepts a peer and a practitioner', () => {
    expect(authorsProblem(trainers, ['q', 'p'])).toBeUndefined();
  });
});

describe('library overview line', () => {
  const course = (state?: 'draft' | 'awaiting' | 'changed' | 'ready'): CourseSummary => ({
    id: 'c',
    title: 'C',
    code: 'C1',
    category: 'x',
    authors: [],
    problemCount: 0,
    status: state
      ? {
          courseId: 'c',
          version: 'v',
          state,
          label: state,
          authors: [],
          awaiting: [],
          changedSince: [],
          records: [],
        }
      : undefined,
  });
  it.each([
    [[], '0 courses.'],
    [[course('ready')], '1 course: 1 ready.'],
    [
      [course('ready'), course('ready'), course('draft'), course('draft'), course()],
      '5 courses: 2 ready, 2 drafts, 1 needs fixing.',
    ],
    [
      [course('changed'), course('awaiting')],
      '2 courses: 1 awaiting sign-off, 1 changed since sign-off.',
    ],
  ])('%#', (courses, line) => {
    expect(overviewLine(courses)).toBe(line);
  });
});
