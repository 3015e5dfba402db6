import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { isCellPerLine, joinCellPerLine } from './cell-per-line.ts';

const fixtures = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const shape = (name: string) => readFileSync(new URL(`shapes/${name}`, fixtures), 'utf8');
/** The same made-up report as a PDF's text: every cell known. */
const expected = () => readReportText(shape('pdf-text-broken-rows.txt')).cells;

test('a page saved one cell a line (“规章 |”, “/ |”, “28 |”): every cell read, each row’s evidence its label’s line', () => {
  const text = shape('web-cells-per-line.txt');
  assert.match(text, /\n规章 \|\n\/ \|\n\/ \|\n\/ \|\n行政规范性文件 \|\n2 \|\n/);
  const reading = readReportText(text);
  assert.deepEqual(reading.cells, expected());
  assert.deepEqual(reading.unread, []);
  assert.deepEqual(reading.problems, []);
  const lines = text.split('\n');
  const label = lines.indexOf('一、本年新收政府信息公开申请数量 |') + 1;
  assert.equal(reading.sources['t3.r1.total']?.line, label);
  assert.equal(reading.sources['t3.r1.total']?.text, '一、本年新收政府信息公开申请数量 28 2 0 0 0 0 30');
  assert.deepEqual(
    reading.blank,
    ['t2.regulations.made', 't2.regulations.repealed', 't2.regulations.in_force'],
    '“/” is a blank read as 0 (§7), flagged',
  );
});

test('the same page with its zeros printed as empty cells (a lone “|”): blanks, never the next row’s numbers', () => {
  const text = shape('web-cells-blank.txt');
  assert.match(text, /\n一、本年新收政府信息公开申请数量 \|\n28 \|\n2 \|\n\|\n\|\n\|\n\|\n30 \|\n/);
  const reading = readReportText(text);
  assert.deepEqual(reading.cells, expected());
  assert.ok(reading.blank.includes('t3.r1.org_research') && !reading.blank.includes('t3.r1.total'));

  // A label whose bar went to the line under it (行政规范性文件 / | / 2 |): the bar is the label's.
  const wrapped = text
    .replace('行政规范性文件 |\n', '行政规范性文件\n|\n')
    .replace(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） |\n',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n|\n',
    );
  assert.notEqual(wrapped, text);
  assert.deepEqual(readReportText(wrapped).cells, expected());

  // One empty cell lost from （一）予以公开: six cells for seven columns — the row left unread, not shifted.
  const lost = text.replace('（一）予以公开 |\n9 |\n1 |\n|\n', '（一）予以公开 |\n9 |\n1 |\n');
  const short = readReportText(lost);
  for (const column of ['natural', 'org_business', 'total'])
    assert.equal(short.cells[`t3.r3_1.${column}`], undefined, column);
  for (const [cell, value] of Object.entries(short.cells)) assert.equal(value, expected()[cell], cell);
  assert.equal(short.unread.length, 7);
});

test('a page that leaves empty cells out (bars after the printed ones): rows of zeros read, others left unread, never shifted', () => {
  const text = shape('web-cells-omitted.txt');
  assert.match(text, /\n3\.危及“三安全一稳定” \|\n0 \|\n\|{8}\n/);
  assert.match(text, /\n一、本年新收政府信息公开申请数量 \|\n28 \|\n2 \|\n30 \|\n\|{6}\n/);
  const reading = readReportText(text);
  const all = expected();
  for (const [cell, value] of Object.entries(reading.cells)) assert.equal(value, all[cell], cell);
  const rows = (cells: Iterable<string>) =>
    new Set([...cells].map((c) => c.split('.').slice(0, 2).join('.')));
  // Every table 三 row printed as zeros is read; the rows with other numbers are not.
  const zeroRows = [...rows(Object.keys(all))].filter(
    (row) =>
      row.startsWith('t3.') && Object.entries(all).every(([c, v]) => !c.startsWith(`${row}.`) || v === 0),
  );
  for (const row of zeroRows) assert.equal(reading.cells[`${row}.total`], 0, row);
  assert.equal(reading.cells['t3.r3_3_3.total'], 0);
  assert.equal(reading.sources['t3.r3_3_3.natural']?.blank, true);
  for (const row of ['t3.r1', 't3.r3_1', 't3.r3_7'])
    assert.ok(!rows(Object.keys(reading.cells)).has(row), `${row}: its cells' places are unknown`);
  assert.ok(
    reading.problems.includes(
      '“一、本年新收政府信息公开申请数量”一行印出 3 个单元格（28、2、30），应为 7 个，看不出各在哪一列，未读',
    ),
    reading.problems.join('\n'),
  );
  // Table 二's rows of one cell and a bar line are not table 三's: read as printed.
  assert.equal(reading.cells['t2.licensing.decisions'], all['t2.licensing.decisions']);
  assert.deepEqual(
    Object.keys(reading.cells).filter((c) => c.startsWith('t2.') || c.startsWith('t4.')).length,
    25,
  );
});

test('only such a page is rejoined: no other shape, real or made up, is taken for one', () => {
  for (const folder of ['shapes/', 'real/', '']) {
    for (const name of readdirSync(new URL(folder, fixtures))) {
      if (!/\.(txt|md|html)$/.test(name) || name.startsWith('web-cells')) continue;
      const lines = readFileSync(new URL(folder + name, fixtures), 'utf8').split('\n');
      assert.equal(isCellPerLine(lines), false, folder + name);
    }
  }
  // A hostile row of thousands of cells: unread, named with its first ten.
  const notes: string[] = [];
  const row = [
    '一、本年新收政府信息公开申请数量 |',
    ...Array.from({ length: 50_000 }, (_, k) => (k % 3 ? '|' : '9 |')),
  ];
  joinCellPerLine(row, () => 7, notes);
  assert.deepEqual(notes, [
    '“一、本年新收政府信息公开申请数量”一行印出 49999 个单元格（9、空、空、9、空、空、9、空、空、9…），应为 7 个，看不出各在哪一列，未读',
  ]);
  // A hostile text of bars alone: a blank text, in one pass.
  const bars = Array.from({ length: 200_000 }, (_, k) => (k % 2 ? '|' : '|||'));
  assert.equal(isCellPerLine(bars), true);
  assert.ok(joinCellPerLine(bars).every((l) => l === ''));
});

test('表二 numbers printed one a line under their label are the row’s; too few leave it unread', () => {
  const text = shape('pdf-text-broken-rows.txt');
  const below = readReportText(text.replace('行政规范性文件 2 1 9', '行政规范性文件\n2\n1\n9'));
  assert.deepEqual(below.cells, expected());
  const short = readReportText(text.replace('行政规范性文件 2 1 9', '行政规范性文件\n2\n1'));
  for (const column of ['made', 'repealed', 'in_force'])
    assert.equal(short.cells[`t2.normative_docs.${column}`], undefined, column);
  assert.ok(short.problems.some((p) => p.includes('行政规范性文件')));
});
