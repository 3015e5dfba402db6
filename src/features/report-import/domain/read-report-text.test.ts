import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { reportFormat } from '../../annual-report/index.ts';
import { auditReportText } from '../use-cases/audit-report.ts';
import { isTable3Row, splitDigits } from './split-digits.ts';
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
  ) as {
    agency: string;
    year: number;
    format: string;
    consistent?: boolean;
    cells: Record<string, number>;
  },
});

const FIXTURES = [
  'zhongwei-civil-affairs-2021',
  '014-shanghai-gov-office-2025',
  '008-pingtan-2022',
  '003-pingtan-market-regulation-2019',
];

for (const name of FIXTURES) {
  test(`${name}: every cell as the expected JSON says, the rest named as unread`, () => {
    const { text, expected } = fixture(name);
    const reading = readReportText(text);
    assert.equal(reading.format, expected.format);
    assert.equal(reading.year, expected.year);
    assert.ok(reading.agency && expected.agency.startsWith(reading.agency), `${reading.agency}`);
    assert.deepEqual(reading.cells, expected.cells);
    assert.deepEqual(
      reading.unread,
      reportFormat(expected.format as '2021' | '2019').cellIds.filter((c) => !(c in expected.cells)),
    );
    for (const cell of Object.keys(reading.cells)) assert.ok(reading.sources[cell]!.line > 0, cell);
    if (expected.consistent) {
      const failed = auditReportText(text).checks.filter(
        (c) => c.severity === 'error' && c.status === 'fail',
      );
      assert.deepEqual(
        failed.map((c) => c.rule),
        [],
        'a consistent report passes every error rule',
      );
    }
  });
}

test('a cell keeps the line it was read from', () => {
  const { text } = fixture('zhongwei-civil-affairs-2021');
  const reading = readReportText(text);
  const line = text.split('\n')[reading.sources['t3.r1.total']!.line - 1] ?? '';
  assert.match(line, /^一、本年新收政府信息公开申请数量/);
});

test('a run of digits is split only where the arithmetic leaves one way', () => {
  assert.deepEqual(splitDigits('713000074', 7, isTable3Row), [[71, 3, 0, 0, 0, 0, 74]]);
  assert.deepEqual(splitDigits('222', 3), [[2, 2, 2]]);
  assert.equal(splitDigits('20+1737', 3, undefined, 1).length, 3, '+17|37, +173|7 and +1|737 all fit');
  assert.ok(splitDigits('20+1737', 3, undefined, 1).every((values) => values[0] === 20));
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

test('an extra local row in table 三 is set aside and named, the rows of the format still read', () => {
  const { text, expected } = fixture('zhongwei-civil-affairs-2021');
  const withExtra = text.replace(
    /(二、上年结转政府信息公开申请数量[^\n]*\n)/,
    '$1其中：通过网站提交的申请\t3\t0\t0\t0\t0\t0\t3\n',
  );
  assert.notEqual(withExtra, text);
  const reading = readReportText(withExtra);
  assert.deepEqual(reading.cells, expected.cells);
  assert.ok(
    reading.problems.some((p) => p.includes('其中:通过网站提交的申请')),
    reading.problems.join('；'),
  );
});
