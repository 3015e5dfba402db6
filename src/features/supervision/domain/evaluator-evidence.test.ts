import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../../../shared/domain/iso-date.ts';
import { evidenceRows, type EvaluatorEvidence } from './evaluator-evidence.ts';

const evidence: EvaluatorEvidence = {
  agency: { id: 'city', name: '某市教育局' },
  year: 2025,
  generatedOn: '2026-01-10' as IsoDate,
  replies: { replied: 0, onTime: 0 },
  publication: { onTimeShare: undefined, publishedLate: 0, overdue: 0 },
  interpretation: { documents: 0, interpreted: 0, withinWorkingDays: 3 },
  messages: { received: 0, answered: 0, answeredOnTime: 0 },
  report: { deadline: '2026-01-31' as IsoDate, deadlineSource: 'law', corrections: 0 },
};

test('the interpretation window is stated as the agency rule, never as a count beside "nothing to count"', () => {
  const row = evidenceRows(evidence).find((r) => r.indicator === '政策解读率')!;
  assert.equal(row.value, '无可计算的事项');
  assert.match(row.basis, /在印发之日起 3 个工作日内（本机关规定的期限）发布配套解读的比例/);
  assert.doesNotMatch(row.basis, /其中 3 件/);
});
