/**
 * Term roll-over across the holidays that catch planners out, with the real England and Wales
 * calendar: sessions keep weekday, time and week of term, and a session landing on a holiday
 * moves to its run's next free week (or is reported when there is none before the term ends).
 */
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../main/planning/holidays.js';
import { rollOver } from '../../main/planning/roll-over.js';
import type { RollOverSource } from '../../main/planning/roll-over.js';

const englandAndWales = holidayCalendar('england-and-wales');

function term(
  starts: string,
  ends: string,
  runs: Record<string, string[]>,
  time = ['10:00', '12:00'],
): RollOverSource {
  return {
    starts,
    ends,
    runs: Object.entries(runs).map(([course, dates]) => ({
      course,
      sessions: dates.map((date) => ({ date, start: time[0] ?? '', end: time[1] ?? '' })),
    })),
  };
}

interface Case {
  name: string;
  source: RollOverSource;
  starts: string;
  ends: string;
  dates: string[][];
  moves: string[];
  stuck?: string[];
}

const cases: Case[] = [
  {
    name: 'Easter: Good Friday and Easter Monday move to the next free week',
    source: term('2026-03-02', '2026-04-24', {
      fridays: ['2026-03-06', '2026-03-13', '2026-03-20'],
      mondays: ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'],
    }),
    starts: '2027-03-08',
    ends: '2027-04-30',
    dates: [
      ['2027-03-12', '2027-03-19', '2027-04-02'],
      ['2027-03-15', '2027-03-22', '2027-04-12', '2027-04-05'],
    ],
    moves: [
      'fridays 2027-03-26 (Good Friday) → 2027-04-02',
      'mondays 2027-03-29 (Easter Monday) → 2027-04-12',
    ],
  },
  {
    name: 'the May bank holidays, skipping a week the run already uses',
    source: term('2026-04-20', '2026-07-17', {
      mondays: ['2026-04-27', '2026-05-04', '2026-05-11', '2026-06-01'],
    }),
    starts: '2027-04-19',
    ends: '2027-07-16',
    dates: [['2027-04-26', '2027-05-17', '2027-05-10', '2027-06-07']],
    moves: [
      'mondays 2027-05-03 (Early May bank holiday) → 2027-05-17',
      'mondays 2027-05-31 (Spring bank holiday) → 2027-06-07',
    ],
  },
  {
    name: 'Christmas: no free week before the term ends, so it is reported and left',
    source: term('2026-11-02', '2026-12-31', {
      mondays: ['2026-12-14', '2026-12-21', '2026-12-28'],
      tuesdays: ['2026-12-22'],
    }),
    starts: '2027-11-01',
    ends: '2027-12-30',
    dates: [['2027-12-13', '2027-12-20', '2027-12-27'], ['2027-12-21']],
    moves: [],
    stuck: ['mondays 2027-12-27 (Christmas Day (substitute day))'],
  },
  {
    name: 'the clock change: evening sessions keep their wall-clock times',
    source: term('2026-03-02', '2026-04-10', { wednesdays: ['2026-03-25', '2026-04-01'] }, [
      '18:00',
      '20:00',
    ]),
    starts: '2027-03-01',
    ends: '2027-04-09',
    dates: [['2027-03-24', '2027-03-31']],
    moves: [],
  },
  {
    name: 'a start on another weekday keeps each session in its week of term',
    source: term('2027-01-11', '2027-03-26', { tuesdays: ['2027-01-12', '2027-01-19'] }),
    starts: '2027-04-21',
    ends: '2027-07-02',
    dates: [['2027-04-20', '2027-04-27']],
    moves: [],
  },
];

describe('rollOver', () => {
  it.each(cases)('$name', ({ source, starts, ends, dates, moves, stuck = [] }) => {
    const plan = rollOver(source, starts, englandAndWales);
    expect([plan.starts, plan.ends]).toEqual([starts, ends]);
    expect(plan.runs.map((run) => run.map((session) => session.date))).toEqual(dates);
    const times = source.runs.map((run) => run.sessions.map((s) => `${s.start}-${s.end}`));
    expect(plan.runs.map((run) => run.map((s) => `${s.start}-${s.end}`))).toEqual(times);
    expect(plan.moves.map((m) => `${m.course} ${m.from} (${m.holiday}) → ${m.to}`)).toEqual(moves);
    expect(plan.stuck.map((s) => `${s.course} ${s.date} (${s.holiday})`)).toEqual(stuck);
  });

  it('moves enrolment by the same whole weeks', () => {
    const source = { ...term('2027-01-11', '2027-03-26', {}), enrolmentOpens: '2026-12-01' };
    expect(rollOver(source, '2027-04-12', englandAndWales).enrolmentOpens).toBe('2027-03-02');
  });

  it('moves nothing when the college has no holiday calendar', () => {
    const source = term('2026-03-02', '2026-04-24', { fridays: ['2026-03-20'] });
    const plan = rollOver(source, '2027-03-08', holidayCalendar('none'));
    expect(plan.runs).toEqual([[{ date: '2027-03-26', start: '10:00', end: '12:00' }]]);
    expect(plan.moves).toEqual([]);
  });
});
