/** Reports converted to markdown (a PDF's, an OCR's): headings, header blocks, empty cells, titles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';

const real = (name: string) =>
  readFileSync(new URL(`../../../../test-support/fixtures/reports/real/${name}`, import.meta.url), 'utf8');

test('markdown (a real OCR’s): tables found under “## 二、…” headings, dashes of empty header blocks no row', () => {
  const text = real('shuyang-county-2025.txt');
  assert.match(text, /\n## 二、主动公开政府信息情况\n/);
  assert.match(text, /\| - \| - \| - \| - \| - \|/);
  const reading = readReportText(text);
  assert.equal(reading.cells['t2.licensing.decisions'], 517645);
  assert.equal(reading.cells['t3.r1.total'], 713);
  assert.deepEqual(reading.extraRows, [], 'no row made of the dashes of three header blocks');
  assert.deepEqual(reading.problems, []);
});

test('a markdown row with its 总计 empty beside six printed cells reads the sum; with one of the six empty too, unread', () => {
  const text = real('shanghai-stc-2024.md');
  const printed = '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |';
  assert.ok(text.includes(printed));
  const reading = readReportText(text);
  assert.equal(reading.cells['t3.r4.total'], 1);
  assert.ok(reading.blank.includes('t3.r4.total'), 'named as printed blank');
  assert.ok(!reading.blank.includes('t3.r4.natural'));
  // A cell lost by the converter cannot be told from a blank one: nothing is read of that row.
  const lost = readReportText(text.replace(printed, '| 四、结转下年度继续办理 | 1 | 0 |  | 0 | 0 | 0 |  |'));
  assert.equal(lost.cells['t3.r4.natural'], undefined);
  assert.equal(lost.cells['t3.r4.total'], undefined);
});

test('a markdown title names the agency without its marks', () => {
  const reading = readReportText(real('shuyang-county-2025.txt'));
  assert.equal(reading.agency, '沐阳县人民政府', 'as the OCR printed it (沐 for 沭), without “#”');
  assert.equal(reading.year, 2025);
});
