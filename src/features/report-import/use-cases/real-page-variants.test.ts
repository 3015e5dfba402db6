/**
 * A real page (上海市人民政府办公厅 2019, the article's HTML) altered in the ways pages differ — zeros
 * printed blank, a column left out, dashes for blanks, empty cells with no paragraph in them, a row
 * missing, layout cells after each row: whatever is read is what the report holds, never a wrong number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { auditReportFileHere } from './audit-report-here.ts';

const folder = new URL('../../../../test-support/fixtures/reports/real/', import.meta.url);
const page = readFileSync(new URL('shanghai-gov-office-2019.html', folder), 'utf8');
const expected = JSON.parse(readFileSync(new URL('shanghai-gov-office-2019.expected.json', folder), 'utf8'))
  .cells as Record<string, number>;

const table2End = page.indexOf('<p>三、收到');
const VARIANTS: ReadonlyArray<{ name: string; html: string; changed?: RegExp; least: number }> = [
  {
    name: '表二 zeros printed blank',
    html:
      page.slice(0, table2End).replaceAll('<p align="center">0</p>', '<p align="center">&nbsp;</p>') +
      page.slice(table2End),
    least: 180,
  },
  {
    name: '表三 without its 总计 column',
    html: page.replace(
      /<td nowrap="nowrap" style="width:62px;"><p align="center">[^<]*<\/p><\/td><\/tr>/g,
      '</tr>',
    ),
    least: 30,
  },
  {
    name: '表四 blanks printed as dashes',
    html: page.replaceAll('<td style="width:40px;">&nbsp;</td>', '<td style="width:40px;"><p>-</p></td>'),
    least: 198,
  },
  {
    name: 'empty cells with nothing in them',
    html: page.replaceAll('<p align="center">&nbsp;</p>', ''),
    least: 198,
  },
  {
    name: 'a row of 表三 left out',
    html: page.replace(
      /<tr><td nowrap="nowrap" style="width:137px;"><p>3\.危及“三安全一稳定”<\/p><\/td>.*?<\/tr>/,
      '',
    ),
    changed: /^t3\.r3_3_3\./,
    least: 191,
  },
  {
    name: 'layout cells after every row',
    html: page.replaceAll('</p></td></tr>', '</p></td><td></td><td></td></tr>'),
    least: 198,
  },
];

for (const variant of VARIANTS)
  test(`a real page altered (${variant.name}): never a wrong cell`, async () => {
    const audit = await auditReportFileHere({ fileName: 'page.html', bytes: Buffer.from(variant.html) });
    assert.ok(audit.ok);
    const cells = audit.value.reading.cells;
    const wrong = Object.entries(cells).filter(
      ([cell, value]) => !variant.changed?.test(cell) && expected[cell] !== value,
    );
    assert.deepEqual(wrong, []);
    assert.ok(Object.keys(cells).length >= variant.least, `${Object.keys(cells).length} read`);
  });
