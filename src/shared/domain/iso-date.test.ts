import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIsoDate, toIsoDate, isValidCalendarDate, yearOf, lastDayOfYear } from './iso-date.ts';

test('parses real calendar days and refuses impossible ones', () => {
  assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
  assert.equal(parseIsoDate('2023-02-29'), undefined);
  assert.equal(parseIsoDate('2024-13-01'), undefined);
  assert.equal(parseIsoDate('2024-1-5'), undefined);
  assert.equal(parseIsoDate(''), undefined);
});

test('century years are leap only when divisible by 400', () => {
  assert.equal(isValidCalendarDate(2000, 2, 29), true);
  assert.equal(isValidCalendarDate(2100, 2, 29), false);
});

test('formats with zero padding and reads the year back', () => {
  const date = toIsoDate(2024, 3, 5);
  assert.equal(date, '2024-03-05');
  assert.equal(yearOf(date), 2024);
  assert.equal(lastDayOfYear(2024), '2024-12-31');
  assert.throws(() => toIsoDate(2024, 4, 31), RangeError);
});
