/** Table-driven cases for clash detection between two sessions. */
import { describe, expect, it } from 'vitest';
import { findClashes } from '../../main/planning/clashes.js';
import type { SessionSlot } from '../../main/planning/clashes.js';

const base: SessionSlot = {
  termId: 'spring-2027',
  run: 0,
  session: 0,
  course: 'understanding-anxiety',
  venue: 'old-library',
  facilitators: ['amira-hassan', 'hannah-lewis'],
  date: '2027-01-18',
  start: '10:00',
  end: '12:00',
};

const online = new Set(['online']);

describe('findClashes', () => {
  it.each<[string, Partial<SessionSlot>, string[]]>([
    [
      'same trainer, overlapping, elsewhere',
      {
        run: 1,
        course: 'managing-stress',
        venue: 'greenway',
        facilitators: ['amira-hassan', 'tom-brennan'],
        start: '11:00',
        end: '13:00',
      },
      ['trainer amira-hassan'],
    ],
    [
      'touching but not overlapping',
      { run: 1, venue: 'old-library', start: '12:00', end: '14:00' },
      [],
    ],
    ['ends as the other starts', { run: 1, start: '08:00', end: '10:00' }, []],
    [
      'same room, other trainers, overlapping',
      { run: 1, facilitators: ['daniel-okafor', 'mark-evans'], start: '11:59', end: '13:00' },
      ['venue old-library'],
    ],
    [
      'same trainers in two runs of the same course at once',
      { run: 1, venue: 'greenway' },
      ['trainer amira-hassan', 'trainer hannah-lewis'],
    ],
    [
      'inside the other session, same room and trainer',
      { run: 1, facilitators: ['hannah-lewis', 'tom-brennan'], start: '10:30', end: '11:00' },
      ['trainer hannah-lewis', 'venue old-library'],
    ],
    ['same time on another day', { run: 1, date: '2027-01-19' }, []],
  ])('%s', (_name, other, expected) => {
    const clashes = findClashes([base, { ...base, ...other }], online);
    expect(clashes.map((clash) => `${clash.kind} ${clash.id}`)).toEqual(expected);
  });

  it.each([
    ['two runs online at once, different trainers', ['daniel-okafor', 'mark-evans'], []],
    [
      'two runs online at once, one trainer in both',
      ['amira-hassan', 'mark-evans'],
      ['trainer amira-hassan'],
    ],
  ])('online venues never clash: %s', (_name, facilitators, expected) => {
    const first = { ...base, venue: 'online' };
    const clashes = findClashes([first, { ...first, run: 1, facilitators }], online);
    expect(clashes.map((clash) => `${clash.kind} ${clash.id}`)).toEqual(expected);
  });

  it('names both sessions of a clash', () => {
    const other = { ...base, run: 3, session: 2, venue: 'greenway', start: '11:00' };
    expect(findClashes([base, other], online)).toEqual([
      { kind: 'trainer', id: 'amira-hassan', first: base, second: other },
      { kind: 'trainer', id: 'hannah-lewis', first: base, second: other },
    ]);
  });
});
