/** Table-driven cases for the date and time rules. */
import { describe, expect, it } from 'vitest';
import { isIsoDate, isTime } from '../../main/library/check-dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2027-01-18', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-02-30', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-1-8', false],
    ['18/01/2027', false],
    ['2027-01-18T10:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('isTime', () => {
  it.each([
    ['00:00', true],
    ['09:30', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
    ['12:60', false],
    ['2pm', false],
    ['10.30', false],
  ])('%s → %s', (value, expected) => {
    expect(isTime(value)).toBe(expected);
  });
});
