/**
 * 《政府信息公开信息处理费管理办法》第三至六条 enforced, not only quoted: no fee in the free tiers, never
 * above the schedule (less is the agency's choice), one method per application, and only while the
 * reply period runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';

// Received in person on 2024-11-04: due 2024-12-02.
const notice = (
  method: 'per-application' | 'per-page',
  amountYuan: number,
  on = '2024-11-11',
  pages?: number,
) =>
  ({
    type: 'issue-fee-notice',
    howToPay: '通过非税收入缴款码缴纳',
    method,
    amountYuan,
    ...(pages !== undefined ? { pages } : {}),
    issuedOn: d(on),
    deliveredOn: d(on),
  }) as const;
const received = (ordinal = 11) => {
  const c = new CaseUnderTest({ channel: 'in-person', submittedOn: '2024-11-04' });
  c.perApplicationOrdinal = ordinal;
  return c;
};

test('no fee for the first ten applications of the month, nor for 30 pages or fewer', () => {
  assert.deepEqual(received(1).try(notice('per-application', 100), '2024-11-11'), {
    code: 'fee-in-free-tier',
    basis: '第 1 件申请',
  });
  assert.deepEqual(received().try(notice('per-page', 50, '2024-11-11', 30), '2024-11-11'), {
    code: 'fee-in-free-tier',
    basis: '共 30 页',
  });
});

test('never more than the schedule; less with a reason', () => {
  assert.deepEqual(received(11).try(notice('per-application', 150), '2024-11-11'), {
    code: 'fee-above-schedule',
    scheduleYuan: 100,
    basis: '第 11 件申请',
  });
  assert.deepEqual(
    received().try(notice('per-page', 101, '2024-11-11', 40), '2024-11-11')?.code,
    'fee-above-schedule',
  );
  const lower = received(11);
  assert.deepEqual(lower.try(notice('per-application', 80), '2024-11-11'), { code: 'reason-required' });
  lower.do(notice('per-application', 80), '2024-11-11', '申请人为在校学生，减半收取');
  assert.deepEqual([lower.state.fees[0]?.amountYuan, lower.state.status], [80, 'awaiting-fee']);
});

test('one method per application, and the notice only while the reply period runs', () => {
  const c = received(11);
  c.do(notice('per-page', 100, '2024-11-11', 40), '2024-11-11');
  c.do({ type: 'record-payment', on: d('2024-11-12'), amountYuan: 100 }, '2024-11-12');
  assert.deepEqual(c.try(notice('per-application', 100, '2024-11-13'), '2024-11-13'), {
    code: 'fee-method-mixed',
    method: 'per-page',
  });
  assert.deepEqual(received(11).try(notice('per-application', 100, '2024-12-03'), '2024-12-03'), {
    code: 'fee-notice-after-deadline',
    dueOn: '2024-12-02',
  });
});

test('a consultation answered while a fee notice waits is recorded, and the fee still waits', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'start-consultation',
      subject: '某公司的数据',
      consultationId: 'c1',
      party: 'third-party',
      partyName: '某公司',
      issuedOn: d('2024-11-05'),
      deliveredOn: d('2024-11-05'),
    },
    '2024-11-05',
  );
  c.do(
    {
      type: 'issue-fee-notice',
      howToPay: '缴款码',
      method: 'per-page',
      pages: 40,
      amountYuan: 100,
      issuedOn: d('2024-11-06'),
      deliveredOn: d('2024-11-06'),
    },
    '2024-11-06',
  );
  assert.equal(c.state.status, 'awaiting-fee');
  c.do(
    { type: 'record-consultation-answer', consultationId: 'c1', on: d('2024-11-08'), position: 'consents' },
    '2024-11-08',
  );
  assert.equal(c.state.consultations[0]?.answeredOn, '2024-11-08');
  assert.equal(c.state.status, 'awaiting-fee');
});
