import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { table3Numbers } from './table3-line-cells.ts';

const shape = (name: string) =>
  readFileSync(new URL(`../../../../test-support/fixtures/reports/shapes/${name}`, import.meta.url), 'utf8');

test('a page’s text whose cells each end with “ | ” (none before the first) and whose zeros are empty cells: read in place', () => {
  const text = shape('web-text-pipes-blank.txt');
  assert.match(text, /\n一、本年新收政府信息公开申请数量 \| 28 \| 2 \| \| \| \| \| 30 \|\n/);
  assert.match(text, /\n\| \| 3\.危及“三安全一稳定” \| \| \| \| \| \| \| 0 \|\n/);
  const reading = readReportText(text);
  assert.deepEqual(reading.cells, readReportText(shape('pdf-text-broken-rows.txt')).cells);
  assert.deepEqual(reading.unread, []);
  assert.equal(reading.sources['t3.r1.org_research']?.blank, true);
  assert.equal(reading.sources['t3.r1.total']?.blank, undefined);
});

test('such a row is read in place only where its 总计 leaves its empty cells nothing else to be', () => {
  const values = (line: string) => table3Numbers(line, 1, '2021').map((n) => n.value);
  assert.deepEqual(
    values('一、本年新收政府信息公开申请数量 | 28 | 2 | | | | | 30 |'),
    [28, 2, 0, 0, 0, 0, 30],
  );
  // Six cells that do not add up to the printed 总计: the empty ones may be lost numbers — as printed.
  assert.deepEqual(values('一、本年新收政府信息公开申请数量 | 28 | 2 | | | | | 31 |'), [28, 2, 31]);
  // An empty 总计 with an empty cell among the six: nothing certain.
  assert.deepEqual(values('一、本年新收政府信息公开申请数量 | 28 | 2 | | | | | |'), [28, 2]);
  // A markdown row followed by a page's empty cells (| … | 0 | ||): the seven before them.
  assert.deepEqual(values('| | 3.危及“三安全一稳定” | | | | | | | 0 | ||'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(
    values('| 一、本年新收政府信息公开申请数量 | 28 | 2 | | | | | 30 | ||'),
    [28, 2, 0, 0, 0, 0, 30],
  );
  assert.deepEqual(values('| 一、本年新收政府信息公开申请数量 | 28 | 2 | | | | | 31 | ||'), [28, 2, 31]);
  // A line of prose that ends with a bar is no row.
  assert.deepEqual(values('本年共收到申请 30 件 |'), [30]);
});
