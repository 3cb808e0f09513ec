/**
 * Public holidays by the region set in college.yml, from the `date-holidays` data library (kept
 * up to date by its maintainers, including one-off bank holidays), never from a hand-made list.
 */
import Holidays from 'date-holidays';
import type { HolidayRegion } from './types.js';

/** The holiday calendars a college can choose in college.yml (`holidays:`). */
export const HOLIDAY_REGIONS = [
  'england-and-wales',
  'scotland',
  'northern-ireland',
  'none',
] as const satisfies readonly HolidayRegion[];

export const DEFAULT_HOLIDAY_REGION: HolidayRegion = 'england-and-wales';

// England and Wales share one list of bank holidays; the library files it under England.
const STATE: Record<Exclude<HolidayRegion, 'none'>, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** Looks up public holidays by date; built once per check or plan. */
export interface HolidayCalendar {
  /** The holiday's name on `date` (YYYY-MM-DD), or undefined on an ordinary day. */
  holidayOn(date: string): string | undefined;
}

/** The calendar for `region`; `none` has no holidays. */
export function holidayCalendar(region: HolidayRegion): HolidayCalendar {
  if (region === 'none') return { holidayOn: () => undefined };
  const source = new Holidays('GB', STATE[region]);
  const byYear = new Map<number, Map<string, string>>();
  const yearOf = (year: number) => {
    let days = byYear.get(year);
    if (!days) {
      days = new Map();
      // Only days off work: the library also lists observances such as Mother's Day.
      for (const holiday of source.getHolidays(year)) {
        if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
        const date = holiday.date.slice(0, 10);
        if (!days.has(date)) days.set(date, holiday.name);
      }
      byYear.set(year, days);
    }
    return days;
  };
  return { holidayOn: (date) => yearOf(Number(date.slice(0, 4))).get(date) };
}
