/**
 * A real OCR's markdown (沭阳县人民政府 2025: table 三 one block per row under 数据1…数据6) altered in the
 * ways OCR output differs — two cells merged, a row's digits run together in one cell, a row lost, the
 * block headers gone, no pipes, a header repeated inside a block, headings without their marks, a letter
 * O for a zero: whatever is read is what the report holds, never a wrong number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';

const folder = new URL('../../../../test-support/fixtures/reports/real/', import.meta.url);
const text = readFileSync(new URL('shuyang-county-2025.txt', folder), 'utf8');
const expected = JSON.parse(readFileSync(new URL('shuyang-county-2025.expected.json', folder), 'utf8'))
  .cells as Record<string, number>;

const BLOCK_HEADER =
  '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n|---|---|---|---|---|---|---|---|\n';
const VARIANTS: ReadonlyArray<{ name: string; text: string; read: number }> = [
  {
    name: 'two cells merged (1 and 0 as 10)',
    text: text.replace('| 290 | 1 | 0 | 0 | 3 | 0 | 294 |', '| 290 | 10 | 0 | 3 | 0 | 294 |'),
    read: 193,
  },
  {
    name: 'a row’s digits run together in one cell',
    text: text.replace('| 13 | 0 | 0 | 0 | 0 | 0 | 13 |', '| 130000013 |'),
    read: 200,
  },
  {
    name: 'a row lost',
    text: text.replace('| 4. 保护第三方合法权益 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n', ''),
    read: 193,
  },
  { name: 'the block headers gone', text: text.replaceAll(BLOCK_HEADER, ''), read: 200 },
  {
    name: 'no pipes',
    text: text.replace(/ \| /g, ' ').replace(/^\| | \|$/gm, ''),
    read: 200,
  },
  {
    name: 'a header repeated inside a block',
    text: text.replace('| 6. 属于四类过程性信息', `${BLOCK_HEADER}| 6. 属于四类过程性信息`),
    read: 200,
  },
  { name: 'headings without their marks', text: text.replace(/^#+ /gm, ''), read: 200 },
  {
    name: 'a letter O for a zero',
    text: text.replace('| 2. 重复申请 | 6 | 1 | 0 |', '| 2. 重复申请 | 6 | 1 | O |'),
    read: 193,
  },
];

for (const variant of VARIANTS)
  test(`a real OCR’s markdown altered (${variant.name}): never a wrong cell`, () => {
    assert.notEqual(variant.text, text, 'the alteration applies');
    const reading = readReportText(variant.text);
    const wrong = Object.entries(reading.cells).filter(([cell, value]) => expected[cell] !== value);
    assert.deepEqual(wrong, []);
    assert.equal(Object.keys(reading.cells).length, variant.read);
  });
