/**
 * A cell lost without trace — a number gone with its separator, as a conversion or a crawler drops one —
 * anywhere in a real report or a made-up shape: whatever is read is what the report holds, never a number
 * in another cell; and the rules that make it so, each on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';
import { misreadAfterEdits, numbersIn } from '../../../../test-support/report-texts.ts';

const fixtures = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const shapes = new URL('shapes/', fixtures);

/** The line with one number cut out together with its separator (before it, or after it at the start). */
function withoutNumbers(line: string): string[] {
  return numbersIn(line).map(({ at, separator, digits }) => {
    const end = at + separator.length + digits.length;
    const gone = separator ? end : end + (line.slice(end).match(/^[\s|]+/)?.[0].length ?? 0);
    // A leading pipe stays: the row still starts as a row.
    const kept = separator && at === 0 ? separator.replace(/[^|]/g, '') : '';
    return line.slice(0, at) + kept + line.slice(gone);
  });
}

test('any one number lost with its cell, in every real report and shape: never a wrong number', async () => {
  const { tried, wrong } = await misreadAfterEdits(withoutNumbers);
  assert.ok(tried > 2000, `${tried} cells cut`);
  assert.deepEqual(wrong, []);
});

/** The made-up report of PDF text, with some of its lines replaced: line → the lines put in its place. */
function changed(replace: Readonly<Record<string, readonly string[]>>): string {
  const lines = readFileSync(new URL('pdf-text-broken-rows.txt', shapes), 'utf8').split('\n');
  for (const [from, to] of Object.entries(replace)) {
    const at = lines.indexOf(from);
    assert.ok(at >= 0, from);
    lines.splice(at, 1, ...to);
  }
  return lines.join('\n');
}
const REGULATIONS = '规章 0 0 0';
const NORMATIVE = '行政规范性文件 2 1 9';
const T2_HEADER = '信息内容 本年制发件数 本年废止件数 现行有效件数';
const T4_ROW = '2 1 0 0 3 1 0 0 1 2 0 0 0 0 0';
const FIVE = '五、存在的主要问题及改进情况';

const cellsOf = (text: string, table: string) => {
  const reading = readReportText(text);
  return {
    cells: Object.fromEntries(Object.entries(reading.cells).filter(([c]) => c.startsWith(table))),
    problems: reading.problems.filter((p) => p.startsWith(table === 't4.' ? '表四' : '表二')),
  };
};
const regulations = (text: string) => cellsOf(text, 't2.regulations.');

test('table 二: two numbers of three are 制发 and 现行有效 where no row prints three, else unread', () => {
  const blanksLeftOut = changed({ [REGULATIONS]: ['规章 22 235'], [NORMATIVE]: ['行政规范性文件 34 189'] });
  assert.deepEqual(regulations(blanksLeftOut).cells, {
    't2.regulations.made': 22,
    't2.regulations.in_force': 235,
  });
  const oneLost = regulations(changed({ [REGULATIONS]: ['规章 22 235'] }));
  assert.deepEqual(oneLost.cells, {});
  assert.deepEqual(oneLost.problems, [
    '表二“规章”一行读到 2 个数字（22、235），表中别的行印出 3 个，看不出少了哪一格，未读',
  ]);
});

test('table 二: a row of cells with fewer than its table prints lost one — unread, and said', () => {
  const markdown = regulations(
    changed({
      [T2_HEADER]: ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|'],
      [REGULATIONS]: ['| 规章 | 22 | 235 |'],
    }),
  );
  assert.deepEqual(markdown.cells, {});
  assert.deepEqual(markdown.problems, ['表二“规章”一行印出 3 个单元格，表格有 4 列，看不出少了哪一格，未读']);
  // A table converted with its empty column left out (the row as wide as its own separator) reads.
  const narrow = regulations(
    changed({
      [REGULATIONS]: ['| 规章 | 22 | 235 |', '|---|---|---|'],
      [NORMATIVE]: ['| 行政规范性文件 | 34 | 189 |', '|---|---|---|'],
    }),
  );
  assert.deepEqual(narrow.cells, { 't2.regulations.made': 22, 't2.regulations.in_force': 235 });
  const tabbed = regulations(changed({ [REGULATIONS]: ['规章\t22\t235'] }));
  assert.deepEqual(tabbed.cells, {});
  assert.deepEqual(tabbed.problems, ['表二“规章”一行印出 2 个数字单元格，应为 3 个，看不出少了哪一格，未读']);
  // Its empty cell printed (a blank 本年废止件数): as wide as the format's row, read in place.
  assert.deepEqual(regulations(changed({ [REGULATIONS]: ['规章\t22\t\t235'] })), {
    cells: { 't2.regulations.made': 22, 't2.regulations.in_force': 235 },
    problems: [],
  });
});

const table4 = (rows: readonly string[]) => {
  const { cells, problems } = cellsOf(changed({ [T4_ROW]: rows }), 't4.');
  return { cells: Object.keys(cells).length, problems };
};

test('table 四: the table ends at a sentence or a markdown heading of 五 — a year in the text is no cell', () => {
  const fourteen = '1 0 0 3 1 0 0 1 2 0 0 0 0 0';
  assert.deepEqual(table4([fourteen, '（一）2024 年工作中存在问题的改进情况']), {
    cells: 0,
    problems: ['表四只读到 14 个数字，应为 15 个'],
  });
  const lines = readFileSync(new URL('pdf-text-broken-rows.txt', shapes), 'utf8').split('\n');
  const heading = lines.map((l) => (l === FIVE ? `## ${FIVE}` : l === T4_ROW ? fourteen : l));
  heading.splice(heading.indexOf(`## ${FIVE}`) + 1, 0, '2024 年');
  assert.deepEqual(cellsOf(heading.join('\n'), 't4.').problems, ['表四只读到 14 个数字，应为 15 个']);
  assert.equal(table4([T4_ROW, '（一）2024 年工作中存在问题的改进情况']).cells, 15);
});

test('table 四: a markdown row shorter than its table, or rows that split otherwise and do not add up, are unread', () => {
  const block = (row: string) => [
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '|---|---|---|---|---|',
    row,
  ];
  const short = table4([
    ...block('| 1 | 0 | 0 | 3 |'),
    ...block('| 1 | 0 | 0 | 1 | 2 |'),
    ...block('| 0 | 0 | 0 | 0 | 0 |'),
  ]);
  assert.equal(short.cells, 0);
  assert.deepEqual(short.problems, [
    '表四第 75 行印出 4 个单元格，表格有 5 列，少了一格，看不出是哪一格，未读',
  ]);
  // 4 + 5 + 5 + 1: a row that lost a number took the next one's — the groups do not add up.
  assert.deepEqual(table4(['1 0 0 3', '1 0 0 1 2', '0 0 0 0 0', '7']), {
    cells: 0,
    problems: ['表四的数字分在几行（4、5、5、1 个），各组之和与总计不符，看不出各在哪一格，未读'],
  });
  // A wrapped row (8 + 7) whose groups add up reads.
  assert.equal(table4(['2 1 0 0 3 1 0 0', '1 2 0 0 0 0 0']).cells, 15);
});
/** The reading of a report with the line starting `start` printed as `as`. */
function readWith(file: URL, start: string, as: string) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[lines.findIndex((l) => l.startsWith(start))] = as;
  return readReportText(lines.join('\n'));
}

test('table 三: a markdown row that lost a cell is not read with its table’s trailing empty column as 总计', () => {
  const { cells, problems } = readWith(
    new URL('real/shanghai-stc-2024.md', fixtures),
    '| 一、本年新收政府信息公开申请数量 | 32 | 2 |',
    '| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 34 |  |',
  );
  assert.equal(cells['t3.r1.total'], undefined);
  assert.equal(cells['t3.r2.total'], 2);
  // The row is named with what it printed.
  assert.ok(
    problems.includes(
      '表三第 102 行（| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 34 | |）读到 6 个数字，不成一行（应为 7 个，前六个之和等于总计），未读',
    ),
    problems.join('\n'),
  );
});

test('table 三: of two rows’ labels above a row of numbers (the upper one lost its numbers), the nearer names it', () => {
  const { cells } = readWith(new URL('ocr-blocks.txt', shapes), '（一）予以公开 ', '（一）予以公开');
  assert.equal(cells['t3.r3_1.total'], undefined);
  assert.equal(cells['t3.r3_2.total'], 6);
});
