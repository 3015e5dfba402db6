/**
 * A number too many — a stray cell a converter, a crawler or a footnote leaves in a row: read only where
 * the row's arithmetic leaves one reading, said; else the cells the readings agree on, the rest with their
 * candidates; in an HTML table's regular grid, a row wider than the others is unread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { extractReportText } from '../extract/extract-report-text.ts';
import { withoutStrayCells } from './stray-cells.ts';
import type { LineNumber } from './text-numbers.ts';
import { misreadAfterEdits, numbersIn } from '../../../../test-support/report-texts.ts';

const fixtures = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const shape = (name: string) => readFileSync(new URL(`shapes/${name}`, fixtures), 'utf8').split('\n');
const row = (values: readonly number[]): LineNumber[] =>
  values.map((value, column) => ({ value, line: 1, column }));
const values = (readings: LineNumber[][]) => readings.map((r) => r.map((n) => n.value));

test('the readings of a row with a number too many: those that add up, each once', () => {
  assert.deepEqual(values(withoutStrayCells(row([7, 7, 0, 0, 0, 0, 0, 7]))), [[7, 0, 0, 0, 0, 0, 7]]);
  assert.deepEqual(values(withoutStrayCells(row([7, 0, 7, 0, 0, 0, 0, 7]))).sort(), [
    [0, 7, 0, 0, 0, 0, 7],
    [7, 0, 0, 0, 0, 0, 7],
  ]);
  assert.deepEqual(values(withoutStrayCells(row([0, 0, 0, 0, 0, 0, 0, 0]))), [[0, 0, 0, 0, 0, 0, 0]]);
  assert.deepEqual(withoutStrayCells(row([5, 1, 0, 0, 0, 0, 9, 3])), [], 'none adds up');
  assert.deepEqual(withoutStrayCells(row([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), [], 'three too many: not tried');
  assert.deepEqual(withoutStrayCells(row([1, 0, 0, 0, 0, 0, 1])), [], 'seven: no stray');
});

/**
 * The made-up PDF text with its row `label` (printed `printed`) printed `as`: the row's natural, first
 * organisation and total cells read, and what is said of its line.
 */
function rowPrinted(row: string, label: string, printed: string, as: string) {
  const lines = shape('pdf-text-broken-rows.txt');
  const at = lines.indexOf(`${label} ${printed}`);
  assert.ok(at > 0, label);
  lines[at] = `${label} ${as}`;
  const reading = readReportText(lines.join('\n'));
  return {
    cells: ['natural', 'org_business', 'total'].map((c) => reading.cells[`t3.${row}.${c}`]),
    said: reading.problems.filter((p) => p.startsWith(`表三第 ${at + 1} 行印出`)),
  };
}

test('table 三: a stray number read past where one reading adds up, and said', () => {
  assert.deepEqual(
    rowPrinted('r1', '一、本年新收政府信息公开申请数量', '28 2 0 0 0 0 30', '28 2 0 0 0 0 30 2'),
    {
      cells: [28, 2, 30],
      said: ['表三第 33 行印出 8 个数字，多了 1 个，去掉多的之后前六个之和等于总计的只有一种，按它读出'],
    },
  );
});

test('table 三: a stray number that leaves two readings: the table’s columns choose, and it is said', () => {
  // 0 1 0 0 0 0 1 and 1 0 0 0 0 0 1 both add up; 一 + 二 = 七 + 四 by column leaves the second.
  assert.deepEqual(rowPrinted('r2', '二、上年结转政府信息公开申请数量', '1 0 0 0 0 0 1', '1 0 1 0 0 0 0 1'), {
    cells: [1, 0, 1],
    said: [
      '表三第 34 行印出 8 个数字，多了 1 个，去掉多的之后前六个之和等于总计的有 2 种，只有一种与表中其他各行的勾稽关系相符，按它读出',
    ],
  });
});

test('an HTML table’s regular grid: a row with a cell more than the others is unread, and said', async () => {
  const name = 'real/shanghai-gov-office-2019.html';
  const extracted = await extractReportText(name, readFileSync(new URL(name, fixtures)));
  assert.ok(extracted.ok);
  const lines = extracted.value.text.split('\n');
  const at = lines.indexOf('2.重复申请\t5\t4\t\t\t\t\t');
  assert.ok(at > 0);
  const before = readReportText(lines.join('\n'));
  assert.equal(before.cells['t3.r3_5_2.org_business'], 4);
  lines[at] = '2.重复申请\t5\t7\t4\t\t\t\t\t';
  const reading = readReportText(lines.join('\n'));
  assert.equal(reading.cells['t3.r3_5_2.natural'], undefined);
  assert.equal(reading.cells['t3.r3_5_2.org_business'], undefined);
  assert.ok(
    reading.problems.some((p) =>
      p.startsWith(`表三第 ${at + 1} 行比表中别的行多一个单元格（2.重复申请|5|7|4`),
    ),
  );
  // The rows around it read as before.
  assert.equal(reading.cells['t3.r3_5_1.total'], before.cells['t3.r3_5_1.total']);
});

test('flattened text: numbers a space apart are never joined into one (0 7 0 0 is no 0 · 70 · 0)', () => {
  const lines = shape('pdf-markdown-continued.txt');
  const at = lines.indexOf('规章 0 0 0');
  assert.ok(at > 0);
  lines[at] = '规章 0 7 0 0';
  const reading = readReportText(lines.join('\n'));
  assert.equal(reading.cells['t2.regulations.repealed'], undefined);
  assert.equal(reading.cells['t2.regulations.in_force'], undefined);
  assert.ok(reading.problems.some((p) => p.includes('“规章”一行读到 4 个数字，应为 3 个')));
});

/** The line with a 7 added after each of its numbers in turn, in a cell of its own as the line parts cells. */
function withStrayNumber(line: string): string[] {
  return numbersIn(line).map(({ at, separator, digits }) => {
    const end = at + separator.length + digits.length;
    const cell = separator.includes('|') ? ' | 7' : separator.includes('\t') ? '\t7' : ' 7';
    return line.slice(0, end) + cell + line.slice(end);
  });
}

test('any one number added in a cell of its own, in every real report and shape: never a wrong number', async () => {
  const { tried, wrong } = await misreadAfterEdits(withStrayNumber);
  assert.ok(tried > 2000, `${tried} cells added`);
  assert.deepEqual(wrong, []);
});
