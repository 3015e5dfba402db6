import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractReportText } from './extract-report-text.ts';
import { readReportText } from '../domain/read-report-text.ts';
import { renderPdf } from '../../../platform/rendering/pdf.ts';

const folder = new URL('../../../../test-support/fixtures/reports/', import.meta.url);
const NAMES = [
  'zhongwei-civil-affairs-2021',
  '014-shanghai-gov-office-2025',
  '008-pingtan-2022',
  '003-pingtan-market-regulation-2019',
];

const VARIANTS = [
  ...(['html', 'docx', 'pdf', 'xlsx'] as const).map((kind) => ({
    producer: "the project's exporter",
    file: (name: string) => `variants/${name}.${kind}`,
  })),
  // LibreOffice as an independent producer (scripts/make-libreoffice-variants.sh): Writer tables, Calc's
  // grid of spanned columns, Writer's PDF and HTML, and the plain text opened in Writer.
  ...(['docx', 'pdf', 'html', 'xlsx', 'text.docx', 'text.pdf'] as const).map((kind) => ({
    producer: 'LibreOffice',
    file: (name: string) => `variants/libreoffice/${name}.${kind}`,
  })),
];

for (const name of NAMES) {
  for (const variant of VARIANTS) {
    const file = variant.file(name);
    test(`${file} (made by ${variant.producer}) reads back cell for cell`, async () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, folder), 'utf8')) as {
        format: string;
        agency: string;
        year: number;
        cells: Record<string, number>;
      };
      const bytes = readFileSync(new URL(file, folder));
      const extracted = await extractReportText(file, bytes);
      assert.ok(extracted.ok, JSON.stringify(!extracted.ok && extracted.error));
      const reading = readReportText(extracted.value.text, extracted.value.layout);
      assert.equal(reading.format, expected.format);
      // Every cell, blanks of the PDF's rows included (placed under their headers by position).
      assert.deepEqual(reading.cells, expected.cells);
      assert.deepEqual(reading.extraRows, [], 'no row of the format is taken for an extra one');
      assert.equal(reading.year, expected.year);
      assert.ok(reading.agency && expected.agency.startsWith(reading.agency.replace(/\(.*\)$/, '')));
    });
  }
}

test('bad files end with a named reason', async () => {
  const refusal = async (name: string, bytes: Uint8Array) => {
    const result = await extractReportText(name, bytes);
    return result.ok ? 'read' : result.error.code;
  };
  assert.equal(await refusal('report.exe', Buffer.from('MZ')), 'unsupported-file');
  assert.equal(await refusal('truncated.docx', Buffer.from('PK\x03\x04 broken')), 'unreadable-file');
  assert.equal(await refusal('truncated.pdf', Buffer.from('%PDF-1.7\n1 0 obj')), 'unreadable-file');
  assert.equal(await refusal('junk.xlsx', Buffer.from([0, 1, 2, 3, 4, 5])), 'unreadable-file');
  assert.equal(await refusal('big.txt', new Uint8Array(50 * 1024 * 1024 + 1)), 'file-too-large');
  const scanned = await renderPdf({ content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 100 }] }] });
  assert.equal(
    await refusal('scanned.pdf', scanned),
    'no-text-layer',
    'a scan is said to be one, not guessed',
  );
  const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]); // 年度报告 in GBK
  const text = await extractReportText('old.txt', gbk);
  assert.ok(text.ok && text.value.text === '年度报告');
});
