/** Dates as the prospectus prints them. */
import { describe, expect, it } from 'vitest';
import {
  formatDateRange,
  formatLongDate,
  formatShortDate,
  mondayOf,
} from '../../../main/publish/format-dates.js';
import { joinWithAnd } from '../../../main/format/wording.js';
import { summariseSessions } from '../../../main/publish/pdf/summarise-sessions.js';

const s = (date: string, start = '10:00', end = '12:00') => ({ date, start, end });

describe('summariseSessions', () => {
  it.each([
    { why: 'no sessions', sessions: [], want: { dates: [] } },
    {
      why: 'one session',
      sessions: [s('2027-01-12')],
      want: { dates: ['Tuesday 12 January 2027'], time: '10:00 to 12:00' },
    },
    {
      why: 'weekly in one month',
      sessions: [s('2027-01-12'), s('2027-01-19'), s('2027-01-26')],
      want: { dates: ['Tuesdays 12, 19 and 26 January 2027'], time: '10:00 to 12:00' },
    },
    {
      why: 'weekly across two months',
      sessions: [s('2027-01-26'), s('2027-02-02'), s('2027-02-09')],
      want: { dates: ['Tuesdays 26 January, 2 and 9 February 2027'], time: '10:00 to 12:00' },
    },
    {
      why: 'weekly across a new year',
      sessions: [s('2026-12-29'), s('2027-01-05')],
      want: { dates: ['Tuesdays 29 December 2026, 5 January 2027'], time: '10:00 to 12:00' },
    },
    {
      why: 'different weekdays, same time',
      sessions: [s('2027-01-18'), s('2027-01-21')],
      want: {
        dates: ['Monday 18 January 2027', 'Thursday 21 January 2027'],
        time: '10:00 to 12:00',
      },
    },
    {
      why: 'different times',
      sessions: [s('2027-01-18'), s('2027-01-25', '14:00', '16:00')],
      want: {
        dates: ['Monday 18 January 2027, 10:00 to 12:00', 'Monday 25 January 2027, 14:00 to 16:00'],
      },
    },
  ])('describes $why', ({ sessions, want }) => {
    expect(summariseSessions(sessions)).toEqual(want);
  });
});

describe('date helpers', () => {
  it.each([
    [formatLongDate('2027-03-01'), 'Monday 1 March 2027'],
    [formatShortDate('2027-03-01'), 'Mon 1 Mar'],
    [formatDateRange('2027-01-11', '2027-03-26'), '11 January to 26 March 2027'],
    [formatDateRange('2026-12-07', '2027-02-26'), '7 December 2026 to 26 February 2027'],
    [mondayOf('2027-01-17'), '2027-01-11'],
    [mondayOf('2027-01-11'), '2027-01-11'],
    [joinWithAnd(['a']), 'a'],
    [joinWithAnd(['a', 'b']), 'a and b'],
    [joinWithAnd(['a', 'b', 'c']), 'a, b and c'],
  ])('gives %s', (got, want) => {
    expect(got).toBe(want);
  });
});
