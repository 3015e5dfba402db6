// Writes test-support/fixtures/ledger-2024-zh/: the synthetic 2024 ledger as agencies really keep it —
// XLSX with Chinese headers, Chinese applicant types and outcome labels, and mixed date styles (Excel
// date cells, 2024/3/5, 2024年3月5日, 2024.3.5) — plus the requests as a GB18030 CSV.
// Run once: node --import tsx scripts/make-ledger-fixtures.ts (the output is committed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  APPLICANT_TYPE_LABELS,
  outcomeLabel,
  isOutcomeRow,
  isApplicantType,
} from '../src/features/annual-report/index.ts';

const source = 'test-support/fixtures/ledger-2024/';
const target = 'test-support/fixtures/ledger-2024-zh/';
mkdirSync(target, { recursive: true });

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(source + file, 'utf8'), { columns: true }) as Record<string, string>[];
}

function dateCell(iso: string, index: number): string | Date {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (index % 5) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d));
    case 1:
      return `${y}/${m}/${d}`;
    case 2:
      return `${y}年${m}月${d}日`;
    case 3:
      return `${y}.${m}.${d}`;
    default:
      return iso;
  }
}

function outcomeText(value: string, index: number): string {
  if (!isOutcomeRow(value)) return value;
  return index % 2 === 0
    ? outcomeLabel(value)
    : outcomeLabel(value)
        .replace(/^\d+\./, '')
        .replace(/^（[一二]）/, '');
}

async function writeSheet(file: string, headers: string[], data: Array<Array<string | Date>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(headers);
  for (const row of data) sheet.addRow(row);
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
  await workbook.xlsx.writeFile(target + file);
}

const requests = rows('requests.csv');
const requestRows = requests.map((r, i) => [
  r.id ?? '',
  dateCell(r.received_on ?? '', i),
  isApplicantType(r.applicant_type ?? '')
    ? APPLICANT_TYPE_LABELS[r.applicant_type as keyof typeof APPLICANT_TYPE_LABELS]
    : (r.applicant_type ?? ''),
  outcomeText(r.outcome ?? '', i),
  dateCell(r.completed_on ?? '', i + 2),
  r.subject ?? '',
]);
await writeSheet(
  '依申请公开台账.xlsx',
  ['申请编号', '收到申请日期', '申请人类型', '办理结果', '办结日期', '申请内容'],
  requestRows,
);

const csvLines = [['申请编号', '收到申请日期', '申请人类型', '办理结果', '办结日期', '申请内容'].join(',')];
for (const row of requestRows)
  csvLines.push(row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)).join(','));
writeFileSync(target + 'requests-utf8.tmp.csv', csvLines.join('\r\n') + '\r\n');
execFileSync('python3', [
  '-c',
  `import sys;d=open(sys.argv[1],encoding='utf-8').read();open(sys.argv[2],'w',encoding='gb18030',newline='').write(d)`,
  target + 'requests-utf8.tmp.csv',
  target + '依申请公开台账-gbk.csv',
]);
execFileSync('rm', [target + 'requests-utf8.tmp.csv']);

const kinds: Record<string, string> = {
  review: '行政复议',
  lit_direct: '未经复议直接起诉',
  lit_after_review: '复议后起诉',
};
const results: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  '': '',
};
await writeSheet(
  '复议诉讼台账.xlsx',
  ['案件编号', '案件类型', '立案日期', '审理结果', '审结日期', '关联申请编号'],
  rows('reviews.csv').map((r, i) => [
    r.id ?? '',
    kinds[r.kind ?? ''] ?? '',
    dateCell(r.filed_on ?? '', i),
    results[r.result ?? ''] ?? '',
    dateCell(r.decided_on ?? '', i + 1),
    r.request_id ?? '',
  ]),
);
const docKinds: Record<string, string> = { regulation: '规章', normative_doc: '行政规范性文件' };
await writeSheet(
  '规范性文件目录.xlsx',
  ['文件编号', '文件类型', '文件名称', '发文字号', '印发日期', '废止日期'],
  rows('documents.csv').map((r, i) => [
    r.id ?? '',
    docKinds[r.kind ?? ''] ?? '',
    r.title ?? '',
    r.document_number ?? '',
    dateCell(r.issued_on ?? '', i),
    dateCell(r.repealed_on ?? '', i + 3),
  ]),
);
writeFileSync(
  target + '数据.json',
  JSON.stringify(
    { year: 2024, 行政许可: 1467, 行政处罚: 214, 行政强制: 44, 行政事业性收费: 146.39 },
    null,
    1,
  ) + '\n',
);
console.log('wrote', target);
