/** How the prospectus describes a run's sessions and its build time, in plain British English. */
import type { Session } from '../../library/types.js';
import {
  MONTHS,
  formatDate,
  formatLongDate,
  formatTimeRange,
  utcDate,
  weekdayName,
} from '../format-dates.js';
import { joinWithAnd } from '../../format/wording.js';

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
  const parts = sessions.map((s) => utcDate(s.date));
  const sameWeekday = parts.every((p) => p.getUTCDay() === parts[0]?.getUTCDay());
  if (sessions.length === 1)
    return { dates: [formatLongDate(first.date)], ...(time ? { time } : {}) };
  if (sameWeekday && sameTime) {
    // Group days by month and year: "26 January, 2 and 9 February 2027".
    const groups: { month: number; year: number; days: number[] }[] = [];
    for (const p of parts) {
      const [month, year, day] = [p.getUTCMonth(), p.getUTCFullYear(), p.getUTCDate()];
      const last = groups[groups.length - 1];
      if (last && last.month === month && last.year === year) last.days.push(day);
      else groups.push({ month, year, days: [day] });
    }
    const text = groups
      .map((g, i) => {
        const next = groups[i + 1];
        const showYear = !next || next.year !== g.year;
        return `${joinWithAnd(g.days.map(String))} ${MONTHS[g.month]}${showYear ? ` ${g.year}` : ''}`;
      })
      .join(', ');
    return {
      dates: [`${weekdayName(first.date)}s ${text}`],
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

/** "29 November 2026 at 04:05 UTC": when the prospectus was built. */
export function formatBuildTime(date: Date): string {
  const iso = date.toISOString();
  return `${formatDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
}
