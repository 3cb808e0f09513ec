/** Weekly patterns expand to the dates people mean. */
import { describe, expect, it } from 'vitest';
import { describePattern, expandPattern } from '../../main/planning/session-pattern.js';
import type { SessionPattern } from '../../main/planning/types.js';

describe('expandPattern', () => {
  it.each<[string, SessionPattern, string[]]>([
    [
      'every Tuesday, 4 weeks from Tuesday 12 January',
      { from: '2027-01-12', weekday: 1, start: '13:30', end: '15:30', weeks: 4 },
      ['2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02'],
    ],
    [
      'from a Monday, the first Thursday after it',
      { from: '2027-01-11', weekday: 3, start: '10:00', end: '12:00', weeks: 2 },
      ['2027-01-14', '2027-01-21'],
    ],
    [
      'across the clock change',
      { from: '2027-03-22', start: '18:00', end: '20:00', weeks: 2 },
      ['2027-03-22', '2027-03-29'],
    ],
    ['no weeks', { from: '2027-01-12', start: '10:00', end: '12:00', weeks: 0 }, []],
  ])('%s', (_name, pattern, dates) => {
    const sessions = expandPattern(pattern);
    expect(sessions.map((session) => session.date)).toEqual(dates);
    for (const session of sessions)
      expect([session.start, session.end]).toEqual([pattern.start, pattern.end]);
  });

  it('describes the pattern in words', () => {
    expect(
      describePattern({ from: '2027-01-12', weekday: 1, start: '13:30', end: '15:30', weeks: 4 }),
    ).toBe('every Tuesday 13:30 to 15:30, 4 weeks from Tuesday 12 January 2027');
  });
});
