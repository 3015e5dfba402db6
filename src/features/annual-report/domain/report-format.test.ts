import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_2021, FORMAT_2019 } from './report-format.ts';

test('the 2021 format has 10 + 175 + 15 cells with the spec ids', () => {
  assert.equal(FORMAT_2021.tables.t2.cells.length, 10);
  assert.equal(FORMAT_2021.tables.t3.cells.length, 175);
  assert.equal(FORMAT_2021.tables.t4.cells.length, 15);
  assert.equal(new Set(FORMAT_2021.cellIds).size, 200);
  for (const id of [
    't2.normative_docs.in_force',
    't3.r3_3_4.org_legal',
    't4.lit_direct.pending',
    't2.admin_fees.amount_wan',
  ]) {
    assert.ok(FORMAT_2021.cellIds.includes(id), id);
  }
});

test('t4 cells follow the printed order n1…n15', () => {
  assert.deepEqual(FORMAT_2021.tables.t4.cells.slice(0, 6), [
    't4.review.upheld',
    't4.review.corrected',
    't4.review.other',
    't4.review.pending',
    't4.review.total',
    't4.lit_direct.upheld',
  ]);
});

// The spec's §9 says "R2 (20 leaves)" for 2019, but its own count (the vertical cell spans 20 rows
// including （七）总计) gives 19 leaves: 2 + 8 + 3 + 5 + 1.
test('table 三 has 21 result leaves in 2021 and 19 in the 2019 trial format', () => {
  assert.equal(FORMAT_2021.resultLeafRows.length, 21);
  assert.equal(FORMAT_2019.resultLeafRows.length, 19);
  assert.ok(FORMAT_2019.resultLeafRows.includes('r3_6'));
  assert.ok(!FORMAT_2019.cellIds.includes('t3.r3_6_1.total'));
});

test('the six sections keep their printed headings', () => {
  assert.deepEqual(
    FORMAT_2021.sections.map((s) => `${s.number}、${s.title}`),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  assert.equal(FORMAT_2019.sections[4]?.title, '政府信息公开工作存在的主要问题及改进情况');
});

test('the 2019 table 二 has its own columns; amounts are decimal, 本年增/减 signed', () => {
  assert.ok(FORMAT_2019.cellIds.includes('t2.central_procurement.procurement_amount'));
  assert.ok(FORMAT_2019.cellIds.includes('t2.admin_fees.items_change'));
  assert.ok(!FORMAT_2019.cellIds.includes('t2.admin_fees.decisions'));
  assert.ok(FORMAT_2019.signedCells.has('t2.licensing.items_change'));
  assert.ok(FORMAT_2021.decimalCells.has('t2.admin_fees.amount_wan'));
  assert.equal(FORMAT_2021.decimalCells.size, 1);
});
