/** Sessions written as a weekly pattern: "every Tuesday 13:30 to 15:30, 4 weeks from 12 January". */
import type { SessionPattern } from './types.js';
import type { Session } from '../library/types.js';
import { WEEKDAY_NAMES, addDays, longDate, weekdayOf } from './iso-dates.js';

/** The sessions of a weekly pattern, in date order. */
export function expandPattern(pattern: SessionPattern): Session[] {
  const weekday = pattern.weekday ?? weekdayOf(pattern.from);
  const first = addDays(pattern.from, (weekday - weekdayOf(pattern.from) + 7) % 7);
  return Array.from({ length: Math.max(0, Math.floor(pattern.weeks)) }, (_, week) => ({
    date: addDays(first, week * 7),
    start: pattern.start,
    end: pattern.end,
  }));
}

/** The pattern in words, as the planner shows it before adding the sessions. */
export function describePattern(pattern: SessionPattern): string {
  const sessions = expandPattern(pattern);
  const first = sessions[0];
  if (!first) return 'no sessions';
  const day = WEEKDAY_NAMES[weekdayOf(first.date)];
  const weeks = sessions.length === 1 ? '1 week' : `${sessions.length} weeks`;
  return `every ${day} ${pattern.start} to ${pattern.end}, ${weeks} from ${longDate(first.date)}`;
}
