/**
 * Real markdown reports altered in the ways such text differs. An OCR's (沭阳县人民政府 2025: table 三 one
 * block per row under 数据1…数据6): two cells merged, a row's digits run together in one cell, a row lost,
 * the block headers gone, no pipes, a header repeated inside a block, headings without their marks, a
 * letter O for a zero. A PDF's converted (上海市科委 2024: labels in blocks above their rows): separator rows
 * gone, a label block run into one line or lost, a page number inside the table, an unlabelled row lost,
 * spaces for pipes, a row printed twice. Whatever is read is what the report holds, never a wrong number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportText } from './read-report-text.ts';

const folder = new URL('../../../../test-support/fixtures/reports/real/', import.meta.url);
const real = (name: string, map: string) => ({
  text: readFileSync(new URL(name, folder), 'utf8'),
  expected: JSON.parse(readFileSync(new URL(map, folder), 'utf8')).cells as Record<string, number>,
});
const { text, expected } = real('shuyang-county-2025.txt', 'shuyang-county-2025.expected.json');
const pdf = real('shanghai-stc-2024.md', 'shanghai-stc-2024.expected.json');
const LABEL_BLOCK = '（四）无2.没有现成信息需要另\n法提供行制作\n3.补正后申请内容仍不\n明确\n';
const TWICE = '| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n';

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

const PDF_VARIANTS: ReadonlyArray<{ name: string; text: string; read: number; says?: string }> = [
  { name: 'separator rows gone', text: pdf.text.replace(/^\|(-+\|)+\n/gm, ''), read: 200 },
  {
    name: 'a label block run into one line',
    text: pdf.text.replace(LABEL_BLOCK, `${LABEL_BLOCK.replaceAll('\n', '')}\n`),
    read: 200,
  },
  { name: 'a label block lost', text: pdf.text.replace(LABEL_BLOCK, ''), read: 200 },
  {
    name: 'a page number inside the table',
    text: pdf.text.replace('| 8.属于行政查询事项 |', '— 3 —\n| 8.属于行政查询事项 |'),
    read: 200,
  },
  {
    name: 'an unlabelled row lost',
    text: pdf.text.replace(
      '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|---|---|---|---|---|---|---|\n\n（二）部分公开',
      '\n（二）部分公开',
    ),
    read: 193,
    says: '格式在此有 1 行，无法对应',
  },
  {
    name: 'spaces for pipes',
    text: pdf.text.replace(/ \| /g, ' ').replace(/^\| | \|$/gm, ''),
    read: 193,
  },
  {
    name: 'a row printed twice',
    text: pdf.text.replace(TWICE, TWICE + TWICE),
    read: 200,
    says: '“属于行政执法案卷”是格式中已读过的一行，重复出现，未计入',
  },
];

const cases = [
  ...VARIANTS.map((v) => ({ ...v, kind: 'an OCR’s', original: text, map: expected, says: undefined })),
  ...PDF_VARIANTS.map((v) => ({ ...v, kind: 'a PDF’s converted', original: pdf.text, map: pdf.expected })),
];
for (const variant of cases)
  test(`real markdown, ${variant.kind}, altered (${variant.name}): never a wrong cell`, () => {
    assert.notEqual(variant.text, variant.original, 'the alteration applies');
    const reading = readReportText(variant.text);
    const wrong = Object.entries(reading.cells).filter(([cell, value]) => variant.map[cell] !== value);
    assert.deepEqual(wrong, []);
    assert.equal(Object.keys(reading.cells).length, variant.read);
    if (variant.says)
      assert.ok(
        reading.problems.some((p) => p.includes(variant.says!)),
        reading.problems.join('；'),
      );
  });
