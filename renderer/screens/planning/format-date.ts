/** Dates as people read them. Library dates are whole days, so they are shown in UTC. */

const long = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const short = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

const at = (date: string) => new Date(`${date}T00:00:00Z`);
const valid = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && !isNaN(at(date).getTime());

/** `Tuesday 12 January 2027` (the date as written when it is not a real date). */
export function longDate(date: string): string {
  if (!valid(date)) return date;
  // From the parts, so no locale's comma lands between the weekday and the day.
  const part = (type: string) => long.formatToParts(at(date)).find((p) => p.type === type)?.value;
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
/** `Tue 12 Jan`. */
export const shortDate = (date: string) => (valid(date) ? short.format(at(date)) : date);
/** `12 January`. */
export const dayAndMonth = (date: string) => (valid(date) ? dayMonth.format(at(date)) : date);

/** `12 January 2027 to 26 March 2027`, shortened when the years match. */
export function dateRange(starts: string, ends: string): string {
  if (starts.slice(0, 4) === ends.slice(0, 4)) {
    return `${dayAndMonth(starts)} to ${dayAndMonth(ends)} ${ends.slice(0, 4)}`;
  }
  return `${dayAndMonth(starts)} ${starts.slice(0, 4)} to ${dayAndMonth(ends)} ${ends.slice(0, 4)}`;
}
