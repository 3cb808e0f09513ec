/**
 * Dates and times as students read them on the site: plain British English, computed from the
 * ISO strings in UTC so the build machine's time zone never moves a day.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The ISO date at midnight UTC. */
export function utcDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** "Wednesday". */
export function weekdayName(iso: string): string {
  return WEEKDAYS[utcDate(iso).getUTCDay()] ?? '';
}

/** "13 January 2027". */
export function formatDate(iso: string): string {
  const d = utcDate(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** "Wednesday 13 January 2027". */
export function formatLongDate(iso: string): string {
  return `${weekdayName(iso)} ${formatDate(iso)}`;
}

/** "Wed 13 Jan": for narrow table cells (the full date goes in `<time datetime>`). */
export function formatShortDate(iso: string): string {
  const d = utcDate(iso);
  return `${weekdayName(iso).slice(0, 3)} ${d.getUTCDate()} ${(MONTHS[d.getUTCMonth()] ?? '').slice(0, 3)}`;
}

/**
 * "10:00 to 12:00": the 24-hour times from the library, joined with a word rather than a
 * dash, which some screen readers skip. The prospectus uses the same form.
 */
export function formatTimeRange(start: string, end: string): string {
  return `${start} to ${end}`;
}

/** "11 January to 26 March 2027", with both years when they differ. */
export function formatDateRange(startIso: string, endIso: string): string {
  const a = utcDate(startIso);
  const b = utcDate(endIso);
  const first =
    a.getUTCFullYear() === b.getUTCFullYear()
      ? `${a.getUTCDate()} ${MONTHS[a.getUTCMonth()] ?? ''}`
      : formatDate(startIso);
  return `${first} to ${formatDate(endIso)}`;
}

/** ISO date of the Monday on or before `iso` (timetable weeks start on Mondays). */
export function mondayOf(iso: string): string {
  const date = utcDate(iso);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Whole days from `fromIso` to `toIso`. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utcDate(toIso).getTime() - utcDate(fromIso).getTime()) / 86_400_000);
}
