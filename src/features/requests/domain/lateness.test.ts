/**
 * Lateness cannot be cured (第三十三条第二款, 第三十五条): what extends or replaces the period is decided
 * and notified while it runs; afterwards the reply is late, whatever is entered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, CALENDAR, d } from '../../../../test-support/case-builder.ts';
import { replyTimeliness } from './reply-timeliness.ts';

// Received in person on 2024-11-04: due 2024-12-02 (20 working days).
const received = () => new CaseUnderTest({ channel: 'in-person', submittedOn: '2024-11-04' });
const extension = (approvedOn: string, noticeSentOn: string) =>
  ({
    type: 'grant-extension',
    workingDays: 20,
    approvedBy: '办公室主任',
    approvedOn: d(approvedOn),
    noticeSentOn: d(noticeSentOn),
  }) as const;

test('an extension approved and notified by the due date is taken; notified after it, it is refused', () => {
  assert.equal(received().try(extension('2024-12-02', '2024-12-02'), '2024-12-02'), undefined);
  assert.deepEqual(received().try(extension('2024-11-29', '2024-12-03'), '2024-12-03'), {
    code: 'extension-notice-after-deadline',
    dueOn: '2024-12-02',
  });
  assert.deepEqual(received().try(extension('2024-12-03', '2024-12-03'), '2024-12-03'), {
    code: 'extension-after-deadline',
    dueOn: '2024-12-02',
  });
});

test('a 第三十五条 later date is set within the period; set after it, refused, and the late reply stays late', () => {
  const within = received().do({ type: 'request-explanation', on: d('2024-11-20') }, '2024-11-20');
  assert.equal(
    within.try(
      { type: 'set-later-date', on: d('2024-12-02'), laterDate: d('2024-12-31') },
      '2024-12-02',
      '数量巨大',
    ),
    undefined,
  );
  const after = received().do({ type: 'request-explanation', on: d('2024-11-20') }, '2024-11-20');
  assert.deepEqual(
    after.try(
      { type: 'set-later-date', on: d('2024-12-05'), laterDate: d('2024-12-31') },
      '2024-12-05',
      '数量巨大',
    ),
    { code: 'later-date-after-deadline', dueOn: '2024-12-02' },
  );
  after.do(
    { type: 'record-reply', on: d('2024-12-10'), outcome: 'r3_1', legalBasis: '第三十六条第（一）项' },
    '2024-12-10',
  );
  assert.equal(replyTimeliness(after.state, CALENDAR)?.onTime, false);
});

test('不予处理 under 第三十五条 (r3_5_4) only after the applicant was asked for the reasons', () => {
  const reply = {
    type: 'record-reply',
    on: d('2024-11-25'),
    outcome: 'r3_5_4',
    legalBasis: '第三十五条',
  } as const;
  assert.deepEqual(received().try(reply, '2024-11-25'), {
    code: 'outcome-needs-explanation-request',
    outcome: 'r3_5_4',
  });
  const asked = received().do({ type: 'request-explanation', on: d('2024-11-15') }, '2024-11-15');
  assert.equal(asked.try(reply, '2024-11-25'), undefined);
});
