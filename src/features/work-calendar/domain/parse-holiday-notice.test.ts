import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHolidayNotice } from './parse-holiday-notice.ts';
import { shippedChinaYears } from '../../../shared/domain/china-work-calendar.ts';

// 国务院办公厅关于2026年部分节假日安排的通知, as published.
const NOTICE_2026 = `经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

// 国务院办公厅关于2025年部分节假日安排的通知: a single day off, and 国庆节、中秋节 as one item.
const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

for (const [year, notice] of [
  [2026, NOTICE_2026],
  [2025, NOTICE_2025],
] as const) {
  test(`the ${year} notice reads as the same days off and make-up days as the shipped calendar`, () => {
    const parsed = parseHolidayNotice(notice, year, `国务院办公厅关于${year}年部分节假日安排的通知`);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const shipped = shippedChinaYears().get(year)!;
    assert.deepEqual(Object.keys(parsed.year.holidays).sort(), Object.keys(shipped.holidays).sort());
    assert.deepEqual(
      Object.keys(parsed.year.makeupWorkdays).sort(),
      Object.keys(shipped.makeupWorkdays).sort(),
    );
  });
}

test('names come from the notice items', () => {
  const parsed = parseHolidayNotice(NOTICE_2025, 2025);
  assert.ok(parsed.ok);
  assert.equal(parsed.year.holidays['2025-10-05'], '国庆节、中秋节');
  assert.equal(parsed.year.makeupWorkdays['2025-01-26'], '春节');
  assert.equal(parsed.year.holidays['2025-06-02'], '端午节');
});

test('a mistyped date is caught by the weekday the notice prints beside it', () => {
  const parsed = parseHolidayNotice(NOTICE_2026.replace('2月14日（周六）', '2月13日（周六）'), 2026);
  assert.equal(parsed.ok, false);
  assert.ok(
    !parsed.ok &&
      parsed.problems.some((p) => p.code === 'weekday-mismatch' && p.message.includes('2026-02-13 是周五')),
  );
});

test('text that is not a notice, or a notice for another year, is refused with a reason', () => {
  const junk = parseHolidayNotice('明天放假', 2027);
  assert.ok(!junk.ok && junk.problems[0]?.code === 'no-items');
  const wrongYear = parseHolidayNotice(NOTICE_2026, 2027);
  assert.ok(
    !wrongYear.ok && wrongYear.problems.some((p) => p.code === 'wrong-year' || p.code === 'weekday-mismatch'),
  );
});
