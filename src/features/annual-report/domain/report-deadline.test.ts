import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annualReportDueOn } from './report-deadline.ts';

test('F: a county-level department publishes its 2024 report by 2025-01-31, the county government by 2025-03-31 (Art. 49)', () => {
  assert.equal(annualReportDueOn('department', 2024), '2025-01-31');
  assert.equal(annualReportDueOn('government', 2024), '2025-03-31');
});

test('townships have no statutory date: only a local one, never a guess', () => {
  assert.equal(annualReportDueOn('township', 2024), undefined);
  assert.equal(annualReportDueOn('township', 2021, { township: { month: 2, day: 20 } }), '2022-02-20');
});
