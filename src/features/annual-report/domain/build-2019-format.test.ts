import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnnualReport } from './build-annual-report.ts';
import { FORMAT_2019, FORMAT_2021, formatOfYear } from './report-format.ts';
import { selectorForCell } from './cell-selector.ts';
import { renderReportHtml } from '../export/report-html.ts';
import type { ReportFacts } from './report-facts.ts';

const facts: ReportFacts = {
  requests: [
    {
      applicantType: 'natural',
      received: 10,
      carriedIn: 2,
      carriedOut: 3,
      completed: { r3_1: 4, r3_6_1: 2, r3_6_2: 1, r3_6_3: 2 },
    },
  ],
  proceedings: [{ kind: 'review', status: 'upheld', count: 1 }],
  documents: [{ kind: 'normative_doc', made: 3, repealed: 1, inForce: 9 }],
  figures: {
    licensing: 40,
    penalty: 5,
    coercion: 1,
    adminFeesWan: 0,
    entered2019: { 't2.licensing.items_change': -8, 't2.central_procurement.procurement_amount': 251000 },
  },
};

test('a year before 2021 is generated in the 2019 trial format, with its own cells and basis', () => {
  assert.deepEqual([formatOfYear(2019), formatOfYear(2020), formatOfYear(2021)], ['2019', '2019', '2021']);
  const report = buildAnnualReport(facts, { year: 2020, agencyName: '某区民政局' });
  assert.equal(report.format, '2019');
  assert.deepEqual(Object.keys(report.cells), [...FORMAT_2019.cellIds]);
  // （六）其他处理 is one row: the three results of 2021 together.
  assert.equal(report.cells['t3.r3_6.total'], 5);
  assert.equal(report.cells['t3.r3_6.natural'], 5);
  assert.equal(report.cells['t3.r3_6_1.total'], undefined);
  assert.equal(report.cells['t3.r3_7.total'], 9);
  // Table 二: new documents from the register, decisions and the 2019 concepts as entered.
  assert.equal(report.cells['t2.normative_docs.new_made'], 3);
  assert.equal(report.cells['t2.licensing.decisions'], 40);
  assert.equal(report.cells['t2.licensing.items_change'], -8);
  assert.equal(report.cells['t2.central_procurement.procurement_amount'], 251000);
  assert.equal(report.cells['t2.penalty.items_prev_year'], 0, 'not entered: 0, as the 2021 figures');
  const failing = report.checks.filter((c) => c.status === 'fail');
  assert.deepEqual(failing, [], 'R1–R5 hold with 20 result rows');
  const html = renderReportHtml(report);
  assert.match(html, /国办公开办函〔2019〕60号/);
  assert.match(html, /五、政府信息公开工作存在的主要问题及改进情况/);
  assert.doesNotMatch(html, /〔2021〕30号/);
  // A 2021 report stays in its format.
  const later = buildAnnualReport(facts, { year: 2021, agencyName: '某区民政局' });
  assert.deepEqual(Object.keys(later.cells), [...FORMAT_2021.cellIds]);
  assert.equal(later.cells['t3.r3_6_2.total'], 1);
});

test('the 2019 format cells have their selectors; a 2021 id is no 2019 cell', () => {
  for (const cell of FORMAT_2019.cellIds) assert.ok(selectorForCell(cell, '2019'), cell);
  assert.equal(selectorForCell('t3.r3_6_1.total', '2019'), undefined);
  assert.equal(selectorForCell('t2.regulations.made', '2019'), undefined);
  assert.deepEqual(selectorForCell('t3.r3_6.org_legal', '2019'), {
    source: 'requests',
    measure: 'completed',
    outcomes: ['r3_6_1', 'r3_6_2', 'r3_6_3'],
    applicantType: 'org_legal',
  });
});
