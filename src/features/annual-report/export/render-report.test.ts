import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { renderReport } from './render-report.ts';
import { buildAnnualReport } from '../domain/build-annual-report.ts';
import { checkConsistency } from '../domain/check-consistency.ts';
import { FORMAT_2021 } from '../domain/report-format.ts';
import type { AnnualReport } from '../domain/annual-report.ts';
import { extractPdfLines } from '../../../platform/rendering/pdf-text.ts';
import { huaian2024Cells } from '../../../../test-support/huaian-2024.ts';

function huaian(name = '淮安市人民政府'): AnnualReport {
  const cells = huaian2024Cells();
  return {
    format: '2021',
    year: 2024,
    agency: { name },
    cells,
    checks: checkConsistency({ format: '2021', cells }),
  };
}

test('the JSON export holds every cell id of the format, zeros included, and the checks', async () => {
  const empty = buildAnnualReport(
    { requests: [], proceedings: [], documents: [], figures: undefined },
    { year: 2024, agencyName: '某局' },
  );
  const json = JSON.parse((await renderReport(empty, 'json')).toString()) as {
    cells: Record<string, number>;
    checks: unknown[];
    format: string;
  };
  assert.deepEqual(Object.keys(json.cells), [...FORMAT_2021.cellIds]);
  assert.ok(Object.values(json.cells).every((v) => v === 0));
  assert.equal(json.format, '2021');
  assert.ok(json.checks.length > 40);
});

test('the HTML export escapes what it prints and marks each value with its cell id', async () => {
  const page = (await renderReport(huaian('<script>alert(1)</script>局'), 'html')).toString();
  assert.ok(!page.includes('<script>alert(1)</script>'));
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;局2024年政府信息公开工作年度报告'));
  assert.match(page, /<td class="value" data-cell="t3\.r1\.total">3119<\/td>/);
  assert.match(page, /<td class="label" rowspan="22">三、本年度办理结果<\/td>/);
  for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '六、其他需要报告的事项'])
    assert.ok(page.includes(heading), heading);
});

test('the XLSX export keeps the merged header cells as printed and the values as numbers', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderReport(huaian(), 'xlsx')) as unknown as ExcelJS.Buffer);
  assert.deepEqual(
    workbook.worksheets.map((w) => w.name),
    ['二、主动公开', '三、依申请公开', '四、复议诉讼', '勾稽关系检查'],
  );
  const t3 = workbook.getWorksheet('三、依申请公开')!;
  const masterOf = (address: string) => t3.getCell(address).master.address;
  assert.equal(masterOf('C4'), 'A2', 'the 3×3 note cell');
  assert.equal(masterOf('J2'), 'D2', '申请人情况 over seven columns');
  assert.equal(masterOf('H3'), 'E3', '法人或其他组织 over five columns');
  assert.equal(masterOf('A28'), 'A7', '三、本年度办理结果 over 22 rows');
  assert.equal(masterOf('D5'), 'D5', 'values are not merged');
  // Row 5 of the sheet is t3.r1 (title row + three header rows): 自然人 … 总计 in columns D–J.
  assert.equal(t3.getCell('A5').value, '一、本年新收政府信息公开申请数量');
  assert.deepEqual(
    ['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => t3.getCell(`${c}5`).value),
    [3001, 53, 0, 0, 61, 4, 3119],
  );
  const t2 = workbook.getWorksheet('二、主动公开')!;
  const amount = t2.getColumn(2).values.find((v) => typeof v === 'number' && !Number.isInteger(v));
  assert.equal(amount, 96171.6);
});

test('the DOCX export reads back with the title, the six headings, drafted figures and the tables', async () => {
  const { value: text } = await mammoth.extractRawText({ buffer: await renderReport(huaian(), 'docx') });
  assert.ok(text.includes('淮安市人民政府2024年政府信息公开工作年度报告'));
  for (const section of FORMAT_2021.sections)
    assert.ok(text.includes(`${section.number}、${section.title}`), section.title);
  assert.ok(text.includes('本年新收政府信息公开申请3119件，上年结转34件；本年办结3050件'));
  assert.ok(text.includes('行政复议351件、行政诉讼46件'));
  assert.ok(text.includes('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'));
  assert.ok(text.includes('96171.6'));
});

test('the PDF export has selectable Chinese text (no Kangxi radicals) and the numbers of the tables', async () => {
  const pdf = await renderReport(huaian(), 'pdf');
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const lines = (await extractPdfLines(pdf)).flat();
  const text = lines.join('\n');
  // The title, in 2号 type, takes two lines.
  assert.ok(lines.join('').includes('淮安市人民政府2024年政府信息公开工作年度报告'));
  assert.ok(text.includes('三、收到和处理政府信息公开申请情况'));
  assert.ok(!/[\u2F00-\u2FD5]/.test(text), 'no Kangxi radicals in the text layer');
  assert.ok(
    lines.some((l) => /一、本年新收政府信息公开申请数量.*3001.*3119/.test(l)),
    'row 一 with its numbers on one line',
  );
  assert.ok(
    lines.some((l) => /72 64 178 37 351 13 4 8 1 26 12 1 1 6 20/.test(l)),
    'table 四 as one row',
  );
});

test('a file that is not the published report says so on every page; a draft says what is still to be written', async () => {
  const notice = '本文件按办理记录统计，不是正式发布的年度报告。';
  const pages = await extractPdfLines(await renderReport(huaian(), 'pdf', { notice }));
  assert.ok(pages.length >= 3);
  for (const [i, page] of pages.entries())
    assert.ok(
      page.some((line) => line.replace(/\s/g, '') === notice),
      `page ${i + 1} carries the notice`,
    );
  const text = pages.flat().join('\n');
  assert.match(text, /【尚待撰写：概述2024年本机关贯彻落实/);
  assert.doesNotMatch(text, /（请/, 'no template prompt is printed as if it were the report');
  assert.ok(
    pages.every((page) => page.some((line) => /^— \d+ —$/.test(line.trim()))),
    'page numbers',
  );
  const plain = (await extractPdfLines(await renderReport(huaian(), 'pdf'))).flat().join('\n');
  assert.ok(!plain.includes(notice), 'the published report carries no such notice');
});

test('the XLSX is ready to print: one page per table, header rows repeated, rows as tall as their text, the notice', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await renderReport(huaian(), 'xlsx', { notice: '不是正式发布的年度报告' })) as unknown as ExcelJS.Buffer,
  );
  for (const name of ['二、主动公开', '三、依申请公开', '四、复议诉讼']) {
    const sheet = workbook.getWorksheet(name)!;
    assert.equal(sheet.getCell('A2').value, '不是正式发布的年度报告', `${name}: the notice on top`);
    assert.deepEqual(
      [
        sheet.pageSetup.fitToPage,
        sheet.pageSetup.fitToWidth,
        sheet.pageSetup.fitToHeight,
        sheet.pageSetup.paperSize,
      ],
      [true, 1, 1, 9],
      name,
    );
    assert.match(sheet.pageSetup.printTitlesRow ?? '', /^3:\d+$/, `${name}: header rows repeated`);
    assert.match(sheet.headerFooter.oddHeader ?? '', /不是正式发布的年度报告/);
  }
  // Table 三's (二) row label wraps in its column: its row is made taller than one line.
  const t3 = workbook.getWorksheet('三、依申请公开')!;
  let tallest = 0;
  t3.eachRow((row) => (tallest = Math.max(tallest, row.height ?? 0)));
  assert.ok(tallest >= 30, `the wrapped rows are heightened (tallest ${tallest} pt)`);
});
