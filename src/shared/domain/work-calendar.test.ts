import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWorkingDays,
  countWorkingDays,
  describeDay,
  isWorkingDay,
  withLocalAdditions,
  nextWorkingDayOnOrAfter,
} from './work-calendar.ts';
import { shippedChinaCalendar } from './china-work-calendar.ts';
import type { IsoDate } from './iso-date.ts';

const calendar = shippedChinaCalendar();
const d = (text: string) => text as IsoDate;

const periods: Array<[string, string, number, string]> = [
  [
    'A: 20 working days from receipt on Mon 2024-11-04 end on Mon 2024-12-02 (Art. 33)',
    '2024-11-04',
    20,
    '2024-12-02',
  ],
  [
    'B: the 补正 notice is due by the 7th working day, Wed 2024-11-13 (Art. 30)',
    '2024-11-04',
    7,
    '2024-11-13',
  ],
  [
    'B: a 10-working-day correction period from Wed 11-06 ends Wed 2024-11-20',
    '2024-11-06',
    10,
    '2024-11-20',
  ],
  [
    'B1: the clock restarts on the corrected application of Fri 11-15: due Fri 2024-12-13',
    '2024-11-15',
    20,
    '2024-12-13',
  ],
  [
    'C: after the third party answers on Fri 11-22, 16 days left end on Mon 2024-12-16',
    '2024-11-22',
    16,
    '2024-12-16',
  ],
  ['C: a 20-day extension from Mon 12-16 skips 元旦 and ends Tue 2025-01-14', '2024-12-16', 20, '2025-01-14'],
  [
    'D: the fee is payable within 20 working days of Mon 11-25: by Mon 2024-12-23',
    '2024-11-25',
    20,
    '2024-12-23',
  ],
  ['E: received Fri 2024-12-20, due Mon 2025-01-20 (1 January is a holiday)', '2024-12-20', 20, '2025-01-20'],
  [
    'National Day 2025: the make-up Sundays and Saturdays count, 10-01…10-08 do not',
    '2025-09-26',
    20,
    '2025-10-30',
  ],
  ['Spring Festival 2026: Sat 02-14 is worked, 02-15…02-23 are off', '2026-02-12', 5, '2026-02-26'],
  ['Spring Festival 2025: Sun 01-26 is worked, 01-28…02-04 are off', '2025-01-24', 3, '2025-02-05'],
  ['zero working days is the same day (当场答复)', '2024-11-04', 0, '2024-11-04'],
];

for (const [name, from, days, expected] of periods) {
  test(name, () => {
    const result = addWorkingDays(calendar, d(from), days);
    assert.equal(result.date, expected);
    assert.equal(result.count, days);
    assert.deepEqual(result.missingYears, []);
  });
}

test('the loaded calendar knows the make-up working days of 2025 and 2026', () => {
  for (const date of ['2025-01-26', '2025-10-11', '2026-02-14', '2026-02-28']) {
    assert.equal(describeDay(calendar, d(date)).kind, 'makeup-workday', date);
    assert.equal(isWorkingDay(calendar, d(date)), true, date);
  }
  assert.deepEqual(describeDay(calendar, d('2025-10-01')), {
    date: '2025-10-01',
    kind: 'holiday',
    name: '国庆节',
    known: true,
  });
  assert.equal(describeDay(calendar, d('2026-02-16')).name, '春节');
  assert.equal(describeDay(calendar, d('2024-11-09')).kind, 'weekend');
});

test('the explanation lists every day examined: counted, weekend, holiday and make-up days', () => {
  const result = addWorkingDays(calendar, d('2025-09-26'), 20);
  const first = result.days.slice(0, 6).map((day) => [day.date, day.kind, day.counted]);
  assert.deepEqual(first, [
    ['2025-09-27', 'weekend', false],
    ['2025-09-28', 'makeup-workday', true],
    ['2025-09-29', 'workday', true],
    ['2025-09-30', 'workday', true],
    ['2025-10-01', 'holiday', false],
    ['2025-10-02', 'holiday', false],
  ]);
  assert.equal(result.days.filter((day) => day.counted).length, 20);
  assert.equal(result.days.at(-1)?.date, '2025-10-30');
});

test('a period that runs into a year the calendar lacks is flagged, never silently guessed', () => {
  const result = addWorkingDays(calendar, d('2026-12-20'), 20);
  assert.deepEqual(result.missingYears, [2027]);
  assert.ok(result.days.some((day) => !day.known));
  assert.equal(addWorkingDays(calendar, d('2026-11-02'), 20).missingYears.length, 0);
});

test('counting between two dates agrees with adding', () => {
  assert.equal(countWorkingDays(calendar, d('2024-11-04'), d('2024-12-02')).count, 20);
  assert.equal(countWorkingDays(calendar, d('2025-09-26'), d('2025-10-30')).count, 20);
  assert.equal(countWorkingDays(calendar, d('2024-12-02'), d('2024-11-04')).count, 0);
  assert.equal(nextWorkingDayOnOrAfter(calendar, d('2025-10-01')), '2025-10-09');
});

test('a jurisdiction adds its own holidays on top of the national calendar', () => {
  const local = withLocalAdditions(
    calendar,
    'CN-XJ',
    new Map([[2025, { holidays: { '2025-06-06': '古尔邦节' }, makeupWorkdays: {} }]]),
  );
  assert.equal(isWorkingDay(calendar, d('2025-06-06')), true);
  assert.equal(isWorkingDay(local, d('2025-06-06')), false);
  assert.equal(addWorkingDays(local, d('2025-06-05'), 1).date, '2025-06-09');
  assert.equal(local.years.get(2025)?.holidays['2025-10-01'], '国庆节');
});

test('a negative or fractional number of working days is a bug', () => {
  assert.throws(() => addWorkingDays(calendar, d('2025-01-01'), -1), RangeError);
  assert.throws(() => addWorkingDays(calendar, d('2025-01-01'), 1.5), RangeError);
});
