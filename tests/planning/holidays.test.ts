/** Public holidays by region come from the date-holidays data, observances left out. */
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../main/planning/holidays.js';
import type { HolidayRegion } from '../../main/planning/types.js';

describe('holidayCalendar', () => {
  it.each<[HolidayRegion, string, string | undefined]>([
    ['england-and-wales', '2027-03-26', 'Good Friday'],
    ['england-and-wales', '2027-03-29', 'Easter Monday'],
    ['england-and-wales', '2027-05-03', 'Early May bank holiday'],
    ['england-and-wales', '2027-05-31', 'Spring bank holiday'],
    ['england-and-wales', '2027-08-30', 'Summer bank holiday'],
    ['england-and-wales', '2027-12-27', 'Christmas Day (substitute day)'],
    ['england-and-wales', '2027-03-07', undefined], // Mother's Day is not a day off
    ['england-and-wales', '2027-03-28', undefined], // Easter Sunday is no bank holiday
    ['scotland', '2027-03-29', undefined], // no Easter Monday in Scotland
    ['scotland', '2027-08-02', 'Summer bank holiday'],
    ['scotland', '2027-11-30', 'St Andrew’s Day'],
    ['northern-ireland', '2027-03-17', 'St Patrick’s Day'],
    ['northern-ireland', '2027-07-12', 'Battle of the Boyne (Orangemen’s Day)'],
    ['none', '2027-12-25', undefined],
  ])('%s %s → %s', (region, date, expected) => {
    expect(holidayCalendar(region).holidayOn(date)).toBe(expected);
  });
});
