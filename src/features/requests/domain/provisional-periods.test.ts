/**
 * A period that ends in a year whose holiday notice is not yet known ends provisionally: no case is
 * closed on such a date; once the notice is imported the period is counted on it and the case closes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALENDAR, CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { buildWorkCalendar } from '../../../shared/domain/work-calendar.ts';
import { decideCaseCommand } from './decide-case-command.ts';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';

const withNotice2027 = buildWorkCalendar(
  'CN',
  new Map([
    ...CALENDAR.years,
    [
      2027,
      { holidays: { '2027-01-01': '元旦', '2027-01-04': '元旦' }, makeupWorkdays: {}, source: '测试通知' },
    ],
  ]),
);

test('a 补正 period ending in a year without a notice closes no case; with the notice it is counted anew', () => {
  const c = new CaseUnderTest({ channel: 'in-person', submittedOn: '2026-12-14' });
  c.do(
    { type: 'request-clarification', on: d('2026-12-18'), periodWorkingDays: 10, items: '请写明年份' },
    '2026-12-18',
  );
  const sweep = { type: 'close-lapsed-clarification' } as const;
  assert.deepEqual(c.try(sweep, '2027-01-20'), {
    code: 'period-end-provisional',
    endsOn: '2027-01-04',
    years: [2027],
  });
  // The notice makes 4 January a holiday too: the period ends on the 5th and the case closes the day after.
  const decided = decideCaseCommand(c.state, sweep, {
    calendar: withNotice2027,
    today: '2027-01-20' as IsoDate,
  });
  assert.deepEqual(decided, { ok: true, value: { type: 'clarification-lapsed', on: '2027-01-06' } });
  assert.deepEqual(
    decideCaseCommand(c.state, sweep, { calendar: withNotice2027, today: '2027-01-05' as IsoDate }),
    {
      ok: false,
      error: { code: 'period-not-over', endsOn: '2027-01-05' },
    },
  );
});
