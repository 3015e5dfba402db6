import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutReportTables, placeCells, type TableLayout } from './table-layout.ts';
import { FORMAT_2021, FORMAT_2019 } from '../domain/report-format.ts';
import { huaian2024Cells } from '../../../../test-support/huaian-2024.ts';

function assertFullGrid(layout: TableLayout) {
  const placed = placeCells(layout);
  const slots = new Set<string>();
  for (const cell of placed) {
    for (let r = 0; r < cell.rowSpan; r++)
      for (let c = 0; c < cell.colSpan; c++) {
        const key = `${cell.row + r}:${cell.column + c}`;
        assert.ok(!slots.has(key), `${layout.id}: slot ${key} covered twice`);
        assert.ok(
          cell.column + c < layout.columnCount,
          `${layout.id}: ${cell.text} runs past the last column`,
        );
        slots.add(key);
      }
  }
  assert.equal(
    slots.size,
    layout.rows.length * layout.columnCount,
    `${layout.id}: every slot of the grid is covered once`,
  );
}

test('every table of both formats fills its grid exactly, spans included', () => {
  for (const format of [FORMAT_2021, FORMAT_2019]) {
    const layouts = layoutReportTables({ format: format.id, cells: {} });
    for (const layout of Object.values(layouts)) assertFullGrid(layout);
  }
});

test('table 三 prints the vertical 三、本年度办理结果 cell over 22 rows and every cell id once', () => {
  const { t3 } = layoutReportTables({ format: '2021', cells: huaian2024Cells() });
  const vertical = placeCells(t3).find((c) => c.text === '三、本年度办理结果');
  assert.equal(vertical?.rowSpan, 22);
  const ids = placeCells(t3).flatMap((c) => (c.cellId ? [c.cellId] : []));
  assert.deepEqual(ids, [...FORMAT_2021.tables.t3.cells]);
  const r1Total = placeCells(t3).find((c) => c.cellId === 't3.r1.total');
  assert.equal(r1Total?.text, '3119');
  assert.equal(t3.rows.length, 3 + 25);
});

test('table 四 is one row of 15 numbers under a three-row header', () => {
  const { t4 } = layoutReportTables({ format: '2021', cells: huaian2024Cells() });
  assert.equal(t4.rows.length, 4);
  assert.deepEqual(
    t4.rows[3]?.map((c) => c.text),
    ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20'],
  );
});

test('table 二 keeps the decimal fee amount in 万元', () => {
  const { t2 } = layoutReportTables({ format: '2021', cells: huaian2024Cells() });
  const amount = placeCells(t2).find((c) => c.cellId === 't2.admin_fees.amount_wan');
  assert.equal(amount?.text, '96171.6');
  assert.equal(amount?.colSpan, 3);
});
