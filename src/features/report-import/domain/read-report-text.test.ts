import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FORMAT_2021 } from '../../annual-report/index.ts';
import { detectFormat, readReportText } from './read-report-text.ts';
import { numbersOfLine } from './text-numbers.ts';

const fixture = (name: string) => ({
  text: readFileSync(
    new URL(`../../../../test-support/fixtures/reports/${name}.txt`, import.meta.url),
    'utf8',
  ),
  expected: JSON.parse(
    readFileSync(
      new URL(`../../../../test-support/fixtures/reports/${name}.expected.json`, import.meta.url),
      'utf8',
    ),
  ) as { agency: string; year: number; format: string; cells: Record<string, number> },
});

for (const name of ['zhongwei-civil-affairs-2021', '014-shanghai-gov-office-2025']) {
  test(`${name}: every cell as the expected JSON says, the rest named as unread`, () => {
    const { text, expected } = fixture(name);
    const reading = readReportText(text);
    assert.equal(reading.format, expected.format);
    assert.equal(reading.year, expected.year);
    assert.equal(reading.agency, expected.agency);
    assert.deepEqual(reading.cells, expected.cells);
    assert.deepEqual(
      reading.unread,
      FORMAT_2021.cellIds.filter((c) => !(c in expected.cells)),
    );
    for (const cell of Object.keys(reading.cells)) assert.ok(reading.sources[cell]!.line > 0, cell);
  });
}

test('a cell keeps the line it was read from', () => {
  const { text } = fixture('zhongwei-civil-affairs-2021');
  const reading = readReportText(text);
  const line = text.split('\n')[reading.sources['t3.r1.total']!.line - 1] ?? '';
  assert.match(line, /^一、本年新收政府信息公开申请数量/);
});

test('a text whose tables run together is not guessed: nothing is read and the reason is given', () => {
  const { text } = fixture('008-pingtan-2022');
  const reading = readReportText(text);
  assert.equal(reading.format, '2021');
  assert.deepEqual(reading.cells, {});
  assert.equal(reading.unread.length, 200);
  assert.ok(reading.problems.length > 0);
});

test('numbers of a line: separators, blanks as zero, no label enumerators or page marks', () => {
  assert.deepEqual(
    numbersOfLine('| 1.属于国家秘密 | 4 | - | / | 1,234 | 无 | 0 | 4 |', 7).map((n) => n.value),
    [4, 0, 0, 1234, 0, 0, 4],
  );
  assert.deepEqual(numbersOfLine('— 5 —', 1), []);
  assert.equal(detectFormat('信息内容 本年新制作数量 本年新公开数量'), '2019');
  assert.equal(detectFormat('没有表格的文字'), undefined);
});
