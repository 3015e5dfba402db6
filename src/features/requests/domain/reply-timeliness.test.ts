import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, CALENDAR, d } from '../../../../test-support/case-builder.ts';
import { replyTimeliness } from './reply-timeliness.ts';

const reply = (on: string) =>
  ({ type: 'record-reply', on: d(on), outcome: 'r3_1', legalBasis: '《条例》第三十六条第（一）项' }) as const;

test('a reply on or before the due date is on time; one after it is late; a withdrawal is no reply', () => {
  const onTime = new CaseUnderTest({ channel: 'in-person', submittedOn: '2024-11-04' }).do(
    reply('2024-12-02'),
    '2024-12-02',
  );
  assert.deepEqual(replyTimeliness(onTime.state, CALENDAR), {
    repliedOn: '2024-12-02',
    dueOn: '2024-12-02',
    onTime: true,
  });
  const late = new CaseUnderTest({ channel: 'in-person', submittedOn: '2024-11-04' }).do(
    reply('2024-12-03'),
    '2024-12-03',
  );
  assert.equal(replyTimeliness(late.state, CALENDAR)?.onTime, false);
  const withdrawn = new CaseUnderTest({ channel: 'in-person', submittedOn: '2024-11-04' }).do(
    { type: 'withdraw', on: d('2024-11-10') },
    '2024-11-10',
    '申请人来电撤回',
  );
  assert.equal(replyTimeliness(withdrawn.state, CALENDAR), undefined);
});
