import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statutoryHolidays } from './statutory-holidays.ts';
import { shippedChinaCalendar } from './china-work-calendar.ts';
import { addWorkingDays, buildWorkCalendar } from './work-calendar.ts';
import type { IsoDate } from './iso-date.ts';

test('2027 by the law alone: the seven festivals from the lunar calendar, and the weekend days given back', () => {
  assert.deepEqual(statutoryHolidays(2027), {
    '2027-01-01': '元旦',
    '2027-02-05': '春节',
    '2027-02-06': '春节',
    '2027-02-07': '春节',
    '2027-02-08': '春节',
    '2027-04-05': '清明节',
    '2027-05-01': '劳动节',
    '2027-05-02': '劳动节',
    '2027-06-09': '端午节',
    '2027-09-15': '中秋节',
    '2027-10-01': '国庆节',
    '2027-10-02': '国庆节',
    '2027-10-03': '国庆节',
    '2027-02-09': '春节补假',
    '2027-02-10': '春节补假',
    '2027-05-03': '劳动节补假',
    '2027-05-04': '劳动节补假',
    '2027-10-04': '国庆节补假',
    '2027-10-05': '国庆节补假',
  });
});

test('every festival day the law names is a day off in the notices already published (2025, 2026)', () => {
  const shipped = shippedChinaCalendar();
  for (const year of [2025, 2026]) {
    const notice = shipped.years.get(year)!;
    for (const [date, name] of Object.entries(statutoryHolidays(year)))
      if (!name.endsWith('补假')) assert.ok(date in notice.holidays, `${date} ${name} is off in ${year}`);
  }
});

test('a period into a year without a notice skips its statutory holidays and is flagged provisional', () => {
  const calendar = buildWorkCalendar(
    'CN',
    new Map([...shippedChinaCalendar().years].filter(([y]) => y <= 2026)),
  );
  const due = addWorkingDays(calendar, '2026-12-04' as IsoDate, 20);
  assert.equal(due.date, '2027-01-04');
  assert.deepEqual(due.missingYears, [2027]);
  const holiday = due.days.find((d) => d.date === '2027-01-01');
  assert.deepEqual([holiday?.kind, holiday?.name, holiday?.known], ['holiday', '元旦', false]);
});
