/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`). Dates are whole days with no time zone, so
 * the sums are done in UTC where every day has 24 hours: a clock change never moves a date.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date. */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` (which may be negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 for Monday up to 6 for Sunday, as timetables count the week. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayOf(date));
}

/** 1 for the week (Monday to Sunday) the term starts in, 2 for the next, and so on. */
export function weekOfTerm(termStarts: string, date: string): number {
  return Math.floor(daysBetween(mondayOf(termStarts), date) / 7) + 1;
}

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** `Tuesday 12 January 2027`, for messages. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthName = new Date(Date.UTC(2000, (month ?? 1) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${WEEKDAY_NAMES[weekdayOf(date)]} ${day} ${monthName} ${year}`;
}
