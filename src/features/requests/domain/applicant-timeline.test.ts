import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseUnderTest, d } from '../../../../test-support/case-builder.ts';
import { applicantTimeline } from './applicant-timeline.ts';

test('the applicant’s timeline says each step in plain words, without whom the agency consulted or who approved', () => {
  const c = new CaseUnderTest({ submittedOn: '2024-11-04' });
  c.do(
    {
      type: 'start-consultation',
      subject: '某公司的经营数据',
      consultationId: 'c1',
      party: 'third-party',
      partyName: '某某置业有限公司',
      issuedOn: d('2024-11-05'),
      deliveredOn: d('2024-11-06'),
    },
    '2024-11-06',
  );
  c.do(
    { type: 'record-consultation-answer', consultationId: 'c1', on: d('2024-11-12'), position: 'consents' },
    '2024-11-12',
  );
  c.do(
    {
      type: 'grant-extension',
      workingDays: 10,
      approvedBy: '李主任',
      approvedOn: d('2024-11-20'),
      noticeSentOn: d('2024-11-20'),
    },
    '2024-11-20',
    '需要调取档案',
  );
  c.do(
    {
      type: 'issue-fee-notice',
      howToPay: '非税收入缴款码',
      method: 'per-page',
      pages: 40,
      amountYuan: 100,
      issuedOn: d('2024-11-21'),
      deliveredOn: d('2024-11-21'),
    },
    '2024-11-21',
  );
  c.do({ type: 'record-payment', on: d('2024-11-25'), amountYuan: 100 }, '2024-11-25');
  c.do(
    {
      type: 'record-reply',
      on: d('2024-11-28'),
      outcome: 'r3_1',
      legalBasis: '《条例》第三十六条第（二）项',
    },
    '2024-11-28',
  );
  const timeline = applicantTimeline(c.history);
  assert.deepEqual(
    timeline.map((e) => [e.on, e.title]),
    [
      ['2024-11-04', '提交申请'],
      ['2024-11-04', '收到申请'],
      ['2024-11-05', '征求意见'],
      ['2024-11-12', '征求意见结束'],
      ['2024-11-20', '延长答复期限 10 个工作日'],
      ['2024-11-21', '收费通知：信息处理费 100 元'],
      ['2024-11-25', '已缴费 100 元'],
      ['2024-11-28', '答复'],
    ],
  );
  const text = JSON.stringify(timeline);
  assert.ok(!text.includes('某某置业') && !text.includes('李主任'), 'no third party and no approver');
  assert.match(text, /理由：需要调取档案/);
  assert.match(text, /缴费方式：非税收入缴款码；请于 \d{4}-\d{2}-\d{2} 前缴纳/);
  assert.match(timeline.at(-1)?.detail ?? '', /^办理结果：予以公开/);
});
