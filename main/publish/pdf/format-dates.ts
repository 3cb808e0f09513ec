/** Dates and times as students read them in the prospectus: "Tuesday 12 January 2027". */
import type { Session } from '../../library/types.js';

const months = [
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
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** Splits an ISO `YYYY-MM-DD` date; computed in UTC so the time zone never shifts a day. */
export function dateParts(iso: string): DateParts {
  const date = new Date(`${iso}T00:00:00Z`);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** "Tuesday 12 January 2027". */
export function formatLongDate(iso: string): string {
  const d = dateParts(iso);
  return `${weekdays[d.weekday]} ${d.day} ${months[d.month]} ${d.year}`;
}

/** "12 January 2027". */
export function formatDate(iso: string): string {
  const d = dateParts(iso);
  return `${d.day} ${months[d.month]} ${d.year}`;
}

/** "Tue 12 Jan": for the timetable's narrow date column. */
export function formatShortDate(iso: string): string {
  const d = dateParts(iso);
  return `${weekdays[d.weekday]?.slice(0, 3)} ${d.day} ${months[d.month]?.slice(0, 3)}`;
}

/** "10:00 to 12:00" — words rather than a dash, which screen readers and some readers skip. */
export function formatTimeRange(start: string, end: string): string {
  return `${start} to ${end}`;
}

/** "11 January to 26 March 2027", or with both years when they differ. */
export function formatDateRange(startIso: string, endIso: string): string {
  const a = dateParts(startIso);
  const b = dateParts(endIso);
  const first = a.year === b.year ? `${a.day} ${months[a.month]}` : formatDate(startIso);
  return `${first} to ${formatDate(endIso)}`;
}

/** Joins words as people write lists: "a", "a and b", "a, b and c". */
export function joinWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface SessionSummary {
  /** One or more lines of dates, each complete on its own. */
  dates: string[];
  /** The shared time of every session, when they all share one. */
  time?: string;
}

/**
 * Describes a run's sessions compactly: "Tuesdays 12, 19 and 26 January 2027" with one time
 * when every session falls on the same weekday at the same time; otherwise one line per
 * session with its own weekday (and time when the times differ).
 */
export function summariseSessions(sessions: Session[]): SessionSummary {
  const first = sessions[0];
  if (!first) return { dates: [] };
  const sameTime = sessions.every((s) => s.start === first.start && s.end === first.end);
  const time = sameTime ? formatTimeRange(first.start, first.end) : undefined;
  const parts = sessions.map((s) => dateParts(s.date));
  const sameWeekday = parts.every((p) => p.weekday === parts[0]?.weekday);
  if (sessions.length === 1)
    return { dates: [formatLongDate(first.date)], ...(time ? { time } : {}) };
  if (sameWeekday && sameTime) {
    // Group days by month and year: "26 January, 2 and 9 February 2027".
    const groups: { month: number; year: number; days: number[] }[] = [];
    for (const p of parts) {
      const last = groups[groups.length - 1];
      if (last && last.month === p.month && last.year === p.year) last.days.push(p.day);
      else groups.push({ month: p.month, year: p.year, days: [p.day] });
    }
    const text = groups
      .map((g, i) => {
        const next = groups[i + 1];
        const showYear = !next || next.year !== g.year;
        return `${joinWithAnd(g.days.map(String))} ${months[g.month]}${showYear ? ` ${g.year}` : ''}`;
      })
      .join(', ');
    return {
      dates: [`${weekdays[parts[0]?.weekday ?? 0]}s ${text}`],
      time: formatTimeRange(first.start, first.end),
    };
  }
  return {
    dates: sessions.map((s) =>
      sameTime
        ? formatLongDate(s.date)
        : `${formatLongDate(s.date)}, ${formatTimeRange(s.start, s.end)}`,
    ),
    ...(time ? { time } : {}),
  };
}

/** ISO date of the Monday on or before `iso`. */
export function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

/** "29 November 2026 at 04:05 UTC": when the prospectus was built. */
export function formatBuildTime(date: Date): string {
  const iso = date.toISOString();
  return `${formatDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
}
