import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, CALENDAR, d } from '../../../../test-support/case-builder.ts';
import { replyDeadline, workingDaysLeft } from './reply-deadline.ts';
import { tallyRequests } from './report-year-tally.ts';
import { toReportRecord } from './report-record.ts';

function dueOn(c: CaseUnderTest): string | undefined {
  const deadline = replyDeadline(c.state, CALENDAR);
  return deadline.kind === 'running' || deadline.kind === 'later-date' ? deadline.dueOn : undefined;
}

test('A: confirmed online on Mon 2024-11-04, the reply is due Mon 2024-12-02 and counts as 予以公开 in 2024 (Art. 31, 33)', () => {
  const c = new CaseUnderTest({ channel: 'online', submittedOn: '2024-11-03' });
  assert.equal(c.state.status, 'submitted-unconfirmed');
  assert.deepEqual(replyDeadline(c.state, CALENDAR), { kind: 'not-running', reason: 'unconfirmed' });
  c.do({ type: 'confirm-receipt', receivedOn: d('2024-11-04') }, '2024-11-04');
  assert.equal(dueOn(c), '2024-12-02');
  c.do(
    {
      type: 'record-reply',
      on: d('2024-11-28'),
      outcome: 'r3_1',
      legalBasis: '《条例》第三十六条第（二）项',
    },
    '2024-11-28',
  );
  assert.equal(c.state.status, 'replied');
  const tally = tallyRequests([toReportRecord(c.state)!], 2024).find((t) => t.applicantType === 'natural');
  assert.deepEqual([tally?.received, tally?.completed.r3_1, tally?.carriedOut], [1, 1, 0]);
});

test('B: the 补正 notice is due within 7 working days, only once; the corrected application restarts the clock (Art. 30)', () => {
  const late = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.deepEqual(
    late.try({ type: 'request-clarification', on: d('2024-11-14'), items: '请写明文件名称' }, '2024-11-14'),
    { code: 'clarification-notice-too-late', latestOn: '2024-11-13' },
  );

  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    { type: 'request-clarification', on: d('2024-11-06'), periodWorkingDays: 10, items: '请写明文件名称' },
    '2024-11-06',
  );
  assert.equal(c.state.status, 'awaiting-clarification');
  assert.deepEqual(replyDeadline(c.state, CALENDAR), {
    kind: 'awaiting-clarification',
    periodEndsOn: '2024-11-20',
  });
  assert.equal(
    c.try({ type: 'request-clarification', on: d('2024-11-07'), items: '再补' }, '2024-11-07')?.code,
    'clarification-already-requested',
  );
  assert.equal(
    c.try({ type: 'receive-clarification', description: ' ', on: d('2024-11-15') }, '2024-11-15')?.code,
    'clarification-without-content',
    'the reply letter says what the corrected application asks for',
  );
  c.do(
    { type: 'receive-clarification', description: '2024年度本局行政许可事项目录', on: d('2024-11-15') },
    '2024-11-15',
  );
  assert.equal(dueOn(c), '2024-12-13');
  assert.equal(c.state.receivedOn, '2024-11-04', 'the report still counts the original receipt date');
});

test('B2: an unanswered 补正 closes the case on the day after its period as r3_6_1', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    { type: 'request-clarification', on: d('2024-11-06'), periodWorkingDays: 10, items: '请写明文件名称' },
    '2024-11-06',
  );
  assert.deepEqual(c.try({ type: 'close-lapsed-clarification' }, '2024-11-20'), {
    code: 'period-not-over',
    endsOn: '2024-11-20',
  });
  c.do({ type: 'close-lapsed-clarification' }, '2024-11-25');
  assert.deepEqual(
    [c.state.status, c.state.outcome, c.state.completedOn],
    ['closed-clarification-overdue', 'r3_6_1', '2024-11-21'],
  );
});

test('B3: 补正后申请内容仍不明确 (r3_4_3) needs a 补正 first', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.equal(
    c.try(
      { type: 'record-reply', on: d('2024-11-10'), outcome: 'r3_4_3', legalBasis: '《条例》第三十条' },
      '2024-11-10',
    )?.code,
    'unclear-without-clarification',
  );
  c.do({ type: 'request-clarification', on: d('2024-11-06'), items: '请写明文件名称' }, '2024-11-06');
  c.do(
    { type: 'receive-clarification', description: '2024年度本局行政许可事项目录', on: d('2024-11-15') },
    '2024-11-15',
  );
  c.do(
    { type: 'record-reply', on: d('2024-11-20'), outcome: 'r3_4_3', legalBasis: '《条例》第三十条' },
    '2024-11-20',
  );
  assert.equal(c.state.outcome, 'r3_4_3');
});

test('C: third-party consultation pauses the clock; an approved and notified extension adds 20 days past 元旦 (Art. 32, 33)', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'start-consultation',
      subject: '所涉信息的摘要',
      consultationId: 'c1',
      party: 'third-party',
      partyName: '某公司',
      issuedOn: d('2024-11-11'),
      deliveredOn: d('2024-11-12'),
    },
    '2024-11-12',
  );
  assert.equal(c.state.status, 'consulting-third-party');
  assert.equal(c.state.consultations[0]?.answerDueOn, '2024-12-03');
  const open = replyDeadline(c.state, CALENDAR);
  assert.ok(
    open.kind === 'running' && open.provisional,
    'an open consultation makes the due date provisional',
  );
  c.do(
    { type: 'record-consultation-answer', consultationId: 'c1', on: d('2024-11-22'), position: 'objects' },
    '2024-11-22',
  );
  assert.equal(dueOn(c), '2024-12-16');
  const deadline = replyDeadline(c.state, CALENDAR);
  assert.ok(deadline.kind === 'running');
  assert.equal(
    deadline.days.filter((day) => day.pausedBy === 'third-party-consultation').length,
    10,
    'the ten working days 11-11…11-22 are paused',
  );
  assert.equal(workingDaysLeft(deadline, d('2024-12-10'), CALENDAR), 4);

  assert.equal(
    c.try(
      {
        type: 'grant-extension',
        workingDays: 20,
        approvedBy: '',
        approvedOn: d('2024-12-10'),
        noticeSentOn: d('2024-12-10'),
      },
      '2024-12-10',
    )?.code,
    'extension-without-approval',
  );
  assert.equal(
    c.try(
      { type: 'grant-extension', workingDays: 20, approvedBy: '李主任', approvedOn: d('2024-12-10') },
      '2024-12-10',
    )?.code,
    'extension-without-notice',
  );
  assert.deepEqual(
    c.try(
      {
        type: 'grant-extension',
        workingDays: 21,
        approvedBy: '李主任',
        approvedOn: d('2024-12-10'),
        noticeSentOn: d('2024-12-10'),
      },
      '2024-12-10',
    ),
    { code: 'extension-too-long', maxWorkingDays: 20 },
  );
  c.do(
    {
      type: 'grant-extension',
      workingDays: 20,
      approvedBy: '李主任',
      approvedOn: d('2024-12-10'),
      noticeSentOn: d('2024-12-10'),
    },
    '2024-12-10',
  );
  assert.equal(dueOn(c), '2025-01-14');
  assert.equal(
    c.try(
      {
        type: 'grant-extension',
        workingDays: 5,
        approvedBy: '李主任',
        approvedOn: d('2024-12-11'),
        noticeSentOn: d('2024-12-11'),
      },
      '2024-12-11',
    )?.code,
    'extension-already-granted',
  );

  const report2024 = tallyRequests([toReportRecord(c.state)!], 2024).find(
    (t) => t.applicantType === 'natural',
  );
  assert.deepEqual([report2024?.received, report2024?.carriedOut], [1, 1]);
  c.do(
    { type: 'record-reply', on: d('2025-01-08'), outcome: 'r3_2', legalBasis: '《条例》第三十七条' },
    '2025-01-08',
  );
  const report2025 = tallyRequests([toReportRecord(c.state)!], 2025).find(
    (t) => t.applicantType === 'natural',
  );
  assert.deepEqual([report2025?.carriedIn, report2025?.completed.r3_2], [1, 1]);
});

test('an extension decided after the due date is refused', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.deepEqual(
    c.try(
      {
        type: 'grant-extension',
        workingDays: 10,
        approvedBy: '李主任',
        approvedOn: d('2024-12-03'),
        noticeSentOn: d('2024-12-03'),
      },
      '2024-12-03',
    ),
    {
      code: 'extension-after-deadline',
      dueOn: '2024-12-02',
    },
  );
});

test('D: a fee notice gives 20 working days to pay; unpaid, the case closes as r3_6_2; a payment before a notice is refused', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-18' });
  assert.equal(
    c.try({ type: 'record-payment', on: d('2024-11-20'), amountYuan: 100 }, '2024-11-20')?.code,
    'payment-before-notice',
  );
  c.do(
    {
      type: 'issue-fee-notice',
      howToPay: '通过非税收入缴款码缴纳',
      method: 'per-application',
      amountYuan: 100,
      issuedOn: d('2024-11-22'),
      deliveredOn: d('2024-11-25'),
    },
    '2024-11-25',
  );
  assert.equal(c.state.status, 'awaiting-fee');
  assert.equal(c.state.fees[0]?.payByOn, '2024-12-23');
  assert.equal(
    c.try({ type: 'record-reply', on: d('2024-11-26'), outcome: 'r3_1', legalBasis: 'x' }, '2024-11-26')
      ?.code,
    'fee-outstanding',
  );
  assert.deepEqual(c.try({ type: 'record-payment', on: d('2024-11-27'), amountYuan: 90 }, '2024-11-27'), {
    code: 'payment-amount-mismatch',
    expectedYuan: 100,
  });
  c.do({ type: 'close-lapsed-fee' }, '2024-12-24');
  assert.deepEqual(
    [c.state.status, c.state.outcome, c.state.completedOn],
    ['closed-fee-overdue', 'r3_6_2', '2024-12-24'],
  );
});

test('D: a paid fee resumes the clock, which stood still while the notice was unpaid', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'issue-fee-notice',
      howToPay: '通过非税收入缴款码缴纳',
      method: 'per-page',
      amountYuan: 4700,
      pages: 250,
      issuedOn: d('2024-11-11'),
      deliveredOn: d('2024-11-11'),
    },
    '2024-11-11',
  );
  c.do({ type: 'record-payment', on: d('2024-11-22'), amountYuan: 4700 }, '2024-11-22');
  assert.equal(dueOn(c), '2024-12-16');
  const waived = new CaseUnderTest({ submittedOn: '2024-11-04' });
  waived.do(
    {
      type: 'issue-fee-notice',
      howToPay: '通过非税收入缴款码缴纳',
      method: 'per-page',
      amountYuan: 4700,
      pages: 250,
      issuedOn: d('2024-11-11'),
      deliveredOn: d('2024-11-11'),
    },
    '2024-11-11',
  );
  assert.equal(waived.try({ type: 'waive-fee', on: d('2024-11-12') }, '2024-11-12')?.code, 'reason-required');
  waived.do({ type: 'waive-fee', on: d('2024-11-12') }, '2024-11-12', '申请人为低保对象');
  assert.equal(waived.state.status, 'received');
});

test('E: received Fri 2024-12-20, due Mon 2025-01-20; open at year end it is carried over (R1, R6)', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-12-20' });
  assert.equal(dueOn(c), '2025-01-20');
  const at2024 = tallyRequests([toReportRecord(c.state)!], 2024).find((t) => t.applicantType === 'natural');
  assert.deepEqual([at2024?.received, at2024?.carriedOut], [1, 1]);
  c.do(
    {
      type: 'record-reply',
      on: d('2025-01-10'),
      outcome: 'r3_1',
      legalBasis: '《条例》第三十六条第（二）项',
    },
    '2025-01-10',
  );
  const at2025 = tallyRequests([toReportRecord(c.state)!], 2025).find((t) => t.applicantType === 'natural');
  assert.deepEqual([at2025?.carriedIn, at2025?.completed.r3_1], [1, 1]);
});

test('Spring Festival and National Day: make-up workdays count, holidays do not', () => {
  assert.equal(dueOn(new CaseUnderTest({ submittedOn: '2026-02-06' })), '2026-03-12');
  assert.equal(dueOn(new CaseUnderTest({ submittedOn: '2025-09-26' })), '2025-10-30');
});

test('第三十五条: a reasonable later date needs the reasons asked first and must be later than the due date', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.equal(
    c.try(
      { type: 'set-later-date', on: d('2024-11-10'), laterDate: d('2025-02-28') },
      '2024-11-10',
      '数量巨大',
    )?.code,
    'explanation-not-requested',
  );
  c.do({ type: 'request-explanation', on: d('2024-11-06') }, '2024-11-06');
  assert.equal(c.state.status, 'awaiting-explanation');
  assert.equal(
    c.try(
      { type: 'set-later-date', on: d('2024-11-10'), laterDate: d('2024-11-29') },
      '2024-11-10',
      '数量巨大',
    )?.code,
    'later-date-not-later',
  );
  c.do(
    { type: 'set-later-date', on: d('2024-11-10'), laterDate: d('2025-02-28') },
    '2024-11-10',
    '申请数量巨大，理由合理',
  );
  assert.equal(dueOn(c), '2025-02-28');
});

test('dates in the future or before what already happened are refused, and a closed case takes nothing', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  assert.deepEqual(
    c.try({ type: 'record-reply', on: d('2024-11-30'), outcome: 'r3_1', legalBasis: 'x' }, '2024-11-20'),
    { code: 'date-in-future', date: '2024-11-30', today: '2024-11-20' },
  );
  assert.deepEqual(
    c.try({ type: 'record-reply', on: d('2024-11-01'), outcome: 'r3_1', legalBasis: 'x' }, '2024-11-20'),
    { code: 'date-before-last-event', date: '2024-11-01', lastEventOn: '2024-11-04' },
  );
  assert.equal(
    c.try({ type: 'record-reply', on: d('2024-11-20'), outcome: 'r3_1', legalBasis: ' ' }, '2024-11-20')
      ?.code,
    'reply-without-legal-basis',
  );
  assert.equal(
    c.try({ type: 'record-reply', on: d('2024-11-20'), outcome: 'r3_6_1', legalBasis: 'x' }, '2024-11-20')
      ?.code,
    'outcome-needs-lapse',
  );
  c.do({ type: 'withdraw', on: d('2024-11-20') }, '2024-11-20', '申请人书面撤回');
  assert.deepEqual([c.state.status, c.state.outcome], ['withdrawn', 'r3_6_3']);
  assert.equal(
    c.try({ type: 'record-reply', on: d('2024-11-21'), outcome: 'r3_1', legalBasis: 'x' }, '2024-11-21')
      ?.code,
    'case-closed',
  );
});
